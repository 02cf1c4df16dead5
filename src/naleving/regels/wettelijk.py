# SPDX-License-Identifier: EUPL-1.2
"""The advice when no rule set of the organisation applies on the pleegdatum.

The policy part (which sanction, how high) then is not available: the rules of that time are not in
the parameter files, and a later rule may only be applied where it is milder (lex mitior), which
cannot be known without the older one. What the law itself answers still holds, whatever the
policy said: no sanction without blame (Awb art. 5:41), no fine after the power to fine lapsed
(Awb art. 5:45), no fine after aangifte (Awb art. 5:44), and recovery (PW art. 58 lid 1), which
``motor`` adds as always. The legal values are read on the pleegdatum from the organisation's
earliest rule set, so only a value whose own date lies before the breach is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from .configuratie import Configuratie
from .feiten import Feiten, FeitenFout
from .inlichtingenplicht import (
    GRONDSLAG_VERWIJTBAARHEID,
    boetebevoegdheid_vervallen,
    una_via_aangifte,
)
from .parameters import Gemeente
from .spoor import Spoor, Uitleg
from .tekst import VERWIJTBAARHEID_TEKST, datum_nl
from .wetten import Artikelen

LEX_MITIOR = "art. 7 EVRM; art. 15 lid 1 IVBPR (lex mitior)"
_VERVALTERMIJN = (
    "vervaltermijn_grens_cent",
    "vervaltermijn_lang_jaren",
    "vervaltermijn_kort_jaren",
)


@dataclass(slots=True)
class Wettelijk:
    regeling_uitleg: Uitleg
    spoor: Spoor
    sanctie: str


def alleen_wet(
    feiten: Feiten,
    config: Configuratie,
    gemeente: Gemeente | None,
    benadeling: int,
    art: Artikelen,
) -> Wettelijk:
    """The legal part of the advice for a breach before the organisation's first rule set."""
    eerste = config.eerste_regeling()
    if eerste is None:
        raise FeitenFout(
            "pleegdatum",
            f"op {feiten.pleegdatum.isoformat()} is voor {config.organisatie.naam} geen regeling "
            "van kracht; controleer de datum",
        )
    regeling, vanaf = eerste
    spoor = Spoor(config.waarden(regeling, gemeente, feiten.pleegdatum), feiten.pleegdatum, None)
    organisatie = config.organisatie.naam
    uitleg = Uitleg(
        "regeling",
        f"{config.organisatie.bron}; Awb art. 4:84; {LEX_MITIOR}",
        f"Op de pleegdatum ({datum_nl(feiten.pleegdatum)}) past {organisatie} volgens deze "
        f"regels nog geen regeling toe; de eerste, '{regeling.naam}' ({regeling.id}), geldt "
        f"vanaf {datum_nl(vanaf)}. Het beleidsdeel van het advies (soort en hoogte van de "
        "sanctie) is daarom niet beschikbaar. Hieronder staat wat de wet zelf bepaalt, welk "
        "beleid er toen ook gold.",
    )
    if feiten.overtreding == "inlichtingenplicht":
        sanctie = _boete(feiten, benadeling, art, spoor)
    else:
        sanctie = _maatregel(feiten, art, spoor)
    return Wettelijk(uitleg, spoor, sanctie)


def _boete(feiten: Feiten, benadeling: int, art: Artikelen, spoor: Spoor) -> str:
    """Boete of waarschuwing (PW art. 18a; IOAW/IOAZ art. 20a): only the legal part."""
    verwijtbaarheid = feiten.verwijtbaarheid
    if verwijtbaarheid == "geen":
        spoor.regel(
            "verwijtbaarheid",
            GRONDSLAG_VERWIJTBAARHEID,
            "De overtreding is de betrokkene op geen enkele wijze te verwijten; daarom volgt geen "
            "boete en geen waarschuwing.",
        )
        return "geen"
    if feiten.aangifte_gedaan is True and verwijtbaarheid is not None:
        una_via_aangifte(spoor)
        return "geen"
    if all(naam in spoor.waarden.waarden for naam in _VERVALTERMIJN):
        if boetebevoegdheid_vervallen(feiten, benadeling, spoor):
            return "geen"
    else:
        spoor.regel(
            "vervaltermijn",
            "Awb art. 5:45 (in werking sinds 1 juli 2009)",
            "De vervaltermijnen van de boetebevoegdheid staan voor deze pleegdatum niet in de "
            "parameters; beoordeel zelf of de bevoegdheid om een boete op te leggen is vervallen.",
        )
    if verwijtbaarheid is None:
        spoor.vraag(
            "verwijtbaarheid",
            "In welke mate is de schending van de inlichtingenplicht te verwijten: geen, "
            "verminderd, normaal, grove schuld of opzet?",
            f"{GRONDSLAG_VERWIJTBAARHEID}; {art.boete}",
        )
        oordeel = "De mate van verwijtbaarheid is nog niet beoordeeld."
    else:
        oordeel = (
            f"De ambtenaar heeft de verwijtbaarheid beoordeeld als "
            f"{VERWIJTBAARHEID_TEKST[verwijtbaarheid]}."
        )
    _vraag_sanctie(spoor, "boete of waarschuwing", f"{art.boete}; Awb art. 5:46")
    spoor.regel(
        "beleid_niet_beschikbaar",
        f"{art.boete}; Awb art. 4:84; {LEX_MITIOR}",
        f"{oordeel} Of een boete of een waarschuwing volgt en hoe hoog de boete is, hangt af van "
        "de regels en het beleid op de pleegdatum; die staan niet in deze regels. De regels "
        "bepalen de sanctie daarom niet zelf.",
    )
    return "oordeel_nodig"


def _maatregel(feiten: Feiten, art: Artikelen, spoor: Spoor) -> str:
    """Maatregel (PW art. 18; IOAW/IOAZ art. 20): only the legal part."""
    if feiten.verwijtbaarheid == "geen":
        spoor.regel(
            "verwijtbaarheid",
            art.maatregel_geen_verwijtbaarheid,
            "Elke vorm van verwijtbaarheid ontbreekt; daarom volgt geen maatregel.",
        )
        return "geen"
    _vraag_sanctie(spoor, "maatregel", f"{art.maatregel}; afstemmingsverordening")
    spoor.regel(
        "beleid_niet_beschikbaar",
        f"{art.maatregel}; Awb art. 4:84; {LEX_MITIOR}",
        "De hoogte en duur van een maatregel volgen uit de afstemmingsverordening die op de "
        "pleegdatum gold; die staat niet in deze regels. De regels bepalen de maatregel daarom "
        "niet zelf.",
    )
    return "oordeel_nodig"


def _vraag_sanctie(spoor: Spoor, soort: str, grondslag: str) -> None:
    spoor.vraag(
        "sanctie",
        f"Op de pleegdatum gold nog geen regeling uit deze regels. Welke {soort} past volgens de "
        "regels en het beleid die toen golden? Een latere, mildere regel gaat voor.",
        f"{grondslag}; {LEX_MITIOR}",
    )
