# SPDX-License-Identifier: EUPL-1.2
"""Signed checkpoints of the audit chain, kept outside the database.

The hash chain shows a changed or removed entry in the middle, but not a cut-off end: whoever can write to the
database can delete the last entries and set the head back, and the shorter chain is intact again. So after
every transaction that appended entries (and every five minutes by celery beat) one line is appended to a file
outside the database: the head's sequence number and hash, the time, and an HMAC-SHA256 over those with a key
that is not in the database either (`NALEVING_AUDIT_SLEUTEL`, or derived from `NALEVING_SECRET_KEY`).
`naleving audit verify` then checks that the log still holds every checkpoint's entry with the same hash.

The file is written with O_APPEND under an exclusive POSIX lock (`lockf`, which also holds on NFS), one
`write` per line, so several processes and several app instances sharing one var directory never mix lines.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

VERSIE = "v1"


@dataclass(frozen=True)
class Ankerpunt:
    regel: int  # line number in the file, from 1
    volgnummer: int
    hash: str
    tijdstip: str
    geldig: bool  # the HMAC is right and the line could be read


def sleutel() -> bytes:
    """The HMAC key: NALEVING_AUDIT_SLEUTEL, otherwise derived from the secret key (neither is in the database)."""
    eigen: str = settings.NALEVING_AUDIT_SLEUTEL
    if eigen:
        return eigen.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"naleving.audit.anker", hashlib.sha256).digest()


def pad() -> Path:
    return Path(settings.NALEVING_AUDIT_ANKER)


def _handtekening(key: bytes, volgnummer: int, digest: str, tijdstip: str) -> str:
    message = f"naleving-audit-anker-{VERSIE}|{volgnummer}|{digest}|{tijdstip}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def begin_handtekening(volgnummer: int, digest: str, tijdstip: str) -> str:
    """The HMAC of a cut of the log (`AuditInkorting`): the chain starts after `volgnummer`, whose hash was
    `digest`. Another message prefix than a checkpoint's, so neither can pass for the other."""
    message = f"naleving-audit-begin-{VERSIE}|{volgnummer}|{digest}|{tijdstip}".encode()
    return hmac.new(sleutel(), message, hashlib.sha256).hexdigest()


def begin_geldig(volgnummer: int, digest: str, tijdstip: str, handtekening: str) -> bool:
    return hmac.compare_digest(begin_handtekening(volgnummer, digest, tijdstip), handtekening)


def schrijf(volgnummer: int, digest: str, *, bestand: Path | None = None) -> None:
    """Append one signed checkpoint: the chain holds entry `volgnummer` with hash `digest`."""
    bestand = bestand or pad()
    tijdstip = datetime.now(UTC).isoformat(timespec="seconds")
    regel = {
        "volgnummer": volgnummer,
        "hash": digest,
        "tijdstip": tijdstip,
        "hmac": _handtekening(sleutel(), volgnummer, digest, tijdstip),
    }
    data = (json.dumps(regel, separators=(",", ":")) + "\n").encode()
    bestand.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(bestand, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX)
        os.write(fd, data)
    finally:
        os.close(fd)  # closing releases the lock


def grootte(bestand: Path | None = None) -> int:
    """The file's size under a shared lock, so it ends after a whole line: verify reads only that far,
    which was written before it read the chain."""
    try:
        fd = os.open(bestand or pad(), os.O_RDONLY)
    except FileNotFoundError:
        return 0
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH)
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def lees(tot: int, *, bestand: Path | None = None) -> Iterator[Ankerpunt]:
    """Every checkpoint in the first `tot` bytes, with whether its HMAC is right."""
    if tot <= 0:
        return
    key = sleutel()
    gelezen = 0
    with (bestand or pad()).open("rb") as f:
        for nummer, ruw in enumerate(f, start=1):
            gelezen += len(ruw)
            if gelezen > tot:
                return
            yield _ontleed(key, nummer, ruw)


def _ontleed(key: bytes, nummer: int, ruw: bytes) -> Ankerpunt:
    try:
        regel = json.loads(ruw)
        volgnummer, digest, tijdstip = regel["volgnummer"], regel["hash"], regel["tijdstip"]
        if not isinstance(volgnummer, int):
            raise TypeError(volgnummer)
        verwacht = _handtekening(key, volgnummer, str(digest), str(tijdstip))
        geldig = hmac.compare_digest(verwacht, str(regel["hmac"]))
    except (ValueError, KeyError, TypeError):
        return Ankerpunt(nummer, 0, "", "", geldig=False)
    return Ankerpunt(nummer, volgnummer, str(digest), str(tijdstip), geldig=geldig)
