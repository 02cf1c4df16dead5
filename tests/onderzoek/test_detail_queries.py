# SPDX-License-Identifier: EUPL-1.2
"""The investigation page reads a fixed number of queries, however long its file grows (design.md §5:
query counts asserted on pages; a page that grows a query per activity gets slow exactly on the big cases)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naleving.onderzoek.models import Activiteit, Bewijsstuk, Meldcheck, OnderzoekOvergang

pytestmark = pytest.mark.django_db

#: The investigation page as the assigned handhaver sees it while it runs (every section filled).
ONDERZOEK_PAGINA_QUERIES = 24  # 30 at 2 activities and 48 at 20 before the page had its selector


def _vul(onderzoek, handhaver, n: int) -> None:
    """n activities, n pieces of evidence (each replacing the one before), n checks and n history rows."""
    nu = timezone.now()
    vorige = None
    for i in range(n):
        a = Activiteit.objects.create(
            onderzoek=onderzoek,
            soort="gesprek",
            gegevens={"met_wie": f"getuige {i}"},
            uitgevoerd_door=handhaver,
            vastgelegd_op=nu,
        )
        vorige = Bewijsstuk.objects.create(
            onderzoek=onderzoek,
            activiteit=a,
            omschrijving=f"Verklaring {i}",
            bestandsnaam=f"verklaring-{i}.pdf",
            pad=f"onderzoek/{i}.pdf",
            content_type="application/pdf",
            grootte=10,
            sha256="0" * 64,
            door=handhaver,
            op=nu,
            vervangt=vorige,
            reden_vervanging="Nieuwe versie" if vorige else "",
        )
        Meldcheck.objects.create(
            onderzoek=onderzoek,
            van=nu.date(),
            tot=nu.date(),
            conclusie="Niets gemeld.",
            door=handhaver,
            op=nu,
        )
        OnderzoekOvergang.objects.create(
            onderzoek=onderzoek, van="in_uitvoering", naar="in_uitvoering", door=handhaver, op=nu
        )


def _queries(casus, n: int) -> tuple[int, str]:
    onderzoek = casus.onderzoek()
    _vul(onderzoek, casus.handhaver, n)
    browser = Browser()
    browser.force_login(casus.handhaver)
    url = reverse("onderzoek:detail", args=[onderzoek.pk])
    browser.get(url)  # warm the session and the per-process caches (roles, parameters)
    with CaptureQueriesContext(connection) as ctx:
        response = browser.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("n", [2, 20])
def test_investigation_page_query_count_does_not_grow_with_its_activities(casus, n) -> None:
    aantal, page = _queries(casus, n)
    assert f"getuige {n - 1}" in page and f"Verklaring {n - 1}" in page
    assert aantal == ONDERZOEK_PAGINA_QUERIES
