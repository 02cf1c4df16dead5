# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium: a resident reports with an attachment and gets a reference code; a
handhaver links the report to a client, sees the attachment and triages it with a reason."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

from naleving.signalen import views_publiek
from naleving.signalen.models import Signaal, Status, Taak


@pytest.mark.django_db(transaction=True)
def test_resident_reports_and_handhaver_triages(
    page, login, make_user, make_client, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path / "bestanden"
    # An earlier transactional test may have flushed the roles that the data migrations made.
    import_module("naleving.accounts.migrations.0002_rollen").add_roles(apps, None)
    import_module("naleving.signalen.migrations.0002_rechten").add(apps, None)
    views_publiek.begrenzer.reset()
    make_user("handhaver", "Heusden", username="hanna")
    ic = make_user("inkomensconsulent", "Heusden", username="ilse")
    client = make_client("Heusden", consulent=ic, achternaam="Bakker", voornamen="Kees")
    bewijs = tmp_path / "foto.pdf"
    bewijs.write_bytes(b"%PDF-1.4\n%%EOF\n")

    page.goto("/melden/")
    expect(page.get_by_text("Een melding is geen bewijs.")).to_be_visible()
    page.get_by_label("Wat is er aan de hand?").fill("Er woont al maanden een tweede volwassene.")
    page.get_by_label("Over wie gaat het? (naam)").fill("Kees Bakker")
    page.get_by_label("In welke gemeente woont deze persoon?").select_option(label="Heusden")
    page.get_by_label("Bijlagen (niet verplicht)").set_input_files(str(bewijs))
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt, uw melding is ontvangen")
    assert re.fullmatch(r"M-[A-Z2-9]{8}", page.locator("#referentie").inner_text())

    login("hanna")
    page.goto("/signalen/?rij=ongekoppeld")
    signaal = Signaal.objects.get()
    page.get_by_role("link", name=f"Signaal {signaal.pk}").click()
    expect(page.get_by_role("link", name="foto.pdf")).to_be_visible()
    page.get_by_label("BSN of cliëntnummer").fill(client.clientnummer)
    page.get_by_role("button", name="Koppelen").click()
    expect(page.get_by_text("Het signaal is gekoppeld aan de cliënt.")).to_be_visible()

    page.get_by_label("Onderzoek starten").check()
    page.get_by_label("Reden").select_option("niet_lichter")
    page.get_by_label("Toelichting").fill("Melding over samenwonen.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(
        page.get_by_text("Een anonieme melding is alleen geen grond voor onderzoek.").first
    ).to_be_visible()

    page.get_by_label("Preventief contact").check()
    page.get_by_label("Reden").select_option("uitleg_plicht")
    page.get_by_label("Toelichting").fill("Uitleggen dat een medebewoner gemeld moet worden.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Het triagebesluit is vastgelegd.")).to_be_visible()
    signaal.refresh_from_db()
    assert (signaal.status, signaal.uitkomst) == (Status.AFGEHANDELD, "preventief_contact")
    assert Taak.objects.get().consulent == ic
