# SPDX-License-Identifier: EUPL-1.2
"""The decision: prefilled from the rapport, the consultant judges, the advice is snapshotted; the state machine
with its history, the four-eyes rule on fines, the €340 safeguard (Awb 5:53), deviation needs motivation, the
cautie is recorded, a definitive decision is immutable."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naleving.besluiten import advies, services
from naleving.besluiten.models import BesluitOvergang, RegisterItem, Vordering


def test_opened_from_an_investigation_with_the_facts_of_the_rapport(casus) -> None:
    b = casus.besluit()
    assert (b.overtreding, b.pleegdatum, b.wet) == ("inlichtingenplicht", date(2026, 3, 1), "PW")
    assert b.perioden[1] == {"maand": "2026-04", "ontvangen_cent": 140_000, "recht_cent": 60_000}
    assert b.feiten.startswith("Inkomsten uit arbeid maart-april 2026 niet gemeld.")
    assert b.cautie == "gegeven"
    assert b.status == "concept"


def test_a_handhaver_cannot_open_a_decision(casus) -> None:
    o = casus.onderzoek()
    with pytest.raises(PermissionDenied):
        services.besluit_open_uit_onderzoek(user=casus.handhaver, onderzoek=o)


def test_warning_without_opzet_becomes_definitive_with_history_register_and_claim(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    assert (b.status, b.sanctie, b.boete_cent) == ("definitief", "waarschuwing", 0)
    assert b.advies_snapshot["advies"]["sanctie"] == "waarschuwing"
    assert b.advies_snapshot["regels_versie"] == advies.regels_versie()
    moves = list(BesluitOvergang.objects.filter(besluit=b).values_list("van", "naar"))
    assert moves == [("", "concept"), ("concept", "definitief")]
    item = RegisterItem.objects.get(besluit=b)
    assert (item.soort, item.bewaren_tot.year - item.datum.year) == ("waarschuwing", 2)
    claim = Vordering.objects.get(besluit=b)
    assert (claim.herkomst, claim.oorspronkelijk_cent, claim.openstaand_cent) == (
        "inlichtingenplicht",
        130_000,
        130_000,
    )


def test_a_definitive_decision_is_immutable(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    with pytest.raises(ValidationError) as err:
        services.besluit_wijzig(user=casus.consulent, besluit=b, motivering="Anders")
    assert err.value.messages == [
        "Dit besluit is definitief en kan niet meer worden gewijzigd. Gebruik bezwaar of een nieuw besluit."
    ]


def test_deviation_needs_a_motivation(casus) -> None:
    b = casus.besluit(keuze="wijkt_af", sanctie="geen")
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict == {
        "afwijking_motivering": [
            "U wijkt af van het advies: schrijf op waarom (motivering verplicht)."
        ]
    }
    b = services.besluit_wijzig(
        user=casus.consulent, besluit=b, afwijking_motivering="Crisis na overlijden partner."
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.status, b.sanctie, b.keuze) == ("definitief", "geen", "wijkt_af")
    assert (
        b.advies_snapshot["advies"]["sanctie"] == "waarschuwing"
    )  # what was advised stays on record
    assert not RegisterItem.objects.filter(besluit=b).exists()


def test_following_an_advice_that_still_needs_judgement_is_refused(casus) -> None:
    b = casus.besluit(verwijtbaarheid="")
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict["keuze"] == [
        "Het advies vraagt nog om uw oordeel: beantwoord de open vragen, of wijk af met een motivering."
    ]


def _boete(casus, **extra):
    return casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Werkte bewust zwart.",
        financieel_voordeel_beoogd=True,
        **extra,
    )


def test_a_fine_needs_four_eyes_of_another_teamleider(casus, make_user) -> None:
    b = _boete(casus, zienswijze="Ik wist het niet.", zienswijze_ontvangen_op=date(2026, 5, 1))
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.status, b.sanctie, b.boete_cent) == ("ter_review", "boete", 130_000)
    assert not Vordering.objects.filter(besluit=b).exists()
    with pytest.raises(PermissionDenied):
        services.besluit_review(user=casus.consulent, besluit=b, akkoord=True)
    b = services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    assert (b.status, b.reviewer) == ("definitief", casus.teamleider)
    assert sorted(
        Vordering.objects.filter(besluit=b).values_list("herkomst", "oorspronkelijk_cent")
    ) == [
        ("boete", 130_000),
        ("inlichtingenplicht", 130_000),
    ]
    assert RegisterItem.objects.get(besluit=b).soort == "boete"


def test_teamleider_can_send_a_fine_back_with_a_reason(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=_boete(casus))
    with pytest.raises(ValidationError):
        services.besluit_review(user=casus.teamleider, besluit=b, akkoord=False)
    b = services.besluit_review(
        user=casus.teamleider, besluit=b, akkoord=False, toelichting="Weeg de schulden mee."
    )
    assert (b.status, b.advies_snapshot) == ("concept", None)


def test_a_possible_fine_over_340_needs_a_zienswijze_or_its_term(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=_boete(casus))
    with pytest.raises(ValidationError) as err:
        services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    assert err.value.message_dict == {
        "zienswijze": [
            "Een boete van meer dan € 340 is mogelijk: leg de zienswijze van de cliënt vast, of de datum tot "
            "wanneer de cliënt die kon geven (Awb 5:53)."
        ]
    }
    b = services.besluit_review(
        user=casus.teamleider, besluit=b, akkoord=False, toelichting="Zienswijze vragen."
    )
    b = services.besluit_wijzig(
        user=casus.consulent, besluit=b, zienswijze_termijn=date(2026, 6, 1)
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (
        services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True).status
        == "definitief"
    )


def test_a_fine_over_340_without_a_rapport_is_refused(casus) -> None:
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2026, 2, 1),
        benadelingsbedrag_cent=50_000,
        feiten="Huwelijk drie maanden te laat gemeld.",
    )
    b = services.besluit_wijzig(
        user=casus.consulent,
        besluit=b,
        keuze="wijkt_af",
        sanctie="boete",
        boete_cent=50_000,
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Opzet blijkt uit de verklaring.",
        financieel_voordeel_beoogd=True,
        afwijking_motivering="Opzet blijkt uit de verklaring.",
        motivering="U meldde uw huwelijk te laat.",
        cautie="gegeven",
        zienswijze_termijn=date(2026, 4, 1),
    )
    casus.toets(b)
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    with pytest.raises(ValidationError) as err:
        services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    assert err.value.message_dict == {
        "onderzoek": [
            "Een boete van meer dan € 340 is mogelijk: daarvoor is een rapport nodig (Awb 5:48 en 5:53)."
        ]
    }


def test_cautie_status_of_the_statements_is_recorded(casus) -> None:
    o = casus.onderzoek(cautie=False)
    b = services.besluit_open_uit_onderzoek(user=casus.consulent, onderzoek=o)
    assert (b.cautie, b.cautie_gesprekken) == ("geen_verklaringen", [])
    b2 = casus.besluit()
    assert b2.cautie == "gegeven"
    assert b2.cautie_gesprekken[0]["cautie_gegeven"] is True


def test_the_decision_from_the_investigation_takes_over_the_answer_on_aangifte(casus) -> None:
    """Awb art. 5:44 (una via): a decision opened from the investigation starts from the rapport's
    answer on aangifte, so the consultant's advice and the preliminary one read the same fact."""
    b = services.besluit_open_uit_onderzoek(
        user=casus.consulent, onderzoek=casus.onderzoek(aangifte=True)
    )
    assert b.aangifte_gedaan is True
    assert advies.feiten_voor(b)["aangifte_gedaan"] is True
    b2 = services.besluit_open_uit_onderzoek(user=casus.consulent, onderzoek=casus.onderzoek())
    assert b2.aangifte_gedaan is None


def test_the_advice_snapshot_survives_a_rule_change(casus, monkeypatch, client) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    bewaard = b.advies_snapshot
    monkeypatch.setattr(advies, "regels_versie", lambda: "nieuwe-regels")
    b.refresh_from_db()
    assert b.advies_snapshot == bewaard
    assert advies.regels_gewijzigd(b) is True
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "de regels zijn gewijzigd sinds dit besluit" in html
    assert "Waarschuwing" in html


def test_earlier_sanctions_come_from_the_register(casus) -> None:
    eerste = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    tweede = casus.besluit()
    feiten = advies.feiten_voor(tweede)
    assert feiten["eerdere_sancties"] == [
        {
            "soort": "waarschuwing",
            "overtreding": "inlichtingenplicht",
            "datum": timezone.localdate(eerste.definitief_op).isoformat(),
        }
    ]
