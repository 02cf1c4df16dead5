# SPDX-License-Identifier: EUPL-1.2
"""Demo data: signals from every source in every state, unmatched ones, tasks, and a deterministic
result."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.demodata.seed import seed_database
from naleving.signalen.models import Bron, Signaal, Status, Taak


@pytest.mark.django_db
def test_demo_has_every_source_and_state() -> None:
    seed_database(clients=200, years=1, seed_value=5, peildatum=date(2026, 11, 1), progress=False)
    assert set(Signaal.objects.values_list("bron", flat=True)) == set(Bron.values)
    assert set(Signaal.objects.values_list("status", flat=True)) == set(Status.values)
    assert Signaal.objects.filter(client__isnull=True).count() == 6
    assert Signaal.objects.filter(bron=Bron.MELDER, anoniem=True).exists()
    assert Taak.objects.exists()
    first = list(
        Signaal.objects.order_by("pk").values_list("bron", "product", "status", "uitkomst")
    )
    assert len(first) == 96
