# SPDX-License-Identifier: EUPL-1.2
"""The advice on the decision and investigation pages reads as plain Dutch: each step a sentence for the
resident, amounts in euros, dates and the moment of calculation in Dutch local time; the parameter keys,
cents, the rule files' fingerprint and the UTC moment only inside the closed technical details."""

from __future__ import annotations

import re

from naleving.besluiten import services
from naleving.besluiten.models import Besluit


def _buiten_details(html: str) -> str:
    return re.sub(r"<details.*?</details>", "", html, flags=re.DOTALL)


def _advies(html: str) -> str:
    return html[
        html.index('<section id="advies"') : html.index(
            "</section>", html.index('<section id="advies"')
        )
    ]


def test_concept_besluit_legt_het_advies_in_gewone_taal_uit(casus, client) -> None:
    b = casus.besluit()
    client.force_login(casus.consulent)
    advies = _advies(client.get(f"/besluiten/{b.pk}/").content.decode())
    zichtbaar = _buiten_details(advies)
    assert "<dt>Regels</dt><dd>Beleidsregels handhaving Baanbrekers 2025</dd>" in zichtbaar
    assert (
        "<p>Per maand is gekeken hoeveel u kreeg en hoeveel u had mogen krijgen (maart 2026: € 1.400,00 "
        "ontvangen, recht op € 900,00, € 500,00 te veel; april 2026: € 1.400,00 ontvangen, recht op € 600,00, "
        "€ 800,00 te veel). Samen heeft u € 1.300,00 te veel uitkering ontvangen. Dat heet het "
        "benadelingsbedrag.</p>"
    ) in zichtbaar
    assert (
        "<p>Bij normale verwijtbaarheid geven deze regels geen boete, maar een waarschuwing. Een boete volgt "
        "alleen bij opzet.</p>"
    ) in zichtbaar
    assert "Grondslag: artikel 58 lid 1 van de Participatiewet" in zichtbaar
    assert (
        "Nog niet zeker: vanaf welke datum de Beleidsregels handhaving Baanbrekers 2025 gelden"
        in zichtbaar
    )
    for intern in (
        "boete_bij_verwijtbaarheid",
        "_cent",
        "ONZEKER",
        "baanbrekers-2025",
        "2026-03-01",
        "PW art.",
    ):
        assert intern not in zichtbaar, intern
    # One click away: the trace as recorded.
    details = advies[advies.index("<details") :]
    assert (
        "<summary>Technische verantwoording (regels, bronnen en parameters zoals vastgelegd)</summary>"
        in details
    )
    assert "boete_bij_verwijtbaarheid = [opzet]" in details
    assert "PW art. 58 lid 1" in details


def test_vastgesteld_besluit_toont_berekend_op_in_nederlandse_tijd(casus, client) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    snapshot = dict(b.advies_snapshot)
    snapshot["berekend_op"] = "2026-12-03T13:05:00+00:00"  # UTC; 14:05 in Amsterdam
    Besluit.objects.filter(pk=b.pk).update(advies_snapshot=snapshot)
    client.force_login(casus.consulent)
    advies = _advies(client.get(f"/besluiten/{b.pk}/").content.decode())
    zichtbaar = _buiten_details(advies)
    assert "<dt>Berekend op</dt><dd>3 december 2026 om 14:05</dd>" in zichtbaar
    assert snapshot["regels_versie"] not in zichtbaar
    assert "2026-12-03T13:05" not in zichtbaar
    assert f"regelbestanden <code>{snapshot['regels_versie']}</code>" in advies
    assert "Berekend op <code>2026-12-03T13:05:00+00:00</code> (UTC)" in advies


def test_onderzoek_toont_het_voorlopige_advies_in_gewone_taal(casus, client) -> None:
    o = casus.onderzoek()
    client.force_login(casus.consulent)
    html = client.get(f"/onderzoek/{o.pk}/").content.decode()
    sectie = html[html.index('aria-labelledby="kop-regels"') :]
    sectie = _buiten_details(sectie[: sectie.index("</section>")])
    assert "<dt>Sanctie</dt><dd>Eerst oordeel nodig van de inkomensconsulent</dd>" in sectie
    assert "<dt>Regels</dt><dd>Beleidsregels handhaving Baanbrekers 2025</dd>" in sectie
    assert (
        "<li>In welke mate is de schending van de inlichtingenplicht te verwijten: geen, verminderd, normaal, "
        "grove schuld of opzet? (grondslag: artikel 5:41 van de Algemene wet bestuursrecht; uitspraak van de "
        "Centrale Raad van Beroep van 11 januari 2016 (ECLI:NL:CRVB:2016:8); artikel 18a lid 1 van de "
        "Participatiewet (nummering van 2015))</li>"
    ) in sectie
    assert (
        "<p>De consulent moet nog beoordelen in welke mate dit u te verwijten is. Zonder dat oordeel kan geen "
        "sanctie worden bepaald. De computer vult dat oordeel nooit zelf in.</p>"
    ) in sectie
    assert "_cent" not in sectie and "baanbrekers-2025" not in sectie
