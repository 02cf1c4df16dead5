# SPDX-License-Identifier: EUPL-1.2
"""Issue 19 item 3 in the decision: the maatregel's reduction per month with its spreading (PW art. 18 lid 5
(2015), the afstemmingsverordening Baanbrekers shares for Waalwijk, Heusden and Loon op Zand), and the
reconsideration of a maatregel of three months or more as a due task (PW art. 18 lid 3)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naleving.besluiten import advies, nazorg, services
from naleving.clienten.taken import mijn_taken
from naleving.regels.datums import verschuif_maanden


def _maatregel(casus, **velden):
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="arbeidsverplichting",
        overtreding="arbeidsverplichting",
        pleegdatum=date(2026, 3, 2),
        feiten="Niet verschenen bij het werkbedrijf, twee keer.",
    )
    casus.toets(b)
    standaard = {
        "verwijtbaarheid": "normaal",
        "verwijtbaarheid_reden": "Wist van de afspraak en kwam niet.",
        "keuze": "volgt",
        "motivering": "U bent niet verschenen bij het werkbedrijf.",
        "cautie": "geen_verklaringen",
    }
    return services.besluit_wijzig(user=casus.consulent, besluit=b, **(standaard | velden))


def test_the_advice_spreads_the_reduction_over_three_months_exactly_in_cents(casus, client) -> None:
    """PW art. 18 lid 2 and 5 (2015): 100 % of the norm of EUR 1.400,00 for one month, spread as the
    shared afstemmingsverordening of Baanbrekers sets, at least a third in the first month: 466,67 +
    466,67 + 466,66. The norm is the benefit's on the pleegdatum (clienten.regelfeiten)."""
    b = _maatregel(casus)
    berekend = advies.bereken(b)
    assert berekend["feiten"]["verlaging"] == {"norm_cent": 140_000}
    assert berekend["advies"]["maatregel"] == {"percentage": 100, "maanden": 1}
    assert berekend["advies"]["verlaging"] == {
        "per_maand_cent": [46_667, 46_667, 46_666],
        "totaal_cent": 140_000,
        "niet_verrekend_cent": 0,
        "gespreid": True,
    }
    assert berekend["advies"]["heroverweging"] is None
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "wordt het verdeeld over 3 maanden" in html
    assert "in maand 1: € 466,67; in maand 2: € 466,67; in maand 3: € 466,66" in html


def test_a_maatregel_of_three_months_gets_a_reconsideration_task_within_three_months(
    casus, client
) -> None:
    """PW art. 18 lid 3: a maatregel of 3 months (here the consultant's own choice) is reconsidered within
    3 months after the decision; it shows in 'Mijn taken' with that term until it is recorded."""
    b = _maatregel(
        casus,
        keuze="wijkt_af",
        sanctie="maatregel",
        maatregel_percentage=100,
        maatregel_maanden=3,
        afwijking_motivering="Drie keer niet verschenen; de verlaging duurt daarom langer.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    vandaag = timezone.localdate()
    assert b.heroverweging_uiterlijk == verschuif_maanden(vandaag, 3)
    groepen = {g.soort: g for g in mijn_taken(user=casus.consulent)}
    taak = groepen["Maatregel heroverwegen"]
    assert taak.aantal == 1
    assert (taak.taken[0].url, taak.taken[0].termijn) == (
        f"/besluiten/{b.pk}/",
        b.heroverweging_uiterlijk,
    )

    client.force_login(casus.consulent)
    assert "Heroverweging vastleggen" in client.get(f"/besluiten/{b.pk}/").content.decode()
    r = client.post(f"/besluiten/{b.pk}/heroverwegen/", {"heroverweging": ""})
    assert r.status_code == 400
    r = client.post(
        f"/besluiten/{b.pk}/heroverwegen/",
        {
            "heroverweging": "Cliënt komt weer naar de afspraken; de verlaging blijft zoals besloten."
        },
    )
    assert r.status_code == 302
    b.refresh_from_db()
    assert b.heroverwogen_op == vandaag
    assert {g.soort: g.aantal for g in mijn_taken(user=casus.consulent)}.get(
        "Maatregel heroverwegen", 0
    ) == 0
    with pytest.raises(ValidationError, match="al heroverwogen"):
        nazorg.maatregel_heroverwegen(user=casus.consulent, besluit=b, uitkomst="Nog eens.")
    with pytest.raises(Exception, match="niet heroverwegen"):
        nazorg.maatregel_heroverwegen(user=casus.teamleider, besluit=b, uitkomst="Nog eens.")


def test_a_maatregel_of_one_month_needs_no_separate_reconsideration(casus) -> None:
    """PW art. 18 lid 3 as the afstemmingsverordening reads it (UNCERTAIN): a reduction shorter than three
    months has ended within the term, so no task follows."""
    b = services.besluit_vaststellen(user=casus.consulent, besluit=_maatregel(casus))
    assert b.sanctie == "maatregel" and b.maatregel_maanden == 1
    assert b.heroverweging_uiterlijk is None
