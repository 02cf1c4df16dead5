# SPDX-License-Identifier: EUPL-1.2
"""The decision page reads a fixed number of queries, however long its history grows (design.md §5: query
counts asserted on pages)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from naleving.besluiten.models import BesluitOvergang

#: The concept decision as its consultant sees it: the live advice, the forms, the history (was 21 before the page
#: read through besluiten.selectors.besluit_pagina).
BESLUIT_PAGINA_QUERIES = 18


@pytest.mark.parametrize("n", [2, 20])
def test_decision_page_query_count_does_not_grow_with_its_history(casus, client, n) -> None:
    b = casus.besluit()
    nu = timezone.now()
    for i in range(n):
        BesluitOvergang.objects.create(
            besluit=b,
            van="concept",
            naar="concept",
            door=casus.consulent,
            op=nu,
            toelichting=f"stap {i}",
        )
    client.force_login(casus.consulent)
    client.get(f"/besluiten/{b.pk}/")  # warm the session and the per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/besluiten/{b.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"stap {n - 1}" in page
    assert len(ctx.captured_queries) == BESLUIT_PAGINA_QUERIES
