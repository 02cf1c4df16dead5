# SPDX-License-Identifier: EUPL-1.2
"""invordering(): how much of a claim may be collected each month, and whether it still may be.

Collection (invordering) of a claim of recovery or a fine that has been fixed: the beslagvrije voet
(Rv art. 475da), the room to go below it for a recidive fine (PW art. 60b), the set-off against the
benefit (PW art. 60), the lapse of the claim (Awb art. 4:104-4:106) and the stop of further
collection after ten years or a lump sum of half the rest (PW art. 58 lid 7). Every figure comes from
the dated parameter files; every step of the trace names its article. It advises; an official decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .configuratie import Configuratie
from .datums import verschuif_jaren
from .feiten import FeitenFout, _cent, _datum, _ja_nee, _keuze, _lijst, _object, _verplicht
from .spoor import OpenVraag, Spoor, Uitleg
from .tekst import datum_nl, euro, maanden_tekst

#: Kinds of claim. A terugvordering because of a breach of the duty to inform (PW art. 58 lid 1) and
#: a fine are set off against the benefit by law; a fine for recidive may go below the voet (art. 60b).
SOORTEN = ("terugvordering_inlichtingenplicht", "terugvordering_overig", "boete", "boete_recidive")
HUISHOUDENS = ("alleenstaand", "partner")
STUITINGSOORTEN = ("aanmaning", "dwangbevel", "erkenning", "betaling")

_VELDEN = (
    "peildatum",
    "soort",
    "openstaand_cent",
    "betaaltermijn_einde",
    "norm_cent",
    "netto_inkomen_cent",
    "uitkering_lopend",
    "huishouden",
    "zorgtoeslag",
    "huurtoeslag",
    "woonkosten_cent",
    "stuitingen",
    "aflossing_volledig_sinds",
    "ineens_aangeboden_cent",
    "maanden_onder_voet_gebruikt",
)

BVV_BRON = "Rv art. 475da lid 1 (Wet vereenvoudiging beslagvrije voet, in werking 1-1-2021)"
WOONKOSTEN_BRON = "Rv art. 475da (verhoging voor woonkosten zonder huurtoeslag; lid onzeker)"
ZORGTOESLAG_BRON = "Rv art. 475da (verhoging zonder zorgtoeslag; lid onzeker)"
HOGER_INKOMEN_BRON = "Rv art. 475da (verhoging bij een inkomen boven de bijstandsnorm; lid onzeker)"
CAPACITEIT_BRON = (
    "Rv art. 475c en 475d; PW art. 60 (verrekening met inachtneming van de beslagvrije voet)"
)
RECIDIVE_BRON = "PW art. 60b (recidive: ten hoogste drie maanden zonder beslagvrije voet)"
VERREKENING_BRON = "PW art. 60 lid 3 en lid 4 (nummering onzeker)"
VERJARING_BRON = "Awb art. 4:104 lid 1, 4:105 en 4:106 lid 1"
AFZIEN_BRON = "PW art. 58 lid 7"


@dataclass(frozen=True, slots=True)
class Stuiting:
    datum: date
    soort: str


@dataclass(frozen=True, slots=True)
class InvorderingsFeiten:
    peildatum: date
    soort: str
    openstaand_cent: int
    betaaltermijn_einde: date
    norm_cent: int
    netto_inkomen_cent: int
    uitkering_lopend: bool
    zorgtoeslag: bool
    huurtoeslag: bool
    huishouden: str | None = None
    woonkosten_cent: int | None = None
    stuitingen: tuple[Stuiting, ...] = ()
    aflossing_volledig_sinds: date | None = None
    ineens_aangeboden_cent: int | None = None
    maanden_onder_voet_gebruikt: int = 0

    @classmethod
    def uit_dict(cls, data: object) -> InvorderingsFeiten:
        if not isinstance(data, Mapping):
            raise FeitenFout("invoer", "moet een JSON-object met de feiten van de vordering zijn")
        for sleutel in data:
            if sleutel not in _VELDEN:
                raise FeitenFout(
                    str(sleutel), "is een onbekend veld; toegestaan zijn: " + ", ".join(_VELDEN)
                )
        peildatum = _datum("peildatum", _verplicht(data, "peildatum"))
        zorgtoeslag = _ja_nee("zorgtoeslag", _verplicht(data, "zorgtoeslag"))
        huurtoeslag = _ja_nee("huurtoeslag", _verplicht(data, "huurtoeslag"))
        huishouden = data.get("huishouden")
        if huishouden is not None:
            huishouden = _keuze("huishouden", huishouden, HUISHOUDENS)
        elif not zorgtoeslag:
            raise FeitenFout(
                "huishouden",
                "ontbreekt; zonder zorgtoeslag hangt de verhoging van de beslagvrije voet af van "
                "het huishouden (alleenstaand of partner)",
            )
        woonkosten = data.get("woonkosten_cent")
        if woonkosten is not None:
            woonkosten = _cent("woonkosten_cent", woonkosten)
        elif not huurtoeslag:
            raise FeitenFout(
                "woonkosten_cent",
                "ontbreekt; zonder huurtoeslag hangt de beslagvrije voet af van de woonkosten "
                "per maand (huur of hypotheek)",
            )
        stuitingen = []
        for index, item in enumerate(_lijst("stuitingen", data.get("stuitingen", []))):
            pad = f"stuitingen[{index}]"
            velden = _object(pad, item, ("datum", "soort"))
            datum = _datum(f"{pad}.datum", velden["datum"])
            if datum > peildatum:
                raise FeitenFout(f"{pad}.datum", "ligt na de peildatum")
            stuitingen.append(
                Stuiting(datum, _keuze(f"{pad}.soort", velden["soort"], STUITINGSOORTEN))
            )
        sinds = data.get("aflossing_volledig_sinds")
        if sinds is not None:
            sinds = _datum("aflossing_volledig_sinds", sinds)
            if sinds > peildatum:
                raise FeitenFout("aflossing_volledig_sinds", "ligt na de peildatum")
        ineens = data.get("ineens_aangeboden_cent")
        gebruikt = data.get("maanden_onder_voet_gebruikt", 0)
        if isinstance(gebruikt, bool) or not isinstance(gebruikt, int) or gebruikt < 0:
            raise FeitenFout(
                "maanden_onder_voet_gebruikt", "moet een geheel getal 0 of groter zijn"
            )
        return cls(
            peildatum=peildatum,
            soort=_keuze("soort", _verplicht(data, "soort"), SOORTEN),
            openstaand_cent=_cent("openstaand_cent", _verplicht(data, "openstaand_cent")),
            betaaltermijn_einde=_datum(
                "betaaltermijn_einde", _verplicht(data, "betaaltermijn_einde")
            ),
            norm_cent=_cent("norm_cent", _verplicht(data, "norm_cent"), minimum=1),
            netto_inkomen_cent=_cent("netto_inkomen_cent", _verplicht(data, "netto_inkomen_cent")),
            uitkering_lopend=_ja_nee("uitkering_lopend", _verplicht(data, "uitkering_lopend")),
            zorgtoeslag=zorgtoeslag,
            huurtoeslag=huurtoeslag,
            huishouden=huishouden,
            woonkosten_cent=woonkosten,
            stuitingen=tuple(sorted(stuitingen, key=lambda s: s.datum)),
            aflossing_volledig_sinds=sinds,
            ineens_aangeboden_cent=None
            if ineens is None
            else _cent("ineens_aangeboden_cent", ineens),
            maanden_onder_voet_gebruikt=gebruikt,
        )


@dataclass(frozen=True, slots=True)
class Invorderingsadvies:
    beslagvrije_voet_cent: int
    aflossingscapaciteit_cent: int
    maanden_tot_afgelost: int | None
    recidive_maanden: int
    recidive_maximum_cent: int
    verrekening: str
    verjaard_vanaf: date
    verjaard: bool
    afzien_mogelijk: bool
    afzien_grond: str | None
    regeling: str
    open_vragen: tuple[OpenVraag, ...]
    uitleg: tuple[Uitleg, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "beslagvrije_voet_cent": self.beslagvrije_voet_cent,
            "aflossingscapaciteit_cent": self.aflossingscapaciteit_cent,
            "maanden_tot_afgelost": self.maanden_tot_afgelost,
            "recidive": {
                "maanden": self.recidive_maanden,
                "maximum_cent": self.recidive_maximum_cent,
            },
            "verrekening": self.verrekening,
            "verjaring": {
                "verjaard_vanaf": self.verjaard_vanaf.isoformat(),
                "verjaard": self.verjaard,
            },
            "afzien": {"mogelijk": self.afzien_mogelijk, "grond": self.afzien_grond},
            "regeling": self.regeling,
            "open_vragen": [
                {"veld": v.veld, "vraag": v.vraag, "grondslag": v.grondslag}
                for v in self.open_vragen
            ],
            "uitleg": [{"regel": u.regel, "bron": u.bron, "tekst": u.tekst} for u in self.uitleg],
        }

    def uitleg_tekst(self) -> str:
        regels = [
            f"Beslagvrije voet: {euro(self.beslagvrije_voet_cent)} per maand",
            f"Ten hoogste af te lossen: {euro(self.aflossingscapaciteit_cent)} per maand",
        ]
        if self.recidive_maanden:
            regels.append(
                f"Boete bij recidive: {maanden_tekst(self.recidive_maanden)} zonder beslagvrije "
                f"voet mogelijk, ten hoogste {euro(self.recidive_maximum_cent)} per maand"
            )
        regels += [
            "Verrekenen met de uitkering: "
            + {"verplicht": "verplicht", "mogelijk": "mag"}.get(
                self.verrekening, "niet mogelijk (geen lopende uitkering)"
            ),
            (
                f"Verjaring: verjaard sinds {datum_nl(self.verjaard_vanaf)}; niet meer invorderen"
                if self.verjaard
                else f"Verjaring: verjaart op {datum_nl(self.verjaard_vanaf)} als die niet wordt gestuit"
            ),
            "Afzien van verdere invordering: "
            + ("mogelijk" if self.afzien_mogelijk else "nu niet"),
        ]
        if self.open_vragen:
            regels += ["", "Nog te beoordelen door een medewerker:"]
            regels += [f"  - {v.vraag} (grondslag: {v.grondslag})" for v in self.open_vragen]
        regels += ["", "Toelichting:"]
        for nummer, item in enumerate(self.uitleg, start=1):
            regels.append(f"  {nummer}. {item.tekst}")
            regels.append(f"     [{item.regel}] Bron: {item.bron}")
        regels += [
            "",
            "Dit is een advies. Een medewerker beslist en legt de motivering vast (AVG art. 22).",
        ]
        return "\n".join(regels)


def invordering(
    feiten: InvorderingsFeiten | Mapping[str, Any], *, configuratie: Configuratie | None = None
) -> Invorderingsadvies:
    """Advise on collecting one claim on the peildatum. Raises FeitenFout for invalid input."""
    config = configuratie or Configuratie.standaard()
    if not isinstance(feiten, InvorderingsFeiten):
        feiten = InvorderingsFeiten.uit_dict(feiten)
    toepassing = config.toepassing_op(feiten.peildatum)
    waarden = (
        None if toepassing is None else config.waarden(toepassing.regeling, None, feiten.peildatum)
    )
    if waarden is None or "beslagvrije_voet_percentage" not in waarden.waarden:
        raise FeitenFout(
            "peildatum",
            "ligt vóór 1 januari 2021; de beslagvrije voet van vóór de Wet vereenvoudiging "
            "beslagvrije voet staat niet in de parameters",
        )
    assert toepassing is not None
    spoor = Spoor(waarden, feiten.peildatum, None)
    spoor.regel(
        "regeling",
        toepassing.keuze.bron,
        f"Regeling {toepassing.regeling.id} is van toepassing op de peildatum "
        f"{datum_nl(feiten.peildatum)}.",
    )
    voet = _beslagvrije_voet(feiten, spoor)
    capaciteit = max(0, feiten.netto_inkomen_cent - voet)
    spoor.regel(
        "aflossingscapaciteit",
        CAPACITEIT_BRON,
        f"Ten hoogste af te lossen per maand: netto-inkomen {euro(feiten.netto_inkomen_cent)} "
        f"min beslagvrije voet {euro(voet)} = {euro(capaciteit)}.",
    )
    maanden = None
    if capaciteit > 0:
        maanden = -(-feiten.openstaand_cent // capaciteit)
    recidive_maanden, recidive_maximum = _recidive(feiten, spoor)
    verrekening = _verrekening(feiten, spoor)
    verjaard_vanaf = _verjaring(feiten, spoor)
    verjaard = feiten.peildatum >= verjaard_vanaf
    afzien_grond = _afzien(feiten, spoor)
    gelezen = spoor.parameter_uitleg()
    if gelezen is not None:
        spoor.uitleg.append(gelezen)
    return Invorderingsadvies(
        beslagvrije_voet_cent=voet,
        aflossingscapaciteit_cent=capaciteit,
        maanden_tot_afgelost=maanden,
        recidive_maanden=recidive_maanden,
        recidive_maximum_cent=recidive_maximum,
        verrekening=verrekening,
        verjaard_vanaf=verjaard_vanaf,
        verjaard=verjaard,
        afzien_mogelijk=afzien_grond is not None,
        afzien_grond=afzien_grond,
        regeling=toepassing.regeling.id,
        open_vragen=tuple(spoor.open_vragen),
        uitleg=tuple(spoor.uitleg),
    )


def _beslagvrije_voet(feiten: InvorderingsFeiten, spoor: Spoor) -> int:
    """Rv art. 475da lid 1: 95 % of the applicable bijstandsnorm (with holiday allowance), raised
    for housing costs without huurtoeslag and for the lack of zorgtoeslag. Rounded up to the
    cent: the law sets no rounding, and the beslagvrije voet protects the debtor."""
    procent = spoor.getal("beslagvrije_voet_percentage")
    voet = -(-feiten.norm_cent * procent // 100)
    spoor.regel(
        "beslagvrije_voet",
        BVV_BRON,
        f"Beslagvrije voet: {procent} % van de bijstandsnorm {euro(feiten.norm_cent)} = "
        f"{euro(voet)} (naar boven afgerond op een cent).",
    )
    if not feiten.huurtoeslag:
        assert feiten.woonkosten_cent is not None
        drempel = spoor.optioneel_getal("beslagvrije_voet_woonkosten_drempel_cent")
        grens = spoor.optioneel_getal("beslagvrije_voet_woonkosten_grens_cent")
        if drempel is None or grens is None:
            spoor.vraag(
                "woonkosten_cent",
                "Er is geen huurtoeslag; de grenzen waarmee de woonkosten de beslagvrije voet "
                "verhogen staan niet in de parameters voor deze datum. Bepaal de verhoging met de "
                "rekenhulp beslagvrije voet.",
                WOONKOSTEN_BRON,
            )
        else:
            verhoging = max(0, min(feiten.woonkosten_cent, grens) - drempel)
            voet += verhoging
            spoor.regel(
                "woonkosten",
                WOONKOSTEN_BRON,
                f"Geen huurtoeslag: de woonkosten {euro(feiten.woonkosten_cent)} (tot ten hoogste "
                f"{euro(grens)}) boven {euro(drempel)} verhogen de beslagvrije voet met "
                f"{euro(verhoging)} tot {euro(voet)}.",
            )
    if not feiten.zorgtoeslag:
        naam = f"beslagvrije_voet_zorgtoeslag_{feiten.huishouden}_cent"
        bedrag = spoor.optioneel_getal(naam)
        if bedrag is None:
            spoor.vraag(
                "zorgtoeslag",
                "Er is geen zorgtoeslag; het bedrag waarmee de beslagvrije voet dan stijgt staat "
                "niet in de parameters voor deze datum. Bepaal het met de rekenhulp beslagvrije voet.",
                ZORGTOESLAG_BRON,
            )
        else:
            voet += bedrag
            spoor.regel(
                "zorgtoeslag",
                ZORGTOESLAG_BRON,
                f"Geen zorgtoeslag ({feiten.huishouden}): de beslagvrije voet stijgt met "
                f"{euro(bedrag)} tot {euro(voet)}.",
            )
    if feiten.netto_inkomen_cent > feiten.norm_cent:
        spoor.vraag(
            "netto_inkomen_cent",
            f"Het netto-inkomen ({euro(feiten.netto_inkomen_cent)}) ligt boven de bijstandsnorm: "
            "de wet verhoogt de beslagvrije voet dan nog. Die verhoging rekent dit advies niet; "
            "bepaal de beslagvrije voet met de rekenhulp beslagvrije voet.",
            HOGER_INKOMEN_BRON,
        )
        spoor.regel(
            "hoger_inkomen",
            HOGER_INKOMEN_BRON,
            "Het inkomen ligt boven de bijstandsnorm; de beslagvrije voet is dan ten minste "
            f"{euro(voet)}.",
        )
    return voet


def _recidive(feiten: InvorderingsFeiten, spoor: Spoor) -> tuple[int, int]:
    """PW art. 60b: for a fine for recidive the college may, for at most three months, set off
    without the beslagvrije voet. A power, not a duty: Awb art. 3:4 still weighs the effects."""
    if feiten.soort != "boete_recidive":
        return 0, 0
    termijn = spoor.getal("invordering_recidive_maanden_zonder_voet")
    over = max(0, termijn - feiten.maanden_onder_voet_gebruikt)
    maximum = feiten.netto_inkomen_cent if over else 0
    if over:
        tekst = (
            f"Boete bij recidive: nog {maanden_tekst(over)} (van ten hoogste "
            f"{maanden_tekst(termijn)}) mag zonder beslagvrije voet worden verrekend, ten hoogste "
            f"{euro(maximum)} per maand. Dit is een bevoegdheid: weeg de gevolgen voor het "
            "huishouden (Awb art. 3:4)."
        )
    else:
        tekst = (
            f"Boete bij recidive: de {maanden_tekst(termijn)} zonder beslagvrije voet zijn "
            "gebruikt; de beslagvrije voet geldt weer."
        )
    spoor.regel("recidive_zonder_voet", RECIDIVE_BRON, tekst)
    return over, maximum


def _verrekening(feiten: InvorderingsFeiten, spoor: Spoor) -> str:
    """PW art. 60 lid 4: a claim of recovery for a breach of the duty to inform and a fine are set
    off against the benefit; other claims may be (lid 3). Without a running benefit: nothing to
    set off."""
    if not feiten.uitkering_lopend:
        spoor.regel(
            "verrekening",
            VERREKENING_BRON,
            "Er loopt geen uitkering: verrekenen is niet mogelijk; innen met een betalingsregeling "
            "of beslag.",
        )
        return "niet_mogelijk"
    verplicht = feiten.soort in spoor.lijst("verrekening_verplicht_soorten")
    spoor.regel(
        "verrekening",
        VERREKENING_BRON,
        "Deze vordering wordt verrekend met de uitkering (verplicht)."
        if verplicht
        else "Deze vordering mag met de uitkering worden verrekend (bevoegdheid).",
    )
    return "verplicht" if verplicht else "mogelijk"


def _verjaring(feiten: InvorderingsFeiten, spoor: Spoor) -> date:
    """Awb art. 4:104 lid 1: the claim lapses five years after the day the payment term expired;
    art. 4:105: a stuiting (aanmaning, dwangbevel, erkenning) in time starts a new term from the
    next day (4:106 lid 1). Returns the first day on which the claim has lapsed."""
    jaren = spoor.getal("verjaring_jaren")
    stuitend = spoor.lijst("verjaring_stuitingsoorten")
    vanaf = verschuif_jaren(feiten.betaaltermijn_einde, jaren) + timedelta(days=1)
    stappen = [
        f"De betalingstermijn eindigde op {datum_nl(feiten.betaaltermijn_einde)}; "
        f"de vordering verjaart {jaren} jaar later"
    ]
    for stuiting in feiten.stuitingen:
        if stuiting.soort not in stuitend:
            stappen.append(f"een {stuiting.soort} op {datum_nl(stuiting.datum)} stuit niet")
        elif stuiting.datum >= vanaf:
            stappen.append(
                f"de {stuiting.soort} op {datum_nl(stuiting.datum)} kwam na de verjaring en "
                "stuit niet meer"
            )
        else:
            nieuw = verschuif_jaren(stuiting.datum, jaren) + timedelta(days=1)
            if nieuw > vanaf:
                vanaf = nieuw
            stappen.append(
                f"de {stuiting.soort} op {datum_nl(stuiting.datum)} stuitte de verjaring"
            )
    verjaard = feiten.peildatum >= vanaf
    stappen.append(
        f"verjaard vanaf {datum_nl(vanaf)}: "
        + (
            "de vordering is verjaard en mag niet meer worden ingevorderd"
            if verjaard
            else "nog niet verjaard"
        )
    )
    spoor.regel("verjaring", VERJARING_BRON, "; ".join(stappen) + ".")
    return vanaf


def _afzien(feiten: InvorderingsFeiten, spoor: Spoor) -> str | None:
    """PW art. 58 lid 7: the college may stop further collection of the claim when the person has
    met the payment obligation in full for ten years, or pays at least half the rest at once."""
    if feiten.soort not in spoor.lijst("afzien_invordering_soorten"):
        return None
    jaren = spoor.getal("afzien_invordering_jaren")
    procent = spoor.getal("afzien_invordering_ineens_percentage")
    sinds = feiten.aflossing_volledig_sinds
    if sinds is not None and verschuif_jaren(sinds, jaren) <= feiten.peildatum:
        spoor.regel(
            "afzien_invordering",
            AFZIEN_BRON,
            f"Volledig afgelost sinds {datum_nl(sinds)}, {jaren} jaar of langer: van verdere "
            "invordering kan worden afgezien.",
        )
        return "volledig_afgelost"
    ineens = feiten.ineens_aangeboden_cent
    if ineens is not None and ineens * 100 >= procent * feiten.openstaand_cent:
        spoor.regel(
            "afzien_invordering",
            AFZIEN_BRON,
            f"Ineens aangeboden {euro(ineens)}, ten minste {procent} % van het openstaande "
            f"bedrag {euro(feiten.openstaand_cent)}: van de rest kan worden afgezien.",
        )
        return "ineens"
    spoor.regel(
        "afzien_invordering",
        AFZIEN_BRON,
        f"Afzien van verdere invordering kan na {jaren} jaar volledig aflossen of bij een betaling "
        f"ineens van ten minste {procent} % van het openstaande bedrag; geen van beide is het geval.",
    )
    return None
