# SPDX-License-Identifier: EUPL-1.2
"""CSV and XLSX of the tables shown (the same `Tabel` objects, suppression included)."""

from __future__ import annotations

import csv
import io

from naleving.beleid.tabellen import Tabel, Waarde


def _regels(tabel: Tabel) -> list[list[Waarde]]:
    if tabel.geen_gegevens:
        return [[tabel.geen_gegevens]]
    return [list[Waarde](tabel.kolommen), *tabel.rijen]


def als_csv(tabel: Tabel) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")  # Dutch Excel reads ';'
    for regel in _regels(tabel):
        writer.writerow(["" if v is None else v for v in regel])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def als_xlsx(tabellen: list[Tabel]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    gebruikt: set[str] = set()
    for tabel in tabellen:
        naam = tabel.titel[:31].replace("/", "-").replace(":", "").replace("'", "")
        while naam in gebruikt:
            naam = naam[:28] + f"{len(gebruikt):03d}"
        gebruikt.add(naam)
        blad = boek.create_sheet(naam)
        blad.append([tabel.titel])
        blad["A1"].font = Font(bold=True)
        for regel in _regels(tabel):
            blad.append(["" if v is None else v for v in regel])
        blad.column_dimensions["A"].width = 45
    buf = io.BytesIO()
    boek.save(buf)
    return buf.getvalue()
