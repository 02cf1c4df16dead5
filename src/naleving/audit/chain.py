# SPDX-License-Identifier: EUPL-1.2
"""The hash chain: entry n's hash is SHA-256 over entry n's contents and entry n-1's hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
HASHED_FIELDS = (
    "volgnummer",
    "tijdstip",
    "gebruiker",
    "rol",
    "actie",
    "object_type",
    "object_id",
    "client_id",
    "clientnummer",
    "velden",
    "reden",
    "correlation_id",
)


def entry_hash(values: dict[str, Any], previous: str) -> str:
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["tijdstip"] = values["tijdstip"].isoformat()
    canonical = json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256((previous + canonical).encode()).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken: int | None = None
    problem: str = ""
    ankerpunten: int = 0  # signed checkpoints outside the database that were checked
    waarschuwing: str = ""
