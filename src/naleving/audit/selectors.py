# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from naleving.audit.chain import GENESIS, HASHED_FIELDS, VerifyResult, entry_hash
from naleving.audit.models import Actie, AuditEntry, AuditHead


@dataclass(frozen=True)
class AuditFilter:
    gebruiker: str = ""
    clientnummer: str = ""
    actie: str = ""
    van: date | None = None
    tot: date | None = None


def audit_entries(f: AuditFilter) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if f.gebruiker:
        qs = qs.filter(gebruiker=f.gebruiker)
    if f.clientnummer:
        qs = qs.filter(clientnummer=f.clientnummer)
    if f.actie:
        qs = qs.filter(actie=f.actie)
    tz = timezone.get_current_timezone()
    if f.van:
        qs = qs.filter(tijdstip__gte=datetime.combine(f.van, time.min, tzinfo=tz))
    if f.tot:
        qs = qs.filter(tijdstip__lte=datetime.combine(f.tot, time.max, tzinfo=tz))
    return qs.order_by("-volgnummer")


def recente_entries(limit: int = 15) -> QuerySet[AuditEntry]:
    """The newest entries of the log (the privacy officer's start page)."""
    return AuditEntry.objects.order_by("-volgnummer")[:limit]


def recente_weigeringen(limit: int = 10) -> QuerySet[AuditEntry]:
    """The newest refused accesses."""
    return AuditEntry.objects.filter(actie=Actie.GEWEIGERD).order_by("-volgnummer")[:limit]


def verify_chain(batch_size: int = 5000) -> VerifyResult:
    """Walk the whole log in order and recompute every hash; report the first entry that does not fit."""
    previous = GENESIS
    expected_number = 1
    checked = 0
    for entry in _in_order(batch_size):
        if entry.volgnummer != expected_number:
            return VerifyResult(False, checked, expected_number, "logregel ontbreekt (verwijderd?)")
        if entry.vorige_hash != previous:
            return VerifyResult(False, checked, entry.volgnummer, "vorige hash klopt niet")
        values = {name: getattr(entry, name) for name in HASHED_FIELDS}
        if entry_hash(values, previous) != entry.hash:
            return VerifyResult(
                False, checked, entry.volgnummer, "inhoud gewijzigd: hash klopt niet"
            )
        previous = entry.hash
        expected_number += 1
        checked += 1
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and (head.volgnummer != checked or head.hash != previous):
        return VerifyResult(False, checked, checked + 1, "laatste logregel(s) ontbreken")
    return VerifyResult(True, checked)


def _in_order(batch_size: int) -> Iterator[AuditEntry]:
    last = 0
    while True:
        batch = list(
            AuditEntry.objects.filter(volgnummer__gt=last).order_by("volgnummer")[:batch_size]
        )
        if not batch:
            return
        yield from batch
        last = batch[-1].volgnummer
