# SPDX-License-Identifier: EUPL-1.2
"""adviseer(): choose the rule set(s), evaluate, apply lex mitior, and assemble the Advies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .advies import Advies, Terugvordering, beschrijf_sanctie
from .configuratie import Configuratie, Toepassing
from .feiten import Feiten, FeitenFout
from .inlichtingenplicht import beoordeel_inlichtingenplicht
from .maatregel import (
    Verlagingsplan,
    beoordeel_arbeidsverplichting,
    beoordeel_tekortschietend_besef,
    beoordeel_verordening,
    heroverweging,
    verlagingsplan,
)
from .parameters import Gemeente
from .spoor import Maatregel, OpenVraag, Spoor, Uitleg
from .tekst import datum_nl, euro
from .terugvordering import beoordeel_terugvordering
from .wettelijk import alleen_wet
from .wetten import ARTIKELEN, Artikelen

LEX_MITIOR_BRON = (
    "art. 7 EVRM; art. 15 lid 1 IVBPR; lex mitior bij bestuurlijke boetes (CRvB); Awb art. 5:46"
)
BELEIDSREGEL_BRON = "Awb art. 4:84 (het bestuursorgaan handelt overeenkomstig zijn beleidsregels)"
_RANG = {"geen": 0, "waarschuwing": 1, "boete": 2, "maatregel": 2}


@dataclass(slots=True)
class _Uitkomst:
    toepassing: Toepassing
    sanctie: str
    boete: int
    maatregel: Maatregel | None
    spoor: Spoor

    def zwaarte(self) -> tuple[int, int]:
        """Order of harshness: geen < waarschuwing < boete/maatregel by amount."""
        maatregel = self.maatregel
        omvang = maatregel.percentage * maatregel.maanden if maatregel else self.boete
        return _RANG[self.sanctie], omvang

    def beschrijving(self) -> str:
        return beschrijf_sanctie(self.sanctie, self.boete, self.maatregel)


def adviseer(
    feiten: Feiten | Mapping[str, Any], *, configuratie: Configuratie | None = None
) -> Advies:
    """Advise on one case. Raises FeitenFout for invalid input; never guesses a judgement."""
    config = configuratie or Configuratie.standaard()
    if not isinstance(feiten, Feiten):
        feiten = Feiten.uit_dict(feiten)
    gemeente = _gemeente(feiten, config)
    art = ARTIKELEN[feiten.wet]
    inlichtingen = feiten.overtreding == "inlichtingenplicht"
    benadeling = feiten.benadelingsbedrag if inlichtingen else 0

    bij_plegen = config.toepassing_op(feiten.pleegdatum)
    regeling: str | None
    if bij_plegen is None:
        # No rule set of the organisation yet on the pleegdatum: the policy part of the advice is
        # not available, but what the law itself answers (no blame, lapse, recovery) still holds.
        wettelijk = alleen_wet(feiten, config, gemeente, benadeling, art)
        uitleg = [wettelijk.regeling_uitleg]
        spoor, sanctie, regeling = wettelijk.spoor, wettelijk.sanctie, None
        boete, maatregel = 0, None
        open_vragen = list(spoor.open_vragen)
    else:
        gekozen, open_vragen, uitleg = _kies(feiten, config, bij_plegen, gemeente, benadeling, art)
        spoor, sanctie = gekozen.spoor, gekozen.sanctie
        boete, maatregel = gekozen.boete, gekozen.maatregel
        regeling = gekozen.toepassing.regeling.id
    plan: Verlagingsplan | None = None
    herover: int | None = None
    if sanctie == "maatregel" and maatregel is not None:
        # The reduction as it is carried out, under the rule set chosen (PW art. 18 lid 3 and 5).
        al_gevraagd = len(spoor.open_vragen)
        if feiten.verlaging is not None:
            plan = verlagingsplan(feiten.verlaging, maatregel, art, spoor)
        herover = heroverweging(maatregel, art, spoor)
        open_vragen.extend(spoor.open_vragen[al_gevraagd:])
    uitleg.append(_overtreding_uitleg(feiten, art))
    if inlichtingen or feiten.benadelingsbedrag_cent is not None or feiten.perioden is not None:
        uitleg.append(_benadeling_uitleg(feiten, benadeling, inlichtingen, art))
    uitleg.extend(spoor.uitleg)
    if feiten.terugvordering is None:
        terugvordering = _terugvordering(feiten, benadeling, inlichtingen, art, uitleg)
    else:
        terugvordering, vragen = beoordeel_terugvordering(
            feiten, feiten.terugvordering, benadeling, art, spoor, uitleg
        )
        open_vragen = [*open_vragen, *vragen]
    parameters = spoor.parameter_uitleg()
    if parameters is not None:
        uitleg.append(parameters)
    return Advies(
        sanctie=sanctie,
        boete_cent=boete if sanctie == "boete" else 0,
        maatregel=maatregel if sanctie == "maatregel" else None,
        benadelingsbedrag_cent=benadeling,
        terugvordering=terugvordering,
        regeling=regeling,
        open_vragen=tuple(open_vragen),
        uitleg=tuple(uitleg),
        verlaging=plan,
        heroverweging_binnen_maanden=herover,
    )


def _kies(
    feiten: Feiten,
    config: Configuratie,
    bij_plegen: Toepassing,
    gemeente: Gemeente | None,
    benadeling: int,
    art: Artikelen,
) -> tuple[_Uitkomst, list[OpenVraag], list[Uitleg]]:
    """Evaluate the rule set of the pleegdatum and, if another, that of the beoordelingsdatum."""
    bij_beoordeling = _toepassing(config, feiten.beoordelingsdatum, "beoordelingsdatum")
    eerste = _evalueer(feiten, bij_plegen, feiten.pleegdatum, gemeente, benadeling, art, config)
    uitleg = [_regeling_uitleg(config, bij_plegen, feiten.pleegdatum, "pleegdatum")]
    if bij_beoordeling.regeling is bij_plegen.regeling:
        return eerste, list(eerste.spoor.open_vragen), uitleg
    tweede = _evalueer(
        feiten, bij_beoordeling, feiten.beoordelingsdatum, gemeente, benadeling, art, config
    )
    uitleg.append(
        _regeling_uitleg(config, bij_beoordeling, feiten.beoordelingsdatum, "beoordelingsdatum")
    )
    gekozen, open_vragen, lex = _lex_mitior(eerste, tweede)
    uitleg.append(lex)
    return gekozen, open_vragen, uitleg


def _gemeente(feiten: Feiten, config: Configuratie) -> Gemeente | None:
    if feiten.gemeente is None:
        return None
    gemeente = config.gemeente(feiten.gemeente)
    if gemeente is None:
        bekend = ", ".join(f"{g.naam} ({g.cbs_code})" for g in config.organisatie.gemeenten)
        raise FeitenFout(
            "gemeente",
            f"onbekende gemeente {feiten.gemeente!r}; {config.organisatie.naam} kent: "
            f"{bekend or 'geen gemeenten'} (naam of CBS-code)",
        )
    return gemeente


def _toepassing(config: Configuratie, datum: date, veld: str) -> Toepassing:
    toepassing = config.toepassing_op(datum)
    if toepassing is None:
        raise FeitenFout(
            veld,
            f"op {datum.isoformat()} is voor {config.organisatie.naam} geen regeling van kracht; "
            "controleer de datum",
        )
    return toepassing


def _evalueer(
    feiten: Feiten,
    toepassing: Toepassing,
    peildatum: date,
    gemeente: Gemeente | None,
    benadeling: int,
    art: Artikelen,
    config: Configuratie,
) -> _Uitkomst:
    regeling = toepassing.regeling
    spoor = Spoor(
        config.waarden(regeling, gemeente, peildatum), peildatum, config.activering(regeling.id)
    )
    maatregel: Maatregel | None = None
    boete = 0
    if feiten.overtreding == "inlichtingenplicht":
        sanctie, boete = beoordeel_inlichtingenplicht(feiten, benadeling, art, spoor)
    elif feiten.overtreding == "arbeidsverplichting":
        sanctie, maatregel = beoordeel_arbeidsverplichting(feiten, art, spoor)
    elif feiten.overtreding in ("medewerkingsplicht", "overige_verplichting"):
        sanctie, maatregel = beoordeel_verordening(feiten, art, spoor)
    else:
        sanctie, maatregel = beoordeel_tekortschietend_besef(feiten, art, spoor)
    return _Uitkomst(toepassing, sanctie, boete, maatregel, spoor)


def _lex_mitior(eerste: _Uitkomst, tweede: _Uitkomst) -> tuple[_Uitkomst, list[OpenVraag], Uitleg]:
    """Lex mitior: of the rule set at the breach and the one at the decision, the one most
    favourable to the person applies to a sanction not yet final (art. 7 EVRM; art. 15 IVBPR)."""
    oud = eerste.toepassing.regeling
    nieuw = tweede.toepassing.regeling
    vergelijking = (
        f"Op de pleegdatum gold {oud.id}, op de beoordelingsdatum {nieuw.id}. Een sanctie die nog "
        "niet onherroepelijk is, volgt de regeling die voor de betrokkene het gunstigst is. "
        f"Volgens {oud.id}: {eerste.beschrijving()}; volgens {nieuw.id}: {tweede.beschrijving()}."
    )
    if "oordeel_nodig" in (eerste.sanctie, tweede.sanctie):
        # The comparison can only be made once every judgement is in.
        gekozen = eerste if eerste.sanctie == "oordeel_nodig" else tweede
        vragen = list(gekozen.spoor.open_vragen)
        overige = tweede if gekozen is eerste else eerste
        for vraag in overige.spoor.open_vragen:
            if all(vraag.veld != v.veld for v in vragen):
                vragen.append(vraag)
        tekst = (
            f"{vergelijking} De vergelijking kan pas worden gemaakt als de open vragen zijn "
            f"beantwoord; het oordeel is nodig onder {gekozen.toepassing.regeling.id}."
        )
        return gekozen, vragen, Uitleg("lex_mitior", LEX_MITIOR_BRON, tekst)
    if tweede.zwaarte() < eerste.zwaarte():
        gekozen = tweede
        reden = f"{nieuw.id} is gunstiger en wordt toegepast."
    elif tweede.zwaarte() == eerste.zwaarte():
        gekozen = eerste
        reden = (
            f"Beide geven dezelfde uitkomst; de regeling van de pleegdatum ({oud.id}) wordt "
            "toegepast."
        )
    else:
        gekozen = eerste
        reden = f"{oud.id} is gunstiger en blijft van toepassing."
    tekst = f"{vergelijking} {reden}"
    return gekozen, list(gekozen.spoor.open_vragen), Uitleg("lex_mitior", LEX_MITIOR_BRON, tekst)


def _regeling_uitleg(
    config: Configuratie, toepassing: Toepassing, datum: date, wanneer: str
) -> Uitleg:
    memo = config.memo
    sleutel = ("regeling", toepassing.keuze.id, datum, wanneer)
    gevonden = memo.get(sleutel)
    if gevonden is None:
        if len(memo) > 100_000:
            memo.clear()
        gevonden = memo[sleutel] = _maak_regeling_uitleg(config, toepassing, datum, wanneer)
    assert isinstance(gevonden, Uitleg)
    return gevonden


def _maak_regeling_uitleg(
    config: Configuratie, toepassing: Toepassing, datum: date, wanneer: str
) -> Uitleg:
    regeling = toepassing.regeling
    keuze = toepassing.keuze
    tekst = (
        f"Op de {wanneer} ({datum_nl(datum)}) past {config.organisatie.naam} de regeling "
        f"'{regeling.naam}' ({regeling.id}) toe, vanaf {datum_nl(toepassing.vanaf)}"
    )
    if config.activering(keuze.id) is not None:
        tekst += " (datum ingesteld door de beheerder)"
    elif keuze.onzeker or regeling.onzeker:
        tekst += " (ingangsdatum of inhoud onzeker)"
    bron = regeling.bron if keuze.bron in regeling.bron else f"{keuze.bron}; {regeling.bron}"
    onder = config.onderliggend(regeling) if regeling.concept else None
    if onder is not None:
        tekst += (
            f". Het concept bouwt voort op de regeling die daarvoor gold, '{onder.naam}' "
            f"({onder.id}): wat het concept niet wijzigt, blijft zoals in die regeling"
        )
        bron += f"; {BELEIDSREGEL_BRON}"
    return Uitleg("regeling", bron, tekst + ".")


def _overtreding_uitleg(feiten: Feiten, art: Artikelen) -> Uitleg:
    if feiten.overtreding == "inlichtingenplicht":
        return Uitleg(
            "overtreding",
            f"{art.inlichtingenplicht}; {art.boete}",
            f"Vastgesteld is een schending van de inlichtingenplicht ({art.naam}). Daarvoor legt "
            "het college een bestuurlijke boete op, of geeft het een waarschuwing, naar de regels "
            "hieronder.",
        )
    if feiten.overtreding == "arbeidsverplichting":
        return Uitleg(
            "overtreding",
            art.maatregel_arbeid,
            f"Vastgesteld is een schending van een arbeidsverplichting ({art.naam}). Daarvoor "
            "verlaagt het college de uitkering met een maatregel naar de afstemmingsverordening.",
        )
    if feiten.overtreding == "medewerkingsplicht":
        return Uitleg(
            "overtreding",
            art.medewerkingsplicht,
            f"Vastgesteld is een schending van de medewerkingsplicht ({art.naam}). Daarvoor "
            "verlaagt het college de uitkering met een maatregel naar de afstemmingsverordening.",
        )
    if feiten.overtreding == "overige_verplichting":
        return Uitleg(
            "overtreding",
            art.overige_verplichting,
            f"Vastgesteld is een schending van een andere verplichting verbonden aan de uitkering "
            f"({art.naam}). Daarvoor verlaagt het college de uitkering met een maatregel naar de "
            "afstemmingsverordening.",
        )
    return Uitleg(
        "overtreding",
        art.maatregel,
        f"Vastgesteld is tekortschietend besef van verantwoordelijkheid voor de voorziening in "
        f"het bestaan ({art.naam}). Daarvoor verlaagt het college de uitkering naar de "
        "afstemmingsverordening.",
    )


def _benadeling_uitleg(
    feiten: Feiten, benadeling: int, inlichtingen: bool, art: Artikelen
) -> Uitleg:
    if not inlichtingen:
        return Uitleg(
            "benadelingsbedrag",
            art.boete,
            "Er is een benadelingsbedrag opgegeven, maar dat telt alleen bij schending van de "
            "inlichtingenplicht; het wordt hier niet gebruikt.",
        )
    soort = "bruto " if art.bruto else ""
    if feiten.perioden is None:
        tekst = f"Het {soort}benadelingsbedrag is opgegeven: {euro(benadeling)}."
    else:
        delen = [
            f"{p.maand}: {euro(p.ontvangen_cent)} ontvangen, recht {euro(p.recht_cent)}, te veel "
            f"{euro(max(0, p.ontvangen_cent - p.recht_cent))}"
            for p in feiten.perioden
        ]
        tekst = (
            f"Het {soort}benadelingsbedrag is de som per maand van wat meer is ontvangen dan waar "
            f"recht op was ({'; '.join(delen)}): {euro(benadeling)}."
        )
    return Uitleg("benadelingsbedrag", f"{art.boete}; {art.terugvordering}", tekst)


def _terugvordering(
    feiten: Feiten, benadeling: int, inlichtingen: bool, art: Artikelen, uitleg: list[Uitleg]
) -> Terugvordering:
    """Terugvordering bij schending van de inlichtingenplicht is verplicht (PW art. 58 lid 1;
    IOAW/IOAZ art. 25), tenzij dringende redenen (PW art. 58 lid 8)."""
    if not inlichtingen:
        uitleg.append(
            Uitleg(
                "terugvordering",
                art.terugvordering,
                "Verplichte terugvordering geldt alleen voor bijstand die door schending van de "
                "inlichtingenplicht te veel is ontvangen; die is hier niet aan de orde.",
            )
        )
        return Terugvordering(verplicht=False, bedrag_cent=0, afzien_mogelijk=False)
    afzien = feiten.dringende_redenen is not None
    tekst = (
        f"Wat door de schending van de inlichtingenplicht te veel is ontvangen ({euro(benadeling)})"
        " wordt teruggevorderd, ongeacht de sanctie: terugvordering herstelt, het straft niet."
    )
    bron = art.terugvordering
    if afzien:
        tekst += (
            " Wegens de dringende redenen kan geheel of gedeeltelijk van terugvordering worden "
            "afgezien (terugvordering 'tenzij')."
        )
        bron += f"; {art.terugvordering_afzien}"
    uitleg.append(Uitleg("terugvordering", bron, tekst))
    return Terugvordering(verplicht=True, bedrag_cent=benadeling, afzien_mogelijk=afzien)
