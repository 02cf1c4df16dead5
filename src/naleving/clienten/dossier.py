# SPDX-License-Identifier: EUPL-1.2
"""Sections of the client file that other apps contribute (signals, investigations, decisions, information
moments), so the client file shows the whole case without the clienten app knowing every other app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from naleving.accounts.models import User
from naleving.clienten.models import Client


class SectieContext(Protocol):
    """What a section shows this user of this client; None: nothing to show."""

    def __call__(self, *, user: User, client: Client) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class DossierSectie:
    volgorde: int
    template: str
    context: SectieContext


@dataclass(frozen=True)
class GevuldeSectie:
    template: str
    context: dict[str, Any]


_secties: list[DossierSectie] = []


def register_dossier_sectie(sectie: DossierSectie) -> None:
    if sectie not in _secties:
        _secties.append(sectie)
        _secties.sort(key=lambda s: s.volgorde)


def dossier_secties(user: User, client: Client) -> list[GevuldeSectie]:
    result = []
    for sectie in _secties:
        context = sectie.context(user=user, client=client)
        if context is not None:
            result.append(GevuldeSectie(sectie.template, context))
    return result
