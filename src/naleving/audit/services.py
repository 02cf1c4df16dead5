# SPDX-License-Identifier: EUPL-1.2
"""Writing to the audit log. Every service that reads or writes personal data calls `audit_log` inside its
transaction, so the change and its log entry are committed together or not at all.

The log knows no model of the apps above it: of the client it keeps the id and the number, from any object
that has both (`ClientVerwijzing`).
"""

from __future__ import annotations

from typing import Any, Protocol, cast

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone

from naleving.audit import anker
from naleving.audit.chain import entry_hash
from naleving.audit.models import Actie, AuditEntry, AuditHead
from naleving.core.context import get_correlation_id


class ClientVerwijzing(Protocol):
    """What the log keeps of a client: its id and its client number (a Client has both)."""

    @property
    def pk(self) -> Any: ...

    @property
    def clientnummer(self) -> str: ...


def audit_log(
    *,
    user: Any,
    actie: Actie | str,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str = "",
    client: ClientVerwijzing | None = None,
    velden: dict[str, Any] | None = None,
    reden: str = "",
) -> AuditEntry:
    """One entry. `client` is the client whose data was read or written; without it, the client of `obj`:
    `obj.client`, or `obj` itself when it is a client (it has its own `clientnummer`)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    if client is None and obj is not None:
        client = _client_van(obj)
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
        values: dict[str, Any] = {
            "volgnummer": head.volgnummer + 1,
            "tijdstip": timezone.now(),
            "gebruiker": user.get_username() if authenticated else "systeem",
            "rol": (user.rol_id or "") if authenticated else "",
            "actie": str(actie),
            "object_type": object_type,
            "object_id": object_id,
            "client_id": client.pk if client is not None else None,
            "clientnummer": client.clientnummer if client is not None else "",
            "velden": velden or {},
            "reden": reden,
            "correlation_id": get_correlation_id(),
        }
        digest = entry_hash(values, head.hash)
        entry = AuditEntry.objects.create(vorige_hash=head.hash, hash=digest, **values)
        AuditHead.objects.filter(id=1).update(volgnummer=values["volgnummer"], hash=digest)
    _anker_na_commit(transaction.get_connection())
    return entry


def _client_van(obj: Model) -> ClientVerwijzing | None:
    """The client an object belongs to, recognised by shape, so that the log imports no client model."""
    if hasattr(obj, "client"):
        return getattr(obj, "client", None)
    return cast("ClientVerwijzing", obj) if hasattr(obj, "clientnummer") else None


def _anker_na_commit(connection: BaseDatabaseWrapper) -> None:
    """Once per transaction that appended entries: after its commit, a signed checkpoint of the head outside
    the database (see `anker`). Robust: the entries are committed by then, and a checkpoint that cannot be
    written is logged, not turned into an error for the user."""
    if any(entry[1] is _anker_schrijven for entry in connection.run_on_commit):
        return
    transaction.on_commit(_anker_schrijven, robust=True)


def _anker_schrijven() -> None:
    audit_anker_schrijven()


def audit_anker_schrijven() -> int:
    """Write a checkpoint of the committed head (read after the commit, so it never names an entry that was
    rolled back); also the five-minute beat task. Returns the sequence number it anchored (0: empty log)."""
    head = AuditHead.objects.filter(id=1).values_list("volgnummer", "hash").first()
    if head is None or head[0] == 0:
        return 0
    anker.schrijf(head[0], head[1])
    return int(head[0])
