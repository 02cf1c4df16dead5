# SPDX-License-Identifier: EUPL-1.2
"""No spreadsheet formula in any export (OWASP, CSV injection): in CSV a text cell that starts with = + - @, a
tab or a carriage return gets a leading apostrophe; in XLSX text is a text cell (never a formula) and a real
number stays a number. Checked over every export: the policy report (CSV and XLSX), the access log, the import
error file and the CBS delivery."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from openpyxl import Workbook, load_workbook

from naleving.audit.models import Actie, AuditEntry
from naleving.audit.services import audit_log
from naleving.beleid import export
from naleving.beleid.tabellen import Tabel
from naleving.besluiten import nazorg, services
from naleving.besluiten.models import Vordering
from naleving.core.spreadsheet import csv_cel, xlsx_rij
from naleving.privacy.views import _csv_rows
from naleving.signalen.importeren import importeer
from tests.besluiten.conftest import casus as casus  # the fixture, for the CBS delivery

#: (what an outsider types, what the CSV cell must hold)
AANVALLEN = [
    ('=HYPERLINK("http://x.nl","k")', '\'=HYPERLINK("http://x.nl","k")'),
    ("+1", "'+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
]
IDS = ["is", "plus", "min", "apenstaart", "tab", "cr"]


@pytest.mark.parametrize(("invoer", "cel"), AANVALLEN, ids=IDS)
def test_a_text_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(invoer, cel) -> None:
    assert csv_cel(invoer) == cel


@pytest.mark.parametrize(
    "waarde", [-2, 0, 1300, -1.5, "Waalwijk", "B000123", "", None, "a=b", "€ -1,00"]
)
def test_numbers_and_ordinary_text_are_written_as_they_are(waarde) -> None:
    assert csv_cel(waarde) == waarde


def test_xlsx_text_is_a_text_cell_and_a_negative_number_a_number() -> None:
    boek = Workbook()
    xlsx_rij(boek.active, ["=1+1", -2, 1.5, "gewoon", None, "met\x00nul"])
    buf = io.BytesIO()
    boek.save(buf)
    blad = load_workbook(io.BytesIO(buf.getvalue())).active
    assert [(c.value, c.data_type) for c in blad[1]] == [
        ("=1+1", "s"),
        (-2, "n"),
        (1.5, "n"),
        ("gewoon", "s"),
        (None, "n"),
        ("metnul", "s"),
    ]


# --- Every export path -------------------------------------------------------------------------------------


def _beleid_csv(invoer: str, **_: object) -> str:
    tabel = Tabel("t", "Titel", ["Onderdeel", "Aantal"], [[invoer, -2]])
    tekst = export.als_csv(tabel).decode("utf-8").lstrip("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))
    assert rijen[1][1] == "-2"
    return rijen[1][0]


def _audit_csv(invoer: str, **_: object) -> str:
    e = audit_log(user=None, actie=Actie.EXPORTEREN, object_type="test.export", reden=invoer)
    tekst = "".join(_csv_rows(AuditEntry.objects.filter(pk=e.pk))).lstrip("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst, newline="")))
    return rijen[1][rijen[0].index("reden")]


def _signalen_foutbestand(invoer: str, **_: object) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(
        [
            ["extern_id", "product", "bsn", "datum", "omschrijving"],
            [invoer, "detentie", "123456789", "2026-01-02", "x"],
        ]
    )
    r = importeer(
        stream=io.BytesIO(buf.getvalue().encode()),
        bestandsnaam="ib.csv",
        bron_naam="Inlichtingenbureau",
        user=None,
    )
    rapport = Path(settings.MEDIA_ROOT) / r.signaalimport.foutrapport
    rijen = list(csv.reader(rapport.open(encoding="utf-8", newline="")))
    return rijen[1][1]


def _cbs_csv(invoer: str, geval: Any, **_: object) -> str:
    services.besluit_vaststellen(user=geval.consulent, besluit=geval.besluit())
    Vordering.objects.update(herkomst=invoer)
    tekst = nazorg.cbs_export(user=geval.teamleider, maand=date.today())
    rijen = list(csv.reader(io.StringIO(tekst, newline="")))
    assert rijen[1][4] == "130000"
    return rijen[1][3]


CSV_EXPORTS = {
    "beleid": _beleid_csv,
    "toegangslog": _audit_csv,
    "foutbestand-import": _signalen_foutbestand,
    "cbs": _cbs_csv,
}


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "bestanden"


@pytest.mark.parametrize(
    ("pad", "invoer", "cel"),
    [
        pytest.param(pad, invoer, cel, id=f"{pad}-{naam}")
        for pad in CSV_EXPORTS
        for (invoer, cel), naam in zip(AANVALLEN, IDS, strict=True)
        # The import trims an external id, so a leading tab or carriage return never reaches its error file.
        if not (pad == "foutbestand-import" and naam in ("tab", "cr"))
    ],
)
def test_every_csv_export_neutralises_formulas(pad, invoer, cel, casus, _media) -> None:
    assert CSV_EXPORTS[pad](invoer, geval=casus) == cel


@pytest.mark.parametrize(("invoer", "_cel"), AANVALLEN, ids=IDS)
def test_the_xlsx_report_writes_text_never_a_formula(invoer, _cel) -> None:
    tabel = Tabel("t", "=Titel", ["Onderdeel", "Aantal"], [[invoer, -2]])
    blad = load_workbook(io.BytesIO(export.als_xlsx([tabel]))).worksheets[0]
    assert [[(c.value, c.data_type) for c in rij] for rij in blad.iter_rows()] == [
        [("=Titel", "s"), (None, "n")],
        [("Onderdeel", "s"), ("Aantal", "s")],
        [(invoer.replace("\r", "\n"), "s"), (-2, "n")],  # XML reads a carriage return as a newline
    ]
