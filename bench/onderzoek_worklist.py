# SPDX-License-Identifier: EUPL-1.2
"""The investigation worklist and page at national scale: ~100,000 investigations (five years nationally).

Usage (on a database seeded by bench/seed_and_search.py):
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_bench \\
  .venv/bin/python bench/onderzoek_worklist.py --onderzoeken 100000 --runs 50
Investigations are bulk-inserted (open ones spread over the handhavers, 90 % closed), then the worklist of a
teamleider and a handhaver and the investigation page are timed through the real selectors and views.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta


def _stats(label: str, timings: list[float]) -> None:
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{label}: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms ({len(timings)} runs)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--onderzoeken", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument(
        "--fresh", action="store_true", help="remove earlier bench investigations first"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    os.environ.setdefault("NALEVING_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client as Browser
    from django.utils import timezone

    from naleving.accounts.models import Gemeente, Rol, User
    from naleving.clienten.models import Client
    from naleving.onderzoek.models import Onderzoek
    from naleving.onderzoek.selectors import werkvoorraad

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(5)
    from naleving.demodata.seed import _staff, ensure_gemeenten

    if not Client.objects.exists():
        print("Seed eerst cliënten (bench/seed_and_search.py).", file=sys.stderr)
        return 2
    _staff(
        random.Random(1), ensure_gemeenten(), Client.objects.count()
    )  # adds staff a database lacks
    handhavers = list(User.objects.filter(rol_id="handhaver"))
    if args.fresh:
        Onderzoek.objects.filter(vraag="Bench").delete()
    have = Onderzoek.objects.count()
    if have < args.onderzoeken:
        ids = list(Client.objects.values_list("pk", "gemeente_id"))
        per_gemeente: dict[int, list[User]] = {}
        for h in handhavers:
            for g in h.gemeenten.all():
                per_gemeente.setdefault(g.pk, []).append(h)
        requester = User.objects.filter(rol_id="inkomensconsulent").first()
        now = timezone.now()
        batch = []
        started = time.perf_counter()
        for _ in range(args.onderzoeken - have):
            is_open = rng.random() < 0.10
            status = (
                rng.choice(["aangevraagd", "toegewezen", "in_uitvoering", "rapport_ter_review"])
                if is_open
                else "afgerond"
            )
            when = now - timedelta(days=rng.randint(0, 5 * 365))
            client_id, gemeente_id = rng.choice(ids)
            batch.append(
                Onderzoek(
                    client_id=client_id,
                    gemeente_id=gemeente_id,
                    aanleiding="lopende_uitkering",
                    vraag="Bench",
                    aangevraagd_door=requester,
                    aangevraagd_op=when,
                    handhaver=None
                    if status == "aangevraagd"
                    else rng.choice(per_gemeente[gemeente_id]),
                    status=status,
                    status_sinds=when,
                    termijn=(when + timedelta(days=rng.randint(5, 60))).date(),
                    uitkomst="" if is_open else "geen_onrechtmatigheid",
                )
            )
            if len(batch) == 10_000:
                Onderzoek.objects.bulk_create(batch)
                batch = []
        Onderzoek.objects.bulk_create(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE"
                )  # fresh planner statistics after a bulk load, as autovacuum would
        print(
            f"inserted {args.onderzoeken - have} investigations in {time.perf_counter() - started:.1f} s"
        )
    print(
        f"investigations: {Onderzoek.objects.count():,}, open: {Onderzoek.objects.exclude(status='afgerond').count():,}"
    )

    teamleider, _ = User.objects.get_or_create(
        username="bench-teamleider", defaults={"rol": Rol.objects.get(code="teamleider")}
    )
    teamleider.gemeenten.set(Gemeente.objects.all())
    handhaver = max(
        handhavers,
        key=lambda h: Onderzoek.objects.filter(handhaver=h).exclude(status="afgerond").count(),
    )
    for label, user in (
        ("worklist teamleider (all three municipalities)", teamleider),
        ("worklist handhaver", handhaver),
    ):
        timings = []
        for _ in range(args.runs):
            t = time.perf_counter()
            wv = werkvoorraad(user=user)
            _ = (len(wv.eigen), len(wv.team), list(wv.te_laat_per_handhaver))
            timings.append((time.perf_counter() - t) * 1000)
        _stats(label, timings)
    browser = Browser()
    browser.force_login(handhaver)
    sample = list(
        Onderzoek.objects.filter(handhaver=handhaver)
        .exclude(status="afgerond")
        .values_list("pk", flat=True)[: args.runs]
    )
    timings = []
    for pk in sample:
        t = time.perf_counter()
        response = browser.get(f"/onderzoek/{pk}/")
        timings.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, response.status_code
    _stats("investigation page (HTTP, incl. audit entry)", timings)
    timings = []
    for _ in range(max(5, args.runs // 5)):
        t = time.perf_counter()
        assert browser.get("/onderzoek/").status_code == 200
        timings.append((time.perf_counter() - t) * 1000)
    _stats("worklist page (HTTP)", timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
