# SPDX-License-Identifier: EUPL-1.2
"""The retention schedule: per kind of record, the parameter that holds its term (with the term's source, in
the organisation's parameter file), the moment the term runs from, and what happens when it ends.

The terms themselves are never in code: `naleving.regels.parameter(...)` reads them, dated, with source and
UNCERTAIN mark, from regels/parameters/organisaties/<organisatie>.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from naleving import regels
from naleving.regels.parameters import ParameterWaarde
from naleving.signalen import conf


@dataclass(frozen=True)
class Soort:
    code: str
    naam: str
    parameter: str
    vanaf: str
    handeling: str  # "vernietigd" or "geanonimiseerd"
    automatisch: bool = True
    waarom_niet: str = ""
    #: a deployment's explicit override of the parameter (an environment variable, logged), if it has one
    overschrijving: Callable[[], int] | None = None

    @property
    def in_dagen(self) -> bool:
        return self.parameter.endswith("_dagen")


#: In the order of the run: evidence is counted before its investigation goes (and its files with it).
SOORTEN: tuple[Soort, ...] = (
    Soort(
        "melder",
        "Naam en contactgegevens van een melder",
        "melder_bewaartermijn_dagen",
        "de ontvangst van het signaal",
        "geanonimiseerd",
        overschrijving=conf.melder_bewaar_dagen,
    ),
    Soort(
        "signaal_zonder_vervolg",
        "Signaal zonder vervolg",
        "bewaartermijn_signaal_zonder_vervolg_jaren",
        "de triage met uitkomst 'geen actie'",
        "vernietigd",
    ),
    # Evidence has no term of its own: it goes with its investigation, so it has that investigation's term
    # (and its source): one row per kind of investigation.
    Soort(
        "bewijsstuk_zonder_bevinding",
        "Bewijsstuk (bestand) van een onderzoek zonder bevinding",
        "bewaartermijn_onderzoek_zonder_bevinding_jaren",
        "de afronding van het onderzoek waar het bij hoort",
        "vernietigd",
    ),
    Soort(
        "bewijsstuk_met_bevinding",
        "Bewijsstuk (bestand) van een onderzoek met bevinding",
        "bewaartermijn_onderzoek_met_bevinding_jaren",
        "de afronding van het onderzoek waar het bij hoort, als geen besluit er meer op steunt",
        "vernietigd",
    ),
    Soort(
        "onderzoek_zonder_bevinding",
        "Onderzoek zonder bevinding",
        "bewaartermijn_onderzoek_zonder_bevinding_jaren",
        "de afronding van het onderzoek (geen overtreding, geen besluit)",
        "vernietigd",
    ),
    Soort(
        "contactmoment",
        "Contactmoment",
        "bewaartermijn_contactmoment_jaren",
        "het einde van de laatste uitkering van de cliënt",
        "vernietigd",
    ),
    Soort(
        "wijzigingsmelding",
        "Wijzigingsmelding (afgehandeld)",
        "bewaartermijn_wijzigingsmelding_jaren",
        "het einde van de laatste uitkering van de cliënt",
        "vernietigd",
    ),
    Soort(
        "onderzoek_met_bevinding",
        "Onderzoek met bevinding",
        "bewaartermijn_onderzoek_met_bevinding_jaren",
        "de afronding van het onderzoek, als geen besluit er meer op steunt",
        "vernietigd",
    ),
    Soort(
        "besluit",
        "Besluit zonder vordering (met brieven, bezwaar en registerregel)",
        "bewaartermijn_besluit_jaren",
        "de datum waarop het besluit definitief werd, als het register het niet meer meetelt",
        "vernietigd",
    ),
    Soort(
        "vordering",
        "Vordering, met het besluit waar zij uit volgt (en zijn brieven, bezwaar en registerregel)",
        "bewaartermijn_vordering_jaren",
        "het einde van de invordering (afgelost, afgezien, kwijtgescholden, verjaard of vervangen) "
        "van de laatste vordering van het besluit",
        "vernietigd",
    ),
    Soort(
        "toegangslog",
        "Regels van het toegangslog",
        "bewaartermijn_toegangslog_jaren",
        "de datum van de logregel",
        "vernietigd",
    ),
)
PER_CODE = {soort.code: soort for soort in SOORTEN}
#: Kinds that earlier releases wrote to the destruction log, with the name they had then.
_EERDERE_NAMEN = {"bewijsstuk": "Bewijsstuk (bestand)"}


def naam(code: str) -> str:
    """The Dutch name of a kind in the destruction log, also of a kind an earlier release wrote there."""
    soort = PER_CODE.get(code)
    return soort.naam if soort is not None else _EERDERE_NAMEN.get(code, code)


@dataclass(frozen=True)
class Termijn:
    soort: Soort
    waarde: ParameterWaarde
    grens: datetime  # what ended before this moment is due
    nu: datetime  # the moment of the run

    @property
    def in_woorden(self) -> str:
        getal = int(self.waarde.waarde)  # type: ignore[arg-type]
        if self.soort.in_dagen:
            return f"{getal} dagen"
        return "1 jaar" if getal == 1 else f"{getal} jaar"


def _jaren_terug(moment: datetime, jaren: int) -> datetime:
    try:
        return moment.replace(year=moment.year - jaren)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - jaren, day=28)


def termijn(soort: Soort, *, nu: datetime) -> Termijn:
    """The term in force today, and the boundary it gives at `nu`."""
    waarde = regels.parameter(soort.parameter, op=nu.date())
    getal = soort.overschrijving() if soort.overschrijving else int(waarde.waarde)  # type: ignore[arg-type]
    if getal != waarde.waarde:
        waarde = replace(
            waarde, waarde=getal, herkomst=f"{waarde.herkomst}; overschreven door de omgeving"
        )
    grens = nu - timedelta(days=getal) if soort.in_dagen else _jaren_terug(nu, getal)
    return Termijn(soort, waarde, grens, nu)


def schema(*, nu: datetime) -> list[Termijn]:
    """The whole schedule at a moment (the privacy officer's page, the dry run, the run)."""
    return [termijn(soort, nu=nu) for soort in SOORTEN]
