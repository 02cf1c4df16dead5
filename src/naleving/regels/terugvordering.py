# SPDX-License-Identifier: EUPL-1.2
"""Terugvordering: the recovery of benefit paid unduly (PW art. 58-59; IOAW/IOAZ art. 25).

- Recovery of what was received because the duty to inform was breached is mandatory (PW art. 58
  lid 1); other undue payment may be recovered (lid 2 onder a) after a weighing of interests that
  the consultant makes: the engine lists the factors and asks, it never weighs itself.
- Gross or net (PW art. 58 lid 5, lidnummering onzeker): the months repaid in the calendar year in
  which they were paid are recovered net; the others gross, with the wage tax the organisation
  paid over them, as far as the parameter files say that tax may be recovered.
- Recovery from the family (PW art. 59): benefit paid to a family is recovered from both partners,
  jointly and severally liable; from an undisclosed partner the college may recover too.
- Afzien (PW art. 58 lid 8) with the CRvB test: dringende redenen lie only in consequences of the
  recovery that are unacceptable for this person; financial hardship alone is not enough. Full
  recovery must also stay proportionate (Awb art. 3:4 lid 2; CRvB 13-12-2022), for instance when
  the organisation was slow to act on signals. Both are judgements the consultant answers.

Amounts are whole cents throughout; nothing is rounded.
"""

from __future__ import annotations

from .advies import AFZIEN_GRONDEN, Terugvordering, Terugvorderingsberekening
from .feiten import Feiten, FeitenFout, TerugvorderingsFeiten
from .spoor import OpenVraag, Spoor, Uitleg
from .tekst import euro
from .wetten import Artikelen

CRVB_DRINGEND = (
    "vaste rechtspraak CRvB over dringende redenen (onaanvaardbare gevolgen, niet alleen "
    "financiële problemen; uitspraken niet vastgesteld)"
)
EVENREDIG_BRON = "Awb art. 3:4 lid 2; CRvB 13-12-2022 (evenredigheid van volledige terugvordering)"
BELEID_BRON = "PW art. 58 lid 7"
VELD = "terugvordering"
OMDAT = {
    "dringende_redenen": "er dringende redenen zijn",
    "onevenredig": "volledige terugvordering onevenredig is",
    "trage_reactie": "de organisatie traag reageerde op signalen",
}


def beoordeel_terugvordering(
    feiten: Feiten,
    terug: TerugvorderingsFeiten,
    benadeling: int,
    art: Artikelen,
    spoor: Spoor,
    uitleg: list[Uitleg],
) -> tuple[Terugvordering, list[OpenVraag]]:
    """The recovery when its facts are given: grounds, gross/net, debtors and afzien."""
    vragen: list[OpenVraag] = []
    inlichtingen = feiten.overtreding == "inlichtingenplicht"
    if inlichtingen:
        netto = benadeling
        grondslag = art.terugvordering
        verplicht = True
        tekst = (
            f"Wat door de schending van de inlichtingenplicht te veel is ontvangen ({euro(netto)})"
            " wordt teruggevorderd, ongeacht de sanctie: terugvordering herstelt, het straft niet."
        )
        uitleg.append(Uitleg("terugvordering", grondslag, tekst))
        terugvorderen = True
    else:
        netto = terug.bedrag_cent if terug.bedrag_cent is not None else feiten.benadelingsbedrag
        if not netto:
            raise FeitenFout(
                f"{VELD}.bedrag_cent",
                "ontbreekt; geef het te veel betaalde netto bedrag (of de perioden) om de "
                "bevoegdheid tot terugvordering (art. 58 lid 2) te beoordelen",
            )
        grondslag = art.terugvordering_overig
        verplicht = False
        terugvorderen = _afweging(terug, netto, grondslag, uitleg, vragen)
    bruto, loonheffing, jaar = _bruto(feiten, terug, netto, art, spoor, uitleg)
    voorstel = bruto if terugvorderen else 0
    schuldenaren, hoofdelijk = _schuldenaren(terug, art, uitleg, vragen)
    dringend, onevenredig, grond, afzien = _afzien(feiten, terug, voorstel, art, uitleg, vragen)
    te_vorderen = voorstel - afzien
    betaald = 0
    for index, betaling in enumerate(terug.betalingen):
        if betaling.schuldenaar not in schuldenaren:
            raise FeitenFout(
                f"{VELD}.betalingen[{index}].schuldenaar",
                f"{betaling.schuldenaar} is geen schuldenaar van deze vordering",
            )
        betaald += betaling.bedrag_cent
    if betaald > te_vorderen:
        raise FeitenFout(
            f"{VELD}.betalingen",
            f"samen {euro(betaald)} betaald, meer dan de vordering van {euro(te_vorderen)}",
        )
    if terug.betalingen:
        uitleg.append(_betalingen_uitleg(terug, te_vorderen, betaald, hoofdelijk, art))
    if voorstel:
        uitleg.append(_beleid_uitleg(spoor))
    berekening = Terugvorderingsberekening(
        grondslag=grondslag,
        netto_cent=netto if terugvorderen else 0,
        loonheffing_cent=loonheffing if terugvorderen else 0,
        bruto_cent=voorstel,
        terugbetaling_jaar=jaar,
        schuldenaren=schuldenaren,
        hoofdelijk=hoofdelijk,
        dringende_redenen=dringend,
        onevenredig=onevenredig,
        afzien_grond=grond,
        afzien_cent=afzien,
        te_vorderen_cent=te_vorderen,
        betaald_cent=betaald,
        openstaand_cent=te_vorderen - betaald,
    )
    afzien_mogelijk = bool(dringend or onevenredig) or (
        terug.afzien is None and feiten.dringende_redenen is not None
    )
    return (
        Terugvordering(
            verplicht=verplicht,
            bedrag_cent=voorstel,
            afzien_mogelijk=afzien_mogelijk,
            berekening=berekening,
        ),
        vragen,
    )


def _afweging(
    terug: TerugvorderingsFeiten,
    netto: int,
    grondslag: str,
    uitleg: list[Uitleg],
    vragen: list[OpenVraag],
) -> bool:
    """PW art. 58 lid 2: a power, used after weighing the interests; the consultant weighs."""
    factoren = []
    if terug.redelijkerwijs_kenbaar is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.redelijkerwijs_kenbaar",
                "Kon de inwoner redelijkerwijs begrijpen dat hij te veel kreeg?",
                grondslag,
            )
        )
    else:
        factoren.append(
            "de inwoner kon redelijkerwijs begrijpen dat te veel werd betaald"
            if terug.redelijkerwijs_kenbaar
            else "de inwoner kon redelijkerwijs niet begrijpen dat te veel werd betaald"
        )
    if terug.fout_college is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.fout_college",
                "Ontstond de te hoge betaling door een fout van de organisatie zelf?",
                grondslag,
            )
        )
    else:
        factoren.append(
            "de te hoge betaling ontstond door een fout van de organisatie"
            if terug.fout_college
            else "de te hoge betaling ontstond niet door een fout van de organisatie"
        )
    tekst = (
        f"Het te veel betaalde ({euro(netto)}) is niet door schending van de inlichtingenplicht "
        "ontvangen: terugvorderen is een bevoegdheid, geen plicht. Het college weegt de belangen "
        "af"
    )
    tekst += f" ({'; '.join(factoren)})." if factoren else "."
    if terug.afweging is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.afweging",
                "Wordt na afweging van de belangen teruggevorderd (terugvorderen of "
                "niet_terugvorderen)?",
                grondslag,
            )
        )
        tekst += " De afweging is nog niet gemaakt; het voorstel is het hele bedrag."
        uitleg.append(Uitleg("terugvordering_bevoegdheid", grondslag, tekst))
        return True
    if terug.afweging == "terugvorderen":
        tekst += " Na de afweging wordt teruggevorderd."
    else:
        tekst += " Na de afweging wordt niet teruggevorderd."
    uitleg.append(Uitleg("terugvordering_bevoegdheid", grondslag, tekst))
    return terug.afweging == "terugvorderen"


def _bruto(
    feiten: Feiten,
    terug: TerugvorderingsFeiten,
    netto: int,
    art: Artikelen,
    spoor: Spoor,
    uitleg: list[Uitleg],
) -> tuple[int, int, int]:
    """PW art. 58 lid 5: net for the months repaid in their own calendar year, otherwise gross."""
    jaar = terug.terugbetaling_jaar or feiten.beoordelingsdatum.year
    if not terug.loonheffing:
        return netto, 0, jaar
    netto_zelfde_jaar = spoor.ja_nee("terugvordering_netto_zelfde_kalenderjaar")
    lh_mee = spoor.ja_nee("terugvordering_loonheffing_terugvorderbaar")
    zvw_mee = spoor.ja_nee("terugvordering_zvw_terugvorderbaar")
    totaal = 0
    delen = []
    for regel in sorted(terug.loonheffing, key=lambda r: r.maand):
        if netto_zelfde_jaar and int(regel.maand[:4]) == jaar:
            delen.append(f"{regel.maand}: terugbetaling in hetzelfde kalenderjaar, netto")
            continue
        mee = (regel.loonheffing_cent if lh_mee else 0) + (regel.zvw_cent if zvw_mee else 0)
        totaal += mee
        deel = f"{regel.maand}: bruto, loonheffing {euro(regel.loonheffing_cent)}"
        if regel.zvw_cent:
            deel += f", Zvw {euro(regel.zvw_cent)}" + ("" if zvw_mee else " (niet meegevorderd)")
        delen.append(deel)
    tekst = (
        f"Terugbetaling in {jaar}. Wat in hetzelfde kalenderjaar wordt terugbetaald als het is "
        "ontvangen, wordt netto teruggevorderd; de rest bruto, met de afgedragen loonheffing "
        f"({'; '.join(delen)}). Netto {euro(netto)} + loonheffing {euro(totaal)} = "
        f"{euro(netto + totaal)}."
    )
    bron = art.terugvordering_bruto
    if any(regel.zvw_cent for regel in terug.loonheffing):
        bron += "; Zvw art. 42"
    uitleg.append(Uitleg("terugvordering_bruto", bron, tekst))
    return netto + totaal, totaal, jaar


def _schuldenaren(
    terug: TerugvorderingsFeiten, art: Artikelen, uitleg: list[Uitleg], vragen: list[OpenVraag]
) -> tuple[tuple[str, ...], bool]:
    """PW art. 59: benefit paid to a family is recovered from both, jointly and severally."""
    if terug.gezin == "nee":
        return ("belanghebbende",), False
    if terug.gezin == "gezin":
        uitleg.append(
            Uitleg(
                "terugvordering_gezin",
                art.terugvordering_gezin,
                "De bijstand is aan het gezin verleend: de vordering geldt voor beide partners. Zij "
                "zijn hoofdelijk aansprakelijk: elk voor het hele bedrag, en wat de een betaalt, "
                "hoeft de ander niet meer te betalen.",
            )
        )
        return ("belanghebbende", "partner"), True
    if terug.partner_aanspreken is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.partner_aanspreken",
                "De inwoner had een partner met wie hij een gezamenlijke huishouding voerde, maar "
                "dat niet meldde. Wordt ook van die partner teruggevorderd?",
                art.terugvordering_verzwegen_partner,
            )
        )
        tekst = (
            "De inwoner voerde een gezamenlijke huishouding die niet was gemeld. Het college kan "
            "ook van de partner terugvorderen; die beslissing is nog niet genomen."
        )
        uitleg.append(Uitleg("terugvordering_gezin", art.terugvordering_verzwegen_partner, tekst))
        return ("belanghebbende",), False
    if terug.partner_aanspreken:
        tekst = (
            "De inwoner voerde een gezamenlijke huishouding die niet was gemeld. Het college "
            "vordert ook van de partner terug; beiden zijn hoofdelijk aansprakelijk voor het hele "
            "bedrag."
        )
        uitleg.append(Uitleg("terugvordering_gezin", art.terugvordering_verzwegen_partner, tekst))
        return ("belanghebbende", "partner"), True
    tekst = (
        "De inwoner voerde een gezamenlijke huishouding die niet was gemeld. Het college vordert "
        "niet van de partner terug, alleen van de inwoner."
    )
    uitleg.append(Uitleg("terugvordering_gezin", art.terugvordering_verzwegen_partner, tekst))
    return ("belanghebbende",), False


def _afzien(
    feiten: Feiten,
    terug: TerugvorderingsFeiten,
    voorstel: int,
    art: Artikelen,
    uitleg: list[Uitleg],
    vragen: list[OpenVraag],
) -> tuple[bool | None, bool | None, str | None, int]:
    """PW art. 58 lid 8 and proportionality: (dringende redenen, onevenredig, grond, bedrag)."""
    oordeel = terug.afzien
    if oordeel is None or not voorstel:
        return None, None, None, 0
    bron = f"{art.terugvordering_afzien}; {CRVB_DRINGEND}"
    dringend: bool | None
    if oordeel.gevolgen_onaanvaardbaar is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.afzien.gevolgen_onaanvaardbaar",
                "Heeft terugvordering voor deze inwoner onaanvaardbare gevolgen, door een "
                "uitzonderlijke situatie?",
                art.terugvordering_afzien,
            )
        )
        dringend = None
        tekst = (
            "Of er dringende redenen zijn om van terugvordering af te zien, is nog niet beoordeeld."
        )
    elif not oordeel.gevolgen_onaanvaardbaar:
        dringend = False
        tekst = (
            "De gevolgen van terugvordering zijn niet onaanvaardbaar: er zijn geen dringende "
            "redenen om af te zien."
        )
    elif oordeel.alleen_financieel is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.afzien.alleen_financieel",
                "Gaat het alleen om financiële problemen of schulden (dat is geen dringende reden)?",
                art.terugvordering_afzien,
            )
        )
        dringend = None
        tekst = (
            "De gevolgen heten onaanvaardbaar; nog te beoordelen is of het om meer gaat dan "
            "financiële problemen."
        )
    elif oordeel.alleen_financieel:
        dringend = False
        tekst = (
            "De gevolgen zijn alleen financieel (problemen of schulden). Volgens de Centrale Raad "
            "van Beroep is dat geen dringende reden: die ligt alleen in onaanvaardbare gevolgen "
            "van een uitzonderlijke situatie."
        )
    else:
        dringend = True
        tekst = (
            "Terugvordering heeft voor deze inwoner onaanvaardbare gevolgen die verder gaan dan "
            "financiële problemen: er zijn dringende redenen om geheel of gedeeltelijk af te zien."
        )
    uitleg.append(Uitleg("terugvordering_afzien", bron, tekst))
    onevenredig = oordeel.onevenredig
    if onevenredig is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.afzien.onevenredig",
                "Is volledige terugvordering onevenredig, bijvoorbeeld omdat de organisatie traag "
                "reageerde op signalen?",
                EVENREDIG_BRON,
            )
        )
    else:
        traag = (
            " De organisatie reageerde traag op signalen; het deel dat daardoor ontstond, hoeft "
            "niet te worden teruggevorderd."
            if oordeel.trage_reactie
            else ""
        )
        uitleg.append(
            Uitleg(
                "terugvordering_evenredigheid",
                EVENREDIG_BRON,
                (
                    "Volledige terugvordering is onevenredig: het college ziet gedeeltelijk of "
                    "geheel af." + traag
                )
                if onevenredig
                else "Volledige terugvordering is niet onevenredig.",
            )
        )
    grond = (
        "dringende_redenen"
        if dringend
        else ("trage_reactie" if oordeel.trage_reactie else "onevenredig")
        if onevenredig
        else None
    )
    if grond is None:
        if oordeel.afzien_cent:
            raise FeitenFout(
                f"{VELD}.afzien.afzien_cent",
                "afzien kan alleen bij dringende redenen of als volledige terugvordering "
                "onevenredig is; geen van beide is vastgesteld",
            )
        return dringend, onevenredig, None, 0
    if oordeel.afzien_cent is None:
        vragen.append(
            OpenVraag(
                f"{VELD}.afzien.afzien_cent",
                f"Van welk bedrag wordt afgezien ({AFZIEN_GRONDEN[grond]}; ten hoogste "
                f"{euro(voorstel)})?",
                art.terugvordering_afzien,
            )
        )
        return dringend, onevenredig, grond, 0
    if oordeel.afzien_cent > voorstel:
        raise FeitenFout(
            f"{VELD}.afzien.afzien_cent",
            f"is hoger dan de vordering ({euro(voorstel)})",
        )
    uitleg.append(
        Uitleg(
            "terugvordering_afzien_bedrag",
            art.terugvordering_afzien,
            f"Omdat {OMDAT[grond]}, wordt afgezien van {euro(oordeel.afzien_cent)}; "
            f"teruggevorderd wordt {euro(voorstel - oordeel.afzien_cent)}.",
        )
    )
    return dringend, onevenredig, grond, oordeel.afzien_cent


def _betalingen_uitleg(
    terug: TerugvorderingsFeiten, te_vorderen: int, betaald: int, hoofdelijk: bool, art: Artikelen
) -> Uitleg:
    per = {s: 0 for s in ("belanghebbende", "partner")}
    for betaling in terug.betalingen:
        per[betaling.schuldenaar] += betaling.bedrag_cent
    delen = [f"{s} {euro(c)}" for s, c in per.items() if c]
    tekst = (
        f"Betaald: {', '.join(delen)}; samen {euro(betaald)}. Open: {euro(te_vorderen - betaald)}"
    )
    if hoofdelijk:
        tekst += (
            ", voor elk van beide schuldenaren (hoofdelijk: samen nooit meer dan de vordering)."
        )
        bron = art.terugvordering_gezin
    else:
        tekst += "."
        bron = art.terugvordering
    return Uitleg("terugvordering_betalingen", bron, tekst)


def _beleid_uitleg(spoor: Spoor) -> Uitleg:
    jaren = spoor.getal("afzien_invordering_jaren")
    procent = spoor.getal("afzien_invordering_ineens_percentage")
    return Uitleg(
        "terugvordering_beleid",
        BELEID_BRON,
        f"Later kan het college van verdere invordering afzien als {jaren} jaar volledig is "
        f"afgelost, of als ten minste {procent} % van wat dan open staat ineens wordt betaald "
        "(zie het invorderingsadvies).",
    )
