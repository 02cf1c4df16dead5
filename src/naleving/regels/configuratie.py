# SPDX-License-Identifier: EUPL-1.2
"""Configuratie: which organisation, which rule sets, and from when a draft rule set applies.

It is an immutable value so that a web layer can build one from the administrator's stored
activation dates and pass it to ``adviseer``; the same Configuratie always gives the same advice.

``parameter``/``getal`` are the one lookup for a legal or policy value outside ``adviseer``: by
name, on the date that matters (the facts' date, or today for an operational term), for a
municipality where its afstemmingsverordening may set the value.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .parameters import (
    ORGANISATORISCH,
    PARAMETER_MAP,
    Gemeente,
    Organisatie,
    ParameterFout,
    Parameters,
    ParameterWaarde,
    Regeling,
    RegelingKeuze,
    laad_organisatie,
    laad_regelingen,
)

STANDAARD_ORGANISATIE = "baanbrekers"


@dataclass(frozen=True, slots=True)
class Toepassing:
    """The rule set an organisation applies on a date, with its effective start."""

    keuze: RegelingKeuze
    regeling: Regeling
    vanaf: date


class Waarden:
    """The parameter values of one rule set, for one municipality, over a period in which none
    of them changes (cached, so most advices resolve no parameters at all)."""

    __slots__ = ("regeling", "teksten", "waarden")

    def __init__(self, regeling: Regeling, waarden: Mapping[str, ParameterWaarde]) -> None:
        self.regeling = regeling
        self.waarden = waarden
        # Explanation texts per combination of parameters read; few combinations recur.
        self.teksten: dict[tuple[str, ...], str] = {}


@dataclass(frozen=True)
class Configuratie:
    organisatie: Organisatie
    regelingen: Mapping[str, Regeling]
    activeringen: tuple[tuple[str, date], ...] = ()
    _cache: dict[tuple[str, str | None, int], Waarden] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _grenzen: dict[tuple[str, str | None], list[date]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _toepassingen: dict[date, Toepassing | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # Memo for derived texts that only depend on this Configuratie (e.g. which rule set applies).
    memo: dict[tuple[object, ...], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _activering: Mapping[str, date] = field(init=False, repr=False, compare=False)
    _gemeenten: Mapping[str, Gemeente] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        bekend = {keuze.id for keuze in self.organisatie.regelingen}
        for keuze in self.organisatie.regelingen:
            if keuze.id not in self.regelingen:
                raise ParameterFout(f"{self.organisatie.id}: regeling '{keuze.id}' bestaat niet")
        for regeling_id, datum in self.activeringen:
            if regeling_id not in bekend:
                raise ParameterFout(
                    f"activering: regeling '{regeling_id}' hoort niet bij {self.organisatie.id}"
                )
            if not isinstance(datum, date):
                raise ParameterFout(f"activering van '{regeling_id}': geen datum")
        object.__setattr__(self, "_activering", MappingProxyType(dict(self.activeringen)))
        object.__setattr__(
            self,
            "_gemeenten",
            MappingProxyType(
                {
                    sleutel: gemeente
                    for gemeente in self.organisatie.gemeenten
                    for sleutel in (
                        gemeente.cbs_code,
                        f"gm{gemeente.cbs_code}",
                        gemeente.naam.lower(),
                    )
                }
            ),
        )

    def __repr__(self) -> str:
        return (
            f"Configuratie(organisatie={self.organisatie.id!r}, "
            f"regelingen={sorted(self.regelingen)!r}, activeringen={self.activeringen!r})"
        )

    @classmethod
    def laad(
        cls,
        organisatie: str | Path = STANDAARD_ORGANISATIE,
        *,
        activeringen: Mapping[str, date] | None = None,
        extra_regelingen: Sequence[Path] = (),
    ) -> Configuratie:
        """Load an organisation (shipped id or a TOML path) and its rule sets.

        ``activeringen`` maps a rule set id to the date from which it applies; this switches on a
        draft such as ``whsz-concept`` or corrects an uncertain start date.
        """
        pad = (
            organisatie
            if isinstance(organisatie, Path)
            else PARAMETER_MAP / "organisaties" / f"{organisatie}.toml"
        )
        return cls(
            organisatie=laad_organisatie(pad),
            regelingen=laad_regelingen(*extra_regelingen),
            activeringen=tuple(sorted((activeringen or {}).items())),
        )

    @staticmethod
    def standaard() -> Configuratie:
        return _standaard()

    def met_activering(self, regeling_id: str, datum: date) -> Configuratie:
        activeringen = dict(self.activeringen)
        activeringen[regeling_id] = datum
        return Configuratie(
            organisatie=self.organisatie,
            regelingen=self.regelingen,
            activeringen=tuple(sorted(activeringen.items())),
        )

    def activering(self, regeling_id: str) -> date | None:
        return self._activering.get(regeling_id)

    def vanaf(self, keuze: RegelingKeuze) -> date | None:
        """Effective start: activation overrides the organisation file, which overrides the set."""
        return (
            self.activering(keuze.id)
            or keuze.geldig_vanaf
            or self.regelingen[keuze.id].geldig_vanaf
        )

    def gemeente(self, naam_of_code: str) -> Gemeente | None:
        return self._gemeenten.get(naam_of_code.strip().lower())

    def parameter(self, naam: str, *, op: date, gemeente: str | None = None) -> ParameterWaarde:
        """The version of parameter ``naam`` in force on ``op``, with its source.

        A working agreement comes from the organisation file, where a municipality may set its
        own; any other value from the rule set in force on ``op`` (with its base), where the
        afstemmingsverordening's value (shared by the organisation's municipalities, or the
        municipality's own) wins. Before the
        first rule set, a value of that set whose own date lies on or before ``op`` (a value of law
        older than the rule set, such as Awb art. 5:45 or PW art. 18 (2015)).
        """
        if naam in ORGANISATORISCH:
            # A municipality's own working agreement wins over the organisation's.
            eigen = self._plaats(gemeente)
            for versie in (
                *(eigen.werkafspraken.get(naam, ()) if eigen else ()),
                *self.organisatie.parameters.get(naam, ()),
            ):
                if versie.geldig_op(op, None):
                    return versie
            raise ParameterFout(
                f"{self.organisatie.id}: parameter '{naam}' heeft geen waarde op {op.isoformat()}"
            )
        toepassing = self.toepassing_op(op)
        # Before the first rule set only the values of law dated before ``op`` hold (as in
        # adviseer's legal part): the earliest rule set's versions in force on that date.
        eerste = self.eerste_regeling() if toepassing is None else None
        if toepassing is not None:
            regeling = toepassing.regeling
        elif eerste is not None:
            regeling = eerste[0]
        else:
            raise ParameterFout(
                f"{self.organisatie.id}: op {op.isoformat()} is geen regeling van kracht"
            )
        plaats = self._plaats(gemeente)
        gevonden = self.waarden(regeling, plaats, op).waarden.get(naam)
        if gevonden is None and toepassing is None:
            raise ParameterFout(
                f"{self.organisatie.id}: op {op.isoformat()} is geen regeling van kracht, en de "
                f"eerste regeling ({regeling.id}) heeft voor '{naam}' geen waarde van die datum"
            )
        if gevonden is None:
            raise ParameterFout(
                f"{regeling.id}: parameter '{naam}' heeft geen waarde op {op.isoformat()}"
            )
        return gevonden

    def _plaats(self, gemeente: str | None) -> Gemeente | None:
        if gemeente is None:
            return None
        plaats = self.gemeente(gemeente)
        if plaats is None:
            raise ParameterFout(f"{self.organisatie.id}: onbekende gemeente {gemeente!r}")
        return plaats

    def getal(self, naam: str, *, op: date, gemeente: str | None = None) -> int:
        """``parameter(...).waarde`` for a whole number (amount in cents, term, percentage)."""
        waarde = self.parameter(naam, op=op, gemeente=gemeente).waarde
        if not isinstance(waarde, int) or isinstance(waarde, bool):
            raise ParameterFout(f"parameter '{naam}' is geen geheel getal")
        return waarde

    def eerste_regeling(self) -> tuple[Regeling, date] | None:
        """The organisation's earliest rule set that is not a draft, with its effective start."""
        kandidaten = [
            (vanaf, self.regelingen[keuze.id])
            for keuze in self.organisatie.regelingen
            if not self.regelingen[keuze.id].concept and (vanaf := self.vanaf(keuze)) is not None
        ]
        if not kandidaten:
            return None
        vanaf, regeling = min(kandidaten, key=lambda k: k[0])
        return regeling, vanaf

    def toepassing_op(self, datum: date) -> Toepassing | None:
        """The rule set in force on ``datum``: of those started, the one that started last."""
        try:
            return self._toepassingen[datum]
        except KeyError:
            pass
        if len(self._toepassingen) > 100_000:
            self._toepassingen.clear()
        gevonden = self._toepassingen[datum] = self._zoek_toepassing(datum)
        return gevonden

    def _zoek_toepassing(self, datum: date, *, zonder_concept: bool = False) -> Toepassing | None:
        beste: Toepassing | None = None
        for keuze in self.organisatie.regelingen:
            if zonder_concept and self.regelingen[keuze.id].concept:
                continue
            vanaf = self.vanaf(keuze)
            if vanaf is None or vanaf > datum:
                continue
            if keuze.geldig_tot is not None and datum > keuze.geldig_tot:
                continue
            if beste is None or vanaf >= beste.vanaf:
                beste = Toepassing(keuze, self.regelingen[keuze.id], vanaf)
        return beste

    def waarden(self, regeling: Regeling, gemeente: Gemeente | None, datum: date) -> Waarden:
        code = gemeente.cbs_code if gemeente else None
        grenzen = self._grenzen.get((regeling.id, code))
        if grenzen is None:
            grenzen = self._grenzen[(regeling.id, code)] = self._wisseldata(regeling, gemeente)
        sleutel = (regeling.id, code, bisect_right(grenzen, datum))
        gevonden = self._cache.get(sleutel)
        if gevonden is None:
            gevonden = Waarden(regeling, self._los_op(regeling, gemeente, datum))
            self._cache[sleutel] = gevonden
        return gevonden

    def _lagen(
        self, regeling: Regeling, gemeente: Gemeente | None
    ) -> list[tuple[Parameters, date | None]]:
        # Base first, so the more specific layer (rule set, then municipality) wins per name.
        keten: list[Regeling] = []
        huidig: Regeling | None = regeling
        while huidig is not None:
            if huidig in keten:
                raise ParameterFout(f"{regeling.id}: kringverwijzing in 'basis'")
            keten.append(huidig)
            huidig = self._basis(huidig, keten)
        lagen = [(r.parameters, self.activering(r.id)) for r in reversed(keten)]
        # The municipality's afstemmingsverordening (the shared one merged with its own values);
        # without a municipality, the verordening the organisation's municipalities share.
        lagen.append((gemeente.parameters if gemeente else self.organisatie.verordening, None))
        return lagen

    def _basis(self, regeling: Regeling, keten: list[Regeling]) -> Regeling | None:
        """The layer beneath a rule set. An activated draft builds on the organisation's own rule
        set in force the day before its activation, not on its static ``basis``: the authority
        stays bound to its own policy rules (Awb art. 4:84) in all the draft does not change, so
        switching on a draft law never makes an advice stricter than that policy where the draft
        is silent. Without activation or own rule set, the static ``basis`` applies."""
        if regeling.concept:
            activering = self.activering(regeling.id)
            if activering is not None:
                eigen = self._zoek_toepassing(activering - timedelta(days=1), zonder_concept=True)
                if eigen is not None and eigen.regeling not in keten:
                    return eigen.regeling
        return self.regelingen[regeling.basis] if regeling.basis else None

    def onderliggend(self, regeling: Regeling) -> Regeling | None:
        """The rule set this one builds on in this configuration (see ``_basis``)."""
        return self._basis(regeling, [regeling])

    def _wisseldata(self, regeling: Regeling, gemeente: Gemeente | None) -> list[date]:
        """Dates on which some parameter of this rule set and municipality changes."""
        data: set[date] = set()
        for parameters, activering in self._lagen(regeling, gemeente):
            for versies in parameters.values():
                for versie in versies:
                    vanaf = versie.geldig_vanaf or activering
                    if vanaf is not None:
                        data.add(vanaf)
                    if versie.geldig_tot is not None:
                        data.add(versie.geldig_tot + timedelta(days=1))
        return sorted(data)

    def _los_op(
        self, regeling: Regeling, gemeente: Gemeente | None, datum: date
    ) -> Mapping[str, ParameterWaarde]:
        lagen = self._lagen(regeling, gemeente)
        waarden: dict[str, ParameterWaarde] = {}
        for parameters, activering in lagen:
            for naam, versies in parameters.items():
                for versie in versies:
                    if versie.geldig_op(datum, activering):
                        waarden[naam] = versie
                        break
        return MappingProxyType(waarden)


@lru_cache(maxsize=1)
def _standaard() -> Configuratie:
    return Configuratie.laad()


def parameter(naam: str, *, op: date, gemeente: str | None = None) -> ParameterWaarde:
    """``Configuratie.standaard().parameter(...)``: the installation's value on a date."""
    return _standaard().parameter(naam, op=op, gemeente=gemeente)


def getal(naam: str, *, op: date, gemeente: str | None = None) -> int:
    """``Configuratie.standaard().getal(...)``: the installation's whole-number value on a date."""
    return _standaard().getal(naam, op=op, gemeente=gemeente)
