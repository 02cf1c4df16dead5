# SPDX-License-Identifier: EUPL-1.2
"""Maatregel (reduction of benefit) for other obligations: PW art. 18; IOAW/IOAZ art. 20.

The percentages and periods come from the municipality's afstemmingsverordening when the
organisation file sets them, and otherwise from the national standard in the rule set.
"""

from __future__ import annotations

from .datums import binnen_maanden_voor
from .feiten import Feiten
from .spoor import Maatregel, Spoor
from .tekst import VERWIJTBAARHEID_TEKST, datum_nl, maanden_tekst
from .wetten import Artikelen


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
