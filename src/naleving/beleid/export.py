# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX of the tables shown (the same `Tabel` objects, suppression included), in the one CSV dialect and
with safe cells (core.spreadsheet: no formulas, amounts as numbers, sheet names cut at a word)."""

from __future__ import annotations

import io

from naleving.beleid.tabellen import Tabel, Waarde
from naleving.core.spreadsheet import bladnaam, csv_schrijver, xlsx_rij


def _regels(tabel: Tabel) -> list[list[Waarde]]:
    if tabel.geen_gegevens:
        return [[tabel.geen_gegevens]]
    return [list[Waarde](tabel.kolommen), *tabel.rijen]


def als_csv(tabel: Tabel) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv_schrijver(buf)
    for regel in _regels(tabel):
        writer.writerow(["" if v is None else v for v in regel])
    return buf.getvalue().encode("utf-8")


def als_xlsx(tabellen: list[Tabel]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    gebruikt: set[str] = set()
    for tabel in tabellen:
        blad = boek.create_sheet(bladnaam(tabel.titel, gebruikt))
        xlsx_rij(blad, [tabel.titel])
        blad["A1"].font = Font(bold=True)
        for regel in _regels(tabel):
            xlsx_rij(blad, ["" if v is None else v for v in regel])
        blad.column_dimensions["A"].width = 45
    buf = io.BytesIO()
    boek.save(buf)
    return buf.getvalue()
