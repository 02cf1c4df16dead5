# SPDX-License-Identifier: EUPL-1.2
"""Dashboard, exports and reports: aggregates only, for `rapportage.bekijken`, with suppression."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from naleving.audit.models import AuditEntry
from naleving.beleid import kpi, onderdrukking
from naleving.clienten.models import Client
from tests.pdfua import assert_pdf_ua

pytestmark = pytest.mark.django_db


@pytest.fixture
def bm_client(client, dataset):
    client.force_login(dataset["beleidsmedewerker"])
    return client


@pytest.fixture
def exact(monkeypatch):
    """Threshold 0: the exact numbers, to check what the tables hold."""
    monkeypatch.setattr(onderdrukking, "drempel", lambda: 0)


def test_only_the_reporting_right_opens_the_dashboard(client, make_user) -> None:
    client.force_login(make_user("handhaver"))
    assert client.get("/beleid/").status_code == 403
    assert client.get("/beleid/rapport/2026/").status_code == 403
    assert client.get("/beleid/export/belasting.csv?jaar=2026").status_code == 403


def test_dashboard_shows_suppressed_counts_charts_and_tables(bm_client) -> None:
    response = bm_client.get("/beleid/?jaar=2026")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cijfers handhaving 2026" in html
    # every count of the small data set is 1..4: shown as "afgeschermd", never as the exact number
    assert "afgeschermd" in html and "&lt; 5" not in html
    assert "Aantallen van 1 tot en met 4 staan er als &quot;afgeschermd&quot;" in html
    assert html.count("<svg") >= 8
    assert 'role="img"' in html and "(de cijfers staan ook in de tabel)" in html
    assert "Besluiten: nog geen gegevens." in html
    assert "CBS-enquête waarschuwingen: nog geen gegevens." in html
    # no personal data: the client names of the data set appear nowhere
    for c in Client.objects.all():
        for gegeven in (c.achternaam, c.clientnummer, c.bsn):
            assert gegeven not in html
    assert "style=" not in html  # CSP: no inline styles


def test_dashboard_filters_on_a_municipality(bm_client, dataset) -> None:
    heusden = dataset["gemeenten"]["Heusden"].pk
    html = bm_client.get(f"/beleid/?jaar=2026&gemeente={heusden}").content.decode()
    assert "Cijfers handhaving 2026 — Heusden" in html


def test_export_csv_is_the_suppressed_table(bm_client) -> None:
    response = bm_client.get("/beleid/export/belasting.csv?jaar=2026")
    assert response.status_code == 200
    assert response["Content-Disposition"] == ('attachment; filename="naleving-belasting-2026.csv"')
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == [
        "Herkomst",
        "Afgerond",
        "Niets gevonden",
        "Niet vast te stellen",
        "Onrechtmatig",
    ]
    assert rijen[1] == ["Signaal: Melding van een inwoner", "afgeschermd", "0", "0", "afgeschermd"]
    assert rijen[7] == ["Onderzoek tijdens de uitkering", "afgeschermd", "afgeschermd", "0", "0"]
    entry = AuditEntry.objects.filter(actie="exporteren").latest("volgnummer")
    assert (entry.object_type, entry.object_id) == ("beleid.cijfers", "belasting.csv")


def test_export_without_suppression_threshold_shows_exact_numbers(bm_client, exact) -> None:
    response = bm_client.get("/beleid/export/doorlooptijden.xlsx?jaar=2026")
    blad = load_workbook(io.BytesIO(response.content)).active
    rijen = [[c.value for c in r] for r in blad.iter_rows()]
    assert rijen[0] == ["Doorlooptijd per stap (dagen)", None, None, None]
    assert rijen[1] == ["Stap", "Aantal", "Mediaan", "Gemiddeld"]
    assert rijen[2] == ["Triage van een signaal", 4, 2.5, 2.5]
    assert rijen[7] == ["Onderzoek: aanvraag tot afronding", 3, 46, 60.7]


def test_unknown_table_is_not_found(bm_client) -> None:
    assert bm_client.get("/beleid/export/bestaatniet.csv?jaar=2026").status_code == 404


def test_cbs_counts_come_from_the_registry(bm_client, exact) -> None:

    def besluiten(f):  # stands in for the besluiten app
        return [
            ("cbs_waarschuwingen", "Inlichtingenplicht", 7, None),
            ("cbs_waarschuwingen", "Overig", 2, None),
        ]

    kpi.register_funnel_bron(besluiten)
    try:
        response = bm_client.get("/beleid/export/cbs.csv?jaar=2026")
    finally:
        kpi.unregister_funnel_bron(besluiten)
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen == [
        ["Reden", "Aantal"],
        ["Inlichtingenplicht", "7"],
        ["Arbeids-/re-integratieverplichting", "0"],
        ["Tekortschietend besef", "0"],
        ["Overig", "2"],
    ]


def test_yearly_report_html_and_pdf(bm_client, exact) -> None:
    html = bm_client.get("/beleid/rapport/2026/").content.decode()
    assert "<h1>Voortgangsrapportage handhaving 2026</h1>" in html
    assert "Voor 2026 is nog geen uitvoeringsplan vastgelegd." in html
    assert "Vergelijking met eerdere jaren" in html
    pdf = bm_client.get("/beleid/rapport/2026.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:5] == b"%PDF-"
    assert_pdf_ua(pdf.content, titel="Voortgangsrapportage handhaving 2026")


def test_evaluation_2026_2030(bm_client) -> None:
    html = bm_client.get("/beleid/evaluatie/").content.decode()
    assert "<h1>Evaluatie handhaving 2026-2030</h1>" in html
    assert "Kerncijfers per jaar" in html
    # the clock stands in 2026: one year, so no trend yet
    assert "Nog te weinig jaren met gegevens voor een trend." in html
    pdf = bm_client.get("/beleid/evaluatie/?formaat=pdf")
    assert pdf["Content-Disposition"] == 'attachment; filename="evaluatie-2026-2030.pdf"'
    assert pdf.content[:5] == b"%PDF-"
    assert_pdf_ua(pdf.content, titel="Evaluatie handhaving 2026-2030")


def test_trend_sentences_from_first_to_last_year() -> None:
    from naleving.beleid.rapport import trends
    from naleving.beleid.tabellen import Tabel

    tabel = Tabel(
        "jaren",
        "Kerncijfers per jaar",
        ["Kerncijfer", "2026", "2027", "2028"],
        [
            ["Signalen", 120, 100, 90],
            ["Onderzoeken", 10, "afgeschermd", 10],
            ["Bezwaren", "afgeschermd", 7, None],
        ],
    )
    assert trends(tabel) == [
        "Signalen: gedaald van 120 naar 90.",
        "Onderzoeken: gelijk gebleven van 10 naar 10.",
    ]


def _besluiten(f):  # stands in for the besluiten app: one fine of € 1.300
    return [
        ("besluiten", "Boete", 1, 130_000),
        ("besluiten", "Waarschuwing", 7, None),
        ("besluiten", "Geen sanctie", 9, None),
    ]


@pytest.fixture
def een_boete():
    kpi.register_funnel_bron(_besluiten)
    yield
    kpi.unregister_funnel_bron(_besluiten)


def test_dashboard_and_report_state_the_one_threshold_of_the_parameter_file(bm_client) -> None:
    zin = onderdrukking.uitleg(5).replace('"', "&quot;")
    assert zin in bm_client.get("/beleid/?jaar=2026").content.decode()
    assert zin in bm_client.get("/beleid/rapport/2026/").content.decode()
    assert zin in bm_client.get("/beleid/evaluatie/").content.decode()


def test_the_amount_of_one_fine_is_hidden_with_its_count_everywhere(bm_client, een_boete) -> None:
    """Before: "< 5" with "€ 1.300,00" beside it, and the total 17 minus 7 and 9 gave the count back."""
    for pagina in ("/beleid/?jaar=2026", "/beleid/rapport/2026/"):
        html = bm_client.get(pagina).content.decode()
        assert "1.300,00" not in html and "Besluiten" in html
    response = bm_client.get("/beleid/export/trechter-besluiten.csv?jaar=2026")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen == [
        ["Onderdeel", "Aantal", "Bedrag"],
        ["Boete", "afgeschermd", "afgeschermd"],
        ["Waarschuwing", "afgeschermd", ""],
        ["Geen sanctie", "9", ""],
        ["Totaal", "17", ""],
    ]
    blad = load_workbook(
        io.BytesIO(bm_client.get("/beleid/export/trechter-besluiten.xlsx?jaar=2026").content)
    ).active
    assert [c.value for c in blad[3]] == ["Boete", "afgeschermd", "afgeschermd"]


def test_amounts_are_numbers_with_a_euro_format_in_xlsx(bm_client, een_boete, exact) -> None:
    from naleving.core.spreadsheet import EURO_FORMAAT

    response = bm_client.get("/beleid/export/trechter-besluiten.xlsx?jaar=2026")
    boete = load_workbook(io.BytesIO(response.content)).active[3]
    assert [(c.value, c.data_type) for c in boete] == [("Boete", "s"), (1, "n"), (1300, "n")]
    assert boete[2].number_format == EURO_FORMAAT
    tekst = bm_client.get("/beleid/export/trechter-besluiten.csv?jaar=2026").content.decode()
    assert "\r\nBoete;1;1300,00\r\n" in tekst


def test_the_comparison_of_municipalities_has_a_total_that_protects_the_small_ones(
    bm_client, monkeypatch
) -> None:
    """Signalen 2026: Heusden 1, Loon op Zand 0, Waalwijk 3, together 4 (the funnel's total)."""
    monkeypatch.setattr(onderdrukking, "drempel", lambda: 0)
    response = bm_client.get("/beleid/export/vergelijking.csv?jaar=2026")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == ["Kerncijfer", "Heusden", "Loon op Zand", "Waalwijk", "Totaal"]
    assert rijen[1] == ["Signalen", "1", "0", "3", "4"]
    # threshold 2: Heusden's 1 is hidden, and with it Waalwijk's 3 (else 4 - 0 - 3 = 1)
    monkeypatch.setattr(onderdrukking, "drempel", lambda: 2)
    response = bm_client.get("/beleid/export/vergelijking.csv?jaar=2026")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[1] == ["Signalen", "afgeschermd", "0", "afgeschermd", "4"]


def test_every_sheet_of_the_whole_export_is_named_by_whole_words(bm_client, een_boete) -> None:
    boek = load_workbook(io.BytesIO(bm_client.get("/beleid/export-alles.xlsx?jaar=2026").content))
    titels = [blad["A1"].value for blad in boek.worksheets]
    assert len(set(boek.sheetnames)) == len(boek.sheetnames) == len(titels) == 16
    for naam, titel in zip(boek.sheetnames, titels, strict=True):
        assert len(naam) <= 31
        schoon = titel.replace(":", "").replace("/", "-")
        assert schoon.startswith(naam)
        assert schoon[len(naam) : len(naam) + 1] in ("", " ", ",")
    assert "Onderzoeken die niets vonden" in boek.sheetnames
    assert "Ingrijpende stappen" in boek.sheetnames


def _verborgen(rijen) -> set[tuple[int, int]]:
    return {(r, k) for r, rij in enumerate(rijen) for k, v in enumerate(rij) if v == "afgeschermd"}


def test_a_table_exported_alone_hides_the_same_cells_as_the_whole_export(
    bm_client, een_boete, monkeypatch
) -> None:
    """Otherwise two downloads together would give away what each hides."""
    import re

    monkeypatch.setattr(onderdrukking, "drempel", lambda: 2)
    html = bm_client.get("/beleid/?jaar=2026").content.decode()
    sleutels = sorted(set(re.findall(r"/beleid/export/([a-z-]+)\.csv", html)))
    assert {"vergelijking", "belasting", "trechter-besluiten", "informatiemomenten"} <= set(
        sleutels
    )
    boek = load_workbook(io.BytesIO(bm_client.get("/beleid/export-alles.xlsx?jaar=2026").content))
    bladen = {
        blad["A1"].value: [[c.value for c in r] for r in blad.iter_rows()][1:] for blad in boek
    }
    gezien = 0
    for sleutel in sleutels:
        tekst = bm_client.get(f"/beleid/export/{sleutel}.csv?jaar=2026").content.decode("utf-8-sig")
        rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
        blad = next(b for b in bladen.values() if [str(r[0]) for r in b] == [r[0] for r in rijen])
        assert _verborgen(rijen) == _verborgen(blad), sleutel
        gezien += bool(_verborgen(rijen))
    assert gezien >= 3


def test_the_report_and_evaluation_year_column_hides_what_the_comparison_hides(
    dataset, monkeypatch
) -> None:
    """Report for Waalwijk, threshold 2: signals 2026 are Heusden 1, Loon op Zand 0, Waalwijk 3 (total 4).
    Heusden's 1 is hidden and with it Waalwijk's 3; the funnel's total for Waalwijk (3) and the year column of
    the report (3) are the same number and are hidden with it."""
    from naleving.beleid import rapport
    from naleving.beleid.filters import KpiFilter

    monkeypatch.setattr(onderdrukking, "drempel", lambda: 2)
    gemeenten = rapport.gemeenten_van(dataset["beleidsmedewerker"])
    ww = dataset["gemeenten"]["Waalwijk"].pk
    f = KpiFilter(2026, gemeente_id=ww, binnen=tuple(pk for pk, _n in gemeenten))
    context = rapport.context_jaar(f, gemeenten)
    per = {w.tabel.sleutel: w.tabel for w in context["weergaven"]}
    assert per["vergelijking"].rijen[0] == ["Signalen", "afgeschermd", 0, "afgeschermd", 4]
    assert per["trechter-signalen"].rijen[-1] == ["Totaal", "afgeschermd"]
    jaren = context["jaren"].tabel
    assert jaren.kolommen[-1] == "2026"
    assert jaren.rijen[0][0] == "Signalen" and jaren.rijen[0][-1] == "afgeschermd"
    # the evaluation (the clock stands in 2026: its last year is 2026) hides it too
    evaluatie = rapport.context_evaluatie(f, gemeenten)["jaren"].tabel
    assert evaluatie.kolommen == ["Kerncijfer", "2026"]
    assert evaluatie.rijen[0] == ["Signalen", "afgeschermd"]


def test_the_cbs_table_on_the_policy_pages_hides_what_the_funnel_hides(bm_client) -> None:
    """The CBS table repeats the funnel step of the warnings; shown exactly, it would undo that step's
    suppression (AVG art. 89 lid 1; one threshold, cijfers_kleinste_aantal = 5). The CBS gets the real counts
    through the CBS delivery of the besluiten app."""

    def besluiten(f):  # stands in for the besluiten app
        return [
            ("cbs_waarschuwingen", "Inlichtingenplicht", 7, None),
            ("cbs_waarschuwingen", "Overig", 2, None),
        ]

    kpi.register_funnel_bron(besluiten)
    try:
        cbs = bm_client.get("/beleid/export/cbs.csv?jaar=2026")
        trechter = bm_client.get("/beleid/export/trechter-cbs_waarschuwingen.csv?jaar=2026")
    finally:
        kpi.unregister_funnel_bron(besluiten)
    lees = lambda r: list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))  # noqa: E731
    cbs_rijen = {rij[0]: rij[1] for rij in lees(cbs)[1:]}
    trechter_rijen = {rij[0]: rij[1] for rij in lees(trechter)[1:]}
    assert cbs_rijen["Overig"] == "afgeschermd"
    assert {r: cbs_rijen[r] for r in ("Inlichtingenplicht", "Overig")} == {
        r: trechter_rijen[r] for r in ("Inlichtingenplicht", "Overig")
    }
