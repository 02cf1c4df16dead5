# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium: the consultant makes a one-time code, a resident reports a change with it
and downloads the receipt; the consultant then sees the report in the inbox and handles it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from naleving.preventie.models import Wijzigingsmelding


@pytest.fixture
def migratiegegevens() -> None:
    """A transactional test before this one flushed the tables, and with them the roles and the
    catalogue that the data migrations load: load them again (serialized_rollback clashes with
    content types)."""
    from django.apps import apps

    from naleving.preventie.models import Verplichting

    if Verplichting.objects.exists():
        return
    for module, functie in (
        ("naleving.accounts.migrations.0002_rollen", "add_roles"),
        ("naleving.preventie.migrations.0002_catalogus", "load"),
        ("naleving.preventie.migrations.0003_rechten", "add"),
    ):
        getattr(importlib.import_module(module), functie)(apps, None)


@pytest.mark.django_db(transaction=True)
def test_resident_reports_a_change_downloads_the_receipt_and_the_consultant_sees_it(
    migratiegegevens, page, login, make_user, make_client
) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk", username="ilse")
    client = make_client("Waalwijk", consulent=consulent, achternaam="Verhoeven", voornamen="Sanne")

    login("ilse")
    page.goto(f"/clienten/{client.clientnummer}/")
    page.get_by_role(
        "button", name="Eenmalige code maken om online een wijziging door te geven"
    ).click()
    code = page.locator("#eenmalige-code").inner_text()
    page.get_by_role("button", name="Uitloggen").click()

    page.goto("/wijziging-doorgeven/")
    expect(page.get_by_text("Tijdelijke manier van inloggen.")).to_be_visible()
    page.get_by_label("Cliëntnummer").fill(client.clientnummer)
    page.get_by_label("Geboortedatum").fill("17-05-1980")
    page.get_by_label("Eenmalige code").fill(code)
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat is er veranderd?")
    page.get_by_label("Waar gaat de wijziging over?").select_option("werk_inkomen")
    page.get_by_label("Vanaf wanneer").fill("01-12-2026")
    page.get_by_label("Wat is er veranderd?").fill(
        "Ik werk vanaf december 12 uur per week bij de bakker."
    )
    page.get_by_role("button", name="Wijziging doorgeven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontvangstbewijs")
    melding = Wijzigingsmelding.objects.get()
    expect(page.get_by_text(melding.inhoud_hash)).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("link", name="Ontvangstbewijs downloaden").click()
    download = info.value
    assert download.suggested_filename == f"ontvangstbewijs-{melding.ontvangstnummer}.txt"
    tekst = Path(download.path()).read_text(encoding="utf-8")
    assert melding.inhoud_hash in tekst and "12 uur per week bij de bakker" in tekst

    login("ilse")
    page.goto("/preventie/inbox/")
    rij = page.locator("tbody tr", has_text="Sanne Verhoeven")
    assert "Werk en inkomen" in rij.inner_text()
    rij.get_by_role("link").click()
    page.get_by_label("Wat heeft u met de wijziging gedaan?").fill(
        "Inkomsten verrekend vanaf december."
    )
    page.get_by_role("button", name="Afhandelen").click()
    expect(page.get_by_text("De status van de wijziging is bijgewerkt.")).to_be_visible()
    melding.refresh_from_db()
    assert (melding.status, melding.afgehandeld_door_id) == ("afgehandeld", consulent.pk)
