# SPDX-License-Identifier: EUPL-1.2
"""The catalogue of obligations: real entries per law, validity dates, versions."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.preventie import services
from naleving.preventie.models import Onderwerp, Verplichting
from naleving.preventie.selectors import catalogus_telling, verplichtingen_geldig_op

pytestmark = pytest.mark.django_db


def test_the_migration_writes_the_catalogue_per_law() -> None:
    assert catalogus_telling(peildatum=date(2026, 11, 28)) == {
        "PW": 14,
        "IOAW": 8,
        "IOAZ": 7,
        "BBZ": 8,
    }
    assert Verplichting.objects.count() == 38  # 37 + the second version of the PW gifts rule


def test_every_law_covers_work_household_abroad_and_detention_with_a_legal_basis() -> None:
    for wet in ("PW", "IOAW", "IOAZ", "BBZ"):
        geldig = list(verplichtingen_geldig_op(peildatum=date(2026, 11, 28), wet=wet))
        onderwerpen = {v.onderwerp for v in geldig}
        assert {
            Onderwerp.WERK_INKOMEN,
            Onderwerp.WONEN_HUISHOUDEN,
            Onderwerp.BUITENLAND,
            Onderwerp.DETENTIE,
        } <= onderwerpen, wet
        for v in geldig:
            assert v.grondslag.strip() and v.wat.strip() and v.wanneer.strip() and v.hoe.strip()
    pw = {v.onderwerp for v in verplichtingen_geldig_op(peildatum=date(2026, 11, 28), wet="PW")}
    assert {Onderwerp.VERMOGEN, Onderwerp.GIFTEN, Onderwerp.OPLEIDING, Onderwerp.MEEWERKEN} <= pw
    assert all(
        "art. 17 lid 1" in v.grondslag
        for v in verplichtingen_geldig_op(peildatum=date(2026, 1, 1), wet="PW")
        if v.code != "pw-meewerken"
    )


@pytest.mark.parametrize(
    ("peildatum", "versie"),
    [(date(2015, 1, 1), 1), (date(2025, 12, 31), 1), (date(2026, 1, 1), 2), (date(2030, 6, 1), 2)],
)
def test_the_gifts_rule_changes_on_1_january_2026(peildatum: date, versie: int) -> None:
    """Participatiewet in balans, phase 1: a second version of the gifts text from 1-1-2026."""
    giften = [
        v for v in verplichtingen_geldig_op(peildatum=peildatum, wet="PW") if v.code == "pw-giften"
    ]
    assert [v.versie for v in giften] == [versie]


def test_nothing_is_valid_before_the_participatiewet() -> None:
    assert list(verplichtingen_geldig_op(peildatum=date(2014, 12, 31))) == []


def test_a_new_version_closes_the_previous_one_the_day_before(make_user) -> None:
    beheerder = make_user("beheerder")
    vorige = Verplichting.objects.get(code="pw-buitenland", versie=1)
    nieuw = services.verplichting_nieuwe_versie(
        user=beheerder,
        vorige=vorige,
        geldig_vanaf=date(2027, 1, 1),
        titel="Naar het buitenland",
        wat="Nieuwe tekst.",
        wanneer="Vooraf.",
        hoe="Online.",
        grondslag="PW art. 13 lid 1 onder e",
        voorwaarde="altijd",
    )
    vorige.refresh_from_db()
    assert (nieuw.versie, vorige.geldig_tot) == (2, date(2026, 12, 31))
    assert [
        v.versie
        for v in verplichtingen_geldig_op(peildatum=date(2026, 12, 31))
        if v.code == "pw-buitenland"
    ] == [1]
    assert [
        v.versie
        for v in verplichtingen_geldig_op(peildatum=date(2027, 1, 1))
        if v.code == "pw-buitenland"
    ] == [2]
    with pytest.raises(ValidationError) as exc:
        services.verplichting_nieuwe_versie(
            user=beheerder,
            vorige=vorige,
            geldig_vanaf=date(2028, 1, 1),
            titel="x",
            wat="x",
            wanneer="x",
            hoe="x",
            grondslag="x",
        )
    assert exc.value.message_dict == {"geldig_vanaf": ["Er is al een nieuwere versie; wijzig die."]}


def test_a_new_version_must_start_after_the_current_one_and_only_the_beheerder_may(
    make_user,
) -> None:
    vorige = Verplichting.objects.get(code="ioaw-detentie")
    tekst = {
        "titel": "t",
        "wat": "w",
        "wanneer": "w",
        "hoe": "h",
        "grondslag": "IOAW art. 13 lid 1",
    }
    with pytest.raises(ValidationError) as exc:
        services.verplichting_nieuwe_versie(
            user=make_user("beheerder"), vorige=vorige, geldig_vanaf=date(2015, 1, 1), **tekst
        )
    assert exc.value.message_dict == {
        "geldig_vanaf": ["Kies een datum na 01-01-2015, de start van de huidige versie."]
    }
    with pytest.raises(PermissionDenied):
        services.verplichting_nieuwe_versie(
            user=make_user("inkomensconsulent"),
            vorige=vorige,
            geldig_vanaf=date(2027, 1, 1),
            **tekst,
        )
    assert Verplichting.objects.filter(code="ioaw-detentie").count() == 1


def test_the_admin_role_form_offers_the_new_actions() -> None:
    """The beheerder grants rights through the role form: it must know the actions of this app."""
    from naleving.accounts.admin import RolForm

    keuzes = dict(RolForm.base_fields["rechten"].choices)  # type: ignore[attr-defined]
    assert keuzes["preventie.inbox"] == "Wijzigingsmeldingen in de inbox afhandelen"
    assert {k for k in keuzes if k.startswith("preventie.")} == {
        "preventie.informeren",
        "preventie.melding_vastleggen",
        "preventie.inbox",
        "preventie.campagnes",
        "preventie.catalogus_beheren",
    }
