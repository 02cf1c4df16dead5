# SPDX-License-Identifier: EUPL-1.2
"""Formatting of amounts, dates and percentages for the Dutch explanation."""

from __future__ import annotations

from datetime import date

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


def euro(cent: int) -> str:
    """Format integer cents as '€ 1.234,56' (Dutch grouping and decimal comma)."""
    teken = "-" if cent < 0 else ""
    euros, centen = divmod(abs(cent), 100)
    return f"€ {teken}{euros:,}".replace(",", ".") + f",{centen:02d}"


def datum_nl(datum: date) -> str:
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def maanden_tekst(aantal: int) -> str:
    return "1 maand" if aantal == 1 else f"{aantal} maanden"


def jaren_tekst(aantal: int) -> str:
    return "1 jaar" if aantal == 1 else f"{aantal} jaar"
