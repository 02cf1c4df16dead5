# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from naleving.clienten.models import Client, Contactmoment, Huishoudlid, Uitkering
from naleving.core.bsn import is_valid
from naleving.demodata.seed import seed_database

PEILDATUM = date(2026, 11, 1)


def _snapshot() -> list[tuple]:
    return list(
        Client.objects.order_by("clientnummer").values_list(
            "clientnummer",
            "bsn",
            "voornamen",
            "achternaam",
            "geboortedatum",
            "postcode",
            "gemeente__naam",
        )
    )


@pytest.mark.django_db
def test_seed_is_deterministic_per_seed_with_valid_unique_bsns() -> None:
    with transaction.atomic():
        seed_database(clients=300, years=2, seed_value=11, peildatum=PEILDATUM, progress=False)
        first = _snapshot()
        contacts = Contactmoment.objects.count()
        bsns = [row[1] for row in first] + [
            b for b in Huishoudlid.objects.values_list("bsn", flat=True) if b
        ]
        transaction.set_rollback(True)
    assert len(first) == 300
    assert len(bsns) == len(set(bsns))
    assert all(is_valid(b) and b.startswith("9") for b in bsns)
    assert {row[6] for row in first} == {"Waalwijk", "Heusden", "Loon op Zand"}

    seed_database(clients=300, years=2, seed_value=11, peildatum=PEILDATUM, progress=False)
    assert _snapshot() == first
    assert Contactmoment.objects.count() == contacts
    # Every client has a running benefit but one: the client file closed eleven years ago that shows the
    # retention run something to destroy (demodata/bewaren.py).
    assert Uitkering.objects.filter(einddatum__isnull=True).count() == 299
    gesloten = Client.objects.exclude(uitkeringen__einddatum__isnull=True).get()
    assert {u.einddatum for u in gesloten.uitkeringen.all()} == {date(PEILDATUM.year - 11, 6, 30)}
    # Its claim was paid off when the file closed: past the claims' ten years, it goes with its decision.
    from datetime import UTC, datetime, time

    from naleving.bewaren.services import vernietig

    op = datetime.combine(PEILDATUM, time(12, 0), tzinfo=UTC)
    gaat = {r.termijn.soort.code: r.aantal for r in vernietig(nu=op, droog=True)}
    assert gaat["vordering"] == 1


@pytest.mark.django_db
def test_another_seed_gives_other_people() -> None:
    seed_database(clients=50, years=1, seed_value=1, peildatum=PEILDATUM, progress=False)
    one = {row[1] for row in _snapshot()}
    seed_database(clients=50, years=1, seed_value=2, peildatum=PEILDATUM, progress=False)
    assert len({row[1] for row in _snapshot()} - one) == 50
