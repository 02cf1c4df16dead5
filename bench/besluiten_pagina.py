# SPDX-License-Identifier: EUPL-1.2
"""The decision page with a national-scale decisions table: --besluiten rows (default 100,000, about five years
of decisions nationally) and a register entry for a third of them, bulk-inserted over the seeded clients.

Usage (on a seeded database, e.g. `naleving demo` or bench/seed_and_search.py):
  [DATABASE_URL=postgres://...] PYTHONPATH=src .venv/bin/python bench/besluiten_pagina.py --besluiten 100000
Times the page of a concept decision (live advice, register lookup) and of a definitive one, and the dossier.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date, timedelta


def _stats(label: str, timings: list[float], queries: int) -> None:
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{label}: mediaan {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, {queries} queries"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--besluiten", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    os.environ.setdefault("NALEVING_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client as HttpClient
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from naleving.besluiten.models import Besluit, RegisterItem
    from naleving.clienten.models import Client

    client_ids = list(
        Client.objects.filter(consulent__isnull=False).values_list("pk", "consulent_id")[:200_000]
    )
    if not client_ids:
        raise SystemExit(
            "Geen cliënten: seed eerst de database (naleving demo of bench/seed_and_search.py)."
        )
    bestaand = Besluit.objects.count()
    now = timezone.now()
    batch = []
    for i in range(bestaand, args.besluiten):
        cid, uid = client_ids[i % len(client_ids)]
        definitief = i % 4 != 0
        batch.append(
            Besluit(
                client_id=cid,
                aanleiding="wijzigingsmelding",
                overtreding="inlichtingenplicht",
                pleegdatum=date(2025, 1, 1) + timedelta(days=i % 600),
                benadelingsbedrag_cent=10_000 + i % 300_000,
                status="definitief" if definitief else "concept",
                status_sinds=now,
                aangemaakt_door_id=uid,
                genomen_door_id=uid if definitief else None,
                sanctie="waarschuwing" if definitief else "",
            )
        )
        if len(batch) == 5000:
            Besluit.objects.bulk_create(batch)
            batch = []
    Besluit.objects.bulk_create(batch)
    register = [
        RegisterItem(
            client_id=b.client_id,
            besluit_id=b.pk,
            soort="waarschuwing",
            overtreding="inlichtingenplicht",
            datum=date(2025, 6, 1),
            bewaren_tot=date(2027, 6, 1),
        )
        for b in Besluit.objects.filter(status="definitief", registeritem__isnull=True).only(
            "pk", "client_id"
        )[: args.besluiten // 3]
    ]
    RegisterItem.objects.bulk_create(register, batch_size=5000)
    print(
        f"{Besluit.objects.count():,} besluiten, {RegisterItem.objects.count():,} in het register"
    )

    concept = Besluit.objects.filter(status="concept").select_related("client__consulent").last()
    klaar = Besluit.objects.filter(status="definitief").select_related("client__consulent").last()
    assert concept is not None and klaar is not None
    http = HttpClient()
    for label, url, user in (
        (
            "Besluitpagina (concept, live advies)",
            f"/besluiten/{concept.pk}/",
            concept.client.consulent,
        ),
        ("Besluitpagina (definitief)", f"/besluiten/{klaar.pk}/", klaar.client.consulent),
        (
            "Dossier met besluiten",
            f"/clienten/{klaar.client.clientnummer}/",
            klaar.client.consulent,
        ),
    ):
        http.force_login(user)
        assert http.get(url).status_code == 200
        timings = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = http.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        _stats(label, timings, len(ctx.captured_queries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
