# SPDX-License-Identifier: EUPL-1.2
"""Accessibility proven, not hoped (WCAG 2.1 AA; Besluit digitale toegankelijkheid overheid, art. 2).

axe-core (vendored in tests/browser/vendor by scripts/vendor-frontend, version in VERSIONS.txt) runs in Chromium
on every page that a crawl of each demo role reaches (bounded: a page of each kind, at most MAX_PAGINAS pages),
on the public pages (also with their error messages shown) and on the error pages. A violation of impact
serious or critical fails the test; moderate and minor ones are listed in the output.

axe is run with `page.evaluate`, not as a script element: the Content-Security-Policy of the pages stays as it is
(the `page` fixture fails on anything it refuses).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string

from naleving.demodata.demo import DEMO_ROLLEN, ensure_demo_accounts
from naleving.demodata.seed import ensure_gemeenten, seed_database
from tests.conftest import ensure_reference_data
from tests.core.test_schermen_zonder_codes import BESTANDEN, BESTANDVIEWS, OVERSLAAN, _soort

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
#: The success criteria of WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices that NL Design System asks.
AXE_REGELS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOKKEREND = ("serious", "critical")
PER_SOORT = 1
MAX_PAGINAS = 18
PUBLIEK = ("/inloggen/", "/melden/", "/wijziging-doorgeven/", "/toegankelijkheid/")
#: Error pages rendered as the server renders them; 404 and 403 also come from the live server below.
FOUTPAGINAS = ("400.html", "403.html", "403_csrf.html", "500.html", "503.html")


def axe_op(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """The violations axe finds on the page now shown: rule id, impact, help and the first few elements."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                           doelen: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""",
        AXE_REGELS,
    )


#: The summary the accessibility statement (/toegankelijkheid/) is made from; committed with the code. A run
#: with NALEVING_VERKLARING_BIJWERKEN=1 writes each part's counts and the date into it.
SAMENVATTING = Path(__file__).parents[2] / "src" / "naleving" / "core" / "toegankelijkheid.json"


def bewaar_samenvatting(onderdeel: str, paginas: int, telling: dict[str, int]) -> None:
    import json
    import os

    if os.environ.get("NALEVING_VERKLARING_BIJWERKEN") != "1":
        return
    data = json.loads(SAMENVATTING.read_text(encoding="utf-8")) if SAMENVATTING.exists() else {}
    versie = AXE.split('axe.version="', 1)[1].split('"', 1)[0]
    data.update({"axe": versie, "regels": AXE_REGELS, "datum": date.today().isoformat()})
    data.setdefault("onderdelen", {})[onderdeel] = {
        "paginas": paginas,
        "per_ernst": {e: telling.get(e, 0) for e in ("critical", "serious", "moderate", "minor")},
    }
    SAMENVATTING.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


class Verslag:
    """Collects the violations per page; fails on serious/critical and prints the rest."""

    def __init__(self) -> None:
        self.per_pagina: dict[str, list[dict]] = defaultdict(list)
        self.paginas = 0

    def controleer(self, page, naam: str) -> None:  # type: ignore[no-untyped-def]
        self.paginas += 1
        self.per_pagina[naam] += axe_op(page)

    def uitkomst(self, onderdeel: str) -> None:
        telling = Counter(v["impact"] for vs in self.per_pagina.values() for v in vs)
        bewaar_samenvatting(onderdeel, self.paginas, telling)
        print(
            f"\naxe: {self.paginas} pagina's, schendingen per ernst: {dict(sorted(telling.items()))}"
        )
        blokkerend = []
        for naam, vs in sorted(self.per_pagina.items()):
            for v in vs:
                regel = (
                    f"  [{v['impact']}] {naam}: {v['id']} — {v['help']} ({', '.join(v['doelen'])})"
                )
                print(regel)
                if v["impact"] in BLOKKEREND:
                    blokkerend.append(regel)
        assert blokkerend == [], "ernstige toegankelijkheidsfouten:\n" + "\n".join(blokkerend)


@pytest.fixture
def demo(transactional_db, settings):  # type: ignore[no-untyped-def]
    settings.NALEVING_DEMO = True
    ensure_reference_data()
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(clients=40, years=1, seed_value=2026, peildatum=date(2026, 11, 2), progress=False)


def _antwoord(html: str):  # type: ignore[no-untyped-def]
    return lambda route: route.fulfill(body=html, content_type="text/html")


def _links(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")


def crawl(page, verslag: Verslag, start: str, host: str) -> None:  # type: ignore[no-untyped-def]
    te_doen, gezien = [start], set()
    per_soort: dict[str, int] = defaultdict(int)
    while te_doen and len(gezien) < MAX_PAGINAS:
        url = te_doen.pop(0)
        if url in gezien:
            continue
        gezien.add(url)
        response = page.goto(url)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        verslag.controleer(page, url)
        for href in _links(page):
            parts = urlsplit(href)
            if parts.netloc != host or parts.path.startswith(OVERSLAAN):
                continue
            if parts.path.endswith(BESTANDEN):
                continue
            soort = _soort(parts.path)
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if soort is None or link in gezien or any(w in soort for w in BESTANDVIEWS):
                continue
            if per_soort[soort] >= PER_SOORT:
                continue
            per_soort[soort] += 1
            te_doen.append(link)


@pytest.mark.parametrize("rol", [code for code, _first, _last in DEMO_ROLLEN])
def test_every_page_a_role_reaches_has_no_serious_axe_violation(
    demo, page, login, live_server, settings, rol
) -> None:
    verslag = Verslag()
    login(rol, settings.NALEVING_DEMO_PASSWORD)
    crawl(page, verslag, "/start/", urlsplit(live_server.url).netloc)
    assert verslag.paginas >= 3
    verslag.uitkomst(rol)


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_error_pages_have_no_serious_axe_violation(page, live_server) -> None:
    verslag = Verslag()
    for url in PUBLIEK:
        page.goto(url)
        verslag.controleer(page, url)
    # The same forms with their error messages shown (an empty or wrong submission).
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    verslag.controleer(page, "/inloggen/ (met fout)")
    page.goto("/bestaat-niet/")
    verslag.controleer(page, "404")
    for sjabloon in FOUTPAGINAS:
        html = render_to_string(sjabloon, {"bericht": "Probeer het over 30 seconden opnieuw."})
        pad = f"/foutpagina-{sjabloon.removesuffix('.html')}/"
        page.route(f"**{pad}", _antwoord(html))
        page.goto(pad)
        verslag.controleer(page, sjabloon)
    verslag.uitkomst("publiek")
