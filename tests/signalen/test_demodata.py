# SPDX-License-Identifier: EUPL-1.2
"""Demo data: signals from every source in every state, unmatched ones, tasks, and a deterministic
result."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.demodata.seed import seed_database
from naleving.signalen.models import Bron, Signaal, Signaalimport, Status, Taak


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
    assert (
        len(first) == 99
    )  # 96 of the signal demo, 3 old ones past their term (demodata/bewaren.py)


@pytest.mark.django_db
def test_demo_has_a_batch_import_with_an_error_report(settings, tmp_path) -> None:
    """The teamleider's upload page lists it: one row sent before, two refused, an error report."""
    settings.MEDIA_ROOT = str(tmp_path)
    seed_database(clients=50, years=1, seed_value=5, peildatum=date(2026, 11, 1), progress=False)
    run = Signaalimport.objects.get()
    assert (run.bron_naam, run.aantal_nieuw, run.aantal_bestaand, run.aantal_fout) == (
        "Inlichtingenbureau",
        0,
        1,
        2,
    )
    assert (tmp_path / run.foutrapport).read_text().count("\n") == 3
