# SPDX-License-Identifier: EUPL-1.2
"""Campaigns select their target group ONLY by law, municipality and obligation (domain.md §9: no
profiling; SyRI ruling 2020)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.preventie import services
from naleving.preventie.forms import CampagneForm
from naleving.preventie.models import Campagne, Verplichting
from naleving.preventie.selectors import campagne_doelgroep

pytestmark = pytest.mark.django_db


@pytest.fixture
def beleid(make_user):
    return make_user("beleidsmedewerker", "Waalwijk", "Heusden")


def _plan(user, **doelgroep):
    return services.campagne_plannen(
        user=user,
        naam="Vakantieregels voor de zomer",
        doel="Iedereen weet hoe lang je met bijstand op vakantie mag.",
        start=date(2026, 5, 1),
        einde=date(2026, 6, 30),
        uitvoeringsplan_jaar=2026,
        uitvoeringsplan_actie="Actie 1.2: voorlichting verblijf buitenland",
        doelgroep=services.Doelgroep.uit(doelgroep),
    )


def test_the_target_group_has_exactly_three_criteria() -> None:
    assert [f.name for f in dataclasses.fields(services.Doelgroep)] == [
        "wetten",
        "gemeenten",
        "verplichtingen",
    ]
    criteria = {"wetten", "gemeenten", "verplichtingen"}
    form_fields = set(CampagneForm.base_fields) - {
        "naam",
        "doel",
        "start",
        "einde",
        "uitvoeringsplan_jaar",
        "uitvoeringsplan_actie",
    }
    assert form_fields == criteria
    model_relations = {
        f.name for f in Campagne._meta.get_fields() if f.is_relation and f.name != "aangemaakt_door"
    }
    assert model_relations == {"gemeenten", "verplichtingen"}


@pytest.mark.parametrize(
    "attribuut",
    ["nationaliteit", "geslacht", "wijk", "postcode", "leeftijd", "huishouden", "risicoscore"],
)
def test_any_other_attribute_is_refused(beleid, gemeenten, attribuut) -> None:
    with pytest.raises(ValidationError) as exc:
        _plan(beleid, wetten=["PW"], gemeenten=[gemeenten["Waalwijk"].pk], **{attribuut: "x"})
    assert exc.value.message_dict == {
        "doelgroep": [
            f"Een doelgroep kiest u alleen op wet, gemeente en verplichting, niet op: {attribuut}."
        ]
    }
    assert Campagne.objects.count() == 0


def test_the_target_group_counts_running_benefits_by_law_and_municipality(
    beleid, gemeenten, make_client, zet_wet
) -> None:
    make_client("Waalwijk")
    make_client("Heusden")
    zet_wet(make_client("Waalwijk"), "IOAW")
    make_client("Loon op Zand")
    gestopt = make_client("Waalwijk")
    zet_wet(gestopt, "PW", ingangsdatum=date(2020, 1, 1), einddatum=date(2021, 1, 1))
    campagne = _plan(
        beleid,
        wetten=["PW"],
        gemeenten=[gemeenten["Waalwijk"].pk, gemeenten["Heusden"].pk],
        verplichtingen=[Verplichting.objects.get(code="pw-buitenland").pk],
    )
    assert campagne_doelgroep(campagne=campagne).count() == 2
    services.campagne_bereik_vastleggen(
        user=beleid, campagne=campagne, brieven_verstuurd=2, bijeenkomsten=1, deelnemers=14
    )
    campagne.refresh_from_db()
    assert (campagne.brieven_verstuurd, campagne.bijeenkomsten, campagne.deelnemers) == (2, 1, 14)


def test_a_campaign_needs_law_municipality_and_obligation_and_only_policy_staff_plan(
    beleid, gemeenten, make_user
) -> None:
    with pytest.raises(ValidationError) as exc:
        _plan(beleid)
    assert exc.value.message_dict == {
        "wetten": ["Kies minstens één wet."],
        "gemeenten": ["Kies minstens één gemeente."],
        "verplichtingen": ["Kies minstens één verplichting waar de campagne over gaat."],
    }
    with pytest.raises(PermissionDenied):
        _plan(make_user("inkomensconsulent"), wetten=["PW"])
