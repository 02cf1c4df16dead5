# SPDX-License-Identifier: EUPL-1.2
"""Sources and parameters in words: "PW art. 18a lid 1 (2015)" becomes "artikel 18a lid 1 van de
Participatiewet (nummering van 2015)", and the trace's list of parameters read becomes values a
person can check, with what is not yet certain.

Used by ``leesbaar``; pure text work on the engine's own output, so it also reads advices stored
long ago (``Advies.uit_dict``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .tekst import VERWIJTBAARHEID_TEKST, datum_nl, euro, jaren_tekst, maanden_tekst

_WETTEN = {
    "PW": "de Participatiewet",
    "IOAW/IOAZ": "de IOAW en de IOAZ",
    "IOAW": "de IOAW",
    "IOAZ": "de IOAZ",
    "Awb": "de Algemene wet bestuursrecht",
}
_VERDRAGEN = {
    "WvSr": "het Wetboek van Strafrecht",
    "EVRM": "het Europees Verdrag voor de Rechten van de Mens",
    "IVBPR": "het Internationaal Verdrag inzake burgerrechten en politieke rechten",
}
_WET_ARTIKEL = re.compile(
    r"^(?P<wet>PW|IOAW/IOAZ|IOAW|IOAZ|Awb) art\. (?P<nr>[\w:]+(?: en [\w:]+)?)"
    r"(?: lid (?P<lid>\d+(?:-\d+)?(?: en lid \d+)?))?(?P<nummering> \(2015\))?(?P<rest>.*)$"
)
_VERDRAG_ARTIKEL = re.compile(r"^art\. (?P<nr>\w+)(?: lid (?P<lid>\d+))? (?P<wet>WvSr|EVRM|IVBPR)$")
_UITSPRAAK = re.compile(r"^CRvB (?P<d>\d{2})-(?P<m>\d{2})-(?P<j>\d{4}), (?P<ecli>ECLI:\S+)$")
_JO = re.compile(r" (?:jo\.|met) art\. (?P<nr>[\w:]+)(?: lid (?P<lid>\d+))?(?: (?P<wet>WvSr))?")
_ONZEKER_HAAKJES = re.compile(r" \([^()]*onzeker[^()]*\)")


def _lid(lid: str | None) -> str:
    if not lid:
        return ""
    if "-" in lid:
        van, tot = (int(d) for d in lid.split("-"))
        return f" leden {van} en {tot}" if tot == van + 1 else f" leden {van} tot en met {tot}"
    return " lid " + lid.replace(" en lid ", " en ")


def _jo(treffer: re.Match[str]) -> str:
    wet = f" van {_VERDRAGEN[treffer['wet']]}" if treffer["wet"] else ""
    return f" in samenhang met artikel {treffer['nr']}{_lid(treffer['lid'])}{wet}"


def bron_in_woorden(deel: str) -> str:
    """One citation in words; a citation this module does not know is returned as it is."""
    deel = _ONZEKER_HAAKJES.sub("", deel.strip())
    treffer = _WET_ARTIKEL.match(deel)
    if treffer:
        rest = _JO.sub(_jo, treffer["rest"]).replace(
            " (via Bbz 2004)", " (via het Besluit bijstandverlening zelfstandigen 2004)"
        )
        nummering = " (nummering van 2015)" if treffer["nummering"] else ""
        return (
            f"artikel {treffer['nr']}{_lid(treffer['lid'])} van {_WETTEN[treffer['wet']]}"
            f"{nummering}{rest}"
        )
    treffer = _VERDRAG_ARTIKEL.match(deel)
    if treffer:
        return f"artikel {treffer['nr']}{_lid(treffer['lid'])} van {_VERDRAGEN[treffer['wet']]}"
    treffer = _UITSPRAAK.match(deel)
    if treffer:
        dag = date(int(treffer["j"]), int(treffer["m"]), int(treffer["d"]))
        return f"uitspraak van de Centrale Raad van Beroep van {datum_nl(dag)} ({treffer['ecli']})"
    return deel


def grondslag_in_woorden(bron: str) -> str:
    """A trace's source list ("A; B; A") in words, each citation once, in order."""
    delen: list[str] = []
    for deel in bron.split("; "):
        woorden = bron_in_woorden(deel)
        if woorden and woorden not in delen:
            delen.append(woorden)
    return "; ".join(delen)


@dataclass(frozen=True, slots=True)
class GelezenParameter:
    """One parameter as the trace lists it (``ParameterWaarde.beschrijving``)."""

    naam: str
    waarde: str
    herkomst: str
    vanaf: str
    tot: str | None
    bron: str
    onzeker: bool

    def in_woorden(self) -> str:
        """What the value means, and the value as a person writes it."""
        if self.naam == "boete_vereist_financieel_voordeel":
            return (
                "een boete volgt alleen als iemand er financieel voordeel mee wilde"
                if self.waarde == "ja"
                else "een boete volgt ook als iemand er geen financieel voordeel mee wilde"
            )
        return _betekenis(self.naam).format(_waarde(self.naam, self.waarde))


_PARAMETER = re.compile(
    r"(?P<naam>[a-z_]+) = (?P<waarde>.*?) \((?P<herkomst>(?:regeling|organisatie|"
    r"afstemmingsverordening) [^,]+), geldig vanaf (?P<vanaf>\S+?)"
    r"(?: tot en met (?P<tot>\S+?))?; bron: (?P<bron>.*?)(?P<onzeker>; ONZEKER)?\)"
    r"(?=; [a-z_]+ = |\.$)"
)


def lees_parameters(tekst: str) -> tuple[GelezenParameter, ...]:
    """The parameters listed in the trace item 'parameters' (``Spoor.parameter_uitleg``)."""
    return tuple(
        GelezenParameter(
            naam=t["naam"],
            waarde=t["waarde"],
            herkomst=t["herkomst"],
            vanaf=t["vanaf"],
            tot=t["tot"],
            bron=t["bron"],
            onzeker=bool(t["onzeker"]),
        )
        for t in _PARAMETER.finditer(tekst)
    )


_BETEKENIS = {
    "boete_bij_verwijtbaarheid": "een boete volgt alleen bij {}",
    "boete_afronding_cent": "de boete wordt naar boven afgerond op een veelvoud van {}",
    "recidive_percentage": "bij herhaling wordt de boete berekend over {} van het bedrag dat te"
    " veel is ontvangen",
    "recidive_termijn_jaren": "een eerdere boete telt mee als herhaling gedurende {}",
    "waarschuwing_grens_cent": "een waarschuwing in plaats van een boete kan tot een bedrag van {}",
    "waarschuwing_termijn_jaren": "een eerdere waarschuwing telt mee gedurende {}",
    "draagkracht_percentage": "bij een inkomen op bijstandsniveau is de boete ten hoogste {} van"
    " de norm per maand",
    "draagkracht_maanden_opzet": "bij opzet geldt dat gedurende {}",
    "draagkracht_maanden_overig": "zonder opzet geldt dat gedurende {}",
    "boete_maximum_zonder_benadeling_cent": "de hoogste boete als niets te veel is ontvangen is {}",
    "vervaltermijn_grens_cent": "de grens tussen de korte en de lange termijn om een boete op te"
    " leggen is {}",
    "vervaltermijn_lang_jaren": "een boete boven die grens kan worden opgelegd tot {} na de"
    " overtreding",
    "vervaltermijn_kort_jaren": "een boete tot die grens kan worden opgelegd tot {} na de"
    " overtreding",
    "vervolgingsgrens_cent": "boven {} wordt aangifte bij het Openbaar Ministerie overwogen",
    "maatregel_arbeid_percentage": "de verlaging bij een verplichting over werk is {}",
    "maatregel_arbeid_maanden_eerste": "de eerste keer duurt de verlaging {}",
    "maatregel_arbeid_maanden_per_herhaling": "bij herhaling duurt de verlaging per keer {} langer",
    "maatregel_arbeid_maanden_max": "de verlaging duurt ten hoogste {}",
    "maatregel_arbeid_herhaling_termijn_maanden": "een eerdere verlaging telt mee gedurende {}",
    "tekortschietend_besef_percentage": "de verlaging bij tekortschietend besef van"
    " verantwoordelijkheid is {}",
    "tekortschietend_besef_maanden": "de verlaging bij tekortschietend besef duurt {}",
    "maatregel_medewerkingsplicht_percentage": "de verlaging als iemand niet meewerkt is {}",
    "maatregel_medewerkingsplicht_maanden": "de verlaging als iemand niet meewerkt duurt {}",
    "maatregel_overige_verplichting_percentage": "de verlaging bij een andere verplichting is {}",
    "maatregel_overige_verplichting_maanden": "de verlaging bij een andere verplichting duurt {}",
    "maatregel_spreiden": "een verlaging wordt over meer maanden verdeeld: {}",
    "maatregel_spreiding_maanden": "een verdeelde verlaging loopt over {}",
    "maatregel_spreiding_eerste_maand_noemer": "in de eerste maand gaat ten minste 1/{} deel af",
    "maatregel_heroverweging_termijn_maanden": "de gemeente bekijkt een verlaging opnieuw binnen {}",
    "maatregel_heroverweging_vanaf_maanden": "dat gebeurt bij een verlaging van {} of langer",
    "beslagvrije_voet_percentage": "de beslagvrije voet is {} van de bijstandsnorm",
    "beslagvrije_voet_woonkosten_drempel_cent": "zonder huurtoeslag verhogen woonkosten boven {} de"
    " beslagvrije voet",
    "beslagvrije_voet_woonkosten_grens_cent": "woonkosten tellen daarbij mee tot {}",
    "beslagvrije_voet_zorgtoeslag_alleenstaand_cent": "zonder zorgtoeslag stijgt de beslagvrije"
    " voet voor een alleenstaande met {}",
    "beslagvrije_voet_zorgtoeslag_partner_cent": "zonder zorgtoeslag stijgt de beslagvrije voet"
    " voor partners met {}",
    "invordering_recidive_maanden_zonder_voet": "bij een boete voor herhaling mag ten hoogste {}"
    " meer worden ingehouden",
    "verrekening_verplicht_soorten": "verrekenen met de uitkering is verplicht bij {}",
    "verjaring_jaren": "een vordering verjaart {} na het einde van de betaaltermijn",
    "verjaring_stuitingsoorten": "de verjaring begint opnieuw na {}",
    "afzien_invordering_soorten": "de rest kwijtschelden kan bij {}",
    "afzien_invordering_jaren": "na {} volledig aflossen",
    "afzien_invordering_ineens_percentage": "of bij een betaling ineens van ten minste {} van wat"
    " openstaat",
}

#: Kinds of claim and of stuiting in a list value, as a person says them.
_SOORT_TEKST = {
    "terugvordering_inlichtingenplicht": "een terugvordering wegens de inlichtingenplicht",
    "terugvordering_overig": "een andere terugvordering",
    "boete": "een boete",
    "boete_recidive": "een boete voor herhaling",
    "aanmaning": "een aanmaning",
    "dwangbevel": "een dwangbevel",
    "erkenning": "een erkenning van de schuld",
    "betaling": "een betaling",
}


def _betekenis(naam: str) -> str:
    if naam.startswith("boete_percentage_"):
        soort = VERWIJTBAARHEID_TEKST.get(naam.removeprefix("boete_percentage_"), naam)
        return f"de boete bij {soort} is {{}} van het bedrag dat te veel is ontvangen"
    return _BETEKENIS.get(naam, naam.replace("_", " ") + ": {}")


def _waarde(naam: str, waarde: str) -> str:
    if waarde.startswith("[") and waarde.endswith("]"):
        soorten = [
            VERWIJTBAARHEID_TEKST.get(w) or _SOORT_TEKST.get(w, w)
            for w in waarde[1:-1].split(", ")
            if w
        ]
        return " of ".join(soorten) if soorten else "nooit"
    if not waarde.lstrip("-").isdigit():
        return waarde  # "ja" / "nee"
    getal = int(waarde)
    if naam.endswith("_cent"):
        return euro(getal)
    if naam.endswith("_jaren"):
        return jaren_tekst(getal)
    if naam.endswith("_maanden") or "_maanden_" in naam:
        return maanden_tekst(getal)
    if naam.endswith("_percentage") or naam.startswith("boete_percentage_"):
        return f"{getal} %"
    return waarde
