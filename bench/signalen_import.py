# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: import of a 100,000-row signal file, against a raw bulk insert of the same rows.

    NALEVING_VAR_DIR=$(mktemp -d) PYTHONPATH=src python bench/signalen_import.py      # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_bench PYTHONPATH=src \\
        python bench/signalen_import.py                                             # PostgreSQL

Reports rows/s of the real import (validation, client match, grouping, history rows, audit), rows/s
of a raw `executemany` INSERT of the same rows into the signal table (and on PostgreSQL of a raw
COPY), their ratio, and the peak Python memory (tracemalloc) of the import at two file sizes to show
it is flat in file size. Goal (issue 4): >= 20,000 rows/s on PostgreSQL, within 3x of the raw
insert.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")


def make_file(path: Path, rows: int, bsns: list[str], seed: int = 1) -> None:
    rng = random.Random(seed)
    products = [
        "inkomstenverhouding",
        "detentie",
        "vermogen",
        "voertuig",
        "huishouden",
        "box1_box3",
    ]
    start = date(2025, 1, 1)
    with path.open("w", encoding="utf-8") as f:
        f.write("extern_id,product,bsn,datum,omschrijving,bron_kenmerk\n")
        for i in range(rows):
            f.write(
                f"B{seed}-{i:08d},{rng.choice(products)},{rng.choice(bsns)},"
                f"{start + timedelta(days=rng.randint(0, 300))},Samenloopsignaal {i},"
                f"SL{rng.randint(1, 9999)}\n"
            )


def setup_clients(n: int) -> list[str]:
    from naleving.accounts.models import Gemeente
    from naleving.clienten.models import Client
    from naleving.core.bsn import BsnGenerator

    gemeente, _ = Gemeente.objects.get_or_create(cbs_code="0867", defaults={"naam": "Waalwijk"})
    existing = list(Client.objects.values_list("bsn", flat=True)[:n])
    if len(existing) >= n:
        return existing
    gen = BsnGenerator(random.Random(99))
    taken = set(Client.objects.values_list("bsn", flat=True))
    new = []
    start = Client.objects.count()
    for i in range(n - len(existing)):
        bsn = next(b for b in gen if b not in taken)
        new.append(
            Client(
                clientnummer=f"B{start + i:07d}",
                bsn=bsn,
                voornamen="Bench",
                achternaam="Client",
                zoeknaam="client bench",
                geboortedatum=date(1980, 1, 1),
                straat="Straat",
                huisnummer="1",
                postcode="5141 AA",
                woonplaats="Waalwijk",
                gemeente=gemeente,
            )
        )
    Client.objects.bulk_create(new, batch_size=2000)
    return existing + [c.bsn for c in new]


def wipe() -> None:
    """Plain DELETEs: the ORM would load every signal to collect cascades."""
    from django.db import connection, transaction

    tabellen = [
        "signaalovergang",
        "triagebesluit",
        "taak",
        "aanvulling",
        "bijlage",
        "melding",
        "signaal",
        "signaalgroep",
        "signaalimport",
    ]
    with transaction.atomic(), connection.cursor() as cur:
        for tabel in tabellen:
            cur.execute(f"DELETE FROM signalen_{tabel}")


CPU: dict[str, float] = {}


def run_import(path: Path, bron: str, label: str = "") -> tuple[float, int]:
    from naleving.signalen.importeren import importeer

    t0, c0 = time.perf_counter(), time.process_time()
    with path.open("rb") as stream:
        r = importeer(stream=stream, bestandsnaam=path.name, bron_naam=bron, user=None)
    CPU[label] = time.process_time() - c0
    return time.perf_counter() - t0, r.nieuw


RAW_KOLOMMEN = (
    "bron, bron_naam, extern_id, product, bsn, datum, omschrijving, payload, status, uitkomst, "
    "anoniem, ontvangen_op, termijn, onderzoek_ref"
)


def raw_rows(f: Any) -> Iterator[tuple[Any, ...]]:
    """The file's rows as bare signal rows: parsed with csv, nothing checked, matched or grouped."""
    import csv
    import json

    from django.utils import timezone

    now = timezone.now()
    termijn = timezone.localdate() + timedelta(days=14)
    reader = csv.reader(f)
    next(reader)
    for ext, product, bsn, datum, oms, kenmerk in reader:
        yield (
            "ketenpartner",
            "RAW",
            ext,
            product,
            bsn,
            datum,
            oms,
            json.dumps({"bron_kenmerk": kenmerk}),
            "ontvangen",
            "",
            False,
            now,
            termijn,
            "",
        )


def run_raw(path: Path) -> float:
    """The same rows inserted with one executemany per 2,000 rows, in one transaction."""
    from django.db import connection, transaction

    sql = f"INSERT INTO signalen_signaal ({RAW_KOLOMMEN}) VALUES ({', '.join(['%s'] * 14)})"
    t0, c0 = time.perf_counter(), time.process_time()
    with (
        transaction.atomic(),
        connection.cursor() as cur,
        path.open(encoding="utf-8", newline="") as f,
    ):
        batch = []
        for row in raw_rows(f):
            batch.append(row)
            if len(batch) == 2000:
                cur.executemany(sql, batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
    CPU["raw"] = time.process_time() - c0
    return time.perf_counter() - t0


def run_raw_copy(path: Path) -> float:
    """PostgreSQL only: the same rows through COPY, the fastest raw bulk insert there is."""
    from django.db import connection, transaction

    t0, c0 = time.perf_counter(), time.process_time()
    with (
        transaction.atomic(),
        connection.cursor() as cur,
        path.open(encoding="utf-8", newline="") as f,
        cur.cursor.copy(f"COPY signalen_signaal ({RAW_KOLOMMEN}) FROM STDIN") as copy,
    ):
        for row in raw_rows(f):
            copy.write_row(row)
    CPU["raw copy"] = time.process_time() - c0
    return time.perf_counter() - t0


def peak_memory(path: Path, bron: str) -> float:
    tracemalloc.start()
    run_import(path, bron)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20_000)
    args = parser.parse_args()

    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    bsns = setup_clients(args.clients)
    # Half the rows match a client, half do not (unmatched queue).
    from naleving.core.bsn import BsnGenerator

    gen = BsnGenerator(random.Random(7))
    known = set(bsns)
    vreemd = [b for b, _ in zip((b for b in gen if b not in known), range(len(bsns)), strict=False)]
    pool = bsns + vreemd
    tmp = Path(tempfile.mkdtemp())
    big, small = tmp / "signalen.csv", tmp / "klein.csv"
    make_file(big, args.rows, pool, seed=1)
    make_file(small, args.rows // 10, pool, seed=2)
    print(
        f"database: {connection.vendor}; rows: {args.rows}; file: {big.stat().st_size / 1e6:.1f} MB"
    )

    wipe()
    t_import, nieuw = run_import(big, "Bench", "import")
    assert nieuw == args.rows, nieuw
    t_again, _ = run_import(big, "Bench", "again")  # idempotent re-send: adds nothing
    wipe()
    t_raw = run_raw(big)
    wipe()
    t_copy = run_raw_copy(big) if connection.vendor == "postgresql" else None
    wipe()
    mem_small = peak_memory(small, "BenchKlein")
    wipe()
    mem_big = peak_memory(big, "BenchGroot")
    wipe()
    print("                 wall       rows/s (wall)   client CPU   rows/s (client CPU)")
    rijen = [
        ("import", t_import, CPU["import"]),
        ("re-send (idem)", t_again, CPU["again"]),
        ("raw insert", t_raw, CPU["raw"]),
    ]
    if t_copy is not None:
        rijen.append(("raw COPY", t_copy, CPU["raw copy"]))
    for naam, t, cpu in rijen:
        print(
            f"{naam:15s} {t:6.2f} s  {args.rows / t:12,.0f}   "
            f"{cpu:8.2f} s  {args.rows / cpu:12,.0f}"
        )
    print(
        f"ratio import/raw: {t_import / t_raw:.2f}x wall, "
        f"{CPU['import'] / CPU['raw']:.2f}x client CPU"
    )
    if t_copy is not None:
        print(f"ratio import/raw COPY: {t_import / t_copy:.2f}x wall")
    print(f"load average at end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"peak memory (tracemalloc): {args.rows // 10} rows {mem_small:.1f} MB; "
        f"{args.rows} rows {mem_big:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
