# SPDX-License-Identifier: EUPL-1.2
"""State machines of cases (investigation, decision): a table of allowed moves, each with the right
it needs, and the one function that applies a move.

A move is refused unless the table allows it and the user has the right for the client; it is
written with optimistic locking, leaves a history row and an audit entry, all inside the caller's
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import may
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.core.locking import Versioned, update_versioned


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    actie: str  # the permission action the user needs
    omschrijving: str


def vind_overgang(overgangen: Iterable[Overgang], van: str, naar: str) -> Overgang | None:
    for overgang in overgangen:
        if overgang.van == van and overgang.naar == naar:
            return overgang
    return None


@dataclass(frozen=True)
class Machine:
    """What `beweeg` needs to know of one kind of case."""

    overgangen: tuple[Overgang, ...]
    statussen: type[models.TextChoices]
    historie: type[
        models.Model
    ]  # the history model: fields <veld>, van, naar, door, op, toelichting
    veld: str  # the history row's foreign key to the case
    lidwoord: tuple[str, str]  # ("een onderzoek", "het onderzoek"), for the Dutch messages


def beweeg(
    machine: Machine,
    obj: Versioned,
    *,
    naar: str,
    user: User,
    toelichting: str = "",
    changes: dict[str, Any] | None = None,
) -> Overgang:
    """Apply the move of `obj` (which has `status`, `status_sinds` and `client`) to `naar`."""
    van: str = obj.status  # type: ignore[attr-defined]
    overgang = vind_overgang(machine.overgangen, van, naar)
    if overgang is None:
        raise ValidationError(
            f"Dit kan niet: {machine.lidwoord[0]} met status "
            f"'{machine.statussen(van).label}' kan niet naar '{machine.statussen(naar).label}'."
        )
    client = obj.client  # type: ignore[attr-defined]
    if not may(user, overgang.actie, client):
        raise PermissionDenied(f"U mag deze stap in {machine.lidwoord[1]} niet zetten.")
    now = timezone.now()
    update_versioned(
        obj,
        expected_version=obj.versie,
        changes={"status": naar, "status_sinds": now, **(changes or {})},
    )
    machine.historie._default_manager.create(
        **{machine.veld: obj},
        van=van,
        naar=naar,
        door=user,
        op=now,
        toelichting=toelichting,
    )
    audit_log(
        user=user,
        actie=Actie.WIJZIGEN,
        obj=obj,
        client=client,
        velden={"status": [van, naar]},
        reden=f"{overgang.omschrijving}. {toelichting}".strip(),
    )
    return overgang
