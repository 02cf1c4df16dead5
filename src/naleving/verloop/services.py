# SPDX-License-Identifier: EUPL-1.2
"""The one function that applies a move of any state machine, and the first history row of a case.

Every move, whatever the kind: checked against the machine's table, the user's right checked when
the move declares one, written with optimistic locking (version check on a `Versioned` model,
compare-and-set on the status otherwise), one history row and, when the case holds personal data,
one audit entry. It all runs inside the caller's transaction, so a refused or failed move leaves
nothing behind. Callers use `verloop.beweeg(...)` (this module imported as `verloop`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.selectors import may
from naleving.core.locking import Versioned, update_versioned
from naleving.verloop.machine import Machine, OngeldigeOvergang, Overgang


def beweeg(
    *,
    machine: Machine,
    obj: models.Model,
    naar: str,
    user: Any,
    toelichting: str = "",
    changes: dict[str, Any] | None = None,
    versie: int | None = None,
    handmatig: bool = True,
) -> Overgang:
    """Move `obj` (which has `status`) to `naar`, writing `changes` in the same update.

    `versie`: the version the user saw (default: the one of `obj`). `handmatig=False`: the caller is
    the service that alone makes the table's service-only moves."""
    van: str = obj.status  # type: ignore[attr-defined]
    overgang = machine.overgang(van, naar, handmatig=handmatig)
    client = getattr(obj, machine.client) if machine.client else None
    if not _toegestaan(machine, overgang, user, client):
        raise PermissionDenied(f"U mag deze stap in {machine.naam} niet zetten.")
    now = timezone.now()
    velden = {"status": naar, **({machine.sinds: now} if machine.sinds else {}), **(changes or {})}
    if isinstance(obj, Versioned):
        update_versioned(
            obj, expected_version=obj.versie if versie is None else versie, changes=velden
        )
    else:
        # No version column: only move when the stored state is still the one read.
        manager = type(obj)._default_manager
        if not manager.filter(pk=obj.pk, status=van).update(**velden):
            raise OngeldigeOvergang(
                machine, manager.values_list("status", flat=True).get(pk=obj.pk), naar
            )
        for name, value in velden.items():
            setattr(obj, name, value)
    machine.historiemodel()._default_manager.create(
        **{machine.veld: obj}, van=van, naar=naar, door=user, op=now, toelichting=toelichting
    )
    if machine.persoonsgegevens:
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=obj,
            client=client,
            velden={"status": [van, naar]},
            reden=f"{overgang.omschrijving}. {toelichting}".strip()
            if overgang.omschrijving
            else toelichting,
        )
    return overgang


def _toegestaan(machine: Machine, overgang: Overgang, user: Any, client: Any) -> bool:
    if user is None:
        return machine.zonder_gebruiker and overgang.recht is None
    if overgang.recht is None:
        return True
    if machine.client is None:  # a case without a client: the role's right is enough
        return has_right(user, overgang.recht)
    return may(user, overgang.recht, client)


def begin(*, machine: Machine, obj: models.Model, user: Any, op: datetime | None = None) -> None:
    """The first history row of a new case (from "" to its first state). The creating service
    writes its own audit entry, with what was created. (The signal import writes these rows for a
    whole batch in one INSERT ... SELECT, see `signalen.importeren`.)"""
    machine.historiemodel()._default_manager.create(
        **{machine.veld: obj},
        van="",
        naar=obj.status,  # type: ignore[attr-defined]
        door=user,
        op=op or timezone.now(),
    )
