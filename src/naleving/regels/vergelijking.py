# SPDX-License-Identifier: EUPL-1.2
"""Wat als: the same cases advised under the rule sets in force and under a draft, compared in aggregate.

Before an administrator switches a draft on (``whsz-concept``, or a new policy rule set still in a file), the
organisation sees how many advices would change and how: from which sanction to which, and the fines and
recovery amounts together. The comparison holds counts and sums only, never a case or a person; a web page
adds the small-number suppression on top.

Both sides are advised on the same beoordelingsdatum, so the only difference is the draft (and lex mitior,
which a draft that is milder brings to a fine not yet final: art. 7 EVRM, Awb art. 5:46).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .advies import Advies
from .configuratie import Configuratie
from .feiten import FeitenFout
from .motor import adviseer
from .parameters import ParameterFout, RegelingKeuze, laad_regeling
from .tekst import datum_nl, euro

#: The outcome of a case that the engine could not advise on (invalid or incomplete facts).
GEEN_ADVIES = "geen_advies"

SANCTIE_NAMEN: Mapping[str, str] = MappingProxyType(
    {
        "geen": "Geen sanctie",
        "waarschuwing": "Waarschuwing",
        "boete": "Boete",
        "maatregel": "Maatregel",
        "oordeel_nodig": "Oordeel nodig",
        GEEN_ADVIES: "Geen advies (feiten onvolledig)",
    }
)
#: The kinds of open case the applications hand over (the codes of ``Vergelijking.per_soort``).
SOORT_NAMEN: Mapping[str, str] = MappingProxyType(
    {
        "besluit": "conceptbesluiten",
        "onderzoek": "onderzoeken met een bevinding, nog zonder besluit",
    }
)


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """What the comparison keeps of one advice: no facts, no person."""

    sanctie: str
    boete_cent: int = 0
    maatregel: tuple[int, int] | None = None  # (percentage, months)
    terugvordering_cent: int = 0

    @classmethod
    def van(cls, advies: Advies) -> Uitkomst:
        m = advies.maatregel
        return cls(
            sanctie=advies.sanctie,
            boete_cent=advies.boete_cent,
            maatregel=(m.percentage, m.maanden) if m else None,
            terugvordering_cent=advies.terugvordering.bedrag_cent
            if advies.terugvordering.verplicht
            else 0,
        )


@dataclass
class Overgang:
    """All cases whose advice goes from sanction ``van`` to sanction ``naar`` (possibly the same sanction
    with another amount), with the sums of fines and recovery on both sides."""

    van: str
    naar: str
    aantal: int = 0
    boete_van_cent: int = 0
    boete_naar_cent: int = 0
    terugvordering_van_cent: int = 0
    terugvordering_naar_cent: int = 0

    def tel(self, voor: Uitkomst, na: Uitkomst) -> None:
        self.aantal += 1
        self.boete_van_cent += voor.boete_cent
        self.boete_naar_cent += na.boete_cent
        self.terugvordering_van_cent += voor.terugvordering_cent
        self.terugvordering_naar_cent += na.terugvordering_cent

    def to_dict(self) -> dict[str, Any]:
        return {
            "van": self.van,
            "naar": self.naar,
            "aantal": self.aantal,
            "boete_van_cent": self.boete_van_cent,
            "boete_naar_cent": self.boete_naar_cent,
            "terugvordering_van_cent": self.terugvordering_van_cent,
            "terugvordering_naar_cent": self.terugvordering_naar_cent,
        }


@dataclass
class Vergelijking:
    """The aggregate: how many cases, how many advices change, and the changes grouped by transition."""

    beoordelingsdatum: date
    activeringen: tuple[tuple[str, date], ...]
    aantal: int = 0
    per_soort: dict[str, int] = field(default_factory=dict)
    gelijk: int = 0
    overgangen: dict[tuple[str, str], Overgang] = field(default_factory=dict)
    boete_huidig_cent: int = 0
    boete_variant_cent: int = 0

    @property
    def veranderd(self) -> int:
        return self.aantal - self.gelijk

    def gesorteerde_overgangen(self) -> list[Overgang]:
        volgorde = list(SANCTIE_NAMEN)
        return sorted(
            self.overgangen.values(),
            key=lambda o: (-o.aantal, volgorde.index(o.van), volgorde.index(o.naar)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "beoordelingsdatum": self.beoordelingsdatum.isoformat(),
            "activeringen": {r: d.isoformat() for r, d in self.activeringen},
            "aantal_zaken": self.aantal,
            "per_soort": dict(sorted(self.per_soort.items())),
            "gelijk": self.gelijk,
            "veranderd": self.veranderd,
            "boete_huidig_cent": self.boete_huidig_cent,
            "boete_variant_cent": self.boete_variant_cent,
            "overgangen": [o.to_dict() for o in self.gesorteerde_overgangen()],
        }

    def tekst(self) -> str:
        activering = ", ".join(f"{r} vanaf {datum_nl(d)}" for r, d in self.activeringen)
        regels = [
            f"Wat als: {activering or 'geen wijziging'} (beoordeeld op "
            f"{datum_nl(self.beoordelingsdatum)})",
            f"Open zaken: {self.aantal} ("
            + ", ".join(
                f"{SOORT_NAMEN.get(soort, soort)}: {n}"
                for soort, n in sorted(self.per_soort.items())
            )
            + ")",
            f"Advies gelijk: {self.gelijk}; advies anders: {self.veranderd}",
            f"Boetes samen: {euro(self.boete_huidig_cent)} nu, {euro(self.boete_variant_cent)} "
            "met de wijziging",
        ]
        if self.overgangen:
            regels += ["", "Wat verandert (van -> naar: aantal; boetes; terugvordering):"]
        for o in self.gesorteerde_overgangen():
            regels.append(
                f"  {SANCTIE_NAMEN[o.van]} -> {SANCTIE_NAMEN[o.naar]}: {o.aantal}; "
                f"boetes {euro(o.boete_van_cent)} -> {euro(o.boete_naar_cent)}; "
                f"terugvordering {euro(o.terugvordering_van_cent)} -> "
                f"{euro(o.terugvordering_naar_cent)}"
            )
        regels += [
            "",
            "Alleen aantallen en bedragen samen; geen zaak en geen persoon. Dit is een verkenning: "
            "een medewerker beslist over elke zaak (AVG art. 22).",
        ]
        return "\n".join(regels)


def _uitkomst(feiten: Mapping[str, Any], config: Configuratie) -> Uitkomst:
    try:
        return Uitkomst.van(adviseer(feiten, configuratie=config))
    except FeitenFout:
        return Uitkomst(GEEN_ADVIES)


def vergelijk(
    zaken: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    huidig: Configuratie,
    variant: Configuratie,
    beoordelingsdatum: date,
) -> Vergelijking:
    """Advise every case (a kind label and the engine's facts) under both configurations on
    ``beoordelingsdatum`` and aggregate the differences. A case is changed when the sanction, the fine, the
    measure or the recovery differs."""
    uit = Vergelijking(beoordelingsdatum=beoordelingsdatum, activeringen=variant.activeringen)
    for soort, ruw in zaken:
        feiten = {**ruw, "beoordelingsdatum": max(beoordelingsdatum.isoformat(), ruw["pleegdatum"])}
        voor = _uitkomst(feiten, huidig)
        na = _uitkomst(feiten, variant)
        uit.aantal += 1
        uit.per_soort[soort] = uit.per_soort.get(soort, 0) + 1
        uit.boete_huidig_cent += voor.boete_cent
        uit.boete_variant_cent += na.boete_cent
        if voor == na:
            uit.gelijk += 1
            continue
        sleutel = (voor.sanctie, na.sanctie)
        overgang = uit.overgangen.get(sleutel)
        if overgang is None:
            overgang = uit.overgangen[sleutel] = Overgang(*sleutel)
        overgang.tel(voor, na)
    return uit


def met_concepten(basis: Configuratie, concepten: Sequence[Path]) -> Configuratie:
    """``basis`` with draft files not yet shipped added to the organisation's rule sets (still off: a draft
    only applies from an activation date)."""
    organisatie = basis.organisatie
    regelingen = dict(basis.regelingen)
    for pad in concepten:
        regeling = laad_regeling(pad)
        if not regeling.concept:
            raise ParameterFout(
                f"{pad.name}: alleen een concept (concept = true) kan worden verkend"
            )
        if regeling.id in regelingen:
            raise ParameterFout(f"{pad.name}: regeling '{regeling.id}' bestaat al")
        if regeling.basis is not None and regeling.basis not in regelingen:
            raise ParameterFout(f"{regeling.id}: basisregeling '{regeling.basis}' bestaat niet")
        regelingen[regeling.id] = regeling
        keuze = RegelingKeuze(regeling.id, None, None, regeling.bron, regeling.onzeker)
        organisatie = replace(organisatie, regelingen=(*organisatie.regelingen, keuze))
    if not concepten:
        return basis
    return Configuratie(
        organisatie=organisatie,
        regelingen=MappingProxyType(regelingen),
        activeringen=basis.activeringen,
    )


def variant(
    basis: Configuratie,
    *,
    activeringen: Mapping[str, date],
    concepten: Sequence[Path] = (),
) -> Configuratie:
    """``basis`` with drafts switched on: shipped drafts by id, or draft files not yet shipped (``concepten``,
    each a rule set with ``concept = true``), each needing its activation date in ``activeringen``."""
    if not activeringen:
        raise ParameterFout("geef met --activeer aan welke regeling vanaf welke datum aan gaat")
    uitgebreid = met_concepten(basis, concepten)
    for regeling_id in activeringen:
        if regeling_id not in uitgebreid.regelingen:
            raise ParameterFout(f"regeling '{regeling_id}' bestaat niet")
    return Configuratie(
        organisatie=uitgebreid.organisatie,
        regelingen=uitgebreid.regelingen,
        activeringen=tuple(sorted({**dict(basis.activeringen), **activeringen}.items())),
    )
