# SPDX-License-Identifier: EUPL-1.2
"""Demo data: deterministic, every state present, receipts that verify."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from naleving.demodata.seed import seed_database
from naleving.preventie.models import Campagne, Informatiemoment, MeldingStap, Wijzigingsmelding
from naleving.preventie.selectors import periodiek_due
from naleving.preventie.services import inhoud_hash

PEILDATUM = date(2026, 11, 1)


@pytest.mark.django_db
def test_the_demo_has_every_state_and_valid_receipts() -> None:
    with transaction.atomic():
        seed_database(clients=400, years=2, seed_value=11, peildatum=PEILDATUM, progress=False)
        meldingen = list(Wijzigingsmelding.objects.select_related("client"))
        assert {m.status for m in meldingen} == {"ontvangen", "in_behandeling", "afgehandeld"}
        assert all(inhoud_hash(melding=m) == m.inhoud_hash for m in meldingen)
        assert MeldingStap.objects.filter(van="").count() == len(meldingen)
        assert {m.soort for m in Informatiemoment.objects.all()} == {"aanvraag", "periodiek"}
        due = periodiek_due(user=None, peildatum=PEILDATUM).count()
        assert 0 < due < 400
        assert Campagne.objects.count() == 3
        eerste = sorted((m.ontvangstnummer, m.inhoud_hash) for m in meldingen)

        transaction.set_rollback(
            True
        )  # seed again on an empty database: the same data must come out
    seed_database(clients=400, years=2, seed_value=11, peildatum=PEILDATUM, progress=False)
    tweede = sorted(
        (m.ontvangstnummer, m.inhoud_hash)
        for m in Wijzigingsmelding.objects.select_related("client")
    )
    assert len(tweede) == len(eerste)
    assert [n for n, _ in tweede] == [n for n, _ in eerste]


@pytest.mark.django_db
def test_the_cli_runs_the_scheduled_jobs(capsys, make_client) -> None:
    from naleving.cli import main

    make_client()
    assert main(["preventie-taken"]) == 0
    assert capsys.readouterr().out == (
        "Herinneringen gemaakt: 0 wijziging(en) die te lang wachten, "
        "1 cliënt(en) toe aan een informatiemoment.\n"
    )
