# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium: a handhaver runs an investigation from plan to rapport, a teamleider reviews it, and
the consultant sees the advice with the rules engine's preliminary figures."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naleving.onderzoek import services


@pytest.mark.django_db(transaction=True)
def test_investigation_from_plan_to_rapport_review_and_advice(
    page, login, make_user, make_client
) -> None:
    consulent = make_user("inkomensconsulent", username="ilse")
    teamleider = make_user("teamleider", username="tessa")
    handhaver = make_user("handhaver", username="hanna")
    client = make_client("Waalwijk", consulent=consulent, achternaam="Smit", voornamen="Lotte")
    o = services.onderzoek_vraag_aan(
        user=consulent,
        client=client,
        aanleiding="lopende_uitkering",
        vraag="Heeft de cliënt inkomsten uit werk?",
    )
    services.onderzoek_wijs_toe(user=teamleider, onderzoek=o, handhaver=handhaver)

    login("hanna")
    page.get_by_role("link", name="Onderzoeken").click()
    page.get_by_role("link", name=o.nummer).first.click()
    page.get_by_role("button", name="Onderzoek starten").click()
    expect(page.get_by_text("Het onderzoek is gestart.")).to_be_visible()

    page.get_by_role("link", name="Plan schrijven").click()
    page.get_by_label("Welke vragen moet het onderzoek beantwoorden?").fill(
        "Sinds wanneer werkt de cliënt?"
    )
    page.get_by_label("Welke concrete, objectieve feiten geven twijfel?").fill(
        "UWV-polis: nieuwe inkomstenverhouding."
    )
    page.locator("#id_gepland_raadplegen_registratie").check()
    page.locator("#id_noodzaak_raadplegen_registratie").fill("Inkomsten vaststellen.")
    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_text("Het onderzoeksplan is opgeslagen.")).to_be_visible()

    page.get_by_role("link", name="Raadplegen registratie (bijv. Suwinet)").click()
    page.get_by_label("Welke registratie").fill("Suwinet-Inkijk")
    page.get_by_label("Welke gegevens").fill("Polisadministratie maart 2026")
    page.get_by_label("Waarom is deze stap nodig?").fill("Het signaal toetsen aan de bron.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De activiteit is vastgelegd.")).to_be_visible()

    page.get_by_role("link", name="Meldingen in de periode bekijken").click()
    page.get_by_label("Periode vanaf").fill("2026-03-01")
    page.get_by_label("Periode tot en met").fill("2026-03-31")
    page.get_by_role("button", name="Meldingen tonen").click()
    expect(page.get_by_text("Geen meldingen of contactmomenten in deze periode.")).to_be_visible()
    page.get_by_label("Wat laten de meldingen zien?").fill("Niets gemeld over werk.")
    page.get_by_role("button", name="Meldcheck vastleggen").click()

    page.get_by_role("link", name="Rapport schrijven").click()
    page.get_by_label("Bevindingen").fill(
        "Werkt sinds maart 2026 bij een schoonmaakbedrijf; niet gemeld."
    )
    page.get_by_label("Welke verplichting is geschonden").select_option("inlichtingenplicht")
    page.get_by_label("Periode vanaf").fill("2026-03-01")
    page.get_by_label("Periode tot en met").fill("2026-03-31")
    page.get_by_label("Pleegdatum").fill("2026-03-01")
    page.get_by_label("Ontvangen en recht per maand").fill("2026-03; 1.400,00; 900,00")
    page.get_by_label("Is de wijziging gemeld?").select_option("niet_gemeld")
    page.get_by_label("Awb 5:48 — de feiten").fill("Inkomsten maart 2026 niet gemeld.")
    page.get_by_label("Awb 5:48 — het overtreden voorschrift").fill("Art. 17 lid 1 Participatiewet")
    page.get_by_label("Advies aan de inkomensconsulent").fill(
        "Terugvorderen; verwijtbaarheid beoordelen."
    )
    page.get_by_role("button", name="Rapport opslaan").click()
    expect(page.get_by_text("Voorlopig advies van de regels")).to_be_visible()
    page.get_by_role("button", name="Rapport indienen bij de teamleider").click()
    expect(page.get_by_text("Het rapport is ingediend bij de teamleider.")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login("tessa")
    page.goto(f"/onderzoek/{o.pk}/")
    page.get_by_label("Akkoord").check()
    page.get_by_label("Uitkomst").select_option("onrechtmatigheid_vastgesteld")
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(page.get_by_text("Het onderzoek is afgerond.")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login("ilse")
    page.goto(f"/clienten/{client.clientnummer}/")
    page.get_by_role("link", name=o.nummer).click()
    advice = page.locator("section", has_text="Voorlopig advies van de regels")
    assert "€ 500,00" in advice.inner_text()
    assert "Eerst oordeel nodig van de inkomensconsulent" in advice.inner_text()
