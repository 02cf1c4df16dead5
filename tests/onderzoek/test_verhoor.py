# SPDX-License-Identifier: EUPL-1.2
"""A hearing (gesprek of verhoor): the form starts with the organisation's standard words of the cautie, from the
organisation file with its source (Awb 5:10a lid 2); the pages show when the hearing actually began and when the
cautie was given, as Dutch dates in local time, and the decision records both."""

from __future__ import annotations

from datetime import date

from django.test import Client as Browser

from naleving.besluiten.services import cautie_uit_onderzoek
from naleving.onderzoek.cautie import standaard_cautie
from naleving.onderzoek.models import Activiteit
from naleving.onderzoek.services import activiteit_vastleggen

STANDAARD = (
    "U bent niet verplicht om antwoord te geven op mijn vragen. Wat u zegt, kan worden gebruikt bij de "
    "beslissing of u een boete krijgt."
)
BEGIN = "2026-03-02T09:00:00+00:00"  # 10:00 in Amsterdam (winter time)
CAUTIE = "2026-03-02T08:59:00+00:00"


def _as(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def _gesprek(**extra) -> dict:
    return {
        "met_wie": "Cliënt",
        "gehoorde": "client",
        "begin": BEGIN,
        "cautie_tijdstip": CAUTIE,
        "cautie_tekst": STANDAARD,
        "verslag": "Vragen over inkomsten.",
        "waarom": "Feiten uit Suwinet toelichten.",
        **extra,
    }


def test_de_standaardcautie_komt_uit_het_parameterbestand_met_bron() -> None:
    cautie = standaard_cautie(op=date(2026, 12, 3))
    assert cautie.tekst == STANDAARD
    assert cautie.bron.startswith("Awb art. 5:10a lid 2")


def test_het_formulier_van_een_gesprek_vult_de_cautie_vooraf_in(casus) -> None:
    o = casus.onderzoek()
    html = _as(casus.handhaver).get(f"/onderzoek/{o.pk}/activiteit/gesprek/").content.decode()
    assert f'id="id_cautie_tekst">\n{STANDAARD}</textarea>' in html
    assert (
        "De standaardtekst staat al ingevuld (Awb art. 5:10a lid 2 (vóór het verhoor: de betrokkene is niet "
        "verplicht tot antwoorden); de woorden zijn een werkafspraak van team Handhaving). Gebruikte u andere "
        "woorden, pas de tekst dan aan."
    ) in html
    # Other activities have no cautie.
    anders = _as(casus.handhaver).get(f"/onderzoek/{o.pk}/activiteit/waarneming/").content.decode()
    assert STANDAARD not in anders


def test_voorgevulde_woorden_zonder_tijdstip_zijn_geen_cautie(casus) -> None:
    """A third party needs no cautie (Awb 5:10a); the pre-filled text left in place is not recorded as given."""
    o = casus.onderzoek()
    act, _ = activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens=_gesprek(met_wie="Werkgever", gehoorde="derde", cautie_tijdstip=""),
    )
    assert (act.gegevens["cautie_tijdstip"], act.gegevens["cautie_tekst"]) == (None, "")


def test_het_besluit_legt_het_echte_begin_en_de_cautie_vast(casus) -> None:
    o = casus.onderzoek()
    activiteit_vastleggen(user=casus.handhaver, onderzoek=o, soort="gesprek", gegevens=_gesprek())
    act = Activiteit.objects.get(onderzoek=o)
    assert cautie_uit_onderzoek(onderzoek=o) == (
        "gegeven",
        [
            {
                "activiteit": act.pk,
                "datum": "2026-03-02",
                "begin": BEGIN,
                "met_wie": "Cliënt",
                "kan_leiden_tot_boete": True,
                "cautie_gegeven": True,
                "cautie_tijdstip": CAUTIE,
            }
        ],
    )


def test_gesprekken_op_volgorde_van_begin_niet_van_vastleggen(casus) -> None:
    o = casus.onderzoek()
    later = "2026-03-05T13:30:00+00:00"
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens=_gesprek(
            begin=later, cautie_tijdstip="2026-03-05T13:29:00+00:00", met_wie="Tweede"
        ),
    )
    activiteit_vastleggen(user=casus.handhaver, onderzoek=o, soort="gesprek", gegevens=_gesprek())
    _, gesprekken = cautie_uit_onderzoek(onderzoek=o)
    assert [g["begin"] for g in gesprekken] == [BEGIN, later]


def test_onderzoekspagina_noemt_het_begin_van_een_verhoor_zonder_cautie(casus) -> None:
    """The warning about a hearing without cautie names when it began, in Dutch and in Amsterdam time."""
    o = casus.onderzoek()
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens=_gesprek(
            met_wie="Werkgever", gehoorde="derde", cautie_tijdstip="", cautie_tekst=""
        ),
    )
    Activiteit.objects.filter(onderzoek=o).update(
        gegevens={
            **Activiteit.objects.get(onderzoek=o).gegevens,
            "gehoorde": "client",
            "met_wie": "Cliënt",
        }
    )
    html = _as(casus.handhaver).get(f"/onderzoek/{o.pk}/").content.decode()
    assert (
        "<li>Gesprek met Cliënt, begonnen op 2 maart 2026 om 10:00: geen cautie vastgelegd</li>"
        in html
    )
