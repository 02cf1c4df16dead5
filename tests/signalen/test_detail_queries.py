# SPDX-License-Identifier: EUPL-1.2
"""The signal page reads a fixed number of queries, however long its history and its group grow
(design.md §5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naleving.signalen.models import SignaalOvergang

#: The signal in triage as the handhaver sees it: the signal, its group, its history, the forms.
SIGNAAL_PAGINA_QUERIES = 17


@pytest.mark.parametrize("n", [2, 20])
def test_signal_page_query_count_does_not_grow_with_its_history(
    handhaver, make_client, make_signaal, n
) -> None:
    client = make_client("Waalwijk")
    signalen = [
        make_signaal(client, datum=date(2026, 1, 5) + timedelta(days=i), omschrijving=f"werk {i}")
        for i in range(n)
    ]
    s = signalen[0]
    nu = timezone.now()
    for i in range(n):
        SignaalOvergang.objects.create(
            signaal=s,
            van="ontvangen",
            naar="ontvangen",
            door=handhaver,
            op=nu,
            toelichting=f"stap {i}",
        )
    browser = Browser()
    browser.force_login(handhaver)
    url = reverse("signalen:signaal", args=[s.pk])
    browser.get(url)  # warm the session and the per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = browser.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count(f"<td>{handhaver}</td>") >= n  # every history row, with who made the move
    assert str(signalen[-1].pk) in page  # the whole group
    assert len(ctx.captured_queries) == SIGNAAL_PAGINA_QUERIES
