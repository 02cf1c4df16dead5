# SPDX-License-Identifier: EUPL-1.2
"""Bestuurlijke boete for breach of the duty to inform (inlichtingenplicht).

Each function names the article it implements; the values come from the rule set's parameters.
"""

from __future__ import annotations

from datetime import date

from .datums import binnen_maanden_voor, verschuif_jaren
from .feiten import Feiten
from .spoor import Spoor
from .tekst import VERWIJTBAARHEID_TEKST, datum_nl, euro, jaren_tekst
from .wetten import Artikelen

GRONDSLAG_VERWIJTBAARHEID = "Awb art. 5:41; CRvB 11-01-2016, ECLI:NL:CRVB:2016:8"


def beoordeel_inlichtingenplicht(
    feiten: Feiten, benadeling: int, art: Artikelen, spoor: Spoor
) -> tuple[str, int]:
    """Boete of waarschuwing bij schending van de inlichtingenplicht (PW art. 17 lid 1 en 18a;
    IOAW/IOAZ art. 13 en 20a). Returns (sanctie, boete_cent)."""
    uitkomst = _sanctie(feiten, benadeling, art, spoor)
    if feiten.verwijtbaarheid != "geen":
        vervolgingsgrens(benadeling, spoor)
    return uitkomst


def _sanctie(feiten: Feiten, benadeling: int, art: Artikelen, spoor: Spoor) -> tuple[str, int]:
    verwijtbaarheid = feiten.verwijtbaarheid
    if verwijtbaarheid == "geen":
        spoor.regel(
            "verwijtbaarheid",
            GRONDSLAG_VERWIJTBAARHEID,
            "De overtreding is de betrokkene op geen enkele wijze te verwijten; daarom volgt geen "
            "boete en geen waarschuwing.",
        )
        return "geen", 0
    boete_bij = spoor.lijst("boete_bij_verwijtbaarheid")
    vereist_voordeel = spoor.ja_nee("boete_vereist_financieel_voordeel")
    if verwijtbaarheid is None:
        spoor.vraag(
            "verwijtbaarheid",
            "In welke mate is de schending van de inlichtingenplicht te verwijten: geen, "
            "verminderd, normaal, grove schuld of opzet?",
            f"{GRONDSLAG_VERWIJTBAARHEID}; {art.boete}",
        )
        if vereist_voordeel and feiten.financieel_voordeel_beoogd is None:
            _vraag_voordeel(spoor)
        spoor.regel(
            "verwijtbaarheid",
            GRONDSLAG_VERWIJTBAARHEID,
            "De mate van verwijtbaarheid is nog niet beoordeeld. Zonder dat oordeel kan geen "
            "sanctie worden bepaald; de regels vullen een oordeel nooit zelf in.",
        )
        return "oordeel_nodig", 0
    spoor.regel(
        "verwijtbaarheid",
        GRONDSLAG_VERWIJTBAARHEID,
        f"De ambtenaar heeft de verwijtbaarheid beoordeeld als "
        f"{VERWIJTBAARHEID_TEKST[verwijtbaarheid]}.",
    )
    if boetebevoegdheid_vervallen(feiten, benadeling, spoor):
        return "geen", 0
    if verwijtbaarheid not in boete_bij:
        spoor.regel(
            "gedifferentieerde_handhaving",
            spoor.bron("boete_bij_verwijtbaarheid"),
            f"Bij {VERWIJTBAARHEID_TEKST[verwijtbaarheid]} volgt volgens deze regeling geen boete "
            "maar een waarschuwing (boete alleen bij: "
            + ", ".join(VERWIJTBAARHEID_TEKST[v] for v in boete_bij)
            + ").",
        )
        return "waarschuwing", 0
    if vereist_voordeel:
        voordeel = feiten.financieel_voordeel_beoogd
        bron = spoor.bron("boete_vereist_financieel_voordeel")
        if voordeel is False:
            spoor.regel(
                "gedifferentieerde_handhaving",
                bron,
                "De betrokkene handelde niet om financieel voordeel te behalen; volgens deze "
                "regeling volgt dan geen boete maar een waarschuwing.",
            )
            return "waarschuwing", 0
        if voordeel is None:
            markering = spoor.markeer()
            uitkomst = _boeteroute(feiten, verwijtbaarheid, benadeling, art, spoor)
            if uitkomst[0] == "waarschuwing":
                # Either answer leads to a warning, so the judgement is not needed here.
                return uitkomst
            spoor.herstel(markering)
            _vraag_voordeel(spoor)
            spoor.regel(
                "financieel_voordeel",
                bron,
                "Een boete volgt alleen bij opzet met het doel financieel voordeel te behalen. Of "
                "dat doel er was, is nog niet beoordeeld.",
            )
            return "oordeel_nodig", 0
        spoor.regel(
            "financieel_voordeel",
            bron,
            "De schending was opzettelijk en gericht op financieel voordeel; de boeteregels zijn "
            "van toepassing.",
        )
    return _boeteroute(feiten, verwijtbaarheid, benadeling, art, spoor)


def _vraag_voordeel(spoor: Spoor) -> None:
    spoor.vraag(
        "financieel_voordeel_beoogd",
        "Was de opzettelijke schending gericht op het behalen van financieel voordeel?",
        spoor.bron("boete_vereist_financieel_voordeel"),
    )


def _boeteroute(
    feiten: Feiten, verwijtbaarheid: str, benadeling: int, art: Artikelen, spoor: Spoor
) -> tuple[str, int]:
    if waarschuwing_mogelijk(feiten, benadeling, spoor):
        return "waarschuwing", 0
    if feiten.dringende_redenen is not None:
        spoor.regel(
            "dringende_redenen",
            art.boete_dringende_redenen,
            "Er zijn dringende redenen vastgesteld (motivering: "
            f"{feiten.dringende_redenen.strip()}); daarom wordt van een boete afgezien.",
        )
        return "geen", 0
    recidive = recidive_percentage(feiten, art, spoor)
    if benadeling == 0:
        boete_zonder_benadeling(art, spoor)
        return "oordeel_nodig", 0
    boete = boete_hoogte(verwijtbaarheid, benadeling, recidive, art, spoor)
    return "boete", draagkracht(feiten, verwijtbaarheid, boete, spoor)


def waarschuwing_mogelijk(feiten: Feiten, benadeling: int, spoor: Spoor) -> bool:
    """Waarschuwing in plaats van boete bij een benadelingsbedrag tot en met de grens, als in de
    termijn daarvoor geen waarschuwing voor deze overtreding is gegeven (Boetebesluit
    socialezekerheidswetten, sinds 2017)."""
    grens = spoor.getal("waarschuwing_grens_cent")
    if benadeling > grens:
        return False
    jaren = spoor.getal("waarschuwing_termijn_jaren")
    eerdere = [
        s.datum
        for s in feiten.eerdere_sancties
        if s.soort == "waarschuwing"
        and s.overtreding == "inlichtingenplicht"
        and binnen_maanden_voor(s.datum, feiten.pleegdatum, 12 * jaren)
    ]
    if eerdere:
        spoor.regel(
            "waarschuwing",
            spoor.bron("waarschuwing_grens_cent"),
            f"Het benadelingsbedrag ({euro(benadeling)}) is niet hoger dan {euro(grens)}, maar op "
            f"{datum_nl(max(eerdere))} is al een waarschuwing gegeven, binnen {jaren_tekst(jaren)} "
            "vóór de overtreding; een waarschuwing in plaats van een boete is daarom niet "
            "mogelijk.",
        )
        return False
    spoor.regel(
        "waarschuwing",
        spoor.bron("waarschuwing_grens_cent"),
        f"Het benadelingsbedrag ({euro(benadeling)}) is niet hoger dan {euro(grens)} en in de "
        f"{jaren_tekst(jaren)} vóór de overtreding is geen waarschuwing voor schending van de "
        "inlichtingenplicht gegeven; daarom volgt een waarschuwing in plaats van een boete.",
    )
    return True


def recidive_percentage(feiten: Feiten, art: Artikelen, spoor: Spoor) -> int:
    """Recidive: grondslag 150 % als binnen 5 jaar vóór de overtreding een boete voor dezelfde
    overtreding onherroepelijk werd (PW art. 18a lid 5-6 (2015); IOAW/IOAZ art. 20a)."""
    jaren = spoor.getal("recidive_termijn_jaren")
    eerdere = _eerdere_boetes(feiten, jaren)
    if not eerdere:
        spoor.regel(
            "recidive",
            art.boete_recidive,
            f"Geen boete voor schending van de inlichtingenplicht die in de {jaren_tekst(jaren)} "
            "vóór de overtreding onherroepelijk werd: de grondslag is het benadelingsbedrag.",
        )
        return 100
    percentage = spoor.getal("recidive_percentage")
    spoor.regel(
        "recidive",
        art.boete_recidive,
        f"Op {datum_nl(max(eerdere))} werd een eerdere boete voor schending van de "
        f"inlichtingenplicht onherroepelijk, binnen {jaren_tekst(jaren)} vóór de overtreding: "
        f"recidive, de grondslag is {percentage} % van het benadelingsbedrag.",
    )
    return percentage


def _eerdere_boetes(feiten: Feiten, jaren: int) -> list[date]:
    return [
        s.datum
        for s in feiten.eerdere_sancties
        if s.soort == "boete"
        and s.overtreding == "inlichtingenplicht"
        and binnen_maanden_voor(s.datum, feiten.pleegdatum, 12 * jaren)
    ]


def boetebevoegdheid_vervallen(feiten: Feiten, benadeling: int, spoor: Spoor) -> bool:
    """Verval van de boetebevoegdheid: 5 jaar na de overtreding, 3 jaar als geen hogere boete dan
    € 340 mogelijk is (Awb art. 5:45). Vervallen als de beoordelingsdatum na de vervaldatum ligt.
    A warning stands in for a fine, so once the power to fine has lapsed no warning follows
    either."""
    grens = spoor.getal("vervaltermijn_grens_cent")
    recidive = (
        spoor.getal("recidive_percentage")
        if _eerdere_boetes(feiten, spoor.getal("recidive_termijn_jaren"))
        else 100
    )
    maximum = (
        benadeling * recidive // 100
        if benadeling
        else spoor.optioneel_getal("boete_maximum_zonder_benadeling_cent")
    )
    # Unknown maximum (no benadeling, category value missing): assume the longer, safer term.
    lang = maximum is None or maximum > grens
    termijn = "vervaltermijn_lang_jaren" if lang else "vervaltermijn_kort_jaren"
    jaren = spoor.getal(termijn)
    vervaldatum = verschuif_jaren(feiten.pleegdatum, jaren)
    artikel = spoor.bron(termijn)  # Awb art. 5:45 lid 1 or lid 2, from the parameter file
    hoogste = "hoger" if lang else "niet hoger"
    if feiten.beoordelingsdatum > vervaldatum:
        spoor.regel(
            "vervaltermijn",
            artikel,
            f"De hoogst mogelijke boete is {hoogste} dan {euro(grens)}, dus de bevoegdheid om "
            f"een boete op te leggen vervalt {jaren_tekst(jaren)} na de overtreding, op "
            f"{datum_nl(vervaldatum)}. De beoordelingsdatum {datum_nl(feiten.beoordelingsdatum)} "
            "ligt daarna: er kan geen boete meer worden opgelegd, en dus ook geen waarschuwing in "
            "plaats van een boete.",
        )
        return True
    spoor.regel(
        "vervaltermijn",
        artikel,
        f"De bevoegdheid om een boete op te leggen vervalt {jaren_tekst(jaren)} na de "
        f"overtreding, op {datum_nl(vervaldatum)}; de beoordelingsdatum ligt daarvoor.",
    )
    return False


def boete_zonder_benadeling(art: Artikelen, spoor: Spoor) -> None:
    """Zonder benadelingsbedrag is de boete ten hoogste de tweede categorie van art. 23 WvSr
    (PW art. 18a lid 1 (2015)); de hoogte vraagt een eigen afweging (Awb art. 5:46)."""
    maximum = spoor.optioneel_getal("boete_maximum_zonder_benadeling_cent")
    if maximum is None:
        hoogte = (
            "het bedrag van de tweede geldboetecategorie van art. 23 WvSr (niet in de parameters)"
        )
        bron = "art. 23 lid 4 WvSr"
    else:
        hoogte = f"{euro(maximum)} (tweede geldboetecategorie van art. 23 WvSr; waarde onzeker)"
        bron = spoor.bron("boete_maximum_zonder_benadeling_cent")
    spoor.vraag(
        "boete_cent",
        f"Er is geen benadelingsbedrag. De boete is dan ten hoogste {hoogte}. Welke boete past "
        "bij de ernst, de verwijtbaarheid en de omstandigheden?",
        f"{art.boete}; {bron}; Awb art. 5:46",
    )
    spoor.regel(
        "boete_zonder_benadeling",
        f"{art.boete}; {bron}",
        "Er is geen benadelingsbedrag om een percentage van te nemen. De regels bepalen de boete "
        f"daarom niet zelf; het maximum is {hoogte}.",
    )


def boete_hoogte(
    verwijtbaarheid: str, benadeling: int, recidive: int, art: Artikelen, spoor: Spoor
) -> int:
    """Boete = percentage naar verwijtbaarheid × grondslag, naar boven afgerond op € 10
    (Boetebesluit socialezekerheidswetten; CRvB 11-01-2016, ECLI:NL:CRVB:2016:8)."""
    naam = f"boete_percentage_{verwijtbaarheid}"
    percentage = spoor.getal(naam)
    afronding = spoor.getal("boete_afronding_cent")
    teller = benadeling * recidive * percentage
    noemer = 100 * 100 * afronding
    boete = -(-teller // noemer) * afronding
    grondslag = (
        f"{euro(benadeling)}" if recidive == 100 else (f"{recidive} % van {euro(benadeling)}")
    )
    soort = "bruto " if art.bruto else ""
    spoor.regel(
        "boete_hoogte",
        f"{art.boete}; {spoor.bron(naam)}",
        f"Het {soort}benadelingsbedrag is {euro(benadeling)}. Bij "
        f"{VERWIJTBAARHEID_TEKST[verwijtbaarheid]} is de boete {percentage} % van {grondslag}, "
        f"naar boven afgerond op een veelvoud van {euro(afronding)}: {euro(boete)}.",
    )
    return boete


def draagkracht(feiten: Feiten, verwijtbaarheid: str, boete: int, spoor: Spoor) -> int:
    """Matiging naar draagkracht: bij een inkomen op bijstandsniveau ten hoogste 10 % van de norm
    gedurende 24 maanden (opzet) of 12 maanden (overige verwijtbaarheid) (CRvB 2016:9)."""
    gegevens = feiten.draagkracht
    if gegevens is None or gegevens.norm_cent is None or not gegevens.bijstandsniveau:
        reden = (
            "De draagkracht is niet opgegeven; beoordeel of de betrokkene de boete kan betalen."
            if gegevens is None
            else "Het inkomen ligt niet op bijstandsniveau; de boete wordt niet gematigd."
        )
        spoor.regel("draagkracht", "CRvB 11-01-2016, ECLI:NL:CRVB:2016:9; Awb art. 5:46", reden)
        return boete
    procent = spoor.getal("draagkracht_percentage")
    naam = (
        "draagkracht_maanden_opzet" if verwijtbaarheid == "opzet" else "draagkracht_maanden_overig"
    )
    maanden = spoor.getal(naam)
    # Floor to whole cents: the fine may never exceed what can be paid.
    grens = gegevens.norm_cent * procent * maanden // 100
    uitkomst = min(boete, grens)
    gevolg = (
        f"de boete wordt gematigd tot {euro(uitkomst)}"
        if uitkomst < boete
        else "de boete blijft daaronder en wordt niet gematigd"
    )
    spoor.regel(
        "draagkracht",
        spoor.bron(naam),
        f"Het inkomen ligt op bijstandsniveau: de boete is ten hoogste {procent} % van de norm "
        f"({euro(gegevens.norm_cent)}) gedurende {maanden} maanden = {euro(grens)}; {gevolg}.",
    )
    return uitkomst


def vervolgingsgrens(benadeling: int, spoor: Spoor) -> None:
    """Boven de vervolgingsgrens overweegt de ambtenaar aangifte; boete en strafrechtelijke
    sanctie worden nooit gecombineerd (Aanwijzing sociale zekerheidsfraude)."""
    grens = spoor.getal("vervolgingsgrens_cent")
    if benadeling <= grens:
        return
    bron = spoor.bron("vervolgingsgrens_cent")
    spoor.vraag(
        "aangifte",
        f"Het benadelingsbedrag ({euro(benadeling)}) is hoger dan de vervolgingsgrens van "
        f"{euro(grens)}. Wordt aangifte gedaan bij het Openbaar Ministerie? Zo ja, dan wordt "
        "geen boete opgelegd.",
        f"{bron}; Awb art. 5:44 (geen boete naast strafvervolging)",
    )
    onzeker = " (waarde onzeker)" if spoor.parameter("vervolgingsgrens_cent").onzeker else ""
    spoor.regel(
        "vervolgingsgrens",
        bron,
        f"Het benadelingsbedrag ligt boven de vervolgingsgrens van {euro(grens)}{onzeker}: "
        "overweeg aangifte. Een boete en een strafrechtelijke sanctie voor hetzelfde "
        "feit worden nooit gecombineerd.",
    )
