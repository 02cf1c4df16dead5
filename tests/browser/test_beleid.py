# SPDX-License-Identifier: EUPL-1.2
"""End to end in Chromium (issue 8): a beleidsmedewerker opens the dashboard, filters on a
municipality, and downloads the yearly report as PDF."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import expect

from naleving.beleid import services
from naleving.signalen.models import Signaal


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_beleidsmedewerker_filters_the_dashboard_and_downloads_the_pdf(
    page, login, make_user, make_client, gemeenten, tmp_path
) -> None:
    bm = make_user("beleidsmedewerker", "Waalwijk", "Heusden", "Loon op Zand", username="bart")
    services.plan_aanmaken(user=bm, jaar=2026, doelen="Uitleg vooraf.", themas="Werk")
    for gemeente in ("Waalwijk", "Heusden", "Heusden"):
        Signaal.objects.create(
            bron="ketenpartner",
            bron_naam="IB",
            product="overig",
            datum=date(2026, 3, 1),
            client=make_client(gemeente),
            gemeente=gemeenten[gemeente],
            ontvangen_op=datetime(2026, 3, 1, 10, tzinfo=UTC),
            termijn=date(2026, 3, 15),
        )

    login("bart")
    page.get_by_role("link", name="Cijfers en beleid").click()
    page.get_by_label("Jaar", exact=True).select_option("2026")
    page.get_by_label("Gemeente", exact=True).select_option(label="Heusden")
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers handhaving 2026 — Heusden")
    # the chart has a text alternative and a data table beside it
    assert page.locator("svg[role=img]").count() >= 8
    # the decision stages come from the decisions data: measured, not "nog geen gegevens"
    expect(page.locator("#kpi-trechter-besluiten")).to_be_visible()
    assert page.get_by_text("Besluiten: nog geen gegevens.").count() == 0

    # rendering the PDF takes a few seconds; allow for a busy test machine
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="Voortgangsrapportage 2026 downloaden (PDF)").click(
            timeout=60_000
        )
    download = info.value
    assert download.suggested_filename == "voortgangsrapportage-2026.pdf"
    pad = tmp_path / "rapport.pdf"
    download.save_as(pad)
    assert pad.read_bytes()[:5] == b"%PDF-"
