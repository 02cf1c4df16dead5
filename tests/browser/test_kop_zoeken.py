# SPDX-License-Identifier: EUPL-1.2
"""Search from every page, in the browser: a client number typed in the header's *Zoek cliënt* field and Enter
land on the result, and the staff header with the field still fits 320 CSS px without sideways scrolling
(WCAG 2.1 SC 1.4.10 Reflow). Without JavaScript: tests/core/test_kop_zoeken.py (a plain GET form)."""

from __future__ import annotations

import os

import pytest

BREEDTE = "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"


@pytest.mark.django_db(transaction=True)
def test_a_client_number_in_the_header_search_lands_on_the_client(
    page, login, make_user, make_client
) -> None:
    make_user("inkomensconsulent", "Waalwijk", username="ilse")
    gezocht = make_client("Waalwijk", achternaam="Visser")
    make_client("Waalwijk", achternaam="Bakker")
    login("ilse")
    page.goto("/start/")
    veld = page.get_by_role("search", name="Zoek cliënt").get_by_label("Zoek cliënt")
    veld.fill(gezocht.clientnummer)
    veld.press("Enter")
    page.wait_for_url(f"**/clienten/?q={gezocht.clientnummer}")
    resultaten = page.locator("#resultaten")
    assert resultaten.get_by_role("link", name="Visser, Anna").count() == 1
    assert "Bakker" not in resultaten.inner_text()


@pytest.mark.django_db(transaction=True)
def test_the_staff_header_with_the_search_fits_320_px(page, login, make_user) -> None:
    make_user("handhaver", "Waalwijk", username="hans")
    login("hans")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/start/")
    assert page.get_by_role("searchbox", name="Zoek cliënt").is_visible()
    if os.environ.get("NALEVING_SCHERMAFDRUK"):
        page.screenshot(path=os.environ["NALEVING_SCHERMAFDRUK"], full_page=False)
    scroll, client = page.evaluate(BREEDTE)
    assert scroll <= client
