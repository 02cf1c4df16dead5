# SPDX-License-Identifier: EUPL-1.2
"""What follows an investigation, shown on its page by the app that owns it (the decision, in besluiten), so the
investigation page links on without onderzoek importing a later step of the flow (the house: signalen ->
onderzoek -> besluiten, one way)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from naleving.accounts.models import User

if TYPE_CHECKING:
    from naleving.onderzoek.models import Onderzoek


class VervolgContext(Protocol):
    """What follows this investigation for this user; None: nothing to show. Must not query for an investigation
    that is still running (the page's query count is pinned)."""

    def __call__(self, *, user: User, onderzoek: Onderzoek) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class Vervolg:
    template: str
    context: VervolgContext


@dataclass(frozen=True)
class GevuldVervolg:
    template: str
    context: dict[str, Any]


_vervolgen: list[Vervolg] = []


def register_vervolg(vervolg: Vervolg) -> None:
    if vervolg not in _vervolgen:
        _vervolgen.append(vervolg)


def vervolgen(*, user: User, onderzoek: Onderzoek) -> list[GevuldVervolg]:
    result = []
    for vervolg in _vervolgen:
        context = vervolg.context(user=user, onderzoek=onderzoek)
        if context is not None:
            result.append(GevuldVervolg(vervolg.template, context))
    return result
