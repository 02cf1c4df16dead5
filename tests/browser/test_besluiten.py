# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium: a consultant takes a decision from an investigation's advice (the advice updates with
htmx as the judgement changes) after the Omgekeerde Toets the policy asks for, a teamleider approves the fine (four eyes), and the PDF letter downloads."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.besluiten.conftest import Casus


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_consultant_decides_from_the_advice_teamleider_approves_pdf_downloads(
    page, login, make_user, make_client
) -> None:
    consulent = make_user("inkomensconsulent", username="ilse")
    casus = Casus(
        consulent=consulent,
        teamleider=make_user("teamleider", username="tessa"),
        handhaver=make_user("handhaver", username="hanna"),
        client=make_client("Waalwijk", consulent=consulent, achternaam="Smit", voornamen="Lotte"),
    )
    o = casus.onderzoek()

    login("ilse")
    page.goto(f"/clienten/{casus.client.clientnummer}/")
    page.get_by_role("button", name=f"Besluit openen bij onderzoek {o.nummer}").click()
    expect(page.get_by_text("is geopend met de feiten uit het rapport.")).to_be_visible()
    advies = page.locator("#advies")
    assert "Eerst uw oordeel nodig" in advies.inner_text()

    # The policy asks the Omgekeerde Toets before a recovery or fine is fixed: it is a step on the page.
    stap = page.locator("#stap-toets")
    assert "Nodig voordat u het besluit vaststelt" in stap.inner_text()
    stap.get_by_role("link", name="Omgekeerde Toets invullen").click()
    for veld in (
        "effect_nodig",
        "effect_op_persoon",
        "doel_van_de_wet",
        "ethisch",
        "strijdig_met_regel",
    ):
        page.locator(f"#id_{veld}").fill("Gewogen met de cliënt.")
    page.get_by_role("button", name="Toets vastleggen").click()
    expect(page.get_by_text("De Omgekeerde Toets is vastgelegd.")).to_be_visible()

    # Text and checkboxes first; then the two choices that change the advice, which re-renders by htmx.
    page.get_by_label("Waarom deze mate van verwijtbaarheid?").fill(
        "Werkte bewust zonder te melden."
    )
    page.get_by_label("Schulden").check()
    page.get_by_label("Ik volg het advies").check()
    page.get_by_label("Motivering voor de inwoner (komt in de brief)").fill(
        "U werkte in maart en april 2026 en gaf dat niet door."
    )
    page.get_by_label("Zienswijze mogelijk tot en met").fill(date(2026, 6, 1).isoformat())
    page.get_by_label("Verwijtbaarheid", exact=True).select_option("opzet")
    page.get_by_label(
        "Was de overtreding bedoeld om er financieel beter van te worden?"
    ).select_option("ja")
    page.locator("#advies", has_text="Boete van € 1.300,00").wait_for()
    page.get_by_role("button", name="Besluit vaststellen").click()
    expect(
        page.get_by_text("Het besluit ligt ter review bij de teamleider (vier ogen).")
    ).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login("tessa")
    page.get_by_role("link", name="Besluiten").click()
    page.locator("table a").first.click()
    page.get_by_label("Akkoord").check()
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(page.get_by_text("Goedgekeurd. Het besluit is definitief")).to_be_visible()
    # WeasyPrint takes about half a second alone; allow for a loaded CI machine.
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="Beschikking downloaden (PDF)").click(timeout=60_000)
    download = info.value
    assert download.suggested_filename.startswith("beschikking-B")
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
