# SPDX-License-Identifier: EUPL-1.2
"""Seed N synthetic clients (timed), report the database size, then time 200 client searches.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_bench \\
       .venv/bin/python bench/seed_and_search.py --clients 420000 [--reuse]
The database is migrated first; with --reuse an already seeded database is searched without seeding again.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=420_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from naleving.accounts.models import Gemeente, Rol, User
    from naleving.clienten.models import Client, Contactmoment, Uitkering
    from naleving.clienten.selectors import client_search
    from naleving.demodata.seed import seed_database

    call_command("migrate", interactive=False, verbosity=0)
    if not (args.reuse and Client.objects.exists()):
        started = time.perf_counter()
        seed_database(
            clients=args.clients, years=args.years, seed_value=2026, progress=sys.stderr.isatty()
        )
        seconds = time.perf_counter() - started
        print(
            f"seed: {args.clients} clients in {seconds:.1f} s ({args.clients / seconds:,.0f} clients/s)"
        )
    print(
        f"rows: clients {Client.objects.count():,}, uitkeringen {Uitkering.objects.count():,}, "
        f"contactmomenten {Contactmoment.objects.count():,}"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            print(f"database size: {cursor.fetchone()[0]}")
    elif connection.vendor == "sqlite":
        print(f"database size: {os.path.getsize(connection.settings_dict['NAME']) / 1e6:.0f} MB")

    user, _ = User.objects.get_or_create(
        username="bench-consulent", defaults={"rol": Rol.objects.get(code="inkomensconsulent")}
    )
    user.gemeenten.set(Gemeente.objects.all())
    rng = random.Random(7)
    sample = list(
        Client.objects.order_by("?").values_list("achternaam", "bsn", "clientnummer")[
            : args.searches
        ]
    )
    terms = []
    for achternaam, bsn, clientnummer in sample:
        kind = rng.choice(["naam", "naam", "bsn", "clientnummer"])
        terms.append(achternaam[:4] if kind == "naam" else bsn if kind == "bsn" else clientnummer)
    timings = []
    for term in terms:
        started = time.perf_counter()
        result = client_search(user=user, zoekterm=term)
        timings.append((time.perf_counter() - started) * 1000)
        assert result.clienten, term
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"search ({len(terms)} searches, incl. audit entry): median {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
