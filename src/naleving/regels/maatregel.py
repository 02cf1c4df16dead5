# SPDX-License-Identifier: EUPL-1.2
"""Maatregel (reduction of benefit) for other obligations: PW art. 18; IOAW/IOAZ art. 20.

The percentages and periods come from the municipality's afstemmingsverordening when the
organisation file sets them, and otherwise from the national standard in the rule set.
"""

from __future__ import annotations

from typing import NamedTuple

from .datums import binnen_maanden_voor
from .feiten import Feiten, Verlaging
from .spoor import Maatregel, Spoor
from .tekst import VERWIJTBAARHEID_TEKST, datum_nl, euro, maanden_tekst
from .wetten import Artikelen


class Verlagingsplan(NamedTuple):
    """The reduction per month in cents (first month first), its total, what could not be
    deducted within the benefit paid, and whether it was spread."""

    per_maand_cent: tuple[int, ...]
    totaal_cent: int
    niet_verrekend_cent: int
    gespreid: bool


def _verwijtbaarheid(feiten: Feiten, artikel: str, art: Artikelen, spoor: Spoor) -> str | None:
    """No measure without any blame (PW art. 18 lid 9 (2015)); a missing judgement is asked for.
    Returns the sanction that ends the evaluation, or None to continue."""
    if feiten.verwijtbaarheid == "geen":
        spoor.regel(
            "verwijtbaarheid",
            art.maatregel_geen_verwijtbaarheid,
            "Elke vorm van verwijtbaarheid ontbreekt; daarom wordt geen maatregel opgelegd.",
        )
        return "geen"
    if feiten.verwijtbaarheid is None:
        spoor.vraag(
            "verwijtbaarheid",
            "Is de schending de betrokkene te verwijten, en in welke mate (geen, verminderd, "
            "normaal, grove schuld of opzet)?",
            f"{art.maatregel_geen_verwijtbaarheid}; {artikel}",
        )
        spoor.regel(
            "verwijtbaarheid",
            art.maatregel_geen_verwijtbaarheid,
            "De verwijtbaarheid is nog niet beoordeeld. Zonder dat oordeel kan geen maatregel "
            "worden bepaald; de regels vullen een oordeel nooit zelf in.",
        )
        return "oordeel_nodig"
    return None


def _dringende_redenen(feiten: Feiten, standaard: Maatregel, art: Artikelen, spoor: Spoor) -> bool:
    """Dringende redenen: de maatregel wordt afgestemd op de omstandigheden (PW art. 18 lid 10
    (2015)); hoe, is een oordeel van de ambtenaar."""
    if feiten.dringende_redenen is None:
        return False
    spoor.vraag(
        "dringende_redenen",
        f"Er zijn dringende redenen vastgesteld ({feiten.dringende_redenen.strip()}). Hoe wordt "
        f"de maatregel daarop afgestemd (standaard {standaard.percentage} % gedurende "
        f"{maanden_tekst(standaard.maanden)}): lager, korter of niet opleggen?",
        art.maatregel_dringende_redenen,
    )
    spoor.regel(
        "dringende_redenen",
        art.maatregel_dringende_redenen,
        "Bij dringende redenen kan van de maatregel worden afgezien of kan die worden aangepast; "
        "de regels bepalen die afweging niet zelf.",
    )
    return True


def beoordeel_arbeidsverplichting(
    feiten: Feiten, art: Artikelen, spoor: Spoor
) -> tuple[str, Maatregel | None]:
    """Maatregel bij schending van een geüniformeerde arbeidsverplichting: 100 % gedurende 1 maand,
    bij herhaling binnen 12 maanden langer, ten hoogste 3 maanden (PW art. 18 lid 4-8 (2015);
    IOAW/IOAZ art. 20; afstemmingsverordening)."""
    einde = _verwijtbaarheid(feiten, art.maatregel_arbeid, art, spoor)
    if einde is not None:
        return einde, None
    percentage = spoor.getal("maatregel_arbeid_percentage")
    eerste = spoor.getal("maatregel_arbeid_maanden_eerste")
    extra = spoor.getal("maatregel_arbeid_maanden_per_herhaling")
    hoogstens = spoor.getal("maatregel_arbeid_maanden_max")
    termijn = spoor.getal("maatregel_arbeid_herhaling_termijn_maanden")
    eerdere = sorted(
        s.datum
        for s in feiten.eerdere_sancties
        if s.soort == "maatregel"
        and s.overtreding == "arbeidsverplichting"
        and binnen_maanden_voor(s.datum, feiten.pleegdatum, termijn)
    )
    maanden = min(eerste + extra * len(eerdere), hoogstens)
    if eerdere:
        herhaling = (
            f"In de {termijn} maanden vóór de schending {'is' if len(eerdere) == 1 else 'zijn'} "
            f"{len(eerdere)} eerdere maatregel(en) wegens een arbeidsverplichting opgelegd "
            f"(laatste op {datum_nl(eerdere[-1])}): {extra} maand extra per herhaling, ten "
            f"hoogste {maanden_tekst(hoogstens)}."
        )
    else:
        herhaling = (
            f"In de {termijn} maanden vóór de schending is geen maatregel wegens een "
            "arbeidsverplichting opgelegd: geen herhaling."
        )
    spoor.regel(
        "maatregel_arbeidsverplichting",
        f"{art.maatregel_arbeid}; {spoor.bron('maatregel_arbeid_percentage')}",
        f"Schending van een arbeidsverplichting bij "
        f"{VERWIJTBAARHEID_TEKST[feiten.verwijtbaarheid or 'normaal']}: verlaging met "
        f"{percentage} % gedurende {maanden_tekst(maanden)}. {herhaling}",
    )
    maatregel = Maatregel(percentage, maanden)
    if _dringende_redenen(feiten, maatregel, art, spoor):
        return "oordeel_nodig", None
    return "maatregel", maatregel


def beoordeel_tekortschietend_besef(
    feiten: Feiten, art: Artikelen, spoor: Spoor
) -> tuple[str, Maatregel | None]:
    """Maatregel bij tekortschietend besef van verantwoordelijkheid voor de voorziening in het
    bestaan, naar de afstemmingsverordening (PW art. 18 lid 2; IOAW/IOAZ art. 20)."""
    bron = f"{art.maatregel}; afstemmingsverordening"
    if feiten.verwijtbaarheid == "geen":
        return _verwijtbaarheid(feiten, art.maatregel, art, spoor) or "geen", None
    percentage = spoor.optioneel_getal("tekortschietend_besef_percentage")
    maanden = spoor.optioneel_getal("tekortschietend_besef_maanden")
    if percentage is None or maanden is None:
        spoor.vraag(
            "tekortschietend_besef",
            "Voor tekortschietend besef van verantwoordelijkheid zijn geen waarden uit de "
            "afstemmingsverordening ingesteld. Welke maatregel schrijft de verordening voor?",
            bron,
        )
        spoor.regel(
            "tekortschietend_besef",
            bron,
            "De hoogte en duur van de maatregel bij tekortschietend besef staan in de "
            "afstemmingsverordening van de gemeente; die waarden zijn niet ingesteld, dus de "
            "regels bepalen de maatregel niet.",
        )
        _verwijtbaarheid(feiten, art.maatregel, art, spoor)
        return "oordeel_nodig", None
    einde = _verwijtbaarheid(feiten, art.maatregel, art, spoor)
    if einde is not None:
        return einde, None
    spoor.regel(
        "tekortschietend_besef",
        f"{bron}; {spoor.bron('tekortschietend_besef_percentage')}",
        f"Tekortschietend besef van verantwoordelijkheid: verlaging met {percentage} % gedurende "
        f"{maanden_tekst(maanden)} volgens de afstemmingsverordening.",
    )
    maatregel = Maatregel(percentage, maanden)
    if _dringende_redenen(feiten, maatregel, art, spoor):
        return "oordeel_nodig", None
    return "maatregel", maatregel


_VERPLICHTING_TEKST = {
    "medewerkingsplicht": "Schending van de medewerkingsplicht",
    "overige_verplichting": "Schending van een andere verplichting verbonden aan de uitkering",
}


def beoordeel_verordening(
    feiten: Feiten, art: Artikelen, spoor: Spoor
) -> tuple[str, Maatregel | None]:
    """Maatregel bij schending van de medewerkingsplicht (PW art. 17 lid 2) of een andere
    verplichting (PW art. 9 lid 1, art. 55) naar de hoogte en duur die de afstemmingsverordening
    daarvoor vaststelt (PW art. 8 lid 1 sub a en art. 18 lid 2; IOAW/IOAZ art. 20). Zonder waarden
    in de verordening bepalen de regels de maatregel niet: een vraag, nooit een gok."""
    soort = feiten.overtreding
    artikel = art.medewerkingsplicht if soort == "medewerkingsplicht" else art.overige_verplichting
    bron = f"{artikel}; {art.maatregel}; afstemmingsverordening"
    if feiten.verwijtbaarheid == "geen":
        return _verwijtbaarheid(feiten, art.maatregel, art, spoor) or "geen", None
    percentage = spoor.optioneel_getal(f"maatregel_{soort}_percentage")
    maanden = spoor.optioneel_getal(f"maatregel_{soort}_maanden")
    wat = _VERPLICHTING_TEKST[soort]
    if percentage is None or maanden is None:
        spoor.vraag(
            "verordening",
            f"{wat}: voor deze verplichting zijn geen waarden uit de afstemmingsverordening "
            "ingesteld. Welke maatregel schrijft de verordening voor?",
            bron,
        )
        spoor.regel(
            "maatregel_verordening",
            bron,
            f"{wat}: de hoogte en duur van de maatregel staan in de afstemmingsverordening van "
            "de gemeente; die waarden zijn niet ingesteld, dus de regels bepalen de maatregel niet.",
        )
        _verwijtbaarheid(feiten, art.maatregel, art, spoor)
        return "oordeel_nodig", None
    einde = _verwijtbaarheid(feiten, art.maatregel, art, spoor)
    if einde is not None:
        return einde, None
    parameter = spoor.parameter(f"maatregel_{soort}_percentage")
    spoor.regel(
        "maatregel_verordening",
        f"{bron}; {parameter.bron}",
        f"{wat} bij {VERWIJTBAARHEID_TEKST[feiten.verwijtbaarheid or 'normaal']}: verlaging met "
        f"{percentage} % gedurende {maanden_tekst(maanden)} volgens de afstemmingsverordening "
        f"({parameter.herkomst}).",
    )
    maatregel = Maatregel(percentage, maanden)
    if _dringende_redenen(feiten, maatregel, art, spoor):
        return "oordeel_nodig", None
    return "maatregel", maatregel


def _samen(artikel: str, bron: str) -> str:
    """The article and a parameter's source, without saying the article twice."""
    return bron if bron.startswith(artikel) else f"{artikel}; {bron}"


def _plafond(deler: int, noemer: int) -> int:
    return -(-deler // noemer)


def verlagingsplan(
    verlaging: Verlaging, maatregel: Maatregel, art: Artikelen, spoor: Spoor
) -> Verlagingsplan:
    """How much is deducted in which month, exactly in cents.

    The reduction is the percentage of the applicable norm per month, rounded down to the cent
    (the law sets no rounding; a reduction takes no cent more than the percentage allows), for
    the months of the maatregel. It is spread over the month of imposition and the following
    months (``maatregel_spreiding_maanden`` in all) when the official or the afstemmingsverordening
    chooses so, or when one month's reduction is more than the benefit paid that month; at least
    1/``maatregel_spreiding_eerste_maand_noemer`` of the total falls in the first month (PW art. 18
    lid 5 (2015)). The rest is divided evenly, a cent left over going to the earliest months. What
    does not fit within the benefit of the months allowed is not deducted, and asked about."""
    per_maand = verlaging.norm_cent * maatregel.percentage // 100
    totaal = per_maand * maatregel.maanden
    keuze = verlaging.spreiden
    door = "de ambtenaar"
    if keuze is None:
        keuze = spoor.ja_nee("maatregel_spreiden")
        door = f"de afstemmingsverordening ({spoor.parameter('maatregel_spreiden').herkomst})"
    uitkering = verlaging.uitkering_cent
    te_hoog = uitkering is not None and per_maand > uitkering
    bron = _samen(art.maatregel_spreiding, spoor.bron("maatregel_spreiding_maanden"))
    basis = (
        f"De verlaging is {maatregel.percentage} % van de norm {euro(verlaging.norm_cent)} = "
        f"{euro(per_maand)} per maand (naar beneden afgerond op een cent), gedurende "
        f"{maanden_tekst(maatregel.maanden)}: samen {euro(totaal)}."
    )
    if not keuze and not te_hoog:
        bedragen = (per_maand,) * maatregel.maanden
        spoor.regel(
            "verlagingsplan",
            art.maatregel,
            f"{basis} Niet gespreid: {euro(per_maand)} in elk van de "
            f"{maanden_tekst(maatregel.maanden)}.",
        )
        return Verlagingsplan(bedragen, totaal, 0, False)
    aantal = max(maatregel.maanden, spoor.getal("maatregel_spreiding_maanden"))
    noemer = spoor.getal("maatregel_spreiding_eerste_maand_noemer")
    eerste = max(_plafond(totaal, noemer), _plafond(totaal, aantal))
    rest, over = divmod(totaal - eerste, aantal - 1) if aantal > 1 else (0, 0)
    bedragen = (eerste, *(rest + (1 if i < over else 0) for i in range(aantal - 1)))
    niet_verrekend = 0
    if uitkering is not None and max(bedragen) > uitkering:
        # Within the benefit paid, still at least the minimum share first (as far as it fits).
        gevuld = []
        over_te = totaal
        for bedrag in bedragen:
            deel = min(uitkering, over_te, max(bedrag, 0))
            gevuld.append(deel)
            over_te -= deel
        # Whatever is left fits in no month: the months are full to the benefit paid.
        for index in range(len(gevuld)):
            extra = min(uitkering - gevuld[index], over_te)
            gevuld[index] += extra
            over_te -= extra
        bedragen = tuple(gevuld)
        niet_verrekend = over_te
    reden = (
        f"de verlaging per maand ({euro(per_maand)}) is hoger dan de uitkering die maand "
        f"({euro(uitkering or 0)})"
        if te_hoog
        else f"{door} kiest voor spreiding"
    )
    delen = "; ".join(
        f"maand {nummer}: {euro(bedrag)}" for nummer, bedrag in enumerate(bedragen, start=1)
    )
    tekst = (
        f"{basis} Gespreid over {maanden_tekst(aantal)} (de maand van oplegging en de maanden "
        f"daarna), omdat {reden}; in de eerste maand ten minste 1/{noemer} deel: {delen}."
    )
    if niet_verrekend:
        tekst += (
            f" {euro(niet_verrekend)} past niet binnen de uitkering van die maanden en wordt niet "
            "verrekend."
        )
        spoor.vraag(
            "verlaging",
            f"Van de verlaging past {euro(niet_verrekend)} niet binnen de uitkering van "
            f"{maanden_tekst(aantal)}. Wordt de maatregel daarop afgestemd (lager of korter)?",
            f"{bron}; {art.maatregel_dringende_redenen}",
        )
    spoor.regel("verlagingsplan", bron, tekst)
    return Verlagingsplan(bedragen, totaal, niet_verrekend, True)


def heroverweging(maatregel: Maatregel, art: Artikelen, spoor: Spoor) -> int | None:
    """PW art. 18 lid 3: the college reconsiders a reduction within at most three months after the
    decision. That only a reduction of ``maatregel_heroverweging_vanaf_maanden`` or more needs a
    separate reconsideration (a shorter one has ended within the term) is the afstemmings-
    verordening's reading, marked uncertain in the parameters. Returns the term in months, or None."""
    vanaf = spoor.getal("maatregel_heroverweging_vanaf_maanden")
    termijn = spoor.getal("maatregel_heroverweging_termijn_maanden")
    bron = _samen(art.maatregel_heroverweging, spoor.bron("maatregel_heroverweging_vanaf_maanden"))
    if maatregel.maanden < vanaf:
        spoor.regel(
            "heroverweging",
            bron,
            f"De maatregel duurt {maanden_tekst(maatregel.maanden)}, korter dan "
            f"{maanden_tekst(vanaf)}: geen aparte heroverweging nodig.",
        )
        return None
    spoor.regel(
        "heroverweging",
        bron,
        f"De maatregel duurt {maanden_tekst(maatregel.maanden)}: het college heroverweegt de "
        f"verlaging binnen {maanden_tekst(termijn)} na de datum van het besluit.",
    )
    return termijn
