# SPDX-License-Identifier: EUPL-1.2
"""Writing to the audit log. Every service that reads or writes personal data calls `audit_log` inside its
transaction, so the change and its log entry are committed together or not at all.

The log knows no model of the apps above it: of the client it keeps the id and the number, from any object
that has both (`ClientVerwijzing`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Protocol, cast

from django.db import connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone

from naleving.audit import anker
from naleving.audit.chain import entry_hash
from naleving.audit.models import Actie, AuditEntry, AuditHead, AuditInkorting
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


class InkortenFout(Exception):
    """The log is not cut: its chain is not intact, so its oldest entries may be the evidence."""


def audit_inkorten(*, grens: datetime) -> int:
    """Cut the entries from before `grens` (their retention term is over) off the start of the log, keeping
    the chain verifiable: first the whole chain is checked (a broken chain is never cut: its oldest part may
    be the evidence), then a cut (`AuditInkorting`) records the number and hash of the last entry that goes,
    signed with the checkpoints' key, which is not in the database; then the entries go. `verify_chain`
    starts at the newest cut. Only a prefix goes: entries are numbered in time order under the head's lock,
    so every entry before the first one at or after `grens` is older. Returns how many entries went."""
    from naleving.audit.selectors import begin_van_de_keten, verify_chain

    begin, _ = begin_van_de_keten()
    tot_en_met = te_inkorten_tot(grens=grens)
    if tot_en_met <= begin:
        return 0
    # Checked before the head is locked (a long walk must not hold up every write); the entries are
    # append-only, so what was intact up to the head then is still intact up to `tot_en_met` now.
    resultaat = verify_chain()
    if not resultaat.ok:
        raise InkortenFout(
            f"Het toegangslog wordt niet ingekort: logregel {resultaat.first_broken}: "
            f"{resultaat.problem}."
        )
    tot_en_met = min(tot_en_met, begin + resultaat.checked)
    with transaction.atomic():
        AuditHead.objects.select_for_update().filter(id=1).first()
        if begin_van_de_keten()[0] != begin:
            raise InkortenFout("Het toegangslog wordt niet ingekort: het werd net al ingekort.")
        laatste = AuditEntry.objects.get(volgnummer=tot_en_met)
        nu = datetime.now(UTC).replace(microsecond=0)
        AuditInkorting.objects.create(
            tot_en_met=tot_en_met,
            hash=laatste.hash,
            grens=grens,
            aantal=tot_en_met - begin,
            uitgevoerd_op=nu,
            handtekening=anker.begin_handtekening(tot_en_met, laatste.hash, nu.isoformat()),
        )
        # The queryset refuses deletes (append-only); this is the one statement that may, and on PostgreSQL
        # the trigger lets it through only for entries a cut covers.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {AuditEntry._meta.db_table} WHERE volgnummer <= %s",
                [tot_en_met],
            )
        audit_log(
            user=None,
            actie=Actie.SYSTEEM,
            object_type="audit.inkorting",
            object_id=str(tot_en_met),
            velden={"tot_en_met": tot_en_met, "aantal": tot_en_met - begin},
            reden="Toegangslog ingekort: logregels over hun bewaartermijn zijn verwijderd",
        )
    return tot_en_met - begin


def te_inkorten_tot(*, grens: datetime) -> int:
    """The number of the last entry from before `grens` (0: none): the end of the prefix a cut removes."""
    eerste_binnen = (
        AuditEntry.objects.filter(tijdstip__gte=grens)
        .order_by("volgnummer")
        .values_list("volgnummer", flat=True)
        .first()
    )
    if eerste_binnen is not None:
        return int(eerste_binnen) - 1
    kop = AuditHead.objects.filter(id=1).values_list("volgnummer", flat=True).first()
    return int(kop or 0)
