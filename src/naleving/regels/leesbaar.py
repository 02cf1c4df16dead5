# SPDX-License-Identifier: EUPL-1.2
"""The advice in plain Dutch: each step of the trace as sentences a consultant can read to the
resident, with the article in words and what is not yet certain, and the technical trace (rule
keys, sources as cited, parameter values in cents) kept beside it.

    uitleg = leesbaar(advies)            # an Advies, or its to_dict() as stored with a decision
    leesbaar_invordering(invordering(...))  # the collection advice, likewise
    uitleg.stappen[0].tekst              # "Op 1 maart 2026, de dag van de overtreding, ..."
    print(uitleg.tekst())                # what ``naleving advies --uitleg`` prints

The engine's trace texts (``motor``, ``inlichtingenplicht``, ``maatregel``) stay as they are: they
are the record. This module rewords them per rule; a text it does not recognise is shown as the
engine wrote it (``Stap.herschreven`` is then False), so a new rule never disappears from view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .advies import Advies, beschrijf_sanctie
from .bronnen import GelezenParameter, grondslag_in_woorden, lees_parameters
from .invordering import Invorderingsadvies
from .parameters import laad_regelingen
from .spoor import OpenVraag, Uitleg
from .tekst import VERWIJTBAARHEID_TEKST, datum_nl, euro

LOKALE_TIJD = ZoneInfo("Europe/Amsterdam")
SLOT = "Dit is een advies. Een medewerker beslist en legt de motivering vast (AVG art. 22)."

_VERWIJT = {
    "opzet": "U deed dit met opzet",
    "grove schuld": "Dit is u ernstig te verwijten (grove schuld)",
    "normale verwijtbaarheid": "Dit is u te verwijten (normale verwijtbaarheid)",
    "verminderde verwijtbaarheid": "Dit is u minder te verwijten (verminderde verwijtbaarheid)",
}


@dataclass(frozen=True, slots=True)
class Stap:
    """One step: the plain sentences, the articles in words, what is uncertain, and the trace."""

    tekst: str
    grondslag: str
    onzeker: tuple[str, ...]
    regel: str
    bron: str
    technisch: str
    herschreven: bool


@dataclass(frozen=True, slots=True)
class LeesbareUitleg:
    advies: str
    regeling: str
    stappen: tuple[Stap, ...]
    open_vragen: tuple[str, ...]
    onzeker: tuple[str, ...]
    parameters: tuple[GelezenParameter, ...]
    technisch: tuple[Uitleg, ...]
    # The key figures in a line each (the collection advice: voet, repayment, set-off, lapse).
    kern: tuple[str, ...] = ()

    def tekst(self) -> str:
        """The explanation as text (``naleving advies --uitleg``), the technical trace after it."""
        regels = [f"Advies: {self.advies}", f"Regels: {self.regeling}", *self.kern, "", "Uitleg:"]
        for nummer, stap in enumerate(self.stappen, start=1):
            regels.append(f"  {nummer}. {stap.tekst}")
            if stap.grondslag:
                regels.append(f"     Grondslag: {stap.grondslag}.")
            regels += [f"     {_hoofdletter(o)}." for o in stap.onzeker]
        if self.open_vragen:
            regels += ["", "Nog te beoordelen door een medewerker:"]
            regels += [f"  - {v}" for v in self.open_vragen]
        if self.onzeker:
            regels += ["", "Ook gebruikt bij de berekening:"]
            regels += [f"  - {_hoofdletter(o)}." for o in self.onzeker]
        regels += ["", "Technische verantwoording:"]
        for item in self.technisch:
            regels.append(f"  [{item.regel}] {item.tekst}")
            regels.append(f"     Bron: {item.bron}")
        return "\n".join([*regels, "", SLOT])


def leesbaar(advies: Advies | Mapping[str, Any]) -> LeesbareUitleg:
    """The plain-Dutch explanation of an advice (an Advies or its ``to_dict()``)."""
    if not isinstance(advies, Advies):
        advies = Advies.uit_dict(advies)
    parameters: tuple[GelezenParameter, ...] = ()
    stappen = []
    for item in advies.uitleg:
        if item.regel == "parameters":
            parameters = lees_parameters(item.tekst)
            continue
        stappen.append(_stap(item))
    onzeker_stappen = []
    resten = []
    for parameter in (p for p in parameters if p.onzeker):
        # Beside the step whose source is this parameter's source; otherwise in the list at the end.
        noot = f"nog niet zeker: {parameter.in_woorden()}"
        plaats = next((i for i, s in enumerate(stappen) if parameter.bron in s.bron), None)
        if plaats is None:
            resten.append(f"{noot} (bron: {grondslag_in_woorden(parameter.bron)})")
        else:
            onzeker_stappen.append((plaats, noot))
    stappen = [
        _met_noten(stap, [n for i, n in onzeker_stappen if i == plaats])
        for plaats, stap in enumerate(stappen)
    ]
    return LeesbareUitleg(
        advies=beschrijf_sanctie(advies.sanctie, advies.boete_cent, advies.maatregel),
        regeling=regeling_naam(advies.regeling),
        stappen=tuple(stappen),
        open_vragen=tuple(
            f"{v.vraag} (grondslag: {grondslag_in_woorden(v.grondslag)})"
            for v in advies.open_vragen
        ),
        onzeker=tuple(dict.fromkeys(resten)),
        parameters=parameters,
        technisch=advies.uitleg,
    )


GEEN_REGELING = "geen: op de pleegdatum gold nog geen regeling; alleen de wet is beoordeeld"


def regeling_naam(regeling_id: str | None) -> str:
    """The name of a shipped rule set ("Beleidsregels handhaving Baanbrekers 2025"); an id this
    installation does not ship is shown as it is; None (facts from before the first rule set):
    only the law was applied."""
    if regeling_id is None:
        return GEEN_REGELING
    regeling = laad_regelingen().get(regeling_id)
    return regeling.naam if regeling else regeling_id


def tijdstip_nl(moment: datetime | str) -> str:
    """'3 december 2026 om 14:05' in Dutch local time (Europe/Amsterdam); a stored ISO text is
    read first. A naive moment is taken as UTC, as the application stores time stamps."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    lokaal = moment.astimezone(LOKALE_TIJD)
    return f"{datum_nl(lokaal.date())} om {lokaal:%H:%M}"


_SANCTIE = {"boete": "Boete", "waarschuwing": "Waarschuwing", "maatregel": "Maatregel"}
_OVERTREDING = {
    "inlichtingenplicht": "wijziging niet doorgegeven (inlichtingenplicht)",
    "arbeidsverplichting": "verplichting over werk niet nagekomen",
    "tekortschietend_besef": "tekortschietend besef van verantwoordelijkheid",
}


def eerdere_sanctie(sanctie: Mapping[str, str]) -> str:
    """An earlier sanction from the facts ({"soort", "overtreding", "datum"}) in words:
    'Boete, wijziging niet doorgegeven (inlichtingenplicht), 3 maart 2024'."""
    soort, overtreding = sanctie.get("soort", ""), sanctie.get("overtreding", "")
    try:
        datum = datum_nl(date.fromisoformat(sanctie.get("datum", "")))
    except ValueError:
        datum = sanctie.get("datum", "")
    return f"{_SANCTIE.get(soort, soort)}, {_OVERTREDING.get(overtreding, overtreding)}, {datum}"


def _met_noten(stap: Stap, noten: list[str]) -> Stap:
    if not noten:
        return stap
    alles = tuple(dict.fromkeys([*stap.onzeker, *noten]))
    return Stap(
        stap.tekst, stap.grondslag, alles, stap.regel, stap.bron, stap.technisch, stap.herschreven
    )


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


# --- the rewording per rule --------------------------------------------------------------------

Herschrijving = Callable[[re.Match[str]], "tuple[str, tuple[str, ...]]"]


def _stap(
    item: Uitleg,
    herschrijvingen: Mapping[str, tuple[tuple[re.Pattern[str], Herschrijving], ...]] | None = None,
) -> Stap:
    grondslag = grondslag_in_woorden(item.bron)
    for patroon, herschrijf in (herschrijvingen or _HERSCHRIJVINGEN).get(item.regel, ()):
        treffer = patroon.fullmatch(item.tekst)
        if treffer:
            tekst, onzeker = herschrijf(treffer)
            return Stap(tekst, grondslag, onzeker, item.regel, item.bron, item.tekst, True)
    return Stap(item.tekst, grondslag, (), item.regel, item.bron, item.tekst, False)


def _regeling(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    naam = t["naam"]
    if t["wanneer"] == "pleegdatum":
        tekst = f"Op {t['datum']}, de dag van de overtreding, golden bij {t['org']} de {naam}."
    else:
        tekst = f"Op {t['datum']}, de dag van de beoordeling, gelden bij {t['org']} de {naam}."
    onzeker: tuple[str, ...] = ()
    if t["extra"] == " (datum ingesteld door de beheerder)":
        tekst += f" De organisatie heeft vastgesteld dat die gelden vanaf {t['vanaf']}."
    elif t["extra"]:
        onzeker = (f"nog niet zeker: vanaf welke datum de {naam} gelden, of wat erin staat",)
    return tekst, onzeker


def _lex_mitior(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    oud, nieuw = regeling_naam(t["oud"]), regeling_naam(t["nieuw"])
    tekst = (
        "De regels zijn veranderd sinds de overtreding. Zolang een sanctie nog niet vaststaat, "
        f"geldt de regel die voor u het gunstigst is. Volgens de {oud}: {t['a']}. Volgens de "
        f"{nieuw}: {t['b']}."
    )
    reden = t["reden"]
    if reden.startswith("De vergelijking kan pas"):
        tekst += (
            " Welke regels gunstiger zijn, is pas duidelijk als de open vragen zijn beantwoord."
        )
    elif reden.startswith("Beide"):
        tekst += (
            " Beide geven dezelfde uitkomst. Dan gelden de regels van de dag van de overtreding."
        )
    elif reden.endswith("wordt toegepast."):
        tekst += f" De {nieuw} zijn gunstiger voor u. Die gelden."
    else:
        tekst += f" De {oud} zijn gunstiger voor u. Die blijven gelden."
    return tekst, ()


def _overtreding(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    wet = t["wet"]
    if t["soort"] == "inlichtingenplicht":
        return (
            "Vastgesteld is dat u iets niet of niet op tijd heeft doorgegeven dat van belang is "
            f"voor uw uitkering. Dat is een schending van de inlichtingenplicht ({wet}). Daarvoor "
            "volgt een boete of een waarschuwing, zoals hieronder staat.",
            (),
        )
    if t["soort"] == "medewerkingsplicht":
        return (
            f"Vastgesteld is dat u niet heeft meegewerkt zoals dat moet ({wet}). U moet "
            "meewerken aan bijvoorbeeld een onderzoek of een huisbezoek: de medewerkingsplicht. "
            "Daarvoor wordt uw uitkering een tijd verlaagd volgens de afstemmingsverordening.",
            (),
        )
    if t["soort"] == "andere verplichting":
        return (
            f"Vastgesteld is dat u een andere verplichting bij uw uitkering niet bent nagekomen "
            f"({wet}). Daarvoor wordt uw uitkering een tijd verlaagd volgens de "
            "afstemmingsverordening.",
            (),
        )
    if t["soort"] == "arbeidsverplichting":
        return (
            f"Vastgesteld is dat u een verplichting over werk niet bent nagekomen ({wet}). "
            "Daarvoor wordt uw uitkering een tijd verlaagd. Dat heet een maatregel.",
            (),
        )
    return (
        "Vastgesteld is dat u te weinig heeft gedaan om zelf in uw bestaan te voorzien "
        f"(tekortschietend besef van verantwoordelijkheid, {wet}). Daarvoor wordt uw uitkering "
        "verlaagd volgens de afstemmingsverordening van de gemeente.",
        (),
    )


def _benadeling_opgegeven(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"U heeft {t['bedrag']} te veel {t['bruto'] or ''}uitkering ontvangen. Dat heet het "
        "benadelingsbedrag.",
        (),
    )


def _benadeling_per_maand(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    delen = [
        f"{_maand(d['maand'])}: {d['ontvangen']} ontvangen, recht op {d['recht']}, "
        f"{d['teveel']} te veel"
        for d in _MAAND_DEEL.finditer(t["delen"])
    ]
    return (
        "Per maand is gekeken hoeveel u kreeg en hoeveel u had mogen krijgen ("
        + "; ".join(delen)
        + f"). Samen heeft u {t['bedrag']} te veel {t['bruto'] or ''}uitkering ontvangen. Dat heet het "
        "benadelingsbedrag.",
        (),
    )


def _maand(tekst: str) -> str:
    jaar, maand = tekst.split("-")
    return datum_nl(datetime(int(jaar), int(maand), 1).date()).split(" ", 1)[1]


_MAAND_DEEL = re.compile(
    r"(?P<maand>\d{4}-\d{2}): (?P<ontvangen>€ [\d.,-]+) ontvangen, recht (?P<recht>€ [\d.,-]+),"
    r" te veel (?P<teveel>€ [\d.,-]+)"
)


def _vast(tekst: str) -> Herschrijving:
    return lambda _t: (tekst, ())


def _verwijtbaarheid(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return f"{_VERWIJT[t['mate']]}, vindt de consulent.", ()


def _gedifferentieerd(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"Bij {t['mate']} geven deze regels geen boete, maar een waarschuwing. Een boete volgt "
        f"alleen bij {t['alleen'].replace(', ', ' of ')}.",
        (),
    )


def _waarschuwing_ja(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"U heeft {t['bedrag']} te veel ontvangen. Dat is niet meer dan {t['grens']}. En u kreeg "
        f"in de {t['jaren']} daarvoor geen waarschuwing voor het niet doorgeven van wijzigingen. "
        "Daarom krijgt u een waarschuwing in plaats van een boete.",
        (),
    )


def _waarschuwing_nee(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"U heeft {t['bedrag']} te veel ontvangen. Dat is niet meer dan {t['grens']}. Maar u "
        f"kreeg op {t['datum']} al een waarschuwing, minder dan {t['jaren']} voor de "
        "overtreding. Daarom is een waarschuwing in plaats van een boete nu niet mogelijk.",
        (),
    )


def _dringend(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return f"Er zijn dringende redenen: {t['reden']}. Daarom krijgt u geen boete.", ()


def _recidive_nee(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"U kreeg in de {t['jaren']} voor de overtreding geen boete die vaststaat voor het niet "
        "doorgeven van wijzigingen. De boete wordt dus berekend over het bedrag dat u te veel "
        "ontving.",
        (),
    )


_RECIDIVE_WAT = {
    "een eerdere boete": "een boete",
    "een eerdere strafrechtelijke sanctie": "een straf van de rechter",
    "een onvoorwaardelijke gevangenisstraf": "een gevangenisstraf",
}


def _recidive_ja(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    wat = _RECIDIVE_WAT[t["wat"]]
    return (
        f"U kreeg al eerder {wat} voor het niet doorgeven van wijzigingen. Die kwam vast te "
        f"staan op {t['datum']}, minder dan {t['jaren']} voor deze overtreding. Daarom wordt de "
        f"boete berekend over {t['procent']} % van het bedrag dat u te veel ontving.",
        (),
    )


def _verval_open(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"Een boete kan worden opgelegd tot {t['jaren']} na de overtreding, dus tot en met "
        f"{t['datum']}. Die termijn loopt nog.",
        (),
    )


def _verval_voorbij(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"De hoogst mogelijke boete is {t['hoogste']} dan {t['grens']}. Dan kan een boete worden "
        f"opgelegd tot {t['jaren']} na de overtreding, dus tot en met {t['datum']}. Die termijn is "
        f"voorbij op {t['beoordeling']}, de dag van de beoordeling. Daarom krijgt u geen boete, en "
        "ook geen waarschuwing in plaats van een boete.",
        (),
    )


def _zonder_benadeling(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    hoogte = t["hoogte"]
    onzeker: tuple[str, ...] = ()
    bedrag = re.fullmatch(
        r"(€ [\d.,]+) \(tweede geldboetecategorie van art\. 23 WvSr; waarde "
        r"onzeker\)",
        hoogte,
    )
    if bedrag:
        hoogte = f"{bedrag[1]} (de tweede geldboetecategorie van het Wetboek van Strafrecht)"
        onzeker = ("nog niet zeker: de hoogte van de tweede geldboetecategorie",)
    elif hoogte.startswith("het bedrag van de tweede"):
        hoogte = "het bedrag van de tweede geldboetecategorie van het Wetboek van Strafrecht"
    return (
        "U heeft niets te veel ontvangen, dus er is geen bedrag om de boete van te berekenen. "
        f"De consulent bepaalt daarom zelf hoe hoog de boete is. Die is ten hoogste {hoogte}.",
        onzeker,
    )


def _boete_hoogte(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    grondslag = t["grondslag"]
    over = (
        f"het bedrag dat u te veel ontving ({t['bedrag']})"
        if grondslag == t["bedrag"]
        else f"{grondslag}, het bedrag dat u te veel ontving"
    )
    afronding = (
        "hele tientjes" if t["afronding"] == "€ 10,00" else f"een veelvoud van {t['afronding']}"
    )
    return (
        f"{_VERWIJT[t['mate']]}. Dan is de boete {t['procent']} % van {over}. Dat wordt naar "
        f"boven afgerond op {afronding}: {t['boete']}.",
        (),
    )


def _draagkracht_matiging(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    gevolg = (
        f"Daarom wordt de boete verlaagd tot {t['uitkomst']}."
        if t["uitkomst"]
        else "De boete is niet hoger, dus die blijft gelijk."
    )
    return (
        f"Uw inkomen is op bijstandsniveau. Dan is de boete niet hoger dan {t['procent']} % van "
        f"uw norm ({t['norm']}) gedurende {t['maanden']} maanden: {t['grens']}. {gevolg}",
        (),
    )


def _maatregel_arbeid(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    tekst = (
        f"U bent een verplichting over werk niet nagekomen ({t['mate']}). Daarom wordt uw "
        f"uitkering {t['duur']} met {t['procent']} % verlaagd."
    )
    herhaling = t["herhaling"]
    eerder = _HERHALING.fullmatch(herhaling)
    if eerder:
        keer = "1 keer" if eerder["aantal"] == "1" else f"{eerder['aantal']} keer"
        tekst += (
            f" U kreeg in de {eerder['termijn']} maanden daarvoor al {keer} een verlaging "
            f"hiervoor, het laatst op {eerder['datum']}. Daarom duurt de verlaging langer: "
            f"{eerder['extra']} maand extra per keer, ten hoogste {eerder['max']}."
        )
    else:
        geen = re.fullmatch(
            r"In de (\d+) maanden vóór de schending is geen maatregel .*", herhaling
        )
        if geen:
            tekst += f" U kreeg in de {geen[1]} maanden daarvoor geen verlaging hiervoor."
    return tekst, ()


_HERHALING = re.compile(
    r"In de (?P<termijn>\d+) maanden vóór de schending (?:is|zijn) (?P<aantal>\d+) eerdere "
    r"maatregel\(en\) wegens een arbeidsverplichting opgelegd \(laatste op (?P<datum>[^)]+)\): "
    r"(?P<extra>\d+) maand extra per herhaling, ten hoogste (?P<max>[^.]+)\."
)


def _besef(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"Uw uitkering wordt {t['duur']} met {t['procent']} % verlaagd. Zo staat het in de "
        "afstemmingsverordening van de gemeente.",
        (),
    )


_WAT = {
    "Schending van de medewerkingsplicht": "U heeft niet meegewerkt zoals dat moet",
    "Schending van een andere verplichting verbonden aan de uitkering": (
        "U bent een verplichting bij uw uitkering niet nagekomen"
    ),
}


def _verordening(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    return (
        f"{_WAT[t['wat']]} ({t['mate']}). Daarom wordt uw uitkering {t['duur']} met "
        f"{t['procent']} % verlaagd. Zo staat het in de {t['verordening']}.",
        (),
    )


def _verlagingsplan(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    tekst = (
        f"De verlaging is {t['procent']} % van uw norm van {t['norm']}: {t['per']} per maand, "
        f"{t['duur']} lang. Samen is dat {t['totaal']}."
    )
    if t["niet_gespreid"]:
        return f"{tekst} Dat gaat in één keer van de uitkering af, per maand.", ()
    delen = t["delen"].replace("maand ", "in maand ")
    if t["reden"].startswith("de verlaging per maand"):
        reden = "de verlaging hoger is dan uw uitkering in die maand"
    elif t["reden"].startswith("de ambtenaar"):
        reden = "de consulent daarvoor kiest"
    else:
        reden = "de afstemmingsverordening dat zo regelt"
    tekst += (
        f" Omdat {reden}, wordt het verdeeld over {t['aantal']}. In de eerste maand gaat er "
        f"ten minste een {'derde' if t['noemer'] == '3' else '1/' + t['noemer'] + ' deel'} af: "
        f"{delen}."
    )
    if t["nv"]:
        tekst += (
            f" Een deel ({t['nv']}) past niet binnen uw uitkering van die maanden. Dat gaat er "
            "niet af; de consulent kijkt of de maatregel lager of korter moet."
        )
    return tekst, ()


def _terugvordering(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    tekst = (
        f"U moet de {t['bedrag']} die u te veel ontving terugbetalen. Dat staat los van een boete "
        "of waarschuwing: terugbetalen is geen straf."
    )
    if t["afzien"]:
        tekst += (
            " Omdat er dringende redenen zijn, kan de organisatie besluiten dat u een deel of "
            "alles niet hoeft terug te betalen."
        )
    return tekst, ()


def _bevoegdheid(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    tekst = (
        f"U kreeg {t['bedrag']} te veel, maar niet doordat u iets niet doorgaf. De organisatie mag "
        "dat terugvragen, maar hoeft het niet. Zij weegt eerst uw belangen af."
    )
    slot = t["slot"]
    if slot.startswith("De afweging"):
        tekst += " Die afweging is nog niet gemaakt."
    elif "niet" in slot:
        tekst += " Na die afweging vraagt de organisatie het geld niet terug."
    else:
        tekst += " Na die afweging vraagt de organisatie het geld terug."
    return tekst, ()


_B = r"€ -?[\d.]+,\d{2}"
_MATE = "|".join(_VERWIJT)
_HERSCHRIJVINGEN: Mapping[str, tuple[tuple[re.Pattern[str], Herschrijving], ...]] = {
    "regeling": (
        (
            re.compile(
                r"Op de (?P<wanneer>pleegdatum|beoordelingsdatum) \((?P<datum>[^)]+)\) past "
                r"(?P<org>.+?) de regeling '(?P<naam>.+?)' \([^)]+\) toe, vanaf (?P<vanaf>.+?)"
                r"(?P<extra> \((?:datum ingesteld door de beheerder|ingangsdatum of inhoud "
                r"onzeker)\))?\."
            ),
            _regeling,
        ),
        (
            re.compile(
                r"Op de pleegdatum \((?P<datum>[^)]+)\) past (?P<org>.+?) volgens deze regels nog "
                r"geen regeling toe; de eerste, '(?P<naam>.+?)' \([^)]+\), geldt vanaf "
                r"(?P<vanaf>[^.]+)\. .*"
            ),
            lambda t: (
                f"Op {t['datum']}, de dag van de overtreding, had {t['org']} nog geen eigen regels "
                f"voor boetes. De eerste regels gelden vanaf {t['vanaf']}. Daarom is alleen "
                "gekeken naar wat de wet zelf zegt.",
                (),
            ),
        ),
    ),
    "beleid_niet_beschikbaar": ((re.compile(r"(?s).+"), lambda t: (t[0], ())),),
    "una_via": (
        (
            re.compile(r"Er is aangifte gedaan bij het Openbaar Ministerie; .*"),
            _vast(
                "Er is aangifte gedaan bij het Openbaar Ministerie. Daarom krijgt u geen boete, en "
                "ook geen waarschuwing in plaats van een boete. Besluit het Openbaar Ministerie "
                "om u niet te vervolgen, dan wordt de zaak opnieuw bekeken."
            ),
        ),
        (
            re.compile(r"Er is geen aangifte gedaan; .*"),
            _vast(
                "Er is geen aangifte gedaan bij het Openbaar Ministerie. Daarom beslist de "
                "gemeente zelf over een boete."
            ),
        ),
        (
            re.compile(r"Zonder aangifte volgt (?P<zonder>.+?); met aangifte .*"),
            lambda t: (
                f"Zonder aangifte bij het Openbaar Ministerie volgt {t['zonder']}. Is er wel "
                "aangifte gedaan, dan krijgt u geen boete en ook geen waarschuwing. Dat moet de "
                "consulent eerst nagaan.",
                (),
            ),
        ),
    ),
    "boete_maximum": (
        (
            re.compile(
                rf"Door de afronding zou de boete \((?P<boete>{_B})\) hoger zijn dan de wet "
                r"toestaat: de boete is ten hoogste (?P<grens>.+?)\. De boete wordt daarom "
                rf"(?P<maximum>{_B})\."
            ),
            lambda t: (
                f"Na het afronden zou de boete {t['boete']} zijn. Dat is meer dan de wet toestaat: "
                f"de boete is ten hoogste {t['grens']}. Daarom is de boete {t['maximum']}.",
                (),
            ),
        ),
    ),
    "lex_mitior": (
        (
            re.compile(
                r"Op de pleegdatum gold (?P<oud>\S+), op de beoordelingsdatum (?P<nieuw>\S+)\. .*? "
                r"Volgens (?P=oud): (?P<a>.+?); volgens (?P=nieuw): (?P<b>.+?)\. (?P<reden>.+)"
            ),
            _lex_mitior,
        ),
    ),
    "overtreding": (
        (
            re.compile(
                r"Vastgesteld is (?:een schending van (?:de |een )?(?P<soort>inlichtingenplicht|"
                r"arbeidsverplichting|medewerkingsplicht|andere verplichting)(?: verbonden aan de "
                r"uitkering)?|tekortschietend besef .*?) \((?P<wet>[^)]+)\)\. .*"
            ),
            _overtreding,
        ),
    ),
    "benadelingsbedrag": (
        (
            re.compile(
                rf"Het (?P<bruto>bruto )?benadelingsbedrag is opgegeven: (?P<bedrag>{_B})\."
            ),
            _benadeling_opgegeven,
        ),
        (
            re.compile(
                r"Het (?P<bruto>bruto )?benadelingsbedrag is de som per maand van wat meer is "
                rf"ontvangen dan waar recht op was \((?P<delen>.*)\): (?P<bedrag>{_B})\."
            ),
            _benadeling_per_maand,
        ),
        (
            re.compile(r"Er is een benadelingsbedrag opgegeven, maar dat telt alleen .*"),
            _vast(
                "Er is een bedrag opgegeven dat te veel is ontvangen. Dat telt alleen mee als u "
                "iets niet heeft doorgegeven. Hier speelt het geen rol."
            ),
        ),
    ),
    "verwijtbaarheid": (
        (
            re.compile(
                rf"De ambtenaar heeft de verwijtbaarheid beoordeeld als (?P<mate>{_MATE})\."
            ),
            _verwijtbaarheid,
        ),
        (
            re.compile(r"De overtreding is de betrokkene op geen enkele wijze te verwijten.*"),
            _vast("U valt niets te verwijten. Daarom krijgt u geen boete en geen waarschuwing."),
        ),
        (
            re.compile(r"Elke vorm van verwijtbaarheid ontbreekt.*"),
            _vast("U valt niets te verwijten. Daarom wordt uw uitkering niet verlaagd."),
        ),
        (
            re.compile(r"De (?:mate van )?verwijtbaarheid is nog niet beoordeeld\. .*"),
            _vast(
                "De consulent moet nog beoordelen in welke mate dit u te verwijten is. Zonder dat "
                "oordeel kan geen sanctie worden bepaald. De computer vult dat oordeel nooit zelf "
                "in."
            ),
        ),
    ),
    "gedifferentieerde_handhaving": (
        (
            re.compile(
                rf"Bij (?P<mate>{'|'.join(VERWIJTBAARHEID_TEKST.values())}) volgt volgens deze "
                r"regeling geen boete maar een waarschuwing \(boete alleen bij: (?P<alleen>.*)\)\."
            ),
            _gedifferentieerd,
        ),
        (
            re.compile(r"De betrokkene handelde niet om financieel voordeel te behalen.*"),
            _vast(
                "U deed dit niet om er financieel voordeel van te hebben. Volgens deze regels "
                "krijgt u dan geen boete, maar een waarschuwing."
            ),
        ),
    ),
    "financieel_voordeel": (
        (
            re.compile(r"De schending was opzettelijk en gericht op financieel voordeel.*"),
            _vast(
                "U deed dit met opzet, om er financieel voordeel van te hebben. Daarom gelden de "
                "regels voor een boete."
            ),
        ),
        (
            re.compile(r"Een boete volgt alleen bij opzet met het doel .*"),
            _vast(
                "Een boete volgt alleen als u dit met opzet deed, om er financieel voordeel van te "
                "hebben. Dat moet de consulent nog beoordelen."
            ),
        ),
    ),
    "waarschuwing": (
        (
            re.compile(
                rf"Het benadelingsbedrag \((?P<bedrag>{_B})\) is niet hoger dan (?P<grens>{_B}) en "
                r"in de (?P<jaren>\d+ jaar) vóór de overtreding is geen waarschuwing .*"
            ),
            _waarschuwing_ja,
        ),
        (
            re.compile(
                rf"Het benadelingsbedrag \((?P<bedrag>{_B})\) is niet hoger dan (?P<grens>{_B}), "
                r"maar op (?P<datum>.+?) is al een waarschuwing gegeven, binnen "
                r"(?P<jaren>\d+ jaar) vóór .*"
            ),
            _waarschuwing_nee,
        ),
    ),
    "dringende_redenen": (
        (
            re.compile(
                r"Er zijn dringende redenen vastgesteld \(motivering: (?P<reden>.*)\); daarom wordt "
                r"van een boete afgezien\.",
                re.DOTALL,
            ),
            _dringend,
        ),
        (
            re.compile(r"Bij dringende redenen kan van de maatregel worden afgezien.*"),
            _vast(
                "Er zijn dringende redenen. Dan kan de verlaging lager of korter zijn, of helemaal "
                "niet doorgaan. Die afweging maakt de consulent, niet de computer."
            ),
        ),
    ),
    "recidive": (
        (
            re.compile(
                r"Geen boete (?:of strafrechtelijke sanctie )?voor schending .* in de "
                r"(?P<jaren>\d+ jaar) vóór de overtreding .*"
            ),
            _recidive_nee,
        ),
        (
            re.compile(
                r"Op (?P<datum>.+?) werd (?P<wat>een eerdere boete|een eerdere strafrechtelijke sanctie|"
                r"een onvoorwaardelijke gevangenisstraf) .* binnen (?P<jaren>\d+ jaar) vóór de "
                r"overtreding: recidive, de grondslag is (?P<procent>\d+) % .*"
            ),
            _recidive_ja,
        ),
    ),
    "vervaltermijn": (
        (
            re.compile(
                r"De bevoegdheid om een boete op te leggen vervalt (?P<jaren>\d+ jaar) na de "
                r"overtreding, op (?P<datum>[^;]+); de beoordelingsdatum ligt daarvoor\."
            ),
            _verval_open,
        ),
        (
            re.compile(
                rf"De hoogst mogelijke boete is (?P<hoogste>hoger|niet hoger) dan (?P<grens>{_B}), "
                r"dus de bevoegdheid om een boete op te leggen vervalt (?P<jaren>\d+ jaar) na de "
                r"overtreding, op (?P<datum>[^;]+); de beoordelingsdatum ligt daarvoor\."
            ),
            _verval_open,
        ),
        (
            re.compile(
                rf"De hoogst mogelijke boete is (?P<hoogste>hoger|niet hoger) dan (?P<grens>{_B}), "
                r"dus de bevoegdheid om een boete op te leggen vervalt (?P<jaren>\d+ jaar) na de "
                r"overtreding, op (?P<datum>[^.]+)\. De beoordelingsdatum (?P<beoordeling>.+?) "
                r"ligt daarna: .*"
            ),
            _verval_voorbij,
        ),
        (
            re.compile(r"De vervaltermijnen van de boetebevoegdheid staan voor deze pleegdatum .*"),
            _vast(
                "Voor een overtreding van zo lang geleden staan de termijnen om een boete op te "
                "leggen niet in deze regels. De consulent gaat zelf na of een boete nog kan."
            ),
        ),
    ),
    "boete_zonder_benadeling": (
        (
            re.compile(r"Er is geen benadelingsbedrag .*; het maximum is (?P<hoogte>.+)\."),
            _zonder_benadeling,
        ),
    ),
    "boete_hoogte": (
        (
            re.compile(
                rf"Het (?:bruto )?benadelingsbedrag is (?P<bedrag>{_B})\. Bij (?P<mate>{_MATE}) is "
                rf"de boete (?P<procent>\d+) % van (?P<grondslag>(?:\d+ % van )?{_B}), naar boven "
                rf"afgerond op een veelvoud van (?P<afronding>{_B}): (?P<boete>{_B})\."
            ),
            _boete_hoogte,
        ),
    ),
    "draagkracht": (
        (
            re.compile(r"De draagkracht is niet opgegeven; .*"),
            _vast(
                "Nog niet bekend is of u de boete kunt betalen. De consulent beoordeelt dat voor "
                "het besluit."
            ),
        ),
        (
            re.compile(r"Het inkomen ligt niet op bijstandsniveau; de boete wordt niet gematigd\."),
            _vast("Uw inkomen is hoger dan bijstandsniveau. Daarom wordt de boete niet verlaagd."),
        ),
        (
            re.compile(
                r"Het inkomen ligt op bijstandsniveau: de boete is ten hoogste (?P<procent>\d+) % "
                rf"van de norm \((?P<norm>{_B})\) gedurende (?P<maanden>\d+) maanden = "
                rf"(?P<grens>{_B}); (?:de boete wordt gematigd tot (?P<uitkomst>{_B})|de boete "
                r"blijft daaronder en wordt niet gematigd)\."
            ),
            _draagkracht_matiging,
        ),
    ),
    "vervolgingsgrens": (
        (
            re.compile(
                rf"Het benadelingsbedrag ligt boven de vervolgingsgrens van (?P<grens>{_B})"
                r"(?P<onzeker> \(waarde onzeker\))?: .*"
            ),
            lambda t: (
                f"U heeft meer dan {t['grens']} te veel ontvangen. Dan kan de organisatie "
                "aangifte doen bij het Openbaar Ministerie. U krijgt dan geen boete: een boete en "
                "een straf van de rechter voor hetzelfde feit gaan nooit samen.",
                (),
            ),
        ),
    ),
    "terugvordering": (
        (
            re.compile(
                rf"Wat door de schending van de inlichtingenplicht te veel is ontvangen \((?P<bedrag>"
                rf"{_B})\) wordt teruggevorderd, ongeacht de sanctie: .*?(?P<afzien> Wegens de "
                r"dringende redenen .*)?"
            ),
            _terugvordering,
        ),
        (
            re.compile(r"Verplichte terugvordering geldt alleen .*"),
            _vast(
                "Terugbetalen is hier niet verplicht. Dat geldt alleen als u te veel bijstand "
                "kreeg doordat u iets niet heeft doorgegeven."
            ),
        ),
    ),
    "terugvordering_bevoegdheid": (
        (
            re.compile(
                rf"Het te veel betaalde \((?P<bedrag>{_B})\) is niet door schending van de "
                r"inlichtingenplicht ontvangen: .*?(?P<slot>Na de afweging wordt (?:niet )?"
                r"teruggevorderd\.|De afweging is nog niet gemaakt; .*)",
                re.DOTALL,
            ),
            _bevoegdheid,
        ),
    ),
    "terugvordering_bruto": (
        (
            re.compile(
                rf"Terugbetaling in (?P<jaar>\d{{4}})\. .* Netto (?P<netto>{_B}) \+ loonheffing "
                rf"(?P<lh>{_B}) = (?P<bruto>{_B})\.",
                re.DOTALL,
            ),
            lambda t: (
                f"U betaalt terug in {t['jaar']}. Wat u in hetzelfde jaar terugbetaalt als u het "
                "kreeg, betaalt u terug zonder de belasting erover (netto). Voor geld uit een "
                "eerder jaar betaalt u ook de loonheffing terug die de organisatie voor u aan de "
                f"Belastingdienst betaalde (bruto): {t['netto']} plus {t['lh']} is {t['bruto']}.",
                (),
            ),
        ),
    ),
    "terugvordering_gezin": (
        (
            re.compile(r"De bijstand is aan het gezin verleend: .*", re.DOTALL),
            _vast(
                "U kreeg de bijstand samen met uw partner. Daarom moeten u en uw partner het "
                "geld samen terugbetalen. De organisatie mag het hele bedrag aan ieder van u "
                "vragen. Wat de een betaalt, hoeft de ander niet meer te betalen."
            ),
        ),
        (
            re.compile(r"De inwoner voerde .* die beslissing is nog niet genomen\.", re.DOTALL),
            _vast(
                "U woonde samen met een partner, maar gaf dat niet door. De organisatie kan het "
                "geld ook aan uw partner vragen. Dat is nog niet besloten."
            ),
        ),
        (
            re.compile(r"De inwoner voerde .* beiden zijn hoofdelijk aansprakelijk .*", re.DOTALL),
            _vast(
                "U woonde samen met een partner, maar gaf dat niet door. De organisatie vraagt het "
                "geld daarom ook aan uw partner. Ieder van u kan het hele bedrag moeten betalen. "
                "Wat de een betaalt, hoeft de ander niet meer te betalen."
            ),
        ),
        (
            re.compile(r"De inwoner voerde .* alleen van de inwoner\.", re.DOTALL),
            _vast(
                "U woonde samen met een partner, maar gaf dat niet door. De organisatie vraagt het "
                "geld alleen aan u terug, niet aan uw partner."
            ),
        ),
    ),
    "terugvordering_afzien": (
        (
            re.compile(r"Of er dringende redenen zijn .* nog niet beoordeeld\."),
            _vast(
                "De consulent kijkt nog of terugbetalen voor u zo ernstige gevolgen heeft dat u "
                "(een deel) niet hoeft terug te betalen."
            ),
        ),
        (
            re.compile(r"De gevolgen van terugvordering zijn niet onaanvaardbaar: .*"),
            _vast(
                "Terugbetalen heeft voor u geen gevolgen die zo ernstig zijn dat u niet hoeft "
                "terug te betalen."
            ),
        ),
        (
            re.compile(r"De gevolgen heten onaanvaardbaar; .*"),
            _vast(
                "Terugbetalen kan voor u ernstige gevolgen hebben. De consulent kijkt nog of het "
                "om meer gaat dan geldproblemen."
            ),
        ),
        (
            re.compile(r"De gevolgen zijn alleen financieel .*", re.DOTALL),
            _vast(
                "Terugbetalen is voor u vooral een geldprobleem. Dat is volgens de rechter nog "
                "geen reden om niet terug te betalen. U kunt wel een betalingsregeling vragen."
            ),
        ),
        (
            re.compile(r"Terugvordering heeft voor deze inwoner onaanvaardbare gevolgen .*"),
            _vast(
                "Terugbetalen heeft voor u zo ernstige gevolgen dat de organisatie kan besluiten "
                "dat u een deel of alles niet hoeft terug te betalen."
            ),
        ),
    ),
    "terugvordering_evenredigheid": (
        (
            re.compile(r"Volledige terugvordering is onevenredig: .*", re.DOTALL),
            _vast(
                "Alles terugvragen zou niet redelijk zijn. Daarom hoeft u een deel of alles niet "
                "terug te betalen."
            ),
        ),
        (
            re.compile(r"Volledige terugvordering is niet onevenredig\."),
            _vast("Het is redelijk dat u het hele bedrag terugbetaalt."),
        ),
    ),
    "terugvordering_afzien_bedrag": (
        (
            re.compile(
                rf"Omdat .*, wordt afgezien van (?P<af>{_B}); teruggevorderd wordt (?P<rest>{_B})\."
            ),
            lambda t: (
                f"U hoeft {t['af']} niet terug te betalen. U betaalt {t['rest']} terug.",
                (),
            ),
        ),
    ),
    "terugvordering_betalingen": (
        (
            re.compile(
                rf"Betaald: .*; samen (?P<betaald>{_B})\. Open: (?P<open>{_B})(?P<hoofdelijk>, "
                r"voor elk .*|\.)",
                re.DOTALL,
            ),
            lambda t: (
                f"Er is al {t['betaald']} terugbetaald. Er staat nog {t['open']} open"
                + (" voor u en uw partner samen." if t["hoofdelijk"] != "." else "."),
                (),
            ),
        ),
    ),
    "terugvordering_beleid": (
        (
            re.compile(
                r"Later kan het college van verdere invordering afzien als (?P<jaren>\d+) jaar "
                r"volledig is afgelost, of als ten minste (?P<procent>\d+) % .*"
            ),
            lambda t: (
                f"Betaalt u {t['jaren']} jaar lang alles af wat is afgesproken, of betaalt u in "
                f"één keer minstens {t['procent']} % van wat nog open staat? Dan kan de "
                "organisatie u de rest kwijtschelden.",
                (),
            ),
        ),
    ),
    "maatregel_verordening": (
        (
            re.compile(
                r"(?P<wat>Schending van de medewerkingsplicht|Schending van een andere verplichting "
                rf"verbonden aan de uitkering) bij (?P<mate>{'|'.join(VERWIJTBAARHEID_TEKST.values())}): "
                r"verlaging met (?P<procent>\d+) % gedurende (?P<duur>\d+ maand(?:en)?) volgens de "
                r"afstemmingsverordening \((?P<verordening>.+)\)\."
            ),
            _verordening,
        ),
        (
            re.compile(
                r"Schending van (?:de medewerkingsplicht|een andere verplichting .*?): de hoogte .*"
            ),
            _vast(
                "Hoe hoog en hoe lang de verlaging is, staat in de afstemmingsverordening van de "
                "gemeente. Die waarden zijn nog niet ingevoerd. Daarom bepaalt de consulent de "
                "verlaging."
            ),
        ),
    ),
    "verlagingsplan": (
        (
            re.compile(
                rf"De verlaging is (?P<procent>\d+) % van de norm (?P<norm>{_B}) = (?P<per>{_B}) per "
                r"maand \(naar beneden afgerond op een cent\), gedurende (?P<duur>\d+ maand(?:en)?): "
                rf"samen (?P<totaal>{_B})\. (?:(?P<niet_gespreid>Niet gespreid): .*|Gespreid over "
                r"(?P<aantal>\d+ maand(?:en)?) \(de maand van oplegging en de maanden daarna\), "
                r"omdat (?P<reden>.+?); in de eerste maand ten minste 1/(?P<noemer>\d+) deel: "
                rf"(?P<delen>.+?)\.(?: (?P<nv>{_B}) past niet binnen .*)?)"
            ),
            _verlagingsplan,
        ),
    ),
    "heroverweging": (
        (
            re.compile(r"De maatregel duurt (?P<duur>\d+ maand(?:en)?), korter dan .*"),
            lambda t: (
                f"De verlaging duurt {t['duur']}. Die is voorbij voordat de gemeente haar opnieuw "
                "moet bekijken.",
                (),
            ),
        ),
        (
            re.compile(
                r"De maatregel duurt (?P<duur>\d+ maand(?:en)?): het college heroverweegt de "
                r"verlaging binnen (?P<termijn>\d+ maand(?:en)?) na de datum van het besluit\."
            ),
            lambda t: (
                f"De verlaging duurt {t['duur']}. Binnen {t['termijn']} na het besluit kijkt de "
                "gemeente opnieuw of de verlaging nog nodig is. Laat u zien dat u zich aan de "
                "verplichtingen houdt, dan kan de verlaging eerder stoppen.",
                (),
            ),
        ),
    ),
    "maatregel_arbeidsverplichting": (
        (
            re.compile(
                rf"Schending van een arbeidsverplichting bij (?P<mate>{'|'.join(VERWIJTBAARHEID_TEKST.values())}): "
                r"verlaging met (?P<procent>\d+) % gedurende (?P<duur>\d+ maand(?:en)?)\. (?P<herhaling>.*)"
            ),
            _maatregel_arbeid,
        ),
    ),
    "tekortschietend_besef": (
        (
            re.compile(
                r"Tekortschietend besef van verantwoordelijkheid: verlaging met (?P<procent>\d+) % "
                r"gedurende (?P<duur>\d+ maand(?:en)?) volgens de afstemmingsverordening\."
            ),
            _besef,
        ),
        (
            re.compile(r"De hoogte en duur van de maatregel bij tekortschietend besef .*"),
            _vast(
                "Hoe hoog en hoe lang de verlaging is, staat in de afstemmingsverordening van de "
                "gemeente. Die waarden zijn nog niet ingevoerd. Daarom bepaalt de consulent de "
                "verlaging."
            ),
        ),
    ),
}


# --- the collection advice (``invordering``) in plain Dutch ---------------------------------------


def leesbaar_invordering(advies: Invorderingsadvies | Mapping[str, Any]) -> LeesbareUitleg:
    """The plain-Dutch explanation of a collection advice (an Invorderingsadvies or its
    ``to_dict()``), as ``leesbaar`` gives it for an advice: each step of ``invordering``'s trace
    reworded per rule, the articles in words, the technical trace kept beside it."""
    gegevens = advies.to_dict() if isinstance(advies, Invorderingsadvies) else advies
    uitleg = tuple(Uitleg(**u) for u in gegevens["uitleg"])
    vragen = tuple(OpenVraag(**v) for v in gegevens["open_vragen"])
    voet, ruimte = gegevens["beslagvrije_voet_cent"], gegevens["aflossingscapaciteit_cent"]
    regeling = gegevens["regeling"]
    parameters: tuple[GelezenParameter, ...] = ()
    stappen = []
    for item in uitleg:
        if item.regel == "parameters":
            parameters = lees_parameters(item.tekst)
            continue
        stappen.append(_stap(item, _INVORDERING))
    onzeker = tuple(
        dict.fromkeys(
            f"nog niet zeker: {p.in_woorden()} (bron: {grondslag_in_woorden(p.bron)})"
            for p in parameters
            if p.onzeker
        )
    )
    return LeesbareUitleg(
        advies=f"u houdt ten minste {euro(voet)} per maand; ten hoogste {euro(ruimte)} per maand "
        "gaat naar de aflossing",
        regeling=regeling_naam(regeling),
        stappen=tuple(stappen),
        open_vragen=tuple(
            f"{v.vraag} (grondslag: {grondslag_in_woorden(v.grondslag)})" for v in vragen
        ),
        onzeker=onzeker,
        parameters=parameters,
        technisch=uitleg,
        kern=_kern_invordering(gegevens),
    )


def _kern_invordering(gegevens: Mapping[str, Any]) -> tuple[str, ...]:
    kern = [
        f"Beslagvrije voet: {euro(gegevens['beslagvrije_voet_cent'])} per maand",
        f"Ten hoogste af te lossen: {euro(gegevens['aflossingscapaciteit_cent'])} per maand",
    ]
    recidive = gegevens["recidive"]
    if recidive["maanden"]:
        kern.append(
            f"Boete bij herhaling: nog {recidive['maanden']} maand(en) zonder beslagvrije voet "
            f"mogelijk, ten hoogste {euro(recidive['maximum_cent'])} per maand"
        )
    kern.append(
        "Verrekenen met de uitkering: "
        + {"verplicht": "verplicht", "mogelijk": "mag"}.get(
            gegevens["verrekening"], "niet mogelijk (geen lopende uitkering)"
        )
    )
    verjaring = gegevens["verjaring"]
    vanaf = datum_nl(date.fromisoformat(verjaring["verjaard_vanaf"]))
    kern.append(
        f"Verjaring: verjaard sinds {vanaf}; niet meer invorderen"
        if verjaring["verjaard"]
        else f"Verjaring: verjaart op {vanaf} als die niet wordt gestuit"
    )
    kern.append(
        "Afzien van verdere invordering: "
        + ("mogelijk" if gegevens["afzien"]["mogelijk"] else "nu niet")
    )
    return tuple(kern)


_SOORT_STUITING = {
    "aanmaning": "een aanmaning",
    "dwangbevel": "een dwangbevel",
    "erkenning": "uw erkenning van de schuld",
    "betaling": "een betaling",
}


def _verjaring_deel(deel: str) -> str:
    eerste = re.fullmatch(
        r"De betalingstermijn eindigde op (?P<datum>.+); de vordering verjaart (?P<jaren>\d+) "
        r"jaar later",
        deel,
    )
    if eerste:
        return (
            f"U moest betalen uiterlijk op {eerste['datum']}. {eerste['jaren']} jaar daarna "
            "vervalt de vordering (verjaring)"
        )
    stuiting = re.fullmatch(
        r"(?:een|de) (?P<soort>\w+) op (?P<datum>.+?) (?P<wat>stuit niet|stuitte de verjaring|"
        r"kwam na de verjaring en stuit niet meer)",
        deel,
    )
    if stuiting:
        wat = _SOORT_STUITING.get(stuiting["soort"], stuiting["soort"])
        gevolg = {
            "stuit niet": "verlengt die termijn niet",
            "stuitte de verjaring": "liet die termijn opnieuw beginnen",
            "kwam na de verjaring en stuit niet meer": "kwam te laat, toen de vordering al "
            "verjaard was",
        }[stuiting["wat"]]
        return f"{_hoofdletter(wat)} op {stuiting['datum']} {gevolg}"
    einde = re.fullmatch(r"verjaard vanaf (?P<datum>.+?): (?P<stand>.+)", deel)
    if einde:
        if einde["stand"] == "nog niet verjaard":
            return f"De vordering verjaart op {einde['datum']}, als er niets meer gebeurt"
        return (
            f"De vordering is verjaard sinds {einde['datum']}. De organisatie mag haar niet meer "
            "innen"
        )
    return deel


def _verjaring(t: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    delen = t["delen"].split("; ")
    if len(delen) > 1 and delen[1].startswith("de vordering verjaart "):
        delen[:2] = [f"{delen[0]}; {delen[1]}"]
    return ". ".join(_verjaring_deel(d) for d in delen) + ".", ()


_INVORDERING: Mapping[str, tuple[tuple[re.Pattern[str], Herschrijving], ...]] = {
    "regeling": (
        (
            re.compile(r"Regeling (?P<id>\S+) is van toepassing op de peildatum (?P<datum>.+)\."),
            lambda t: (
                f"De berekening is gemaakt voor {t['datum']}, met de regels die dan gelden "
                f"({regeling_naam(t['id'])}).",
                (),
            ),
        ),
    ),
    "beslagvrije_voet": (
        (
            re.compile(
                rf"Beslagvrije voet: (?P<procent>\d+) % van de bijstandsnorm (?P<norm>{_B}) = "
                rf"(?P<voet>{_B}) \(naar boven afgerond op een cent\)\."
            ),
            lambda t: (
                f"Een deel van uw inkomen is beschermd: de beslagvrije voet. Dat is "
                f"{t['procent']} % van uw bijstandsnorm van {t['norm']}: {t['voet']} per maand. "
                "Dat bedrag houdt u altijd.",
                (),
            ),
        ),
    ),
    "woonkosten": (
        (
            re.compile(
                rf"Geen huurtoeslag: de woonkosten (?P<kosten>{_B}) \(tot ten hoogste "
                rf"(?P<grens>{_B})\) boven (?P<drempel>{_B}) verhogen de beslagvrije voet met "
                rf"(?P<verhoging>{_B}) tot (?P<voet>{_B})\."
            ),
            lambda t: (
                f"U krijgt geen huurtoeslag. Uw woonkosten zijn {t['kosten']}. Wat daarvan boven "
                f"{t['drempel']} ligt (tot {t['grens']}), komt bij het beschermde bedrag: "
                f"{t['verhoging']} erbij, samen {t['voet']}.",
                (),
            ),
        ),
    ),
    "zorgtoeslag": (
        (
            re.compile(
                rf"Geen zorgtoeslag \((?P<huishouden>\w+)\): de beslagvrije voet stijgt met "
                rf"(?P<bedrag>{_B}) tot (?P<voet>{_B})\."
            ),
            lambda t: (
                f"U krijgt geen zorgtoeslag. Daarom komt er {t['bedrag']} bij het beschermde "
                f"bedrag, samen {t['voet']}.",
                (),
            ),
        ),
    ),
    "hoger_inkomen": (
        (
            re.compile(rf"Het inkomen ligt boven de bijstandsnorm; .* ten minste (?P<voet>{_B})\."),
            lambda t: (
                "Uw inkomen is hoger dan de bijstandsnorm. Dan is het beschermde bedrag nog "
                f"hoger dan {t['voet']}. De consulent rekent dat precies uit.",
                (),
            ),
        ),
    ),
    "aflossingscapaciteit": (
        (
            re.compile(
                rf"Ten hoogste af te lossen per maand: netto-inkomen (?P<inkomen>{_B}) min "
                rf"beslagvrije voet (?P<voet>{_B}) = (?P<ruimte>{_B})\."
            ),
            lambda t: (
                f"Uw netto-inkomen is {t['inkomen']}. Min het beschermde bedrag ({t['voet']}) "
                f"blijft er {t['ruimte']} per maand over. Meer dan dat hoeft u niet per maand af "
                "te lossen.",
                (),
            ),
        ),
    ),
    "recidive_zonder_voet": (
        (
            re.compile(
                r"Boete bij recidive: nog (?P<over>\d+ maand(?:en)?) \(van ten hoogste "
                r"(?P<termijn>\d+ maand(?:en)?)\) mag zonder beslagvrije voet worden verrekend, "
                rf"ten hoogste (?P<maximum>{_B}) per maand\. .*"
            ),
            lambda t: (
                "Dit is een boete omdat het opnieuw gebeurde. Daarom mag de organisatie nog "
                f"{t['over']} (ten hoogste {t['termijn']}) meer inhouden dan normaal, tot "
                f"{t['maximum']} per maand. Dat hoeft niet: de consulent kijkt eerst wat dat "
                "voor u en uw gezin betekent.",
                (),
            ),
        ),
        (
            re.compile(
                r"Boete bij recidive: de (?P<termijn>\d+ maand(?:en)?) zonder .* gebruikt; .*"
            ),
            lambda t: (
                f"De {t['termijn']} waarin meer mocht worden ingehouden, zijn voorbij. Het "
                "beschermde bedrag geldt weer.",
                (),
            ),
        ),
    ),
    "verrekening": (
        (
            re.compile(r"Er loopt geen uitkering: verrekenen is niet mogelijk; .*"),
            _vast(
                "U heeft geen uitkering meer. Daarom kan het bedrag niet van een uitkering af. U "
                "betaalt met een betalingsregeling, of de organisatie legt beslag."
            ),
        ),
        (
            re.compile(r"Deze vordering wordt verrekend met de uitkering \(verplicht\)\."),
            _vast("Het bedrag gaat elke maand van uw uitkering af. Dat is verplicht."),
        ),
        (
            re.compile(r"Deze vordering mag met de uitkering worden verrekend \(bevoegdheid\)\."),
            _vast(
                "Het bedrag mag van uw uitkering af. Dat is niet verplicht; de consulent beslist."
            ),
        ),
    ),
    "verjaring": ((re.compile(r"(?P<delen>.+)\."), _verjaring),),
    "afzien_invordering": (
        (
            re.compile(
                r"Volledig afgelost sinds (?P<sinds>.+?), (?P<jaren>\d+) jaar of langer: .*"
            ),
            lambda t: (
                f"U betaalt sinds {t['sinds']} elke maand wat u moet, al {t['jaren']} jaar of "
                "langer. Dan kan de organisatie besluiten dat u de rest niet meer hoeft te "
                "betalen.",
                (),
            ),
        ),
        (
            re.compile(
                rf"Ineens aangeboden (?P<ineens>{_B}), ten minste (?P<procent>\d+) % van het "
                rf"openstaande bedrag (?P<open>{_B}): .*"
            ),
            lambda t: (
                f"U biedt aan om {t['ineens']} in één keer te betalen. Dat is ten minste "
                f"{t['procent']} % van wat nog openstaat ({t['open']}). Dan kan de organisatie "
                "besluiten dat u de rest niet meer hoeft te betalen.",
                (),
            ),
        ),
        (
            re.compile(
                r"Afzien van verdere invordering kan na (?P<jaren>\d+) jaar volledig aflossen of "
                r"bij een betaling ineens van ten minste (?P<procent>\d+) % .*"
            ),
            lambda t: (
                f"De rest kwijtschelden kan als u {t['jaren']} jaar lang alles betaalt wat u "
                f"moet, of als u in één keer ten minste {t['procent']} % van het openstaande "
                "bedrag betaalt. Dat is nu nog niet zo.",
                (),
            ),
        ),
    ),
}
