# SPDX-License-Identifier: EUPL-1.2
"""Grouping of signals: which group a new signal joins. Pure functions, shared by the single-signal
path (services.groep_voor) and the batch import.

Rule (working agreement of team Handhaving, setting NALEVING_SIGNAAL_GROEPVENSTER_DAGEN, default 90
days; see signalen/conf.py): signals of the same client and product whose dates lie within the
window of a group's signals are looked at together. A group spans from its first to its last
signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol, TypeVar


class Groepachtig(Protocol):
    eerste_datum: date
    laatste_datum: date


G = TypeVar("G", bound=Groepachtig)


def binnen_venster(groep: Groepachtig, datum: date, venster: timedelta) -> bool:
    return groep.laatste_datum >= datum - venster and groep.eerste_datum <= datum + venster


def kies_groep(kandidaten: Iterable[G], datum: date, venster: timedelta) -> G | None:
    """The group of the same client and product that a signal of `datum` joins: one with a signal
    within the window; of several, the one with the most recent signal. None: start a new group."""
    passend = [g for g in kandidaten if binnen_venster(g, datum, venster)]
    return max(passend, key=lambda g: g.laatste_datum, default=None)


def verbreed(groep: Groepachtig, datum: date) -> bool:
    """Widen the group to include `datum`; True when its span changed."""
    if groep.eerste_datum <= datum <= groep.laatste_datum:
        return False
    groep.eerste_datum = min(groep.eerste_datum, datum)
    groep.laatste_datum = max(groep.laatste_datum, datum)
    return True
