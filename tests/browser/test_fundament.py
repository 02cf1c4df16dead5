# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium: a consultant logs in, searches a client, opens the file and records a contact;
the privacy officer then sees that read in the access log."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_consultant_finds_a_client_and_privacy_officer_sees_the_read(
    page, login, make_user, make_client
) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk", username="ilse")
    make_user("privacy", username="pieter")
    client = make_client("Waalwijk", consulent=consulent, achternaam="Verhoeven", voornamen="Sanne")

    login("ilse")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Goedendag"))
    page.get_by_role("link", name="Direct naar de inhoud").focus()
    page.get_by_role("link", name="Cliënten").click()
    page.get_by_label("Zoekterm").fill("verh")
    page.locator("#inhoud").get_by_role("button", name="Zoeken").click()  # not the header's search
    page.get_by_role("link", name="Verhoeven, Sanne").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne Verhoeven")
    expect(page.get_by_text("€ 1.400,00")).to_be_visible()

    page.get_by_text("Contactmoment vastleggen").click()
    page.get_by_label("Kanaal").select_option("telefoon")
    page.get_by_label("Onderwerp").fill("Vraag over vakantie")
    page.get_by_label("Wat is besproken").fill("Uitgelegd hoe lang verblijf in het buitenland mag.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Het contactmoment is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("cell", name="Vraag over vakantie")).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    login("pieter")
    page.get_by_role("link", name="Toegangslog").first.click()
    page.get_by_label("Cliëntnummer").fill(client.clientnummer)
    page.get_by_role("button", name="Filteren").click()
    rows = page.locator("tbody tr")
    texts = rows.all_inner_texts()
    assert any("ilse" in t and "Bekeken" in t for t in texts)
    assert any("ilse" in t and "Aangemaakt" in t for t in texts)
