# SPDX-License-Identifier: EUPL-1.2
"""The text for the Algoritmeregister (algoritmes.overheid.nl), generated from the rule sets and their sources.

The fields follow the Algoritmeregister's publication standard (naam, organisatie, korte omschrijving, doel en
impact, afwegingen/proportionaliteit, wettelijke grondslag, menselijke tussenkomst, risicobeheer, bronnen,
werking, link naar broncode, status, ...; the exact field names of the current version of the standard are
UNCERTAIN). What the rule sets answer is written from them, so that the register says what the software does
today; what only the organisation can answer (department, contact, impact assessments, the decision to use it)
is marked as to be filled in by the organisation, never guessed.

`naleving algoritmeregister` prints it as Markdown (docs/algoritmeregister.md is that output; a test keeps the
file up to date), `--json` as JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from .configuratie import Configuratie
from .feiten import OVERTREDINGEN, WETTEN, Feiten
from .invordering import (
    AFZIEN_BRON,
    BVV_BRON,
    RECIDIVE_BRON,
    VERJARING_BRON,
    VERREKENING_BRON,
    InvorderingsFeiten,
)
from .parameters import ParameterWaarde, Regeling
from .tekst import datum_nl
from .wetten import ARTIKELEN

IN_TE_VULLEN = "In te vullen door de organisatie"

#: The facts the engine reads, in plain words (the keys of `Feiten`); a test keeps this complete.
FEITEN_UITLEG = {
    "wet": "de wet van de uitkering (Participatiewet, IOAW, IOAZ of Bbz)",
    "overtreding": "welke verplichting is geschonden",
    "pleegdatum": "de datum van de overtreding",
    "beoordelingsdatum": "de datum van de beoordeling",
    "benadelingsbedrag_cent": "het benadelingsbedrag (wat te veel is ontvangen)",
    "perioden": "per maand: wat is ontvangen en waar recht op was",
    "verwijtbaarheid": "de mate van verwijtbaarheid, zoals een medewerker die heeft vastgesteld",
    "financieel_voordeel_beoogd": "of financieel voordeel is beoogd, zoals een medewerker dat heeft vastgesteld",
    "dringende_redenen": "dringende redenen die een medewerker heeft vastgelegd",
    "eerdere_sancties": "eerdere waarschuwingen, boetes en maatregelen uit het sanctieregister (voor recidive)",
    "draagkracht": "of de persoon op bijstandsniveau leeft en de norm (voor de draagkracht bij een boete)",
    "gemeente": "de gemeente van de zaak (voor de waarden uit haar afstemmingsverordening)",
    "aangifte_gedaan": "of aangifte is gedaan bij het Openbaar Ministerie (una via, Awb art. 5:44)",
    "terugvordering": "voor de terugvordering: de grond, de afgedragen loonheffing per maand, het jaar van "
    "terugbetaling, of de bijstand aan een gezin is verleend, betalingen, en de oordelen van een medewerker "
    "over de belangenafweging (PW art. 58 lid 2) en over afzien (dringende redenen, evenredigheid)",
    "verlaging": "de norm en de uitkering per maand en of de verlaging wordt gespreid (voor de verlaging per maand bij een maatregel)",
}

#: The facts of a claim the collection advice reads (the keys of `InvorderingsFeiten`); a test keeps this complete.
INVORDERING_UITLEG = {
    "peildatum": "de datum van de berekening",
    "soort": "de soort vordering (terugvordering of boete)",
    "openstaand_cent": "het bedrag dat nog openstaat",
    "betaaltermijn_einde": "het einde van de betaaltermijn",
    "norm_cent": "de bijstandsnorm",
    "netto_inkomen_cent": "het netto inkomen",
    "uitkering_lopend": "of de uitkering nog loopt",
    "zorgtoeslag": "of zorgtoeslag wordt ontvangen",
    "huurtoeslag": "of huurtoeslag wordt ontvangen",
    "huishouden": "alleenstaand of met partner",
    "woonkosten_cent": "de woonkosten",
    "stuitingen": "aanmaningen, dwangbevelen, erkenningen en betalingen (voor de verjaring)",
    "aflossing_volledig_sinds": "sinds wanneer volledig wordt afgelost",
    "ineens_aangeboden_cent": "een bedrag dat ineens wordt aangeboden",
    "maanden_onder_voet_gebruikt": "hoeveel maanden al onder de beslagvrije voet is ingevorderd",
}

_OVERTREDING_TEKST = {
    "inlichtingenplicht": "schending van de inlichtingenplicht (bestuurlijke boete of waarschuwing)",
    "arbeidsverplichting": "schending van een arbeidsverplichting (maatregel)",
    "tekortschietend_besef": "tekortschietend besef van verantwoordelijkheid (maatregel)",
    "medewerkingsplicht": "schending van de medewerkingsplicht (maatregel)",
    "overige_verplichting": "schending van een andere verplichting verbonden aan de uitkering (maatregel)",
}


@dataclass(frozen=True, slots=True)
class Veld:
    """One field of the register entry: what the rules answer, and what the organisation still has to."""

    sleutel: str
    naam: str
    tekst: str
    in_te_vullen: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"veld": self.naam, "tekst": self.tekst, "in_te_vullen": self.in_te_vullen}


def _lijst(delen: Iterable[str]) -> str:
    items = list(delen)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _regelingen(config: Configuratie) -> list[tuple[Regeling, str]]:
    uit = []
    for keuze in config.organisatie.regelingen:
        regeling = config.regelingen[keuze.id]
        vanaf = config.vanaf(keuze)
        if vanaf is None:
            status = "concept, staat uit tot een beheerder een ingangsdatum instelt"
        else:
            status = f"geldt vanaf {datum_nl(vanaf)}"
            if keuze.geldig_tot is not None:
                status += f" tot en met {datum_nl(keuze.geldig_tot)}"
            if keuze.onzeker or regeling.onzeker:
                status += " (ingangsdatum of inhoud nog niet bevestigd)"
        uit.append((regeling, status))
    return uit


def _waarden(config: Configuratie) -> list[ParameterWaarde]:
    uit: list[ParameterWaarde] = []
    for keuze in config.organisatie.regelingen:
        for versies in config.regelingen[keuze.id].parameters.values():
            uit.extend(versies)
    for gemeente in config.organisatie.gemeenten:
        for versies in gemeente.parameters.values():
            uit.extend(versies)
    return uit


def velden(config: Configuratie | None = None) -> list[Veld]:
    """The register entry for this installation's organisation and rule sets."""
    config = config or Configuratie.standaard()
    org = config.organisatie
    wetten = [ARTIKELEN[w] for w in WETTEN]
    regelingen = _regelingen(config)
    waarden = _waarden(config)
    onzeker = sorted({w.naam for w in waarden if w.onzeker})
    bronnen = sorted({w.bron for w in waarden})
    gemeenten = _lijst(g.naam for g in org.gemeenten)
    grondslag = ["De regels voeren deze artikelen uit:"]
    grondslag += [
        f"{a.naam}: inlichtingenplicht {a.inlichtingenplicht}; boete {a.boete}; maatregel "
        + _lijst(dict.fromkeys((a.maatregel, a.maatregel_arbeid)))
        + f"; terugvordering {a.terugvordering}"
        + (
            f" (afzien: {a.terugvordering_afzien})"
            if a.terugvordering_afzien != a.terugvordering
            else ""
        )
        + (
            f"; bevoegdheid tot terugvordering {a.terugvordering_overig}"
            if a.terugvordering_overig
            else ""
        )
        + (f"; bruto of netto {a.terugvordering_bruto}" if a.terugvordering_bruto else "")
        + (
            f"; gezin en partner {a.terugvordering_gezin}, {a.terugvordering_verzwegen_partner}"
            if a.terugvordering_gezin
            else ""
        )
        for a in wetten
    ]
    grondslag += [
        "Algemene wet bestuursrecht: art. 5:41 (geen boete zonder verwijtbaarheid), art. 5:44 (una via), "
        "art. 5:45 (verval van de bevoegdheid), art. 5:46 (de boete past bij ernst en verwijtbaarheid), "
        "art. 4:84 (het bestuursorgaan handelt naar zijn beleidsregels)",
        "Invordering: "
        + "; ".join((BVV_BRON, VERREKENING_BRON, RECIDIVE_BRON, VERJARING_BRON, AFZIEN_BRON)),
        *(f"{r.naam}: {r.bron}" for r, _s in regelingen),
    ]
    return [
        Veld(
            "naam",
            "Naam",
            "Naleving: adviesregels voor handhaving (boete, waarschuwing, maatregel, terugvordering)",
        ),
        Veld(
            "organisatie",
            "Organisatie",
            f"{org.naam}: {org.bron}. Voor de gemeenten {gemeenten}.",
            f"{IN_TE_VULLEN}: de afdeling die verantwoordelijk is.",
        ),
        Veld(
            "korte_omschrijving",
            "Korte omschrijving",
            "Regels die uit de vastgestelde feiten van één zaak een advies maken over de sanctie en de "
            "terugvordering, en bij een vastgestelde vordering over de invordering (hoeveel per maand mag "
            "worden ingevorderd met de beslagvrije voet, verrekening, verjaring, afzien na tien jaar), met "
            "de uitleg en de bron van elke regel. Het advies is voor de medewerker die beslist; het "
            "algoritme beslist zelf niets.",
        ),
        Veld(
            "type",
            "Type algoritme",
            "Regelgebaseerd: vaste, openbare beslisregels met gedateerde waarden. Geen zelflerend model, geen "
            "voorspelling, geen risicoscore.",
        ),
        Veld(
            "doel",
            "Doel",
            "Gelijke gevallen gelijk behandelen en elk advies uitlegbaar maken: welke regel, welk artikel, "
            "welke waarde. Het advies gaat over een overtreding die al is vastgesteld: "
            + _lijst(_OVERTREDING_TEKST[o] for o in OVERTREDINGEN)
            + ".",
        ),
        Veld(
            "impact",
            "Impact",
            "Het advies noemt een sanctie (geen, waarschuwing, bestuurlijke boete of maatregel) met het bedrag "
            "of de verlaging, en de terugvordering. Een medewerker volgt het advies of wijkt ervan af en legt "
            "de reden vast; de inwoner krijgt een besluit met motivering en bezwaarclausule.",
            f"{IN_TE_VULLEN}: hoeveel besluiten per jaar dit betreft (zie de beleidscijfers).",
        ),
        Veld(
            "proportionaliteit",
            "Afwegingen (proportionaliteit)",
            "Het algoritme werkt alleen op de zaak die een medewerker voorlegt en combineert geen gegevens over "
            "mensen zonder concreet signaal. Het advies laat open wat alleen een mens kan oordelen "
            "(verwijtbaarheid, financieel voordeel, dringende redenen) en stelt daar een vraag over. De boete "
            "hangt af van de verwijtbaarheid en past zich aan de draagkracht aan (Awb art. 5:46); de mildere "
            "regel gaat voor bij een boete die nog niet onherroepelijk is (lex mitior).",
            f"{IN_TE_VULLEN}: de afweging van de organisatie om het advies in te zetten.",
        ),
        Veld("wettelijke_grondslag", "Wettelijke grondslag", "\n".join(grondslag)),
        Veld(
            "menselijke_tussenkomst",
            "Menselijke tussenkomst",
            "Altijd. Het algoritme geeft een advies; een medewerker beslist en legt de motivering vast "
            "(AVG art. 22). Een boete gaat langs een tweede medewerker (vier ogen). Wijkt het besluit af van "
            "het advies of van de beleidsregel, dan legt de medewerker de reden vast.",
        ),
        Veld(
            "risicobeheer",
            "Risicobeheer",
            "Elke waarde staat in een gedateerd bestand met haar bron; een wijziging is een nieuwe, "
            "controleerbare versie. Een besluit bewaart het advies met een vingerafdruk van de regels, zodat "
            "later te zien is met welke regels het is gemaakt. Een concept wordt eerst op de open zaken "
            "verkend (naleving wat-als) voordat het aangaat. Het algoritme gebruikt geen nationaliteit, "
            "afkomst, taal, geslacht, wijk, woonvorm of gezondheid. Waarden die nog niet tegen de officiële "
            f"tekst zijn bevestigd, staan als onzeker gemarkeerd, zodat een beheerder ze kan nakijken "
            f"({len(onzeker)}, met hun naam in de parameterbestanden): " + ", ".join(onzeker) + ".",
            f"{IN_TE_VULLEN}: de DPIA en de IAMA (datum en uitkomst), en wie de regels controleert.",
        ),
        Veld(
            "bronnen",
            "Bronnen (data)",
            "\n".join(
                [
                    "Alleen de feiten van de zaak, vastgesteld in het onderzoek of door de medewerker: "
                    + "; ".join(FEITEN_UITLEG[f.name] for f in fields(Feiten))
                    + ". Voor de invordering de feiten van de vordering: "
                    + "; ".join(INVORDERING_UITLEG[f.name] for f in fields(InvorderingsFeiten))
                    + ". De waarden in de regels komen uit deze bronnen:",
                    *bronnen,
                ]
            ),
        ),
        Veld(
            "werking",
            "Werking",
            "Het algoritme kiest de regeling die gold op de pleegdatum en, als een andere, die van de "
            "beoordelingsdatum, en past de gunstigste toe. De regelingen van "
            + org.naam
            + ": "
            + "; ".join(f"{r.naam} ({r.id}): {s}" for r, s in regelingen)
            + f". Samen {len(waarden)} gedateerde waarden (percentages, grenzen, termijnen), elk met bron.",
        ),
        Veld(
            "broncode",
            "Link naar broncode",
            "Open source onder de EUPL-1.2; de regels staan als leesbare bestanden in "
            "src/naleving/regels/parameters/.",
            f"{IN_TE_VULLEN}: het openbare adres van de broncode.",
        ),
        Veld(
            "status",
            "Status",
            "De regels zijn klaar voor gebruik; "
            + "; ".join(f"{r.id}: {s}" for r, s in regelingen)
            + ".",
            f"{IN_TE_VULLEN}: in gebruik sinds (datum), of nog in ontwikkeling.",
        ),
        Veld(
            "contact",
            "Contact",
            "",
            f"{IN_TE_VULLEN}: contactgegevens voor vragen en de link naar de publiekspagina en het "
            "verwerkingsregister.",
        ),
    ]


def als_dict(config: Configuratie | None = None) -> dict[str, Any]:
    return {v.sleutel: v.to_dict() for v in velden(config)}


def als_markdown(config: Configuratie | None = None) -> str:
    regels = [
        "<!-- SPDX-License-Identifier: EUPL-1.2 -->",
        "<!-- Gemaakt door: naleving algoritmeregister > docs/algoritmeregister.md; niet met de hand wijzigen. -->",
        "# Algoritmeregister: tekst voor de registratie",
        "",
        "De velden van het Algoritmeregister, gemaakt uit de regelingen en hun bronnen. Waar de regels het "
        f"antwoord niet geven, staat: *{IN_TE_VULLEN}*.",
    ]
    for veld in velden(config):
        regels += ["", f"## {veld.naam}", ""]
        if veld.tekst:
            eerste, *rest = veld.tekst.split("\n")
            regels.append(eerste)
            if rest:
                regels += ["", *(f"- {r}" for r in rest)]
        if veld.in_te_vullen:
            if veld.tekst:
                regels.append("")
            regels.append(f"*{veld.in_te_vullen}*")
    return "\n".join(regels) + "\n"
