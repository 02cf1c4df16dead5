# SPDX-License-Identifier: EUPL-1.2
"""'Mijn taken' on the start page: what needs this staff member now, within their role and municipalities.

Each app that owns a kind of work contributes it (`register_taak_bron`): triage tasks and late signals
(signalen), investigations to assign, review or past their term (onderzoek), decisions to prepare or waiting
for four eyes (besluiten). The start page lives here and must not import those apps. A source reads a fixed
number of queries, however much work there is (the list shows the first few of each kind)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.utils import timezone

from naleving.accounts.models import User

#: How many tasks of one kind the start page lists; the rest are counted and linked.
PER_SOORT = 5


@dataclass(frozen=True)
class MijnTaak:
    soort: str  # what kind of work, as a heading: "Rapport beoordelen"
    tekst: str  # which one: "Onderzoek O000017 (Waalwijk)"
    url: str
    termijn: date | None = None

    @property
    def te_laat(self) -> bool:
        return self.termijn is not None and self.termijn < timezone.localdate()


@dataclass(frozen=True)
class Taakgroep:
    soort: str
    aantal: int
    taken: list[MijnTaak]
    alle_url: str = ""  # the list with all of them, when there are more than PER_SOORT


class TaakBron(Protocol):
    """One app's kinds of work for this user (a group per kind, also an empty one)."""

    def __call__(self, *, user: User) -> list[Taakgroep]: ...


_bronnen: list[tuple[int, TaakBron]] = []


def register_taak_bron(volgorde: int, bron: TaakBron) -> None:
    if all(b is not bron for _v, b in _bronnen):
        _bronnen.append((volgorde, bron))
        _bronnen.sort(key=lambda vb: vb[0])


def mijn_taken(*, user: User) -> list[Taakgroep]:
    """Every kind of work that has at least one task for `user`, in the order the apps registered."""
    return [groep for _v, bron in _bronnen for groep in bron(user=user) if groep.aantal]
