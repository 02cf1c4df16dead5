# SPDX-License-Identifier: EUPL-1.2
"""Bestuurlijke boete for breach of the duty to inform (inlichtingenplicht).

Each function names the article it implements; the values come from the rule set's parameters.
"""

from __future__ import annotations

from .datums import binnen_maanden_voor, verschuif_jaren
from .feiten import EerdereSanctie, Feiten
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
        return una_via(feiten, benadeling, uitkomst, spoor)
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
    """Recidive: grondslag 150 % als binnen 5 jaar vóór de overtreding een boete of een
    strafrechtelijke sanctie voor dezelfde overtreding onherroepelijk werd, of binnen 10 jaar een
    onvoorwaardelijke gevangenisstraf (PW art. 18a lid 5-6 (2015); IOAW/IOAZ art. 20a)."""
    jaren = spoor.getal("recidive_termijn_jaren")
    grond = _recidive_grond(feiten, spoor) or []
    if not grond:
        spoor.regel(
            "recidive",
            art.boete_recidive,
            "Geen boete of strafrechtelijke sanctie voor schending van de inlichtingenplicht die in "
            f"de {jaren_tekst(jaren)} vóór de overtreding onherroepelijk werd (en geen "
            "onvoorwaardelijke gevangenisstraf in de langere termijn): de grondslag is het "
            "benadelingsbedrag.",
        )
        return 100
    percentage = spoor.getal("recidive_percentage")
    laatste, termijn = max(grond, key=lambda g: g[0].datum)
    bron = art.boete_recidive
    if laatste.soort == "gevangenisstraf":
        bron += f"; {spoor.bron('recidive_termijn_gevangenisstraf_jaren')}"
    spoor.regel(
        "recidive",
        bron,
        f"Op {datum_nl(laatste.datum)} werd {_SOORT_TEKST[laatste.soort]} voor schending van de "
        f"inlichtingenplicht onherroepelijk, binnen {jaren_tekst(termijn)} vóór de overtreding: "
        f"recidive, de grondslag is {percentage} % van het benadelingsbedrag.",
    )
    return percentage


_SOORT_TEKST = {
    "boete": "een eerdere boete",
    "strafrechtelijke_sanctie": "een eerdere strafrechtelijke sanctie",
    "gevangenisstraf": "een onvoorwaardelijke gevangenisstraf",
}


def _recidive_grond(feiten: Feiten, spoor: Spoor) -> list[tuple[EerdereSanctie, int]] | None:
    """The earlier sanctions that make this breach recidive, each with the term it counts in;
    None when there are candidates but the rules on this date hold no recidive term. The
    parameters are read only when a candidate exists."""
    kandidaten = [
        s
        for s in feiten.eerdere_sancties
        if s.overtreding == "inlichtingenplicht" and s.soort in _SOORT_TEKST
    ]
    if not kandidaten:
        return []
    termijn = spoor.optioneel_getal("recidive_termijn_jaren")
    if termijn is None:
        return None
    soorten = (
        spoor.lijst("recidive_sanctiesoorten")
        if "recidive_sanctiesoorten" in spoor.waarden.waarden
        else ("boete",)
    )
    grond = []
    for sanctie in kandidaten:
        if sanctie.soort == "gevangenisstraf":
            lang = spoor.optioneel_getal("recidive_termijn_gevangenisstraf_jaren")
            jaren = termijn if lang is None else max(lang, termijn)
        elif sanctie.soort in soorten:
            jaren = termijn
        else:
            continue
        if binnen_maanden_voor(sanctie.datum, feiten.pleegdatum, 12 * jaren):
            grond.append((sanctie, jaren))
    return grond


def boetebevoegdheid_vervallen(feiten: Feiten, benadeling: int, spoor: Spoor) -> bool:
    """Verval van de boetebevoegdheid: 5 jaar na de overtreding, 3 jaar als geen hogere boete dan
    € 340 mogelijk is (Awb art. 5:45). Vervallen als de beoordelingsdatum na de vervaldatum ligt.
    A warning stands in for a fine, so once the power to fine has lapsed no warning follows
    either."""
    grens = spoor.getal("vervaltermijn_grens_cent")
    recidive = _recidive_voor_maximum(feiten, spoor)
    # The maximum in cents × 100, so that 150 % of an odd amount is compared exactly: floor
    # division would put € 340,005 at € 340,00 and wrongly choose the short term.
    maximum_maal_100: int | None
    if benadeling:
        maximum_maal_100 = None if recidive is None else benadeling * recidive
    else:
        categorie = spoor.optioneel_getal("boete_maximum_zonder_benadeling_cent")
        maximum_maal_100 = None if categorie is None else categorie * 100
    # Unknown maximum (no benadeling and category value missing, or recidive not in the rules on
    # this date): assume the longer term, so that a power that may still exist is never lost.
    lang = maximum_maal_100 is None or maximum_maal_100 > grens * 100
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
        f"De hoogst mogelijke boete is {hoogste} dan {euro(grens)}, dus de bevoegdheid om een "
        f"boete op te leggen vervalt {jaren_tekst(jaren)} na de overtreding, op "
        f"{datum_nl(vervaldatum)}; de beoordelingsdatum ligt daarvoor.",
    )
    return False


def _recidive_voor_maximum(feiten: Feiten, spoor: Spoor) -> int | None:
    """The recidive percentage for the highest possible fine; None when an earlier fine exists
    (or a criminal sanction) exists but the rules on this date hold no recidive term or percentage."""
    grond = _recidive_grond(feiten, spoor)
    if grond is None:
        return None
    if not grond:
        return 100
    return spoor.optioneel_getal("recidive_percentage")


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
    return boete_maximum(benadeling, recidive, boete, art, spoor)


def boete_maximum(benadeling: int, recidive: int, boete: int, art: Artikelen, spoor: Spoor) -> int:
    """De boete is ten hoogste het benadelingsbedrag, bij recidive ten hoogste 150 % daarvan
    (PW art. 18a lid 1 en lid 5 (2015); IOAW/IOAZ art. 20a). The rounding up to € 10 of the
    Boetebesluit may not push a fine above that legal maximum: the law goes before the decree,
    so the fine is then the maximum itself, floored to whole cents."""
    if boete * 100 <= benadeling * recidive:
        return boete
    maximum = benadeling * recidive // 100
    if recidive == 100:
        bron = art.boete
        grens = f"het benadelingsbedrag ({euro(benadeling)})"
    else:
        bron = f"{art.boete}; {art.boete_recidive}"
        grens = f"{recidive} % van het benadelingsbedrag ({euro(maximum)})"
    spoor.regel(
        "boete_maximum",
        bron,
        f"Door de afronding zou de boete ({euro(boete)}) hoger zijn dan de wet toestaat: de boete "
        f"is ten hoogste {grens}. De boete wordt daarom {euro(maximum)}.",
    )
    return maximum


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


UNA_VIA_BRON = "Awb art. 5:44 (geen boete na strafvervolging voor hetzelfde feit; una via)"


def una_via(
    feiten: Feiten, benadeling: int, uitkomst: tuple[str, int], spoor: Spoor
) -> tuple[str, int]:
    """Una via: a fine and a criminal prosecution for the same act are never combined (Awb art.
    5:44; Aanwijzing sociale zekerheidsfraude). Above the prosecution threshold the official
    considers aangifte. Once aangifte is made, no fine follows, whatever the amount, and so no
    warning in its place either (as after the lapse of the power to fine). While that answer is
    open above the threshold and a fine or a warning would follow, the sanction depends on it, so
    it is asked."""
    sanctie, boete = uitkomst
    grens = spoor.getal("vervolgingsgrens_cent")
    boven = benadeling > grens
    aangifte = feiten.aangifte_gedaan
    if not boven and aangifte is None:
        return uitkomst  # the common case, kept cheap (bench/bench_regels.py)
    bron = spoor.bron("vervolgingsgrens_cent")
    if boven:
        onzeker = " (waarde onzeker)" if spoor.parameter("vervolgingsgrens_cent").onzeker else ""
        spoor.regel(
            "vervolgingsgrens",
            bron,
            f"Het benadelingsbedrag ligt boven de vervolgingsgrens van {euro(grens)}{onzeker}: "
            "overweeg aangifte. Een boete en een strafrechtelijke sanctie voor hetzelfde "
            "feit worden nooit gecombineerd.",
        )
    if aangifte is True:
        # A missing judgement of blame is still asked (the rules never skip it); any other open
        # judgement only chose between a fine and a warning, both excluded now.
        if sanctie in ("boete", "waarschuwing") or (
            sanctie == "oordeel_nodig" and feiten.verwijtbaarheid is not None
        ):
            spoor.open_vragen.clear()
            una_via_aangifte(spoor)
            return "geen", 0
        return uitkomst
    if aangifte is False:
        if boven and sanctie in ("boete", "waarschuwing"):
            spoor.regel(
                "una_via",
                f"{UNA_VIA_BRON}; {bron}",
                "Er is geen aangifte gedaan; de zaak volgt de bestuurlijke weg.",
            )
        return uitkomst
    if not boven or sanctie == "geen":
        return uitkomst
    spoor.vraag(
        "aangifte_gedaan",
        f"Het benadelingsbedrag ({euro(benadeling)}) is hoger dan de vervolgingsgrens van "
        f"{euro(grens)}. Is aangifte gedaan bij het Openbaar Ministerie? Zo ja, dan wordt "
        "geen boete opgelegd.",
        f"{bron}; {UNA_VIA_BRON}",
    )
    if sanctie == "oordeel_nodig":
        return uitkomst
    zonder = f"een boete van {euro(boete)}" if sanctie == "boete" else "een waarschuwing"
    spoor.regel(
        "una_via",
        f"{UNA_VIA_BRON}; {bron}",
        f"Zonder aangifte volgt {zonder}; met aangifte volgt geen boete en ook geen "
        "waarschuwing. Het advies hangt daarom af van het antwoord op de vraag of aangifte is "
        "gedaan.",
    )
    return "oordeel_nodig", 0


def una_via_aangifte(spoor: Spoor) -> None:
    spoor.regel(
        "una_via",
        UNA_VIA_BRON,
        "Er is aangifte gedaan bij het Openbaar Ministerie; daarom wordt geen boete opgelegd, "
        "en dus ook geen waarschuwing in plaats van een boete. Ziet het Openbaar Ministerie af "
        "van vervolging, beoordeel de zaak dan opnieuw.",
    )
