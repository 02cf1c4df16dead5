# SPDX-License-Identifier: EUPL-1.2
"""Formatting of amounts, dates and percentages for the Dutch explanation."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

VERWIJTBAARHEID_TEKST = {
    "geen": "geen verwijtbaarheid",
    "verminderd": "verminderde verwijtbaarheid",
    "normaal": "normale verwijtbaarheid",
    "grove_schuld": "grove schuld",
    "opzet": "opzet",
}


@lru_cache(maxsize=16_384)
def euro(cent: int) -> str:
    """Format integer cents as '€ 1.234,56' (Dutch grouping and decimal comma)."""
    if cent < 0:
        return "€ -" + euro(-cent)[2:]
    euros, centen = divmod(cent, 100)
    if euros < 1000:
        return f"€ {euros},{centen:02d}"
    return "€ " + f"{euros:,}".replace(",", ".") + f",{centen:02d}"


_DATUMS: dict[date, str] = {}


def datum_nl(datum: date) -> str:
    """'1 maart 2024'. Cached: the same dates recur across many cases."""
    tekst = _DATUMS.get(datum)
    if tekst is None:
        if len(_DATUMS) > 100_000:
            _DATUMS.clear()
        tekst = _DATUMS[datum] = f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"
    return tekst


def maanden_tekst(aantal: int) -> str:
    return "1 maand" if aantal == 1 else f"{aantal} maanden"


def jaren_tekst(aantal: int) -> str:
    return "1 jaar" if aantal == 1 else f"{aantal} jaar"
