# SPDX-License-Identifier: EUPL-1.2
"""A small exact data set for the KPI selectors: every number in the tests is counted by hand
from this file (see the comments)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from naleving.clienten.models import Uitkering
from naleving.onderzoek.models import Activiteit, Onderzoek, OnderzoekOvergang
from naleving.preventie.models import Campagne, Informatiemoment, Wijzigingsmelding
from naleving.signalen.models import Signaal, Triagebesluit


def t(y: int, m: int, d: int, h: int = 10) -> datetime:
    return datetime(y, m, d, h, tzinfo=UTC)


@pytest.fixture
def dataset(make_user, make_client, gemeenten):
    hh = make_user("handhaver", "Waalwijk", "Heusden", username="hanna")
    bm = make_user("beleidsmedewerker", "Waalwijk", "Heusden", "Loon op Zand", username="bram")
    a = make_client("Waalwijk", achternaam="Achterberg")  # PW
    b = make_client("Waalwijk", achternaam="Bosveld")
    b.uitkeringen.update(wet="IOAW")
    c = make_client("Heusden", achternaam="Claassen")  # PW
    assert Uitkering.objects.filter(wet="PW").count() == 2
    ww, hs = gemeenten["Waalwijk"], gemeenten["Heusden"]

    def signaal(bron, gemeente, client, ontvangen, triage=None, op=None):
        s = Signaal.objects.create(
            bron=bron,
            bron_naam="x",
            product="overig",
            datum=ontvangen.date(),
            client=client,
            gemeente=gemeente,
            ontvangen_op=ontvangen,
            termijn=ontvangen.date(),
        )
        if triage:
            Triagebesluit.objects.create(
                signaal=s, uitkomst=triage, reden="r", toelichting="t", door=hh, tijdstip=op
            )
        return s

    s1 = signaal("melder", ww, a, t(2026, 2, 10), "onderzoek", t(2026, 2, 12))  # triage 2 d
    signaal("ketenpartner", ww, b, t(2026, 5, 5), "geen_actie", t(2026, 5, 6))  # 1 d
    signaal("ketenpartner", hs, c, t(2026, 3, 1), "preventief_contact", t(2026, 3, 4))  # 3 d
    signaal("collega", ww, None, t(2026, 11, 1))  # no client, no triage yet
    signaal("melder", ww, a, t(2025, 12, 29), "doorzetten", t(2026, 1, 2))  # 2025; triage 4 d
    s6 = signaal("ketenpartner", ww, a, t(2025, 11, 1), "onderzoek", t(2025, 11, 3))

    def onderzoek(client, gemeente, aanleiding, signaal_id, stappen, uitkomst="", soorten=()):
        status = stappen[-1][0]
        o = Onderzoek.objects.create(
            client=client,
            gemeente=gemeente,
            aanleiding=aanleiding,
            signaal_id=signaal_id,
            vraag="v",
            aangevraagd_door=hh,
            aangevraagd_op=stappen[0][1],
            status=status,
            status_sinds=stappen[-1][1],
            termijn=date(2026, 12, 31),
            uitkomst=uitkomst,
            afgerond_op=stappen[-1][1] if status == "afgerond" else None,
        )
        van = ""
        for naar, op in stappen:
            OnderzoekOvergang.objects.create(onderzoek=o, van=van, naar=naar, door=hh, op=op)
            van = naar
        for soort in soorten:
            Activiteit.objects.create(
                onderzoek=o, soort=soort, uitgevoerd_door=hh, vastgelegd_op=stappen[-1][1]
            )
        return o

    # o1: 2 + 1 + 30 + 5 days; requested → closed 38 days; two intrusive steps
    onderzoek(
        a,
        ww,
        "signaal",
        s1.pk,
        [
            ("aangevraagd", t(2026, 2, 12)),
            ("toegewezen", t(2026, 2, 14)),
            ("in_uitvoering", t(2026, 2, 15)),
            ("rapport_ter_review", t(2026, 3, 17)),
            ("afgerond", t(2026, 3, 22)),
        ],
        "onrechtmatigheid_vastgesteld",
        ("huisbezoek", "waarneming", "gesprek"),
    )
    # o2: 2 + 4 + 30 + 10 days; 46 days; one home visit
    onderzoek(
        b,
        ww,
        "lopende_uitkering",
        None,
        [
            ("aangevraagd", t(2026, 4, 1)),
            ("toegewezen", t(2026, 4, 3)),
            ("in_uitvoering", t(2026, 4, 7)),
            ("rapport_ter_review", t(2026, 5, 7)),
            ("afgerond", t(2026, 5, 17)),
        ],
        "geen_onrechtmatigheid",
        ("huisbezoek",),
    )
    # o3: 1 day requested, still assigned
    onderzoek(
        c,
        hs,
        "aanvraag_uitkering",
        None,
        [
            ("aangevraagd", t(2026, 6, 1)),
            ("toegewezen", t(2026, 6, 2)),
        ],
    )
    # o4: started 2025 on signal s6 (ketenpartner); 28 (2025) + 35 + 30 + 5 days; 98 days
    onderzoek(
        a,
        ww,
        "signaal",
        s6.pk,
        [
            ("aangevraagd", t(2025, 11, 3)),
            ("toegewezen", t(2025, 12, 1)),
            ("in_uitvoering", t(2026, 1, 5)),
            ("rapport_ter_review", t(2026, 2, 4)),
            ("afgerond", t(2026, 2, 9)),
        ],
        "geen_onrechtmatigheid",
    )

    for client, dag, soort in (
        (a, date(2026, 1, 15), "aanvraag"),
        (a, date(2026, 7, 1), "periodiek"),
        (c, date(2026, 3, 3), "na_wijziging"),
        (b, date(2025, 12, 31), "periodiek"),
    ):
        Informatiemoment.objects.create(
            client=client, datum=dag, soort=soort, kanaal="balie", toelichting="uitleg"
        )

    def campagne(naam, start, einde, wetten, gem, brieven, bijeenkomsten, deelnemers):
        camp = Campagne.objects.create(
            naam=naam,
            doel="d",
            start=start,
            einde=einde,
            uitvoeringsplan_jaar=start.year,
            uitvoeringsplan_actie="a",
            wetten=wetten,
            brieven_verstuurd=brieven,
            bijeenkomsten=bijeenkomsten,
            deelnemers=deelnemers,
            aangemaakt_door=bm,
        )
        camp.gemeenten.set([gemeenten[g] for g in gem])
        return camp

    campagne(
        "Werk en inkomen",
        date(2026, 3, 1),
        date(2026, 4, 30),
        ["PW"],
        ["Waalwijk", "Heusden"],
        120,
        2,
        35,
    )
    campagne("Oud", date(2025, 9, 1), date(2025, 10, 31), ["PW"], ["Waalwijk"], 10, 0, 0)
    campagne(
        "IOAW-avond", date(2026, 10, 1), date(2026, 12, 31), ["IOAW"], ["Loon op Zand"], 40, 1, 12
    )

    for i, (client, ontvangen, afgehandeld) in enumerate(
        (
            (a, t(2026, 2, 1, 9), t(2026, 2, 2, 9)),  # 24 h
            (b, t(2026, 3, 1, 9), t(2026, 3, 11, 9)),  # 240 h: beyond 5 days
            (c, t(2026, 4, 1, 9), None),  # open
            (a, t(2025, 12, 1, 9), t(2025, 12, 2, 9)),  # 2025
        )
    ):
        Wijzigingsmelding.objects.create(
            ontvangstnummer=f"W{i}",
            client=client,
            ontvangen_op=ontvangen,
            kanaal="portaal",
            onderwerp="werk_inkomen",
            tekst="t",
            identificatie="medewerker",
            inhoud_hash="h",
            status="afgehandeld" if afgehandeld else "ontvangen",
            afgehandeld_op=afgehandeld,
        )
    return {"beleidsmedewerker": bm, "handhaver": hh, "gemeenten": gemeenten}


@pytest.fixture(autouse=True)
def _zonder_besluitenbron():
    """These specifications describe the funnel's own stages and the registry; the besluiten source (registered
    by BeleidConfig.ready) is tested on its own in test_kpi_besluiten.py."""
    from naleving.beleid.kpi import register_funnel_bron, unregister_funnel_bron
    from naleving.beleid.kpi_besluiten import funnel_rijen

    unregister_funnel_bron(funnel_rijen)
    yield
    register_funnel_bron(funnel_rijen)
