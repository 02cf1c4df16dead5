# SPDX-License-Identifier: EUPL-1.2
"""Dated parameter files (OpenFisca style): every legal amount is a value with a date and a source.

A rule set (``parameters/regelingen/*.toml``) holds ``[parameters.<naam>]`` tables, or arrays of
them when a value changed over time, each with ``waarde``, ``geldig_vanaf``, optional
``geldig_tot``, ``bron``, ``omschrijving`` and ``onzeker``. A rule set may build on another
(``basis``) and only list what differs. A draft (``concept = true``) carries no dates: its values
hold from the activation date an administrator sets through ``Configuratie``.

An organisation file (``parameters/organisaties/*.toml``) holds, in the same form, the
organisation's own working agreements (``[parameters.<naam>]``: terms of intake, observation
limits, service terms) and per municipality what its afstemmingsverordening sets.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

PARAMETER_MAP = Path(__file__).parent / "parameters"

# The organisation's own working agreements, with their type: not law, not a rule set, so they
# are set only in the organisation file.
_WERKAFSPRAKEN: Mapping[str, type] = {
    "signaal_triagetermijn_dagen": int,
    "signaal_groepvenster_dagen": int,
    "melder_bewaartermijn_dagen": int,
    "bewaartermijn_signaal_zonder_vervolg_jaren": int,
    "bewaartermijn_onderzoek_zonder_bevinding_jaren": int,
    "bewaartermijn_onderzoek_met_bevinding_jaren": int,
    "bewaartermijn_besluit_jaren": int,
    "bewaartermijn_vordering_jaren": int,
    "bewaartermijn_wijzigingsmelding_jaren": int,
    "bewaartermijn_contactmoment_jaren": int,
    "bewaartermijn_toegangslog_jaren": int,
    "vervolglink_dagen": int,
    "meldingen_per_uur": int,
    "cijfers_kleinste_aantal": int,
    "waarneming_max_aantal": int,
    "waarneming_max_dagen": int,
    "cautie_tekst": str,
    "onderzoek_termijn_aangevraagd_dagen": int,
    "onderzoek_termijn_toegewezen_dagen": int,
    "onderzoek_termijn_in_uitvoering_dagen": int,
    "onderzoek_termijn_rapport_ter_review_dagen": int,
    "informatie_interval_dagen": int,
    "wijziging_reactietermijn_dagen": int,
    "identificatiecode_geldig_minuten": int,
    "omgekeerde_toets_bij": list,
}
# The only parameter names the rules and the applications read, with their type: a typo in a file
# must fail loudly.
SCHEMA: Mapping[str, type] = MappingProxyType(
    {
        "boete_bij_verwijtbaarheid": list,
        "boete_vereist_financieel_voordeel": bool,
        "boete_percentage_opzet": int,
        "boete_percentage_grove_schuld": int,
        "boete_percentage_normaal": int,
        "boete_percentage_verminderd": int,
        "boete_afronding_cent": int,
        "recidive_percentage": int,
        "recidive_termijn_jaren": int,
        "recidive_sanctiesoorten": list,
        "recidive_termijn_gevangenisstraf_jaren": int,
        "waarschuwing_grens_cent": int,
        "waarschuwing_termijn_jaren": int,
        "draagkracht_percentage": int,
        "draagkracht_maanden_opzet": int,
        "draagkracht_maanden_overig": int,
        "boete_maximum_zonder_benadeling_cent": int,
        "vervaltermijn_grens_cent": int,
        "vervaltermijn_lang_jaren": int,
        "vervaltermijn_kort_jaren": int,
        "vervolgingsgrens_cent": int,
        "maatregel_arbeid_percentage": int,
        "maatregel_arbeid_maanden_eerste": int,
        "maatregel_arbeid_maanden_per_herhaling": int,
        "maatregel_arbeid_maanden_max": int,
        "maatregel_arbeid_herhaling_termijn_maanden": int,
        "tekortschietend_besef_percentage": int,
        "tekortschietend_besef_maanden": int,
        # The other obligations the afstemmingsverordening sanctions (PW art. 17 lid 2, art. 9
        # lid 1, art. 55), each with its own height and duration (PW art. 18 lid 2).
        "maatregel_medewerkingsplicht_percentage": int,
        "maatregel_medewerkingsplicht_maanden": int,
        "maatregel_overige_verplichting_percentage": int,
        "maatregel_overige_verplichting_maanden": int,
        # Spreading the reduction over months (PW art. 18 lid 5 (2015)) and its reconsideration
        # (PW art. 18 lid 3; afstemmingsverordening).
        "maatregel_spreiden": bool,
        "maatregel_spreiding_maanden": int,
        "maatregel_spreiding_eerste_maand_noemer": int,
        "maatregel_heroverweging_termijn_maanden": int,
        "maatregel_heroverweging_vanaf_maanden": int,
        # Collection (invordering()): Rv art. 475da, PW art. 58 lid 7, 60, 60b, Awb 4:104.
        "beslagvrije_voet_percentage": int,
        "beslagvrije_voet_woonkosten_drempel_cent": int,
        "beslagvrije_voet_woonkosten_grens_cent": int,
        "beslagvrije_voet_zorgtoeslag_alleenstaand_cent": int,
        "beslagvrije_voet_zorgtoeslag_partner_cent": int,
        "invordering_recidive_maanden_zonder_voet": int,
        "verrekening_verplicht_soorten": list,
        "verjaring_jaren": int,
        "verjaring_stuitingsoorten": list,
        "afzien_invordering_soorten": list,
        "afzien_invordering_jaren": int,
        "afzien_invordering_ineens_percentage": int,
        "terugvordering_netto_zelfde_kalenderjaar": bool,
        "terugvordering_loonheffing_terugvorderbaar": bool,
        "terugvordering_zvw_terugvorderbaar": bool,
        # Read by the applications, not by adviseer().
        "rapport_grens_cent": int,
        "maatregel_percentage_min": int,
        "maatregel_percentage_max": int,
        "maatregel_maanden_min": int,
        "maatregel_maanden_max": int,
        **_WERKAFSPRAKEN,
    }
)
ORGANISATORISCH = frozenset(_WERKAFSPRAKEN)
REGELING = frozenset(SCHEMA) - ORGANISATORISCH
# What a municipality's afstemmingsverordening may set (PW art. 8 lid 1 sub a, art. 18 lid 2).
GEMEENTELIJK = frozenset(n for n in REGELING if n.startswith(("maatregel_", "tekortschietend_")))
_PARAMETER_VELDEN = frozenset(
    {"waarde", "geldig_vanaf", "geldig_tot", "bron", "omschrijving", "onzeker"}
)


class ParameterFout(ValueError):
    """A parameter or organisation file is invalid; the message says which file and key."""


@dataclass(frozen=True, slots=True)
class ParameterWaarde:
    naam: str
    waarde: int | bool | str | tuple[str, ...]
    geldig_vanaf: date | None
    geldig_tot: date | None
    bron: str
    omschrijving: str
    onzeker: bool
    herkomst: str
    _tekst: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tekst", self._beschrijf(self.geldig_vanaf))

    def geldig_op(self, datum: date, activering: date | None) -> bool:
        vanaf = self.geldig_vanaf or activering
        if vanaf is None or datum < vanaf:
            return False
        return self.geldig_tot is None or datum <= self.geldig_tot

    def beschrijving(self, activering: date | None = None) -> str:
        """One line for the explanation: name, value, validity, source, uncertainty."""
        if self.geldig_vanaf is not None or activering is None:
            return self._tekst
        return self._beschrijf(activering)

    def _beschrijf(self, vanaf: date | None) -> str:
        tekst = f"{self.naam} = {_toon(self.waarde)} ({self.herkomst}, geldig vanaf "
        tekst += vanaf.isoformat() if vanaf else "activering"
        if self.geldig_tot:
            tekst += f" tot en met {self.geldig_tot.isoformat()}"
        tekst += f"; bron: {self.bron}"
        return tekst + ("; ONZEKER)" if self.onzeker else ")")


Parameters = Mapping[str, tuple[ParameterWaarde, ...]]


@dataclass(frozen=True, eq=False)
class Regeling:
    id: str
    naam: str
    bron: str
    omschrijving: str
    geldig_vanaf: date | None
    concept: bool
    onzeker: bool
    basis: str | None
    parameters: Parameters
    bestand: str


@dataclass(frozen=True, eq=False)
class Gemeente:
    naam: str
    cbs_code: str
    # What the municipality's afstemmingsverordening sets (GEMEENTELIJK): the organisation's
    # shared verordening, overridden per name by the municipality's own values.
    parameters: Parameters
    # The organisation's working agreements as they differ for this municipality (ORGANISATORISCH).
    werkafspraken: Parameters = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class RegelingKeuze:
    """An organisation's choice to apply a rule set over a period."""

    id: str
    geldig_vanaf: date | None
    geldig_tot: date | None
    bron: str
    onzeker: bool


@dataclass(frozen=True, eq=False)
class Organisatie:
    id: str
    naam: str
    bron: str
    gemeenten: tuple[Gemeente, ...]
    regelingen: tuple[RegelingKeuze, ...]
    bestand: str
    parameters: Parameters
    # The afstemmingsverordening its municipalities share (e.g. one set by the gemeenschappelijke
    # regeling's municipalities in the same words), already merged into each Gemeente.parameters.
    verordening: Parameters = field(default_factory=lambda: MappingProxyType({}))


def _toon(waarde: object) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, tuple):
        return "[" + ", ".join(waarde) + "]"
    return str(waarde)


def _lees_toml(pad: Path) -> dict[str, Any]:
    try:
        with pad.open("rb") as bestand:
            return tomllib.load(bestand)
    except (OSError, tomllib.TOMLDecodeError) as fout:
        raise ParameterFout(f"{pad}: kan niet gelezen worden ({fout})") from None


def _eis(gegevens: Mapping[str, Any], sleutel: str, soort: type, plaats: str) -> Any:
    waarde = gegevens.get(sleutel)
    if not isinstance(waarde, soort) or (soort is int and isinstance(waarde, bool)):
        raise ParameterFout(f"{plaats}: '{sleutel}' ontbreekt of is geen {soort.__name__}")
    return waarde


def _optioneel_datum(gegevens: Mapping[str, Any], sleutel: str, plaats: str) -> date | None:
    waarde = gegevens.get(sleutel)
    if waarde is not None and (not isinstance(waarde, date) or hasattr(waarde, "hour")):
        raise ParameterFout(f"{plaats}: '{sleutel}' moet een datum zijn (JJJJ-MM-DD)")
    return waarde


def _parameter(
    naam: str, ruw: object, *, plaats: str, herkomst: str, concept: bool
) -> tuple[ParameterWaarde, ...]:
    if naam not in SCHEMA:
        raise ParameterFout(f"{plaats}: onbekende parameter '{naam}'")
    versies = ruw if isinstance(ruw, list) else [ruw]
    uitkomst = []
    for index, versie in enumerate(versies):
        waar = f"{plaats}: parameter '{naam}'" + (f"[{index}]" if len(versies) > 1 else "")
        if not isinstance(versie, dict):
            raise ParameterFout(f"{waar} moet een tabel zijn")
        onbekend = set(versie) - _PARAMETER_VELDEN
        if onbekend:
            raise ParameterFout(f"{waar}: onbekende sleutel(s) {sorted(onbekend)}")
        soort = SCHEMA[naam]
        waarde = _eis(versie, "waarde", soort, waar)
        if soort is list:
            if not all(isinstance(w, str) for w in waarde):
                raise ParameterFout(f"{waar}: 'waarde' moet een lijst teksten zijn")
            waarde = tuple(waarde)
        vanaf = _optioneel_datum(versie, "geldig_vanaf", waar)
        if vanaf is None and not concept:
            raise ParameterFout(f"{waar}: 'geldig_vanaf' ontbreekt (alleen een concept mag zonder)")
        tot = _optioneel_datum(versie, "geldig_tot", waar)
        if vanaf and tot and tot < vanaf:
            raise ParameterFout(f"{waar}: 'geldig_tot' ligt vóór 'geldig_vanaf'")
        uitkomst.append(
            ParameterWaarde(
                naam=naam,
                waarde=waarde,
                geldig_vanaf=vanaf,
                geldig_tot=tot,
                bron=_eis(versie, "bron", str, waar),
                omschrijving=str(versie.get("omschrijving", "")),
                onzeker=bool(versie.get("onzeker", False)),
                herkomst=herkomst,
            )
        )
    return tuple(uitkomst)


def _parameters(
    ruw: object, *, plaats: str, herkomst: str, concept: bool, toegestaan: Iterable[str]
) -> Parameters:
    if ruw is None:
        return MappingProxyType({})
    if not isinstance(ruw, dict):
        raise ParameterFout(f"{plaats}: 'parameters' moet een tabel zijn")
    namen = frozenset(toegestaan)
    for naam in ruw:
        if naam not in namen:
            raise ParameterFout(f"{plaats}: parameter '{naam}' is hier niet toegestaan of onbekend")
    return MappingProxyType(
        {
            naam: _parameter(naam, waarde, plaats=plaats, herkomst=herkomst, concept=concept)
            for naam, waarde in ruw.items()
        }
    )


def laad_regeling(pad: Path) -> Regeling:
    gegevens = _lees_toml(pad)
    plaats = pad.name
    concept = bool(gegevens.get("concept", False))
    vanaf = _optioneel_datum(gegevens, "geldig_vanaf", plaats)
    if concept and vanaf is not None:
        raise ParameterFout(f"{plaats}: een concept krijgt zijn datum pas bij activering")
    if not concept and vanaf is None:
        raise ParameterFout(f"{plaats}: 'geldig_vanaf' ontbreekt")
    regeling_id = _eis(gegevens, "id", str, plaats)
    return Regeling(
        id=regeling_id,
        naam=_eis(gegevens, "naam", str, plaats),
        bron=_eis(gegevens, "bron", str, plaats),
        omschrijving=str(gegevens.get("omschrijving", "")),
        geldig_vanaf=vanaf,
        concept=concept,
        onzeker=bool(gegevens.get("onzeker", False)),
        basis=gegevens.get("basis"),
        parameters=_parameters(
            gegevens.get("parameters"),
            plaats=plaats,
            herkomst=f"regeling {regeling_id}",
            concept=concept,
            toegestaan=REGELING,
        ),
        bestand=str(pad),
    )


@lru_cache(maxsize=32)
def laad_regelingen(*mappen: Path) -> Mapping[str, Regeling]:
    """All rule sets in the shipped folder plus the given folders or files, by id."""
    regelingen: dict[str, Regeling] = {}
    for map_of_bestand in (PARAMETER_MAP / "regelingen", *mappen):
        paden = (
            sorted(map_of_bestand.glob("*.toml")) if map_of_bestand.is_dir() else [map_of_bestand]
        )
        for pad in paden:
            regeling = laad_regeling(pad)
            if regeling.id in regelingen:
                raise ParameterFout(f"{pad.name}: regeling '{regeling.id}' bestaat al")
            regelingen[regeling.id] = regeling
    for regeling in regelingen.values():
        if regeling.basis is not None and regeling.basis not in regelingen:
            raise ParameterFout(f"{regeling.id}: basisregeling '{regeling.basis}' bestaat niet")
    return MappingProxyType(regelingen)


@lru_cache(maxsize=32)
def laad_organisatie(pad: Path) -> Organisatie:
    gegevens = _lees_toml(pad)
    plaats = pad.name
    organisatie_id = _eis(gegevens, "id", str, plaats)
    verordening_ruw = gegevens.get("afstemmingsverordening")
    if verordening_ruw is not None and not isinstance(verordening_ruw, dict):
        raise ParameterFout(f"{plaats}: 'afstemmingsverordening' moet een tabel zijn")
    verordening_ruw = verordening_ruw or {}
    onbekend = set(verordening_ruw) - {"naam", "bron", "parameters"}
    if onbekend:
        raise ParameterFout(
            f"{plaats}: afstemmingsverordening: onbekende sleutel(s) {sorted(onbekend)}"
        )
    verordening = _parameters(
        verordening_ruw.get("parameters"),
        plaats=f"{plaats}: afstemmingsverordening",
        # One word group without a comma: the explanation's parameter list is parsed back
        # (bronnen.lees_parameters); the verordening's full name is in each value's source.
        herkomst=f"afstemmingsverordening {gegevens.get('naam') or organisatie_id}",
        concept=False,
        toegestaan=GEMEENTELIJK,
    )
    gemeenten = []
    for index, ruw in enumerate(gegevens.get("gemeenten", [])):
        waar = f"{plaats}: gemeenten[{index}]"
        code = _eis(ruw, "cbs_code", str, waar)
        if len(code) != 4 or not code.isdigit():
            raise ParameterFout(f"{waar}: 'cbs_code' moet vier cijfers zijn")
        eigen_ruw = ruw.get("parameters")
        if eigen_ruw is not None and not isinstance(eigen_ruw, dict):
            raise ParameterFout(f"{waar}: 'parameters' moet een tabel zijn")
        eigen_ruw = eigen_ruw or {}
        eigen = _parameters(
            {n: w for n, w in eigen_ruw.items() if n not in ORGANISATORISCH},
            plaats=waar,
            herkomst=f"afstemmingsverordening {ruw.get('naam')}",
            concept=False,
            toegestaan=GEMEENTELIJK,
        )
        werkafspraken = _parameters(
            {n: w for n, w in eigen_ruw.items() if n in ORGANISATORISCH},
            plaats=waar,
            herkomst=f"organisatie {organisatie_id}, gemeente {ruw.get('naam')}",
            concept=False,
            toegestaan=ORGANISATORISCH,
        )
        gemeenten.append(
            Gemeente(
                naam=_eis(ruw, "naam", str, waar),
                cbs_code=code,
                # The municipality's own versions first, so they win where they hold; before or
                # after them the shared verordening's versions still apply.
                parameters=MappingProxyType(
                    {
                        naam: eigen.get(naam, ()) + verordening.get(naam, ())
                        for naam in {**verordening, **eigen}
                    }
                ),
                werkafspraken=werkafspraken,
            )
        )
    keuzes = []
    for index, ruw in enumerate(gegevens.get("regelingen", [])):
        waar = f"{plaats}: regelingen[{index}]"
        keuzes.append(
            RegelingKeuze(
                id=_eis(ruw, "id", str, waar),
                geldig_vanaf=_optioneel_datum(ruw, "geldig_vanaf", waar),
                geldig_tot=_optioneel_datum(ruw, "geldig_tot", waar),
                bron=_eis(ruw, "bron", str, waar),
                onzeker=bool(ruw.get("onzeker", False)),
            )
        )
    if not keuzes:
        raise ParameterFout(f"{plaats}: de organisatie noemt geen regelingen")
    return Organisatie(
        id=organisatie_id,
        naam=_eis(gegevens, "naam", str, plaats),
        bron=_eis(gegevens, "bron", str, plaats),
        gemeenten=tuple(gemeenten),
        regelingen=tuple(keuzes),
        bestand=str(pad),
        parameters=_parameters(
            gegevens.get("parameters"),
            plaats=plaats,
            herkomst=f"organisatie {organisatie_id}",
            concept=False,
            toegestaan=ORGANISATORISCH,
        ),
        verordening=verordening,
    )
