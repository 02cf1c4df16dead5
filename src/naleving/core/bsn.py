# SPDX-License-Identifier: EUPL-1.2
"""The burgerservicenummer (BSN) and its 11-proef.

Source: Wet algemene bepalingen burgerservicenummer art. 1; the check itself ("elfproef") is the rule the
Rijksdienst voor Identiteitsgegevens applies to every BSN: with digits d1..d9,
9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9 is divisible by 11.
A BSN has 9 digits; an 8-digit number is read with a leading zero. 000000000 passes the sum but is no number.
"""

from __future__ import annotations

import random

#: Synthetic numbers are drawn only from this block. Numbers starting with 9 are, as far as we know, not issued
#: to residents (the RvIG test environment uses the 999 block); UNCERTAIN, see docs/glossarium.md.
SYNTHETIC_FIRST = 900_000_000
SYNTHETIC_LAST = 999_999_999


class BsnFout(ValueError):
    """A BSN that is not a valid number; `bericht` is the Dutch message for the person who typed it."""

    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


def _checksum(digits: str) -> int:
    # Written out: the import of partner files runs this for every row (bench/signalen_import.py).
    d = digits.encode("ascii")
    return (
        9 * d[0] + 8 * d[1] + 7 * d[2] + 6 * d[3] + 5 * d[4] + 4 * d[5] + 3 * d[6] + 2 * d[7] - d[8]
    ) - 43 * 48  # each byte is the digit + 48 (ord "0"); the weights sum to 43


_TYPED = str.maketrans("", "", " .-\t")


def normalize(value: str) -> str:
    """Strip spaces, dots and dashes people type, pad 8 digits to 9, and apply the 11-proef.

    Raises BsnFout with a Dutch message when the value cannot be a BSN.
    """
    cleaned = str(value).translate(_TYPED)
    if not cleaned:
        raise BsnFout("Vul een burgerservicenummer (BSN) in.")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise BsnFout("Een BSN bestaat alleen uit cijfers.")
    if len(cleaned) == 8:
        cleaned = "0" + cleaned
    if len(cleaned) != 9:
        raise BsnFout("Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor).")
    if cleaned == "000000000" or _checksum(cleaned) % 11 != 0:
        raise BsnFout(
            "Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."
        )
    return cleaned


def is_valid(value: str) -> bool:
    try:
        normalize(value)
    except BsnFout:
        return False
    return True


def synthetic_bsns(rng: random.Random) -> BsnGenerator:
    return BsnGenerator(rng)


class BsnGenerator:
    """Unique, valid, synthetic BSNs from the 9-block, in a random but seed-determined order.

    It walks the block with a fixed stride that is coprime to its size, starting at a seeded offset, and keeps
    the numbers that pass the 11-proef: every number comes at most once, without a set in memory.
    """

    _SIZE = SYNTHETIC_LAST - SYNTHETIC_FIRST + 1
    _STRIDE = (
        7_368_787  # a prime that does not divide the block size: the walk visits every number once
    )

    def __init__(self, rng: random.Random) -> None:
        self._pos = rng.randrange(self._SIZE)
        self._left = self._SIZE

    def __iter__(self) -> BsnGenerator:
        return self

    def __next__(self) -> str:
        while self._left:
            self._left -= 1
            self._pos = (self._pos + self._STRIDE) % self._SIZE
            candidate = str(SYNTHETIC_FIRST + self._pos)
            if _checksum(candidate) % 11 == 0:
                return candidate
        raise StopIteration
