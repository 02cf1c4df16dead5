# SPDX-License-Identifier: EUPL-1.2
"""The demo seed gives the beleidsmedewerker a plan with actions in every status and a draft for
the next year with the open actions carried over."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.beleid.models import Uitvoeringsplan
from naleving.demodata.beleid import extend
from naleving.demodata.seed import seed_database

pytestmark = pytest.mark.django_db


def test_seed_makes_plans_in_every_status(make_user) -> None:
    make_user("beleidsmedewerker")  # roles exist
    ctx = seed_database(
        clients=40, years=1, seed_value=3, progress=False, peildatum=date(2026, 6, 1)
    )
    p2026, p2027 = Uitvoeringsplan.objects.order_by("jaar")
    assert (p2026.jaar, p2026.status, p2027.jaar, p2027.status) == (
        2026,
        "vastgesteld",
        2027,
        "concept",
    )
    assert sorted(p2026.acties.values_list("status", flat=True)) == [
        "afgerond",
        "afgerond",
        "afgerond",
        "doorgeschoven",
        "doorgeschoven",
        "doorgeschoven",
        "doorgeschoven",
        "vervallen",
    ]
    assert sorted(p2027.acties.values_list("status", flat=True)) == [
        "gepland",
        "gepland",
        "in_uitvoering",
        "in_uitvoering",
    ]
    assert all(a.overgenomen_van_id for a in p2027.acties.all())
    assert p2026.pijlers.count() == 2
    voorlichting = p2026.acties.get(titel="Pijler 1: voorlichting over de inlichtingenplicht")
    # the preventie demo campaigns name this action in their own link field
    assert [c.naam for c in voorlichting.alle_campagnes()] == [
        "Giften: nieuwe regels sinds 1 januari",
        "Vakantie en buitenland: wat mag wel en niet?",
        "Samenwonen en kostendelers",
    ]
    extend(ctx)
    assert Uitvoeringsplan.objects.count() == 2  # idempotent
