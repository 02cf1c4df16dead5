# SPDX-License-Identifier: EUPL-1.2
"""The world of `naleving seed` (demodata/wereld.py): deterministic per seed, in the proportions docs/schaal.md
states, with the cases spread over the states of their state machines."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from naleving.besluiten.models import Besluit, BesluitOvergang, Bezwaar, Vordering
from naleving.demodata.seed import seed_database
from naleving.demodata.wereld import SIGNALEN_PER_CLIENT_JAAR, vul_wereld
from naleving.onderzoek.models import Activiteit, Onderzoek, OnderzoekOvergang
from naleving.signalen.models import Signaal, SignaalOvergang, Triagebesluit

PEILDATUM = date(2026, 11, 1)
CLIENTS, YEARS = 300, 2


def _wereld(seed: int) -> dict[str, int]:
    ctx = seed_database(
        clients=CLIENTS, years=YEARS, seed_value=seed, peildatum=PEILDATUM, progress=False
    )
    return vul_wereld(ctx, seed_value=seed, progress=False)


def _snapshot() -> dict[str, list[tuple]]:
    """Everything the world wrote, by values that do not depend on primary keys (sequences differ on PostgreSQL
    after a rollback)."""
    s = Signaal.objects.filter(omschrijving="Synthetisch signaal")
    return {
        "signalen": list(
            s.order_by("client__clientnummer", "ontvangen_op", "extern_id").values_list(
                "client__clientnummer",
                "bron",
                "extern_id",
                "product",
                "datum",
                "status",
                "uitkomst",
                "anoniem",
                "ontvangen_op",
                "termijn",
            )
        ),
        "triage": sorted(
            Triagebesluit.objects.filter(signaal__in=s).values_list(
                "signaal__client__clientnummer",
                "signaal__ontvangen_op",
                "uitkomst",
                "reden",
                "door__username",
                "tijdstip",
            )
        ),
        "signaalovergangen": sorted(
            SignaalOvergang.objects.filter(signaal__in=s).values_list(
                "signaal__client__clientnummer", "signaal__ontvangen_op", "van", "naar", "op"
            )
        ),
        "onderzoeken": sorted(
            Onderzoek.objects.filter(
                aanleiding="signaal", vraag__startswith="Klopt het signaal"
            ).values_list(
                "client__clientnummer",
                "aangevraagd_op",
                "status",
                "status_sinds",
                "termijn",
                "uitkomst",
                "handhaver__username",
                "aangevraagd_door__username",
            )
        ),
        "activiteiten": sorted(
            Activiteit.objects.filter(
                gegevens__toelichting="Synthetische onderzoekshandeling"
            ).values_list("onderzoek__client__clientnummer", "soort", "vastgelegd_op")
        ),
        "besluiten": sorted(
            Besluit.objects.filter(feiten="Inkomsten niet gemeld (synthetisch).").values_list(
                "client__clientnummer",
                "status",
                "pleegdatum",
                "benadelingsbedrag_cent",
                "reviewer__username",
                "definitief_op",
            )
        ),
        "vorderingen": sorted(
            Vordering.objects.filter(
                besluit__feiten="Inkomsten niet gemeld (synthetisch)."
            ).values_list(
                "client__clientnummer", "status", "oorspronkelijk_cent", "openstaand_cent"
            )
        ),
        "bezwaren": sorted(
            Bezwaar.objects.filter(gronden="Het bedrag klopt niet (synthetisch).").values_list(
                "besluit__client__clientnummer", "ontvangen_op", "uitkomst", "beslist_op"
            )
        ),
    }


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_world() -> None:
    with transaction.atomic():
        counts = _wereld(5)
        first = _snapshot()
        transaction.set_rollback(True)
    assert len(first["signalen"]) == counts["signalen"]
    assert len(first["onderzoeken"]) == counts["onderzoeken"]
    assert len(first["bezwaren"]) == counts["bezwaren"]
    _wereld(5)
    assert _snapshot() == first


@pytest.mark.django_db
def test_proportions_within_the_bounds_of_docs_schaal() -> None:
    counts = _wereld(7)
    client_jaren = CLIENTS * YEARS
    # docs/schaal.md: ~100,000 signals and ~20,000 investigations a year at 420,000 clients
    assert 0.75 < counts["signalen"] / (client_jaren * SIGNALEN_PER_CLIENT_JAAR) < 1.25
    assert 0.12 < counts["onderzoeken"] / counts["signalen"] < 0.28
    # every triaged signal has one triage decision; every decision on an unlawful finding one claim once final
    assert counts["triagebesluiten"] == Triagebesluit.objects.count() - _demo_triage()
    assert 2 <= counts["activiteiten"] / counts["onderzoeken"] <= 4
    assert counts["vorderingen"] <= counts["besluiten"]
    # every case has its history from its first state
    s = Signaal.objects.filter(omschrijving="Synthetisch signaal")
    assert SignaalOvergang.objects.filter(signaal__in=s, van="").count() == counts["signalen"]
    o = Onderzoek.objects.filter(vraag__startswith="Klopt het signaal")
    assert (
        OnderzoekOvergang.objects.filter(onderzoek__in=o, van="").count() == counts["onderzoeken"]
    )
    b = Besluit.objects.filter(feiten="Inkomsten niet gemeld (synthetisch).")
    assert BesluitOvergang.objects.filter(besluit__in=b, van="").count() == counts["besluiten"]


def _demo_triage() -> int:
    return Triagebesluit.objects.exclude(signaal__omschrijving="Synthetisch signaal").count()


@pytest.mark.django_db
def test_the_cases_reach_the_states_of_their_machines() -> None:
    _wereld(3)
    s = Signaal.objects.filter(omschrijving="Synthetisch signaal")
    assert set(s.values_list("status", flat=True)) >= {"afgehandeld", "onderzoek", "in_triage"}
    assert set(s.values_list("uitkomst", flat=True)) >= {
        "geen_actie",
        "preventief_contact",
        "doorzetten",
        "onderzoek",
    }
    o = Onderzoek.objects.filter(vraag__startswith="Klopt het signaal")
    assert set(o.values_list("status", flat=True)) >= {"afgerond", "in_uitvoering"}
    assert set(o.exclude(uitkomst="").values_list("uitkomst", flat=True)) == {
        "geen_onrechtmatigheid",
        "onrechtmatigheid_vastgesteld",
        "niet_vast_te_stellen",
    }
    b = Besluit.objects.filter(feiten="Inkomsten niet gemeld (synthetisch).")
    assert "verzonden" in set(b.values_list("status", flat=True))
