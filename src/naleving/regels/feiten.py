# SPDX-License-Identifier: EUPL-1.2
"""Feiten: the established facts of a case, parsed and validated from JSON-like input.

Validation is strict on purpose: a wrongly typed or misspelled field must never silently change an
advice, so unknown fields, booleans posing as numbers and text posing as dates are all refused with
a Dutch message that names the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

WETTEN = ("PW", "IOAW", "IOAZ", "BBZ")
OVERTREDINGEN = (
    "inlichtingenplicht",
    "arbeidsverplichting",
    "tekortschietend_besef",
    "medewerkingsplicht",
    "overige_verplichting",
)
VERWIJTBAARHEDEN = ("geen", "verminderd", "normaal", "grove_schuld", "opzet")
# An earlier criminal sanction for a breach of the duty to inform, and among those an unconditional
# prison sentence, count for recidive (PW art. 18a lid 5-6 (2015)); their date is when it became final.
SANCTIESOORTEN = (
    "boete",
    "waarschuwing",
    "maatregel",
    "strafrechtelijke_sanctie",
    "gevangenisstraf",
)

_VELDEN = (
    "wet",
    "overtreding",
    "pleegdatum",
    "beoordelingsdatum",
    "benadelingsbedrag_cent",
    "perioden",
    "verwijtbaarheid",
    "financieel_voordeel_beoogd",
    "dringende_redenen",
    "aangifte_gedaan",
    "eerdere_sancties",
    "draagkracht",
    "gemeente",
    "terugvordering",
    "verlaging",
)
_VELDEN_SET = frozenset(_VELDEN)
_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAAND = re.compile(r"(\d{4})-(\d{2})")


class FeitenFout(ValueError):
    """Invalid input: ``veld`` names the field (e.g. ``perioden[2].ontvangen_cent``)."""

    def __init__(self, veld: str, bericht: str) -> None:
        super().__init__(f"{veld}: {bericht}")
        self.veld = veld
        self.bericht = bericht


@dataclass(frozen=True, slots=True)
class Periode:
    maand: str
    ontvangen_cent: int
    recht_cent: int


@dataclass(frozen=True, slots=True)
class EerdereSanctie:
    soort: str
    overtreding: str
    datum: date


@dataclass(frozen=True, slots=True)
class Draagkracht:
    bijstandsniveau: bool
    norm_cent: int | None


# Terugvordering (PW art. 58-59): the grounds, the wage tax paid over what was paid too much, the
# family, and the consultant's judgements on the weighing and on afzien. All optional.
GRONDEN = ("inlichtingenplicht", "overig")
AFWEGINGEN = ("terugvorderen", "niet_terugvorderen")
GEZINNEN = ("nee", "gezin", "verzwegen_partner")
SCHULDENAREN = ("belanghebbende", "partner")
_TERUG_VELDEN = (
    "grond",
    "bedrag_cent",
    "redelijkerwijs_kenbaar",
    "fout_college",
    "afweging",
    "loonheffing",
    "terugbetaling_jaar",
    "gezin",
    "partner_aanspreken",
    "betalingen",
    "afzien",
)
_AFZIEN_VELDEN = (
    "gevolgen_onaanvaardbaar",
    "alleen_financieel",
    "onevenredig",
    "trage_reactie",
    "afzien_cent",
)


@dataclass(frozen=True, slots=True)
class Loonheffing:
    """Wage tax (loonbelasting/premie volksverzekeringen) and the Zvw levy paid over one month's
    overpayment, as the benefit administration holds them."""

    maand: str
    loonheffing_cent: int
    zvw_cent: int = 0


@dataclass(frozen=True, slots=True)
class Betaling:
    schuldenaar: str
    bedrag_cent: int


@dataclass(frozen=True, slots=True)
class AfzienOordeel:
    """The consultant's judgements for afzien (PW art. 58 lid 8; CRvB): None is not yet answered."""

    gevolgen_onaanvaardbaar: bool | None = None
    alleen_financieel: bool | None = None
    onevenredig: bool | None = None
    trage_reactie: bool | None = None
    afzien_cent: int | None = None


@dataclass(frozen=True, slots=True)
class TerugvorderingsFeiten:
    grond: str | None = None
    bedrag_cent: int | None = None
    redelijkerwijs_kenbaar: bool | None = None
    fout_college: bool | None = None
    afweging: str | None = None
    loonheffing: tuple[Loonheffing, ...] = ()
    terugbetaling_jaar: int | None = None
    gezin: str = "nee"
    partner_aanspreken: bool | None = None
    betalingen: tuple[Betaling, ...] = ()
    afzien: AfzienOordeel | None = None


@dataclass(frozen=True, slots=True)
class Verlaging:
    """What a maatregel is reckoned on (PW art. 18 lid 2 and 5): the applicable norm per month, the
    benefit actually paid per month (when lower, a month's reduction may not fit in one month),
    and whether the official chooses to spread it (None: as the afstemmingsverordening sets)."""

    norm_cent: int
    uitkering_cent: int | None = None
    spreiden: bool | None = None


@dataclass(frozen=True, slots=True)
class Feiten:
    wet: str
    overtreding: str
    pleegdatum: date
    beoordelingsdatum: date
    benadelingsbedrag_cent: int | None = None
    perioden: tuple[Periode, ...] | None = None
    verwijtbaarheid: str | None = None
    financieel_voordeel_beoogd: bool | None = None
    dringende_redenen: str | None = None
    eerdere_sancties: tuple[EerdereSanctie, ...] = ()
    draagkracht: Draagkracht | None = None
    gemeente: str | None = None
    aangifte_gedaan: bool | None = None
    terugvordering: TerugvorderingsFeiten | None = None
    verlaging: Verlaging | None = None

    def __post_init__(self) -> None:
        # Cross-field rules live here so that Feiten built in Python is checked like JSON input.
        _keuze("wet", self.wet, WETTEN)
        _keuze("overtreding", self.overtreding, OVERTREDINGEN)
        if self.verwijtbaarheid is not None:
            _keuze("verwijtbaarheid", self.verwijtbaarheid, VERWIJTBAARHEDEN)
        if self.beoordelingsdatum < self.pleegdatum:
            raise FeitenFout(
                "beoordelingsdatum",
                f"ligt vóór de pleegdatum ({self.pleegdatum.isoformat()}); "
                "een overtreding kan pas na het plegen worden beoordeeld",
            )
        if self.benadelingsbedrag_cent is not None and self.perioden is not None:
            raise FeitenFout(
                "perioden",
                "geef óf benadelingsbedrag_cent óf perioden, niet allebei "
                "(het benadelingsbedrag wordt uit de perioden berekend)",
            )
        if (
            self.overtreding == "inlichtingenplicht"
            and self.benadelingsbedrag_cent is None
            and self.perioden is None
        ):
            raise FeitenFout(
                "benadelingsbedrag_cent",
                "ontbreekt; bij schending van de inlichtingenplicht is het benadelingsbedrag "
                "(of een lijst perioden) verplicht",
            )
        if self.dringende_redenen is not None and not self.dringende_redenen.strip():
            raise FeitenFout("dringende_redenen", "is leeg; geef de motivering of laat het weg")
        for index, sanctie in enumerate(self.eerdere_sancties):
            if sanctie.datum > self.beoordelingsdatum:
                raise FeitenFout(
                    f"eerdere_sancties[{index}].datum",
                    "ligt na de beoordelingsdatum; een eerdere sanctie kan niet in de toekomst "
                    "liggen",
                )

        if self.terugvordering is not None:
            _controleer_terugvordering(self, self.terugvordering)

    @property
    def benadelingsbedrag(self) -> int:
        """PW art. 18a lid 1: the benefit wrongly received, summed per month if given."""
        if self.perioden is not None:
            return sum(max(0, p.ontvangen_cent - p.recht_cent) for p in self.perioden)
        return self.benadelingsbedrag_cent or 0

    @classmethod
    def uit_dict(cls, data: object) -> Feiten:
        """Parse JSON-like input; raises FeitenFout naming the first offending field."""
        if not isinstance(data, Mapping):
            raise FeitenFout("invoer", f"moet een JSON-object zijn, niet {_soort(data)}")
        for sleutel in data:
            if sleutel not in _VELDEN_SET:
                raise FeitenFout(
                    str(sleutel), "is een onbekend veld; toegestaan zijn: " + ", ".join(_VELDEN)
                )
        get = data.get
        pleegdatum = _datum("pleegdatum", _verplicht(data, "pleegdatum"))
        perioden = get("perioden")
        sancties = get("eerdere_sancties")
        draagkracht = get("draagkracht")
        bedrag = get("benadelingsbedrag_cent")
        fv = get("financieel_voordeel_beoogd")
        redenen = get("dringende_redenen")
        gemeente = get("gemeente")
        verwijtbaarheid = get("verwijtbaarheid")
        aangifte = get("aangifte_gedaan")
        terug = get("terugvordering")
        verlaging = get("verlaging")
        return cls(
            wet=_keuze("wet", _verplicht(data, "wet"), WETTEN),
            overtreding=_keuze("overtreding", _verplicht(data, "overtreding"), OVERTREDINGEN),
            pleegdatum=pleegdatum,
            beoordelingsdatum=_datum("beoordelingsdatum", _verplicht(data, "beoordelingsdatum")),
            benadelingsbedrag_cent=None
            if bedrag is None
            else _cent("benadelingsbedrag_cent", bedrag),
            perioden=None if perioden is None else _perioden(perioden),
            verwijtbaarheid=None
            if verwijtbaarheid is None
            else _keuze("verwijtbaarheid", verwijtbaarheid, VERWIJTBAARHEDEN),
            financieel_voordeel_beoogd=None
            if fv is None
            else _ja_nee("financieel_voordeel_beoogd", fv),
            dringende_redenen=None if redenen is None else _tekst("dringende_redenen", redenen),
            eerdere_sancties=() if sancties is None else _sancties(sancties),
            draagkracht=None if draagkracht is None else _draagkracht(draagkracht),
            gemeente=None if gemeente is None else _tekst("gemeente", gemeente),
            aangifte_gedaan=None if aangifte is None else _ja_nee("aangifte_gedaan", aangifte),
            terugvordering=None if terug is None else _terugvordering(terug),
            verlaging=None if verlaging is None else _verlaging(verlaging),
        )


def _soort(waarde: object) -> str:
    if waarde is None:
        return "null"
    if isinstance(waarde, bool):
        return "een ja/nee-waarde"
    if isinstance(waarde, int):
        return "een geheel getal"
    if isinstance(waarde, float):
        return "een kommagetal"
    if isinstance(waarde, str):
        return "tekst"
    if isinstance(waarde, list | tuple):
        return "een lijst"
    if isinstance(waarde, Mapping):
        return "een object"
    return type(waarde).__name__


def _verplicht(data: Mapping[Any, Any], veld: str) -> object:
    waarde = data.get(veld)
    if waarde is None:
        raise FeitenFout(veld, "ontbreekt; dit veld is verplicht")
    return waarde


def _keuze(veld: str, waarde: object, keuzes: tuple[str, ...]) -> str:
    if not isinstance(waarde, str) or waarde not in keuzes:
        raise FeitenFout(
            veld,
            f"moet een van deze waarden zijn: {', '.join(keuzes)} (gekregen: {waarde!r})",
        )
    return waarde


_GELDIGE_DATUMS: dict[str, date] = {}


def _datum(veld: str, waarde: object) -> date:
    # Only texts that passed the strict check are cached, so a hit needs no re-validation.
    if type(waarde) is str:
        gevonden = _GELDIGE_DATUMS.get(waarde)
        if gevonden is not None:
            return gevonden
    # fromisoformat alone would also take '20240101' and week dates; the contract says YYYY-MM-DD.
    if isinstance(waarde, str) and _DATUM.fullmatch(waarde):
        try:
            datum = date.fromisoformat(waarde)
        except ValueError:
            raise FeitenFout(veld, f"is geen bestaande datum ({waarde!r})") from None
        if len(_GELDIGE_DATUMS) > 100_000:
            _GELDIGE_DATUMS.clear()
        _GELDIGE_DATUMS[waarde] = datum
        return datum
    raise FeitenFout(
        veld,
        "moet een datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2024-03-01, "
        f"niet {_soort(waarde)}",
    )


def _cent(veld: str, waarde: object, *, minimum: int = 0) -> int:
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        raise FeitenFout(veld, f"moet een geheel getal in centen zijn, niet {_soort(waarde)}")
    if waarde < minimum:
        grens = "groter dan 0" if minimum == 1 else "0 of groter"
        raise FeitenFout(veld, f"moet {grens} zijn (gekregen: {waarde})")
    return waarde


def _ja_nee(veld: str, waarde: object) -> bool:
    if not isinstance(waarde, bool):
        raise FeitenFout(veld, f"moet true of false zijn, niet {_soort(waarde)}")
    return waarde


def _tekst(veld: str, waarde: object) -> str:
    if not isinstance(waarde, str):
        raise FeitenFout(veld, f"moet tekst zijn, niet {_soort(waarde)}")
    if not waarde.strip():
        raise FeitenFout(veld, "is leeg; vul het in of laat het veld weg")
    return waarde


def _object(
    veld: str, waarde: object, velden: tuple[str, ...], *, verplicht: int | None = None
) -> Mapping[Any, Any]:
    """Check an object's keys; the first ``verplicht`` fields (default: all) are required."""
    if not isinstance(waarde, Mapping):
        raise FeitenFout(veld, f"moet een object zijn, niet {_soort(waarde)}")
    for sleutel in waarde:
        if sleutel not in velden:
            raise FeitenFout(
                f"{veld}.{sleutel}", "is een onbekend veld; toegestaan zijn: " + ", ".join(velden)
            )
    for sleutel in velden[:verplicht]:
        if waarde.get(sleutel) is None:
            raise FeitenFout(f"{veld}.{sleutel}", "ontbreekt; dit veld is verplicht")
    return waarde


def _lijst(veld: str, waarde: object) -> list[Any] | tuple[Any, ...]:
    if not isinstance(waarde, list | tuple):
        raise FeitenFout(veld, f"moet een lijst zijn, niet {_soort(waarde)}")
    return waarde


def _perioden(waarde: object) -> tuple[Periode, ...]:
    items = _lijst("perioden", waarde)
    if not items:
        raise FeitenFout("perioden", "is een lege lijst; geef minstens één maand of laat het weg")
    gezien: set[str] = set()
    perioden = []
    for index, item in enumerate(items):
        pad = f"perioden[{index}]"
        velden = _object(pad, item, ("maand", "ontvangen_cent", "recht_cent"))
        maand = velden["maand"]
        gevonden = _MAAND.fullmatch(maand) if isinstance(maand, str) else None
        if gevonden is None or not 1 <= int(gevonden.group(2)) <= 12:
            raise FeitenFout(
                f"{pad}.maand", f"moet een maand zijn in de vorm JJJJ-MM, niet {maand!r}"
            )
        if maand in gezien:
            raise FeitenFout(
                f"{pad}.maand", f"komt dubbel voor ({maand}); geef elke maand één keer"
            )
        gezien.add(maand)
        perioden.append(
            Periode(
                maand=maand,
                ontvangen_cent=_cent(f"{pad}.ontvangen_cent", velden["ontvangen_cent"]),
                recht_cent=_cent(f"{pad}.recht_cent", velden["recht_cent"]),
            )
        )
    return tuple(perioden)


def _sancties(waarde: object) -> tuple[EerdereSanctie, ...]:
    sancties = []
    for index, item in enumerate(_lijst("eerdere_sancties", waarde)):
        pad = f"eerdere_sancties[{index}]"
        velden = _object(pad, item, ("soort", "overtreding", "datum"))
        sancties.append(
            EerdereSanctie(
                soort=_keuze(f"{pad}.soort", velden["soort"], SANCTIESOORTEN),
                overtreding=_keuze(f"{pad}.overtreding", velden["overtreding"], OVERTREDINGEN),
                datum=_datum(f"{pad}.datum", velden["datum"]),
            )
        )
    return tuple(sancties)


def _draagkracht(waarde: object) -> Draagkracht:
    # The norm only matters at bijstandsniveau, so it may be left out otherwise.
    velden = _object("draagkracht", waarde, ("bijstandsniveau", "norm_cent"), verplicht=1)
    niveau = _ja_nee("draagkracht.bijstandsniveau", velden["bijstandsniveau"])
    norm = velden.get("norm_cent")
    if norm is None and niveau:
        raise FeitenFout(
            "draagkracht.norm_cent", "ontbreekt; bij bijstandsniveau is de toepasselijke norm nodig"
        )
    return Draagkracht(
        bijstandsniveau=niveau,
        norm_cent=None if norm is None else _cent("draagkracht.norm_cent", norm, minimum=1),
    )


def _optioneel(velden: Mapping[Any, Any], pad: str, naam: str, lees: Any) -> Any:
    waarde = velden.get(naam)
    return None if waarde is None else lees(f"{pad}.{naam}", waarde)


def _terugvordering(waarde: object) -> TerugvorderingsFeiten:
    pad = "terugvordering"
    velden = _object(pad, waarde, _TERUG_VELDEN, verplicht=0)
    regels = []
    gezien: set[str] = set()
    for index, item in enumerate(_lijst(f"{pad}.loonheffing", velden.get("loonheffing", []))):
        regel_pad = f"{pad}.loonheffing[{index}]"
        regel = _object(regel_pad, item, ("maand", "loonheffing_cent", "zvw_cent"), verplicht=2)
        maand = regel["maand"]
        gevonden = _MAAND.fullmatch(maand) if isinstance(maand, str) else None
        if gevonden is None or not 1 <= int(gevonden.group(2)) <= 12:
            raise FeitenFout(
                f"{regel_pad}.maand", f"moet een maand zijn in de vorm JJJJ-MM, niet {maand!r}"
            )
        if maand in gezien:
            raise FeitenFout(f"{regel_pad}.maand", f"komt dubbel voor ({maand})")
        gezien.add(maand)
        zvw = regel.get("zvw_cent")
        regels.append(
            Loonheffing(
                maand=maand,
                loonheffing_cent=_cent(f"{regel_pad}.loonheffing_cent", regel["loonheffing_cent"]),
                zvw_cent=0 if zvw is None else _cent(f"{regel_pad}.zvw_cent", zvw),
            )
        )
    betalingen = []
    for index, item in enumerate(_lijst(f"{pad}.betalingen", velden.get("betalingen", []))):
        regel_pad = f"{pad}.betalingen[{index}]"
        regel = _object(regel_pad, item, ("schuldenaar", "bedrag_cent"))
        betalingen.append(
            Betaling(
                schuldenaar=_keuze(f"{regel_pad}.schuldenaar", regel["schuldenaar"], SCHULDENAREN),
                bedrag_cent=_cent(f"{regel_pad}.bedrag_cent", regel["bedrag_cent"], minimum=1),
            )
        )
    jaar = velden.get("terugbetaling_jaar")
    if jaar is not None and (
        isinstance(jaar, bool) or not isinstance(jaar, int) or not 2000 <= jaar <= 2100
    ):
        raise FeitenFout(f"{pad}.terugbetaling_jaar", "moet een jaartal zijn, bijvoorbeeld 2025")
    afzien = velden.get("afzien")
    oordeel = None
    if afzien is not None:
        a_pad = f"{pad}.afzien"
        a = _object(a_pad, afzien, _AFZIEN_VELDEN, verplicht=0)
        oordeel = AfzienOordeel(
            gevolgen_onaanvaardbaar=_optioneel(a, a_pad, "gevolgen_onaanvaardbaar", _ja_nee),
            alleen_financieel=_optioneel(a, a_pad, "alleen_financieel", _ja_nee),
            onevenredig=_optioneel(a, a_pad, "onevenredig", _ja_nee),
            trage_reactie=_optioneel(a, a_pad, "trage_reactie", _ja_nee),
            afzien_cent=_optioneel(a, a_pad, "afzien_cent", _cent),
        )
    gezin = velden.get("gezin")
    return TerugvorderingsFeiten(
        grond=_optioneel(velden, pad, "grond", lambda v, w: _keuze(v, w, GRONDEN)),
        bedrag_cent=_optioneel(velden, pad, "bedrag_cent", _cent),
        redelijkerwijs_kenbaar=_optioneel(velden, pad, "redelijkerwijs_kenbaar", _ja_nee),
        fout_college=_optioneel(velden, pad, "fout_college", _ja_nee),
        afweging=_optioneel(velden, pad, "afweging", lambda v, w: _keuze(v, w, AFWEGINGEN)),
        loonheffing=tuple(regels),
        terugbetaling_jaar=jaar,
        gezin="nee" if gezin is None else _keuze(f"{pad}.gezin", gezin, GEZINNEN),
        partner_aanspreken=_optioneel(velden, pad, "partner_aanspreken", _ja_nee),
        betalingen=tuple(betalingen),
        afzien=oordeel,
    )


def _controleer_terugvordering(feiten: Feiten, terug: TerugvorderingsFeiten) -> None:
    """Cross-field rules of the recovery facts (PW art. 58-59)."""
    inlichtingen = feiten.overtreding == "inlichtingenplicht"
    if terug.grond == "inlichtingenplicht" and not inlichtingen:
        raise FeitenFout(
            "terugvordering.grond",
            "verplichte terugvordering (PW art. 58 lid 1) geldt alleen bij schending van de "
            "inlichtingenplicht; kies 'overig' (art. 58 lid 2)",
        )
    if terug.grond == "overig" and inlichtingen:
        raise FeitenFout(
            "terugvordering.grond",
            "wat door schending van de inlichtingenplicht te veel is ontvangen, wordt verplicht "
            "teruggevorderd (PW art. 58 lid 1); 'overig' past hier niet",
        )
    if inlichtingen and terug.bedrag_cent is not None:
        raise FeitenFout(
            "terugvordering.bedrag_cent",
            "bij schending van de inlichtingenplicht is het bedrag het benadelingsbedrag; "
            "laat dit veld weg",
        )
    if terug.loonheffing and feiten.wet in ("IOAW", "IOAZ"):
        raise FeitenFout(
            "terugvordering.loonheffing",
            f"bij de {feiten.wet} is het bedrag al bruto (art. 25); loonheffing apart opgeven "
            "past alleen bij de PW en het Bbz",
        )
    if terug.gezin != "nee" and feiten.wet in ("IOAW", "IOAZ"):
        raise FeitenFout(
            "terugvordering.gezin",
            "terugvordering van het gezin (PW art. 59) is alleen voor de PW en het Bbz gemodelleerd",
        )
    if terug.partner_aanspreken is not None and terug.gezin != "verzwegen_partner":
        raise FeitenFout(
            "terugvordering.partner_aanspreken",
            "alleen bij gezin 'verzwegen_partner'; bij 'gezin' is de partner altijd hoofdelijk "
            "aansprakelijk en bij 'nee' is er geen partner",
        )
    if feiten.perioden is not None:
        te_veel = {p.maand for p in feiten.perioden if p.ontvangen_cent > p.recht_cent}
        for index, regel in enumerate(terug.loonheffing):
            if regel.maand not in te_veel:
                raise FeitenFout(
                    f"terugvordering.loonheffing[{index}].maand",
                    f"in {regel.maand} is volgens de perioden niet te veel ontvangen",
                )


def _verlaging(waarde: object) -> Verlaging:
    velden = _object("verlaging", waarde, ("norm_cent", "uitkering_cent", "spreiden"), verplicht=1)
    uitkering = velden.get("uitkering_cent")
    spreiden = velden.get("spreiden")
    return Verlaging(
        norm_cent=_cent("verlaging.norm_cent", velden["norm_cent"], minimum=1),
        uitkering_cent=None if uitkering is None else _cent("verlaging.uitkering_cent", uitkering),
        spreiden=None if spreiden is None else _ja_nee("verlaging.spreiden", spreiden),
    )
