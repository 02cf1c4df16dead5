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


def test_evaluation_2026_2030(bm_client) -> None:
    html = bm_client.get("/beleid/evaluatie/").content.decode()
    assert "<h1>Evaluatie handhaving 2026-2030</h1>" in html
    assert "Kerncijfers per jaar" in html
    # the clock stands in 2026: one year, so no trend yet
    assert "Nog te weinig jaren met gegevens voor een trend." in html
    pdf = bm_client.get("/beleid/evaluatie/?formaat=pdf")
    assert pdf["Content-Disposition"] == 'attachment; filename="evaluatie-2026-2030.pdf"'
    assert pdf.content[:5] == b"%PDF-"


def test_trend_sentences_from_first_to_last_year() -> None:
    from naleving.beleid.rapport import trends
    from naleving.beleid.tabellen import Tabel

    tabel = Tabel(
        "jaren",
        "Kerncijfers per jaar",
        ["Kerncijfer", "2026", "2027", "2028"],
        [["Signalen", 120, 100, 90], ["Onderzoeken", 10, "< 5", 10], ["Bezwaren", "< 5", 7, None]],
    )
    assert trends(tabel) == [
        "Signalen: gedaald van 120 naar 90.",
        "Onderzoeken: gelijk gebleven van 10 naar 10.",
    ]
