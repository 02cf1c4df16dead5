# SPDX-License-Identifier: EUPL-1.2
"""A rate limit for the public form that stores no address: counts live in this process's memory,
keyed by an HMAC of the client address with a secret that is replaced every window. After a window
the old keys cannot be linked to an address by anyone, and nothing is ever written to disk or
database."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time

VENSTER_SECONDEN = 3600


class Snelheidsbegrenzer:
    def __init__(self, *, limiet: int, venster: int = VENSTER_SECONDEN) -> None:
        self.limiet = limiet
        self.venster = venster
        self._lock = threading.Lock()
        self._periode = -1
        self._geheim = b""
        self._tellers: dict[str, int] = {}

    def _sleutel(self, adres: str, nu: float) -> str:
        periode = int(nu // self.venster)
        if periode != self._periode:
            self._periode, self._geheim, self._tellers = periode, secrets.token_bytes(32), {}
        return hmac.new(self._geheim, adres.encode(), hashlib.sha256).hexdigest()

    def toegestaan(self, adres: str, *, nu: float | None = None) -> bool:
        """Count one attempt; False when this sender already reached the limit in this window."""
        with self._lock:
            sleutel = self._sleutel(adres, time.time() if nu is None else nu)
            aantal = self._tellers.get(sleutel, 0)
            if aantal >= self.limiet:
                return False
            self._tellers[sleutel] = aantal + 1
            return True

    def reset(self) -> None:
        with self._lock:
            self._periode = -1
