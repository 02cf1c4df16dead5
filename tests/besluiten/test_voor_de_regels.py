# SPDX-License-Identifier: EUPL-1.2
"""A breach from before the first rule set (landelijk-2017) gets the law's answer, not an error; and the € 340
safeguard of Awb 5:53 compares the highest possible fine exactly (150 % of € 226,67 is € 340,005, above it)."""

from __future__ import annotations

from datetime import date

from naleving.besluiten import advies, services
from naleving.besluiten.models import Besluit


def _snapshot(pleegdatum: str, benadeling: int, *, recidive: bool) -> dict[str, object]:
    sancties = (
        [{"soort": "boete", "overtreding": "inlichtingenplicht", "datum": "2015-01-01"}]
        if recidive
        else []
    )
    return {
        "feiten": {"pleegdatum": pleegdatum, "gemeente": "0867", "eerdere_sancties": sancties},
        "advies": {"benadelingsbedrag_cent": benadeling},
    }


def test_the_highest_possible_fine_with_recidive_is_rounded_up_not_floored() -> None:
    """Awb 5:53 and PW art. 18a lid 5 (2015): 150 % of € 226,67 = € 340,005 is more than € 340."""
    b = Besluit(boete_cent=0, advies_snapshot=_snapshot("2018-05-10", 22667, recidive=True))
    assert services.mogelijke_boete_cent(besluit=b) == 34001
    b.advies_snapshot = _snapshot("2018-05-10", 22666, recidive=True)
    assert services.mogelijke_boete_cent(besluit=b) == 33999


def test_before_the_rules_a_recidive_maximum_is_unknown_and_the_safeguards_apply(casus) -> None:
    b = Besluit(
        client=casus.client,
        sanctie="boete",
        boete_cent=10_000,
        advies_snapshot=_snapshot("2016-06-01", 20_000, recidive=True),
    )
    assert services.mogelijke_boete_cent(besluit=b) is None
    assert "onderzoek" in services.waarborg_fouten(besluit=b, vandaag=date(2026, 6, 1))


def test_a_decision_on_a_breach_of_2016_gets_the_legal_part_of_the_advice(casus, client) -> None:
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2016, 6, 1),
        benadelingsbedrag_cent=30_000,
        feiten="Inkomsten uit 2016 pas nu bekend geworden.",
    )
    b = services.besluit_wijzig(user=casus.consulent, besluit=b, verwijtbaarheid="normaal")
    uitkomst = advies.bereken(b)
    assert "fout" not in uitkomst
    a = uitkomst["advies"]
    # Awb 5:45 lid 2: at most € 300, so the power to fine lapsed 3 years after the breach.
    assert (a["sanctie"], a["regeling"], a["open_vragen"]) == ("geen", None, [])
    assert a["terugvordering"] == {
        "verplicht": True,
        "bedrag_cent": 30_000,
        "afzien_mogelijk": False,
    }
    client.force_login(casus.consulent)
    page = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "Geen: op de pleegdatum gold nog geen regeling." in page


def test_a_maatregel_of_2016_keeps_the_bounds_of_pw_art_18_2015(casus) -> None:
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="arbeidsverplichting",
        overtreding="arbeidsverplichting",
        pleegdatum=date(2016, 6, 1),
        feiten="Niet verschenen bij het werkbedrijf.",
    )
    b = services.besluit_wijzig(
        user=casus.consulent,
        besluit=b,
        verwijtbaarheid="normaal",
        verwijtbaarheid_reden="Afspraak vergeten.",
        keuze="wijkt_af",
        sanctie="maatregel",
        maatregel_percentage=100,
        maatregel_maanden=4,
        afwijking_motivering="De verordening van 2016 gold.",
        motivering="U kwam niet naar de afspraak.",
        cautie="geen_verklaringen",
    )
    assert services._maatregel_buiten_grenzen(b) == {
        "maatregel_maanden": "Een maatregel is 1 tot 100 % gedurende 1 tot 3 maanden (PW art. 18)."
    }
