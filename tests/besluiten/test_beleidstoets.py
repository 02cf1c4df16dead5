# SPDX-License-Identifier: EUPL-1.2
"""The policy in the decision flow. The Omgekeerde Toets comes before fixing a fine, measure or recovery
(parameter omgekeerde_toets_bij, Handhaving in balans 2026-2030) and is not offered once the decision is fixed.
A fine where the policy rule gives none (Beleidsregels handhaving Baanbrekers 2025: a fine only for intent with
financial gain) is a departure from policy (Awb 4:84): the consultant records why, and the consultant and the
four-eyes reviewer see it flagged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naleving import regels
from naleving.besluiten import services
from naleving.besluiten.models import BesluitOvergang, OmgekeerdeToets

AFWIJKING = (
    "U legt een boete op, maar het beleid geeft alleen een boete bij opzet; u beoordeelde: normale "
    "verwijtbaarheid en het beleid geeft alleen een boete als financieel voordeel werd beoogd. Dat is een "
    "afwijking van het beleid (Awb 4:84; Beleidsregels handhaving Baanbrekers 2025: boete alleen bij opzet "
    "(gedifferentieerde handhaving))."
)
BOETE_TEGEN_BELEID = {
    "keuze": "wijkt_af",
    "sanctie": "boete",
    "boete_cent": 65_000,
    "afwijking_motivering": "Herhaald en bewust.",
    "zienswijze": "Geen reactie.",
}


def _boete_tegen_beleid(casus, **velden: object):  # type: ignore[no-untyped-def]
    return casus.besluit(
        **BOETE_TEGEN_BELEID,
        zienswijze_termijn=timezone.localdate() - timedelta(days=1),
        **velden,
    )


def test_the_policy_names_the_decisions_that_need_the_toets_with_its_source() -> None:
    waarde = regels.parameter("omgekeerde_toets_bij", op=date(2026, 12, 1))
    assert waarde.waarde == ("boete", "maatregel", "terugvordering")
    assert waarde.bron.startswith("Handhaving in balans 2026-2030")


def test_a_recovery_cannot_be_fixed_before_the_omgekeerde_toets(casus) -> None:
    b = casus.besluit(toets=False)  # normal blame: a warning and a recovery of € 1.300,00
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict == {
        "toets": [
            "Vul eerst de Omgekeerde Toets in. Het beleid vraagt die vóór een terugvordering "
            "(Handhaving in balans 2026-2030, menselijke maat)."
        ]
    }
    casus.toets(b)
    assert services.besluit_vaststellen(user=casus.consulent, besluit=b).status == "definitief"


def test_a_warning_without_recovery_needs_no_toets(casus) -> None:
    b = casus.besluit(
        toets=False,
        terugvordering_cent=0,
        afzien_reden="onevenredig",
        afzien_motivering="U betaalt al af op andere schulden.",
    )
    assert services.besluit_vaststellen(user=casus.consulent, besluit=b).status == "definitief"
    assert not OmgekeerdeToets.objects.filter(besluit=b).exists()


def test_the_decision_page_puts_the_toets_in_the_flow_before_fixing(client, casus) -> None:
    b = casus.besluit(toets=False)
    client.force_login(casus.consulent)
    pagina = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert (
        "<strong>Nodig voordat u het besluit vaststelt:</strong> het beleid vraagt de Omgekeerde Toets vóór "
        "een terugvordering."
    ) in pagina
    assert pagina.index('id="stap-toets"') < pagina.index('name="vaststellen"')


def test_the_toets_is_not_offered_after_the_decision_is_fixed(client, casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    assert b.status == "definitief"
    client.force_login(casus.consulent)
    pagina = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert f"/besluiten/{b.pk}/toets/" not in pagina
    assert "Omgekeerde Toets" in pagina  # shown as recorded
    for antwoord in (
        client.get(f"/besluiten/{b.pk}/toets/"),
        client.post(f"/besluiten/{b.pk}/toets/", {}),
    ):
        assert antwoord.status_code == 302
        assert antwoord["Location"] == f"/besluiten/{b.pk}/"
    gevolgd = client.get(f"/besluiten/{b.pk}/toets/", follow=True).content.decode()
    assert "de toets kan niet meer worden ingevuld of gewijzigd." in gevolgd


def test_a_fine_against_the_policy_rule_needs_a_recorded_reason(casus) -> None:
    b = _boete_tegen_beleid(casus)
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict == {
        "beleid_afwijking_reden": [
            AFWIJKING
            + " Schrijf op waarom u afwijkt: welke bijzondere omstandigheid dit rechtvaardigt."
        ]
    }
    b = services.besluit_wijzig(
        user=casus.consulent,
        besluit=b,
        beleid_afwijking_reden="Derde keer in twee jaar; een waarschuwing werkte niet.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.status, b.beleid_afwijking_reden) == (
        "ter_review",
        "Derde keer in twee jaar; een waarschuwing werkte niet.",
    )
    overgang = BesluitOvergang.objects.filter(besluit=b).order_by("-pk").first()
    assert overgang is not None
    assert overgang.toelichting == (
        "Afwijking van het beleid (Awb 4:84). Reden: Derde keer in twee jaar; een waarschuwing werkte niet."
    )


def test_the_departure_is_flagged_to_the_consultant_and_the_reviewer(client, casus) -> None:
    b = _boete_tegen_beleid(casus)
    client.force_login(casus.consulent)
    concept = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "<h2>Afwijking van het beleid (Awb 4:84)</h2>" in concept
    assert f"<p>{AFWIJKING}</p>" in concept
    assert 'name="beleid_afwijking_reden"' in concept
    b = services.besluit_wijzig(
        user=casus.consulent, besluit=b, beleid_afwijking_reden="Derde keer in twee jaar."
    )
    services.besluit_vaststellen(user=casus.consulent, besluit=b)
    client.force_login(casus.teamleider)
    review = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "<h2>Afwijking van het beleid (Awb 4:84)</h2>" in review
    assert "<strong>Reden van de inkomensconsulent:</strong> Derde keer in twee jaar." in review
    assert "Let op: dit besluit wijkt af van het beleid (Awb 4:84)." in review


def test_a_fine_that_follows_the_policy_is_not_flagged_and_keeps_no_stale_reason(
    client, casus
) -> None:
    b = casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="U wist dat u uw werk moest doorgeven.",
        financieel_voordeel_beoogd=True,
        zienswijze="Ik had het geld nodig.",
        zienswijze_termijn=timezone.localdate() - timedelta(days=1),
        beleid_afwijking_reden="Oude tekst van een eerdere keuze.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.status, b.sanctie, b.beleid_afwijking_reden) == ("ter_review", "boete", "")
    client.force_login(casus.teamleider)
    assert "Afwijking van het beleid" not in client.get(f"/besluiten/{b.pk}/").content.decode()


def test_the_flag_follows_the_choice_in_the_form_before_anything_is_saved(client, casus) -> None:
    """The live advice (htmx) also swaps the flag: choosing a fine at normal blame shows it at once."""
    b = casus.besluit()
    client.force_login(casus.consulent)
    assert "Afwijking van het beleid" not in client.get(f"/besluiten/{b.pk}/").content.decode()
    form = {
        "versie": b.versie,
        "verwijtbaarheid": "normaal",
        "verwijtbaarheid_reden": "Vergeten.",
        "financieel_voordeel_beoogd": "nee",
        "keuze": "wijkt_af",
        "sanctie": "boete",
        "boete_cent": "650,00",
        "motivering": "U gaf uw werk niet door.",
    }
    antwoord = client.post(f"/besluiten/{b.pk}/advies/", form).content.decode()
    assert '<div id="beleidsafwijking-vak" role="status" hx-swap-oob="true">' in antwoord
    assert f"<p>{AFWIJKING}</p>" in antwoord
    b.refresh_from_db()
    assert (b.keuze, b.sanctie) == ("volgt", "")  # nothing saved
    volgt = client.post(f"/besluiten/{b.pk}/advies/", form | {"keuze": "volgt"}).content.decode()
    assert '<div id="beleidsafwijking-vak" role="status" hx-swap-oob="true">\n\n</div>' in volgt


def test_before_the_working_agreement_holds_no_toets_is_asked() -> None:
    from naleving.besluiten import beleidstoets

    assert beleidstoets.toets_verplicht_bij(op=date(2025, 12, 31)) == ()
    assert (
        beleidstoets.toets_nodig(sanctie="boete", terugvordering_cent=1, op=date(2025, 12, 31))
        == ""
    )
    assert beleidstoets.toets_nodig(
        sanctie="boete", terugvordering_cent=1, op=date(2026, 1, 1)
    ) == ("een boete en een terugvordering")


def test_the_reviewers_list_marks_a_fine_against_the_policy(client, casus) -> None:
    b = _boete_tegen_beleid(casus, beleid_afwijking_reden="Derde keer in twee jaar.")
    services.besluit_vaststellen(user=casus.consulent, besluit=b)
    client.force_login(casus.teamleider)
    lijst = client.get("/besluiten/").content.decode()
    assert f"{b.nummer}</a><br><strong>Wijkt af van het beleid (Awb 4:84)</strong>" in lijst
