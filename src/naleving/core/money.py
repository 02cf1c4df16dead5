# SPDX-License-Identifier: EUPL-1.2
"""Money is integer cents everywhere; these helpers parse what people type and show amounts the Dutch way."""

from __future__ import annotations

import re


class BedragFout(ValueError):
    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


#: The highest amount anyone can type: € 10,000,000. No benadelingsbedrag, fine, claim or income in
#: social assistance comes near it (ten years of full bijstand are about € 170,000; domain.md §11
#: puts the average claim at € 2,000-2,500), so a higher one is a typing error. It also keeps every
#: amount, and the sum of a million of them, far inside the 64-bit integer column (BigIntegerField,
#: up to about 9.2 * 10**18 cents). A working bound of this project, not of the law.
MAX_CENT = 10_000_000_00

_AMOUNT = re.compile(r"^(?P<euros>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<cents>\d{1,2}))?$")


_TE_HOOG = "Dit bedrag is hoger dan € 10.000.000,00. Controleer het bedrag."


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
    cijfers = match["euros"].replace(".", "").lstrip("0")
    # Compare the digits before int(): a number of thousands of digits is not even converted.
    if len(cijfers) > len(str(MAX_CENT // 100)):
        raise BedragFout(_TE_HOOG)
    cent = int(cijfers or "0") * 100 + int((match["cents"] or "0").ljust(2, "0"))
    if cent > MAX_CENT:
        raise BedragFout(_TE_HOOG)
    return cent


def format_euro(cent: int) -> str:
    """12345 -> '€ 123,45'; 123456789 -> '€ 1.234.567,89'."""
    sign = "-" if cent < 0 else ""
    euros, rest = divmod(abs(int(cent)), 100)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"
