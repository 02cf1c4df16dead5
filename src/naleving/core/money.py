# SPDX-License-Identifier: EUPL-1.2
"""Money is integer cents everywhere; these helpers parse what people type and show amounts the Dutch way."""

from __future__ import annotations

import re
from dataclasses import dataclass


class BedragFout(ValueError):
    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


_AMOUNT = re.compile(r"^(?P<euros>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<cents>\d{1,2}))?$")


def parse_euro(text: str) -> int:
    """'1.234,56' / '1234,5' / '€ 12' -> cents. Dutch notation: comma for cents, dots group thousands."""
    cleaned = str(text).replace("€", "").replace(" ", "").strip()
    if not cleaned:
        raise BedragFout("Vul een bedrag in.")
    if cleaned.startswith("-"):
        raise BedragFout("Een bedrag kan niet negatief zijn.")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise BedragFout("Schrijf een bedrag als 1.234,56 (komma voor de centen).")
    euros = int(match["euros"].replace(".", ""))
    cents = int((match["cents"] or "0").ljust(2, "0"))
    return euros * 100 + cents


def format_euro(cent: int) -> str:
    """12345 -> '€ 123,45'; 123456789 -> '€ 1.234.567,89'."""
    sign = "-" if cent < 0 else ""
    euros, rest = divmod(abs(int(cent)), 100)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"


@dataclass(frozen=True, slots=True)
class Bedrag:
    """An amount in a table or an export: integer cents, shown the Dutch way, written to a spreadsheet as a number
    (core.spreadsheet), never as text."""

    cent: int

    def __str__(self) -> str:
        return format_euro(self.cent)
