# SPDX-License-Identifier: EUPL-1.2
"""The decision page shows how the recovery was worked out (PW art. 58-59), and the letter names art. 59 when
the partner is jointly liable."""

from __future__ import annotations

from naleving.besluiten import grondslag
from naleving.regels import adviseer

GEZIN = {"gezin": "gezin", "betalingen": [{"schuldenaar": "partner", "bedrag_cent": 30_000}]}


def test_besluitpagina_toont_de_berekening_van_de_terugvordering(casus, client) -> None:
    """PW art. 59: benefit paid to the family; both partners liable for the whole € 1.300,00."""
    b = casus.besluit(terugvordering_feiten=GEZIN)
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "<dt>Berekening terugvordering</dt>" in html
    assert "Belanghebbende en partner zijn hoofdelijk aansprakelijk" in html
    assert "Al betaald € 300,00, open € 1.000,00" in html


def test_zonder_terugvorderingsfeiten_geen_berekening(casus, client) -> None:
    b = casus.besluit()
    client.force_login(casus.consulent)
    assert "Berekening terugvordering" not in client.get(f"/besluiten/{b.pk}/").content.decode()


def test_brief_noemt_artikel_59_bij_hoofdelijke_aansprakelijkheid() -> None:
    feiten = {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "pleegdatum": "2025-03-01",
        "beoordelingsdatum": "2025-04-01",
        "benadelingsbedrag_cent": 50_000,
        "verwijtbaarheid": "normaal",
    }
    met = adviseer(feiten | {"terugvordering": {"gezin": "gezin"}}).to_dict()
    zonder = adviseer(feiten).to_dict()
    args = {"wet": "PW", "overtreding": "inlichtingenplicht", "sanctie": "waarschuwing"}
    assert "artikel 59 van de Participatiewet" in grondslag.artikelen(
        **args, terugvordering_cent=50_000, advies=met
    )
    assert "artikel 59 van de Participatiewet" not in grondslag.artikelen(
        **args, terugvordering_cent=50_000, advies=zonder
    )
    assert "artikel 59 van de Participatiewet" not in grondslag.artikelen(
        **args, terugvordering_cent=0, advies=met
    )
