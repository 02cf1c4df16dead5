# SPDX-License-Identifier: EUPL-1.2
"""One CSV dialect and safe cells for every CSV and XLSX export (import error files, the CBS delivery, policy
reports, the access log).

The CSV dialect, chosen once for all exports: `;` between cells, CRLF line ends (RFC 4180), UTF-8 with a byte
order mark, and a decimal comma. That is what Excel and LibreOffice with Dutch settings open without an import
wizard: with `,` between cells a Dutch Excel puts every row in one column, and without the BOM it reads "cliënt"
as "cliÃ«nt". Amounts (`core.money.Bedrag`) are written in euros as a number ("1234,50", no € and no thousands
dots), so a spreadsheet can add them up.

Formulas: a spreadsheet program runs a cell that starts with = + - @ (and, in some, a tab or carriage return) as
a formula: `=HYPERLINK("https://…?"&A1)` in an external id or a name would send data away when a colleague opens
the file. Following the OWASP guidance on CSV injection, a text cell that starts with one of those characters
gets a leading apostrophe in CSV; in XLSX text is always written as a text cell, never as a formula. Real numbers
stay numbers (a negative amount is a number, not text); a number written as text ("-5") is text and is
neutralised like any other, as OWASP advises.

XLSX: amounts are number cells in euros with a euro number format; sheet names (at most 31 characters) are
shortened at a word boundary and made unique (`bladnaam`)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

from naleving.core.money import Bedrag

#: OWASP, "CSV Injection": the characters that make a spreadsheet read a cell as a formula.
FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")

#: The one CSV dialect of every export (see the module docstring).
SCHEIDINGSTEKEN = ";"
REGELEINDE = "\r\n"
BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

#: Number format of an amount cell in XLSX: euros with two decimals; Excel shows separators in the reader's locale.
EURO_FORMAAT = '"€" #,##0.00;"€" -#,##0.00'
#: Excel's limit for a sheet name and the characters it refuses in one.
BLADNAAM_MAX = 31
_VERBODEN_IN_BLADNAAM = re.compile(r"[\[\]*?/\\]")


def is_getal(waarde: object) -> bool:
    return isinstance(waarde, int | float | Decimal) and not isinstance(waarde, bool)


def _decimaal(waarde: float | Decimal) -> str:
    tekst = format(waarde, "f") if isinstance(waarde, Decimal) else repr(float(waarde))
    if tekst.endswith(".0"):
        tekst = tekst[:-2]
    return tekst.replace(".", ",")


def csv_cel(waarde: object) -> Any:
    """One CSV cell: whole numbers unchanged, decimals with a comma, an amount in euros ("1234,50"), text that a
    spreadsheet would run as a formula with a leading `'`."""
    if isinstance(waarde, Bedrag):
        euro, cent = divmod(abs(waarde.cent), 100)
        return f"{'-' if waarde.cent < 0 else ''}{euro},{cent:02d}"
    if isinstance(waarde, float | Decimal):
        return _decimaal(waarde)
    if waarde is None or is_getal(waarde) or isinstance(waarde, bool):
        return waarde
    tekst = waarde if isinstance(waarde, str) else str(waarde)
    if tekst.startswith(FORMULETEKENS):
        return "'" + tekst
    return tekst


class VeiligeCsv:
    """`csv.writer` in the one dialect, every cell through `csv_cel`; `writerow` returns what the writer returns
    (streaming). With CRLF as line terminator the writer quotes every cell that holds a "\r" or "\n", so a line
    break inside a cell never starts a new row."""

    def __init__(self, bestand: Any) -> None:
        self._writer = csv.writer(bestand, delimiter=SCHEIDINGSTEKEN, lineterminator=REGELEINDE)

    def writerow(self, rij: Iterable[object]) -> Any:
        return self._writer.writerow([csv_cel(v) for v in rij])

    def writerows(self, rijen: Iterable[Iterable[object]]) -> None:
        for rij in rijen:
            self.writerow(rij)


def csv_schrijver(bestand: IO[str] | Any) -> VeiligeCsv:
    """A writer for a CSV file in the one dialect; writes the BOM at once (open the file with `newline=""`)."""
    bestand.write(BOM)
    return VeiligeCsv(bestand)


class _Doorgeven:
    def write(self, waarde: str) -> str:
        return waarde


def csv_stroom(rijen: Iterable[Iterable[object]]) -> Iterator[str]:
    """The same CSV, line by line, for a streaming response: the BOM, then one string per row."""
    writer = VeiligeCsv(_Doorgeven())
    yield BOM
    for rij in rijen:
        yield writer.writerow(rij)


def xlsx_rij(blad: Any, rij: Iterable[object]) -> None:
    """Append one row to an openpyxl sheet: text as a text cell (data type 's', never a formula), numbers and
    dates as themselves, an amount as a number in euros with the euro format. Characters XLSX cannot hold
    (control characters) are left out instead of failing."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

    cellen: list[Any] = []
    for waarde in rij:
        if isinstance(waarde, Bedrag):
            cel = Cell(blad, value=Decimal(waarde.cent) / 100)
            cel.number_format = EURO_FORMAAT
            cellen.append(cel)
            continue
        if waarde is None or is_getal(waarde) or isinstance(waarde, bool | date | datetime):
            cellen.append(waarde)
            continue
        tekst = ILLEGAL_CHARACTERS_RE.sub("", waarde if isinstance(waarde, str) else str(waarde))
        cel = Cell(blad, value=tekst)
        cel.data_type = "s"
        cellen.append(cel)
    blad.append(cellen)


def bladnaam(titel: str, gebruikt: set[str]) -> str:
    """A sheet name for `titel`: without the characters Excel refuses, at most 31 characters, cut after a whole
    word (never mid-word), and unique among `gebruikt` (Excel compares case-insensitively; a second "Signalen"
    becomes "Signalen (2)"). The name is added to `gebruikt`."""
    schoon = _VERBODEN_IN_BLADNAAM.sub("-", titel.replace(":", ""))
    schoon = " ".join(schoon.split()).strip("'") or "Blad"
    bezet = {n.casefold() for n in gebruikt}
    volgnummer = 1
    while True:
        achtervoegsel = f" ({volgnummer})" if volgnummer > 1 else ""
        naam = _inkorten(schoon, BLADNAAM_MAX - len(achtervoegsel)) + achtervoegsel
        if naam.casefold() not in bezet:
            gebruikt.add(naam)
            return naam
        volgnummer += 1


def _inkorten(tekst: str, lengte: int) -> str:
    if len(tekst) <= lengte:
        return tekst
    woorden = tekst.split(" ")
    naam = ""
    for woord in woorden:
        kandidaat = f"{naam} {woord}" if naam else woord
        if len(kandidaat) > lengte:
            break
        naam = kandidaat
    if not naam:  # one word longer than the limit: nothing better than cutting it
        naam = woorden[0][:lengte]
    return naam.rstrip(" ,;.-–(").strip("'") or "Blad"
