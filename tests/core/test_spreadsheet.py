# SPDX-License-Identifier: EUPL-1.2
"""One CSV dialect and no spreadsheet formula in any export.

Dialect: `;` between cells, CRLF, UTF-8 with a BOM, decimal comma, amounts in euros as numbers. Formulas (OWASP,
CSV injection): in CSV a text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe;
in XLSX text is a text cell (never a formula), a real number stays a number, an amount is a number with the euro
format, and a sheet name is cut at a word. Checked over every export: the policy report (CSV and XLSX), the
access log, the import error file and the CBS delivery."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from naleving.audit.models import Actie, AuditEntry
from naleving.audit.services import audit_log
from naleving.beleid import export
from naleving.beleid.tabellen import Tabel
from naleving.besluiten import nazorg, services
from naleving.besluiten.models import Vordering
from naleving.core.money import Bedrag
from naleving.core.spreadsheet import EURO_FORMAAT, bladnaam, csv_cel, xlsx_rij
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


@pytest.mark.parametrize("waarde", [-2, 0, 1300, "Waalwijk", "B000123", "", None, "a=b", "€ -1,00"])
def test_whole_numbers_and_ordinary_text_are_written_as_they_are(waarde) -> None:
    assert csv_cel(waarde) == waarde


@pytest.mark.parametrize(
    ("waarde", "cel"),
    [
        (-1.5, "-1,5"),
        (2.0, "2"),
        (60.7, "60,7"),
        (Decimal("2.50"), "2,50"),
        (Bedrag(123_456), "1234,56"),
        (Bedrag(5), "0,05"),
        (Bedrag(-130_000), "-1300,00"),
    ],
)
def test_decimals_and_amounts_are_numbers_with_a_decimal_comma(waarde, cel) -> None:
    """A Dutch Excel reads "2.5" as a date and "€ 1.234,56" as text; "2,5" and "1234,56" are numbers."""
    assert csv_cel(waarde) == cel


def test_xlsx_text_is_a_text_cell_and_a_negative_number_a_number() -> None:
    boek = Workbook()
    xlsx_rij(boek.active, ["=1+1", -2, 1.5, "gewoon", None, "met\x00nul", Bedrag(123_456)])
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
        (1234.56, "n"),
    ]
    assert blad["G1"].number_format == EURO_FORMAAT == '"€" #,##0.00;"€" -#,##0.00'


# --- Sheet names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("titel", "naam"),
    [
        ("Onderzoeken die niets vonden, per herkomst", "Onderzoeken die niets vonden"),
        ("Ingrijpende stappen (huisbezoek, waarneming)", "Ingrijpende stappen"),
        ("Informatiemomenten over rechten en plichten", "Informatiemomenten over rechten"),
        ("Terugvordering en afzien ('tenzij')", "Terugvordering en afzien"),
        ("CBS-enquête waarschuwingen, per reden", "CBS-enquête waarschuwingen, per"),
        ("Besluiten: nog geen gegevens", "Besluiten nog geen gegevens"),
        ("Arbeids/re-integratie [oud]?", "Arbeids-re-integratie -oud--"),
        ("Signalen per bron", "Signalen per bron"),
        ("Bijstandsdebiteurenfraudestatistiekmaandlevering", "Bijstandsdebiteurenfraudestatis"),
        ("   ", "Blad"),
    ],
)
def test_a_sheet_name_is_cut_after_a_whole_word(titel, naam) -> None:
    """Excel allows 31 characters and refuses [ ] : * ? / \\; the name never ends in half a word (only a
    single word longer than 31 characters has to be cut)."""
    assert bladnaam(titel, set()) == naam


def test_sheet_names_are_unique_also_when_titles_agree_in_their_first_words() -> None:
    gebruikt: set[str] = set()
    namen = [
        bladnaam(t, gebruikt)
        for t in (
            "Vergelijking met eerdere jaren, per gemeente",
            "Vergelijking met eerdere jaren, per wet",
            "vergelijking met eerdere jaren",
        )
    ]
    assert namen == [
        "Vergelijking met eerdere jaren",
        "Vergelijking met eerdere (2)",
        "vergelijking met eerdere (3)",
    ]
    assert gebruikt == set(namen)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab cé:/[]?'-"), max_size=60), max_size=8))
def test_every_sheet_name_is_valid_unique_and_a_run_of_whole_words(titels) -> None:
    gebruikt: set[str] = set()
    namen = [bladnaam(t, gebruikt) for t in titels]
    assert len({n.casefold() for n in namen}) == len(namen)
    for titel, naam in zip(titels, namen, strict=True):
        assert 0 < len(naam) <= 31
        assert not set(naam) & set("[]:*?/\\") and not naam.startswith("'")
        basis = naam.rsplit(" (", 1)[0] if naam.endswith(")") else naam
        schoon = " ".join(titel.replace(":", "").translate(str.maketrans("[]?/", "----")).split())
        if basis != "Blad" and len(basis.split(" ")) > 1:
            # whole words: what follows the kept part in the title is a space or nothing
            plek = schoon.find(basis)
            assert plek >= 0
            volgt = schoon[plek + len(basis) : plek + len(basis) + 1]
            assert volgt in ("", " ", ",", ";", ".", "-", "–", "(", "'")


# --- Every export path -------------------------------------------------------------------------------------


def _lees(tekst: str) -> list[list[str]]:
    """Read an export in the one dialect, and check that it is that dialect."""
    assert tekst.startswith("\ufeff"), "UTF-8 with a BOM"
    assert tekst.endswith("\r\n") and "\n" not in tekst.replace("\r\n", ""), "CRLF line ends"
    return list(csv.reader(io.StringIO(tekst[1:], newline=""), delimiter=";"))


def _beleid_csv(invoer: str, **_: object) -> list[list[str]]:
    tabel = Tabel("t", "Titel", ["Onderdeel", "Aantal"], [[invoer, -2]])
    rijen = _lees(export.als_csv(tabel).decode("utf-8"))
    assert rijen[1][1] == "-2"
    return rijen


def _audit_csv(invoer: str, **_: object) -> list[list[str]]:
    e = audit_log(user=None, actie=Actie.EXPORTEREN, object_type="test.export", reden=invoer)
    return _lees("".join(_csv_rows(AuditEntry.objects.filter(pk=e.pk))))


def _signalen_foutbestand(invoer: str, **_: object) -> list[list[str]]:
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
    return _lees(rapport.read_bytes().decode("utf-8"))


def _cbs_csv(invoer: str, geval: Any, **_: object) -> list[list[str]]:
    services.besluit_vaststellen(user=geval.consulent, besluit=geval.besluit())
    Vordering.objects.update(herkomst=invoer)
    rijen = _lees(nazorg.cbs_export(user=geval.teamleider, maand=date.today()))
    assert rijen[1][4] == "130000"
    return rijen


#: export -> (its function, the column the outsider's text lands in)
CSV_EXPORTS = {
    "beleid": (_beleid_csv, "Onderdeel"),
    "toegangslog": (_audit_csv, "Reden"),
    "foutbestand-import": (_signalen_foutbestand, "extern_id"),
    "cbs": (_cbs_csv, "herkomst"),
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
    maak, kolom = CSV_EXPORTS[pad]
    rijen = maak(invoer, geval=casus)
    assert rijen[1][rijen[0].index(kolom)] == cel


@pytest.mark.parametrize("pad", sorted(CSV_EXPORTS))
def test_every_csv_export_is_in_the_one_dialect(pad, casus, _media) -> None:
    """BOM, ';' and CRLF are checked by `_lees`; a text with the separator in it is quoted."""
    maak, kolom = CSV_EXPORTS[pad]
    rijen = maak("Waalwijk; Heusden", geval=casus)
    assert rijen[1][rijen[0].index(kolom)] == "Waalwijk; Heusden"


def test_the_access_log_export_has_dutch_column_headers_and_readable_values(db) -> None:
    from django.utils import timezone

    e = audit_log(
        user=None,
        actie=Actie.EXPORTEREN,
        object_type="beleid.cijfers",
        object_id="belasting.csv",
        velden={"filter": "jaar=2026", "cliënt": None},
        reden="Export",
    )
    rijen = _lees("".join(_csv_rows(AuditEntry.objects.filter(pk=e.pk))))
    assert rijen[0] == [
        "Volgnummer",
        "Tijdstip",
        "Medewerker",
        "Rol",
        "Handeling",
        "Soort gegeven",
        "Kenmerk",
        "Cliëntnummer",
        "Gegevens",
        "Reden",
        "Verzoeknummer",
        "Controlecode",
    ]
    assert rijen[1] == [
        str(e.volgnummer),
        timezone.localtime(e.tijdstip).strftime("%d-%m-%Y %H:%M:%S"),
        e.gebruiker,
        "",
        "Geëxporteerd",
        "beleid.cijfers",
        "belasting.csv",
        "",
        '{"cliënt": null, "filter": "jaar=2026"}',
        "Export",
        e.correlation_id,
        e.hash,
    ]


@pytest.mark.parametrize(("invoer", "_cel"), AANVALLEN, ids=IDS)
def test_the_xlsx_report_writes_text_never_a_formula(invoer, _cel) -> None:
    tabel = Tabel("t", "=Titel", ["Onderdeel", "Aantal"], [[invoer, -2]])
    blad = load_workbook(io.BytesIO(export.als_xlsx([tabel]))).worksheets[0]
    assert [[(c.value, c.data_type) for c in rij] for rij in blad.iter_rows()] == [
        [("=Titel", "s"), (None, "n")],
        [("Onderdeel", "s"), ("Aantal", "s")],
        [(invoer.replace("\r", "\n"), "s"), (-2, "n")],  # XML reads a carriage return as a newline
    ]
