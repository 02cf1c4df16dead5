# SPDX-License-Identifier: EUPL-1.2
"""The yearly voortgangsrapportage at national scale: time to render HTML and PDF (issue 8).

Usage (on the database seeded by bench/seed_and_search.py and bench/onderzoek_worklist.py):
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_bench \\
  PYTHONPATH=src .venv/bin/python bench/beleid_rapport.py --jaar 2026 --runs 3

The base bench has clients and investigations but no history, signals or service data, so this
script first bulk-adds (once; rows marked 'bench-beleid'): the state history of every
investigation, intrusive and other activities for the closed ones, ~100,000 signals a year with
triage, ~100,000 information moments and change reports a year; and it sets `afgerond_op` on
closed bench investigations that lack it. Goal: HTML <= 3 s, PDF <= 10 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

MARK = "bench-beleid"


def _vul(jaren: tuple[int, ...], per_jaar: int) -> None:
    from django.db import connection, transaction
    from django.db.models import F

    from naleving.accounts.models import Gemeente, User
    from naleving.clienten.models import Client
    from naleving.onderzoek.models import Activiteit, Onderzoek, OnderzoekOvergang
    from naleving.preventie.models import Informatiemoment, Wijzigingsmelding
    from naleving.signalen.models import Signaal, Triagebesluit

    if Signaal.objects.filter(bron_naam=MARK).exists():
        print("Bench-gegevens voor beleid zijn er al.")
        return
    rng = random.Random(8)
    hh = list(User.objects.filter(rol_id="handhaver").values_list("pk", flat=True))
    gemeenten = list(Gemeente.objects.values_list("pk", flat=True))
    client_ids = list(Client.objects.values_list("pk", "gemeente_id"))
    t0 = time.perf_counter()
    with transaction.atomic():
        Onderzoek.objects.filter(status="afgerond", afgerond_op__isnull=True).update(
            afgerond_op=F("status_sinds")
        )
        volgorde = ["aangevraagd", "toegewezen", "in_uitvoering", "rapport_ter_review", "afgerond"]
        overgangen, activiteiten = [], []
        for pk, status, start, eind in Onderzoek.objects.values_list(
            "pk", "status", "aangevraagd_op", "status_sinds"
        ).iterator(chunk_size=10_000):
            stappen = volgorde[: volgorde.index(status) + 1]
            span = max((eind - start).total_seconds(), 3600 * len(stappen))
            tijden = sorted(rng.uniform(0, span) for _ in stappen[1:-1])
            momenten = [start, *(start + timedelta(seconds=s) for s in tijden)]
            if len(stappen) > 1:
                momenten.append(eind)
            door = rng.choice(hh)
            van = ""
            for naar, op in zip(stappen, momenten, strict=True):
                overgangen.append(
                    OnderzoekOvergang(onderzoek_id=pk, van=van, naar=naar, door_id=door, op=op)
                )
                van = naar
            if status == "afgerond":
                for soort in [
                    "gesprek",
                    *rng.choices(
                        ["huisbezoek", "waarneming", "gegevens_vorderen"], k=rng.randint(0, 3)
                    ),
                ]:
                    activiteiten.append(
                        Activiteit(
                            onderzoek_id=pk,
                            soort=soort,
                            uitgevoerd_door_id=door,
                            vastgelegd_op=eind,
                        )
                    )
        OnderzoekOvergang.objects.bulk_create(overgangen, batch_size=5000)
        Activiteit.objects.bulk_create(activiteiten, batch_size=5000)
        print(f"{len(overgangen)} overgangen, {len(activiteiten)} activiteiten")

        def moment(jaar: int) -> datetime:
            return datetime(jaar, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.uniform(0, 330 * 86400))

        signalen = []
        for jaar in jaren:
            for i in range(per_jaar):
                cid, gid = rng.choice(client_ids)
                op = moment(jaar)
                signalen.append(
                    Signaal(
                        bron=rng.choice(
                            ["melder", "ketenpartner", "ketenpartner", "collega", "waarneming"]
                        ),
                        bron_naam=MARK,
                        extern_id=f"{jaar}-{i}",
                        product="overig",
                        datum=op.date(),
                        client_id=cid,
                        gemeente_id=gid or rng.choice(gemeenten),
                        ontvangen_op=op,
                        termijn=op.date() + timedelta(days=10),
                        status="afgehandeld",
                    )
                )
        Signaal.objects.bulk_create(signalen, batch_size=5000)
        triage = [
            Triagebesluit(
                signaal_id=s.pk,
                uitkomst=rng.choice(
                    ["geen_actie", "preventief_contact", "doorzetten", "onderzoek"]
                ),
                reden="bench",
                toelichting=MARK,
                door_id=rng.choice(hh),
                tijdstip=s.ontvangen_op + timedelta(hours=rng.uniform(2, 400)),
            )
            for s in signalen
            if rng.random() < 0.9
        ]
        Triagebesluit.objects.bulk_create(triage, batch_size=5000)
        momenten, meldingen = [], []
        for jaar in jaren:
            for i in range(per_jaar):
                cid, _gid = rng.choice(client_ids)
                op = moment(jaar)
                momenten.append(
                    Informatiemoment(
                        client_id=cid,
                        datum=op.date(),
                        kanaal="balie",
                        toelichting=MARK,
                        soort=rng.choice(["aanvraag", "periodiek", "periodiek", "na_wijziging"]),
                    )
                )
                klaar = op + timedelta(hours=rng.uniform(1, 300)) if rng.random() < 0.95 else None
                meldingen.append(
                    Wijzigingsmelding(
                        ontvangstnummer=f"BB{jaar}{i:07d}",
                        client_id=cid,
                        ontvangen_op=op,
                        kanaal="portaal",
                        onderwerp="werk_inkomen",
                        tekst=MARK,
                        identificatie="medewerker",
                        inhoud_hash="0" * 64,
                        status="afgehandeld" if klaar else "ontvangen",
                        afgehandeld_op=klaar,
                    )
                )
        Informatiemoment.objects.bulk_create(momenten, batch_size=5000)
        Wijzigingsmelding.objects.bulk_create(meldingen, batch_size=5000)
        print(
            f"{len(signalen)} signalen, {len(triage)} triagebesluiten, {len(momenten)} informatiemomenten, "
            f"{len(meldingen)} wijzigingen"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Gegevens geladen in {time.perf_counter() - t0:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jaar", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-jaar", type=int, default=100_000)
    parser.add_argument("--pdf", help="bewaar de laatste PDF hier")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    import django

    django.setup()
    from naleving.beleid import rapport
    from naleving.beleid.filters import KpiFilter

    _vul((args.jaar - 2, args.jaar - 1, args.jaar), args.per_jaar)
    gemeenten = rapport.gemeenten_van(None)
    html_tijden, pdf_tijden = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        context = rapport.context_jaar(KpiFilter(args.jaar), gemeenten)
        html = rapport.html(context)
        html_tijden.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        context = rapport.context_jaar(KpiFilter(args.jaar), gemeenten)
        pdf = rapport.pdf(context)
        pdf_tijden.append(time.perf_counter() - t0)
    if args.pdf:
        with open(args.pdf, "wb") as fh:
            fh.write(pdf)
    print(
        f"HTML: mediaan {statistics.median(html_tijden):.2f} s, max {max(html_tijden):.2f} s "
        f"({len(html)} tekens, {args.runs} runs)"
    )
    print(
        f"PDF (incl. de cijfers): mediaan {statistics.median(pdf_tijden):.2f} s, "
        f"max {max(pdf_tijden):.2f} s ({len(pdf)} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
