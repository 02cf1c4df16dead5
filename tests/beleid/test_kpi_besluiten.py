# SPDX-License-Identifier: EUPL-1.2
"""The decision stages of the funnel: decisions by sanction, recovery and waiver, objections, CBS warnings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from naleving.beleid import kpi
from naleving.beleid.filters import KpiFilter
from naleving.beleid.kpi_besluiten import funnel_rijen
from naleving.besluiten.models import Besluit, Bezwaar

pytestmark = pytest.mark.django_db


def _besluit(
    client,
    user,
    *,
    sanctie,
    overtreding="inlichtingenplicht",
    op=datetime(2026, 5, 1, tzinfo=UTC),
    **extra,
):
    return Besluit.objects.create(
        client=client,
        aanleiding="overig",
        overtreding=overtreding,
        pleegdatum=date(2026, 1, 1),
        sanctie=sanctie,
        status="definitief",
        status_sinds=op,
        definitief_op=op,
        aangemaakt_door=user,
        **extra,
    )


def test_decision_stages_count_exactly(make_user, make_client) -> None:
    user = make_user("inkomensconsulent")
    waalwijk, heusden = make_client("Waalwijk"), make_client("Heusden")
    _besluit(
        waalwijk,
        user,
        sanctie="boete",
        boete_cent=50_000,
        terugvordering_voorgesteld_cent=100_000,
        terugvordering_cent=100_000,
    )
    w = _besluit(
        waalwijk,
        user,
        sanctie="waarschuwing",
        terugvordering_voorgesteld_cent=20_000,
        terugvordering_cent=5_000,
        afzien_reden="onevenredig",
    )
    _besluit(heusden, user, sanctie="waarschuwing", overtreding="arbeidsverplichting")
    _besluit(heusden, user, sanctie="geen", op=datetime(2025, 12, 31, tzinfo=UTC))  # another year
    Bezwaar.objects.create(
        besluit=w,
        ontvangen_op=date(2026, 5, 20),
        gronden="Te streng",
        uitkomst="ongegrond",
        beslist_op=date(2026, 7, 1),
        door=user,
    )

    rows = funnel_rijen(KpiFilter(2026))
    assert rows == [
        ("besluiten", "Geen sanctie", 0, None),
        ("besluiten", "Waarschuwing", 2, None),
        ("besluiten", "Boete", 1, 50_000),
        ("besluiten", "Maatregel (verlaging)", 0, None),
        ("terugvordering", "Teruggevorderd", 2, 105_000),
        ("terugvordering", "Geheel of deels afgezien ('tenzij')", 1, 15_000),
        ("bezwaar", "Bezwaren ontvangen", 1, None),
        ("bezwaar", "Beslist: ongegrond", 1, None),
        ("bezwaar", "Beslist: gegrond", 0, None),
        ("bezwaar", "Beslist: deels gegrond", 0, None),
        ("cbs_waarschuwingen", "Inlichtingenplicht", 1, None),
        ("cbs_waarschuwingen", "Arbeids-/re-integratieverplichting", 1, None),
        ("cbs_waarschuwingen", "Tekortschietend besef", 0, None),
        ("cbs_waarschuwingen", "Overig", 0, None),
    ]
    heusden_only = funnel_rijen(KpiFilter(2026, gemeente_id=heusden.gemeente_id))
    assert [r for r in heusden_only if r[0] == "besluiten"][1] == (
        "besluiten",
        "Waarschuwing",
        1,
        None,
    )


def test_the_app_registers_the_decision_source() -> None:
    from django.apps import apps

    assert funnel_rijen not in kpi._bronnen  # tests/beleid/conftest.py took it out for this test
    apps.get_app_config("beleid").ready()
    assert funnel_rijen in kpi._bronnen


def test_the_cbs_table_shows_the_decision_counts(make_user, make_client) -> None:
    from naleving.beleid.tabellen import cbs_waarschuwingen

    user = make_user("inkomensconsulent")
    client = make_client()
    _besluit(client, user, sanctie="waarschuwing", overtreding="arbeidsverplichting")
    kpi.register_funnel_bron(funnel_rijen)  # conftest took it out; the table reads the registry
    tabel = cbs_waarschuwingen(KpiFilter(2026))
    assert tabel.rijen == [
        ["Inlichtingenplicht", 0],
        ["Arbeids-/re-integratieverplichting", 1],
        ["Tekortschietend besef", 0],
        ["Overig", 0],
    ]


def test_cbs_overig_telt_medewerkingsplicht_en_overige_verplichting(make_user, make_client) -> None:
    """CBS survey of warnings by reason: the duty to cooperate (PW art. 17 lid 2) and the other obligations
    (PW art. 9 lid 1, art. 55) have no CBS reason of their own, so they count as "Overig"."""
    from naleving.beleid.kpi_besluiten import CBS_OVERIG, CBS_REDENEN
    from naleving.onderzoek.models import Overtreding

    user = make_user("inkomensconsulent")
    client = make_client()
    _besluit(client, user, sanctie="waarschuwing", overtreding="medewerkingsplicht")
    _besluit(client, user, sanctie="waarschuwing", overtreding="overige_verplichting")
    _besluit(client, user, sanctie="waarschuwing", overtreding="tekortschietend_besef")
    rijen = [r for r in funnel_rijen(KpiFilter(2026)) if r[0] == "cbs_waarschuwingen"]
    assert rijen == [
        ("cbs_waarschuwingen", "Inlichtingenplicht", 0, None),
        ("cbs_waarschuwingen", "Arbeids-/re-integratieverplichting", 0, None),
        ("cbs_waarschuwingen", "Tekortschietend besef", 1, None),
        ("cbs_waarschuwingen", "Overig", 2, None),
    ]
    genoemd = [c for c, _ in CBS_REDENEN] + list(CBS_OVERIG)
    assert sorted(genoemd) == sorted(c for c in Overtreding.values if c)
