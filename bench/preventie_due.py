# SPDX-License-Identifier: EUPL-1.2
"""The due-worklist of periodic information moments at national scale.

Seeds N synthetic clients (with the prevention demo data: information moments, change reports), then
times the worklist query: the system-wide count, a consultant's own first page and count, a
three-municipality first page, and the scheduled job that turns the due list into reminders.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_preventie_bench \\
       PYTHONPATH=src .venv/bin/python bench/preventie_due.py --clients 420000 [--reuse]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def _time(label: str, fn: Callable[[], Any], repeat: int) -> Any:
    timings, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{label}: median {statistics.median(timings):,.1f} ms, max {max(timings):,.1f} ms "
        f"({repeat}x) -> {result if isinstance(result, int) else len(result)}"
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=420_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from naleving.accounts.models import Gemeente, Rol, User
    from naleving.clienten.models import Client
    from naleving.preventie.models import Herinnering, Informatiemoment, Wijzigingsmelding
    from naleving.preventie.selectors import periodiek_due
    from naleving.preventie.services import maak_herinneringen

    call_command("migrate", interactive=False, verbosity=0)
    if not (args.reuse and Client.objects.exists()):
        from naleving.demodata.seed import seed_database

        started = time.perf_counter()
        seed_database(
            clients=args.clients, years=args.years, seed_value=2026, progress=sys.stderr.isatty()
        )
        seconds = time.perf_counter() - started
        print(f"seed: {args.clients:,} clients in {seconds:.1f} s (incl. prevention demo data)")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    print(
        f"rows: clients {Client.objects.count():,}, informatiemomenten "
        f"{Informatiemoment.objects.count():,}, wijzigingsmeldingen "
        f"{Wijzigingsmelding.objects.count():,}"
    )
    peildatum = timezone.localdate()
    alle = periodiek_due(user=None, peildatum=peildatum)
    _time("due count, all clients (system job)", alle.count, args.repeat)
    _time("due first 100, all clients, longest first", lambda: list(alle[:100]), args.repeat)
    op_nummer = periodiek_due(user=None, peildatum=peildatum, langst_geleden_eerst=False)
    _time("due first 100, all clients, by number", lambda: list(op_nummer[:100]), args.repeat)

    consulent = (
        User.objects.filter(rol_id="inkomensconsulent", clienten__isnull=False)
        .order_by("pk")
        .first()
    )
    assert consulent is not None
    eigen = periodiek_due(user=consulent, peildatum=peildatum).filter(consulent=consulent)
    _time(f"due count, own caseload of {consulent.username}", eigen.count, args.repeat)
    _time("due first 100, own caseload (the worklist page)", lambda: list(eigen[:100]), args.repeat)

    breed, _ = User.objects.get_or_create(
        username="bench-preventie", defaults={"rol": Rol.objects.get(code="inkomensconsulent")}
    )
    breed.gemeenten.set(Gemeente.objects.all())
    scoped = periodiek_due(user=breed, peildatum=peildatum, langst_geleden_eerst=False)
    _time("due first 100, three municipalities ('alle')", lambda: list(scoped[:100]), args.repeat)

    if connection.vendor == "postgresql":
        sql, params = alle.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM ({sql}) t", params
            )
            print("plan (count, all clients):")
            for (line,) in cursor.fetchall():
                print("   ", line)

    Herinnering.objects.all().delete()
    started = time.perf_counter()
    aantallen = maak_herinneringen()
    print(f"scheduled job, first run: {aantallen} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    aantallen = maak_herinneringen()
    print(
        f"scheduled job, second run (idempotent): {aantallen} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
