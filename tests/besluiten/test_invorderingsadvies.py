# SPDX-License-Identifier: EUPL-1.2
"""The repayment-plan page shows the rules' collection advice (naleving.regels.invordering) for the
household's facts: the beslagvrije voet (Rv art. 475da), the most to collect per month, the
set-off (PW art. 60 lid 4) and the lapse (Awb art. 4:104). Nothing is stored."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from naleving.besluiten import services
from naleving.besluiten.models import Vordering
from naleving.core import weergave
from naleving.core.money import format_euro
from naleving.regels import getal

FEITEN = {
    "advies-norm_cent": "1401,50",
    "advies-netto_inkomen_cent": "1401,50",
    "advies-betaaltermijn_einde": "2024-03-31",
    "advies-huishouden": "alleenstaand",
    "advies-uitkering_lopend": "on",
    "advies-zorgtoeslag": "on",
    "advies-huurtoeslag": "on",
}


@pytest.fixture
def vordering(casus) -> Vordering:
    besluit = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    return Vordering.objects.get(besluit=besluit)


def test_the_page_shows_the_beslagvrije_voet_and_the_room_to_repay(
    casus, client, vordering
) -> None:
    client.force_login(casus.consulent)
    r = client.get(f"/besluiten/vordering/{vordering.pk}/regeling/", FEITEN)
    assert r.status_code == 200
    html = r.content.decode()
    # 95 % of € 1.401,50 is € 1.331,425, up to the cent € 1.331,43; € 1.401,50 - € 1.331,43 = € 70,07.
    assert "<dd>€ 1.331,43 per maand</dd>" in html
    assert "€ 70,07 per maand" in html
    assert "<dd>Verplicht</dd>" in html  # a duty-to-inform claim is set off (PW art. 60 lid 4)
    assert f"Verjaart op {weergave.als_tekst(date(2029, 4, 1))}" in html
    assert "Rv art. 475da lid 1" in html
    assert (
        Vordering.objects.get(pk=vordering.pk).beslagvrije_voet_cent
        == vordering.beslagvrije_voet_cent
    )


def test_without_huurtoeslag_the_housing_costs_are_asked_in_dutch(casus, client, vordering) -> None:
    client.force_login(casus.consulent)
    feiten = {k: v for k, v in FEITEN.items() if k != "advies-huurtoeslag"}
    html = client.get(f"/besluiten/vordering/{vordering.pk}/regeling/", feiten).content.decode()
    assert "Zonder huurtoeslag zijn de woonkosten nodig. Vul ze in." in html
    assert "Ten hoogste af te lossen" not in html
    feiten["advies-woonkosten_cent"] = "700,00"
    html = client.get(f"/besluiten/vordering/{vordering.pk}/regeling/", feiten).content.decode()
    # No huurtoeslag: + (€ 700,00 - the threshold of today), and nothing left to repay. The exact
    # figures per year are the engine's scenarios (tests/regels/scenarios/invordering.json).
    drempel = getal("beslagvrije_voet_woonkosten_drempel_cent", op=timezone.localdate())
    assert f"<dd>{format_euro(133_143 + 70_000 - drempel)} per maand</dd>" in html
    assert "€ 0,00 per maand" in html


def test_without_facts_the_page_only_offers_the_form(casus, client, vordering) -> None:
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/vordering/{vordering.pk}/regeling/").content.decode()
    assert "Advies berekenen" in html
    assert "Ten hoogste af te lossen" not in html
