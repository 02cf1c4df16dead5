# SPDX-License-Identifier: EUPL-1.2
"""The accessibility statement (toegankelijkheidsverklaring; Besluit digitale toegankelijkheid overheid, art. 3)
is a public page made from the summary the axe browser test writes (core/toegankelijkheid.json), and every
page links to it from the footer."""

from __future__ import annotations

import json

import pytest
from django.test import Client as Browser

from naleving.core import views


@pytest.fixture
def samenvatting(tmp_path, monkeypatch):
    (tmp_path / "toegankelijkheid.json").write_text(
        json.dumps(
            {
                "axe": "4.14.1",
                "datum": "2026-12-03",
                "regels": ["wcag2a"],
                "onderdelen": {
                    "inkomensconsulent": {
                        "paginas": 18,
                        "per_ernst": {"critical": 0, "serious": 0, "moderate": 2, "minor": 0},
                    },
                    "publiek": {
                        "paginas": 10,
                        "per_ernst": {"critical": 0, "serious": 1, "moderate": 0, "minor": 0},
                    },
                },
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(views, "__file__", str(tmp_path / "views.py"))


@pytest.mark.django_db
def test_the_statement_is_public_and_states_the_checks_their_date_and_counts(samenvatting) -> None:
    response = Browser().get("/toegankelijkheid/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in html
    assert "Status: eerste maatregelen genomen." in html
    assert "Laatst gecontroleerd op 3 december 2026, op 28 pagina's." in html
    assert "Er zijn 1 ernstige problemen gevonden" in html
    assert "axe-core 4.14.1" in html
    rijen = [
        '<tr><th scope="row">Openbare pagina&#x27;s en foutpagina&#x27;s</th><td class="getal">10</td>'
        '<td class="getal">0</td><td class="getal">1</td><td class="getal">0</td><td class="getal">0</td></tr>',
        '<tr><th scope="row">Medewerker: inkomensconsulent</th><td class="getal">18</td>'
        '<td class="getal">0</td><td class="getal">0</td><td class="getal">2</td><td class="getal">0</td></tr>',
    ]
    assert html.index(rijen[0]) < html.index(rijen[1])


@pytest.mark.django_db
def test_every_page_links_to_the_statement_from_its_footer() -> None:
    for url in ("/inloggen/", "/melden/", "/toegankelijkheid/"):
        html = Browser().get(url).content.decode()
        footer = html[html.index('<footer class="utrecht-page-footer">') :]
        assert '<a class="utrecht-link" href="/toegankelijkheid/">Toegankelijkheid</a>' in footer


def test_the_committed_summary_covers_the_public_pages_and_every_demo_role() -> None:
    from pathlib import Path

    from naleving.demodata.demo import DEMO_ROLLEN

    pad = Path(views.__file__).parent / "toegankelijkheid.json"
    data = json.loads(pad.read_text(encoding="utf-8"))
    assert set(data["onderdelen"]) == {"publiek", *(code for code, _f, _l in DEMO_ROLLEN)}
    assert all(
        o["per_ernst"]["critical"] == 0 == o["per_ernst"]["serious"]
        for o in data["onderdelen"].values()
    )
