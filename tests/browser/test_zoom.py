# SPDX-License-Identifier: EUPL-1.2
"""200 % zoom and a 320 px wide screen without scrolling sideways on the public pages (WCAG 2.1 SC 1.4.10
Reflow, level AA; issue 17: "200 % zoom en 320 px breed zonder horizontaal scrollen").

Reflow asks that content fits 320 CSS pixels wide; a 1280 px screen at 200 % zoom is 640 CSS pixels wide at
twice the device pixels. On both, every public page and every error page (also the forms with their error
messages shown) must fit: `document.scrollingElement.scrollWidth <= clientWidth`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.template.loader import render_to_string

from tests.browser.test_toegankelijkheid import FOUTPAGINAS, PUBLIEK, _antwoord

#: (name, viewport, device scale factor): 320 CSS px (a small phone) and 1280 px at 200 % zoom.
SCHERMEN = (
    ("320px", {"width": 320, "height": 640}, 1),
    ("1280px-200%", {"width": 640, "height": 400}, 2),
)


def breedte(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth,"
        " client: document.scrollingElement.clientWidth})"
    )


def te_breed(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The elements that stick out to the right of the page, to say what to fix."""
    return page.evaluate(
        """() => { const w = document.scrollingElement.clientWidth; const uit = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.right > w + 0.5 && r.width > 0) uit.push(el.tagName.toLowerCase()
                + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
                + ' ' + Math.round(r.right));
            } return uit.slice(0, 5); }"""
    )


@pytest.fixture(params=SCHERMEN, ids=[s[0] for s in SCHERMEN])
def scherm(request, chromium, live_server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    _naam, viewport, schaal = request.param
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport=viewport, device_scale_factor=schaal
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
def test_public_and_error_pages_fit_without_scrolling_sideways(scherm) -> None:
    page = scherm
    gemeten: dict[str, dict[str, int]] = {}
    uitsteken: dict[str, list[str]] = {}

    def meet(naam: str) -> None:
        gemeten[naam] = breedte(page)
        if gemeten[naam]["scroll"] > gemeten[naam]["client"]:
            uitsteken[naam] = te_breed(page)

    # The measure itself: a block wider than the screen is caught and named.
    page.set_content('<body style="margin:0"><div id="breed" style="width:700px">x</div></body>')
    assert breedte(page)["scroll"] == 700 and te_breed(page)[0].startswith("div#breed")
    for url in PUBLIEK:
        page.goto(url)
        meet(url)
    page.goto("/melden/")
    page.locator("form button[type=submit]").last.click()
    meet("/melden/ (met fouten)")
    page.goto("/wijziging-doorgeven/")
    page.locator("form button[type=submit]").last.click()
    meet("/wijziging-doorgeven/ (met fouten)")
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    meet("/inloggen/ (met fout)")
    page.goto("/bestaat-niet/")
    meet("404")
    for sjabloon in FOUTPAGINAS:
        html = render_to_string(sjabloon, {"bericht": "Probeer het over 30 seconden opnieuw."})
        pad = f"/foutpagina-{sjabloon.removesuffix('.html')}/"
        page.route(f"**{pad}", _antwoord(html))
        page.goto(pad)
        meet(sjabloon)
    maten = {naam: f"{m['scroll']}/{m['client']}" for naam, m in gemeten.items()}
    print(f"\nbreedte (scrollWidth/clientWidth): {maten}")
    assert len(gemeten) == len(PUBLIEK) + 4 + len(FOUTPAGINAS)
    assert uitsteken == {}, uitsteken
