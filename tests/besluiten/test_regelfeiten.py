# SPDX-License-Identifier: EUPL-1.2
"""The law of a breach is the law of the benefit the client had when it happened (PW art. 18a, IOAW and
IOAZ art. 20a apply per benefit), in the investigation's advice and in the decision alike."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.besluiten import advies
from naleving.clienten.models import Uitkering
from naleving.clienten.regelfeiten import uitkering_op
from naleving.onderzoek.models import Rapport


def _benefit(wet: str, van: date, tot: date | None = None) -> Uitkering:
    return Uitkering(wet=wet, ingangsdatum=van, einddatum=tot, norm_cent=100_000)


def test_a_client_who_moved_from_ioaw_to_pw_after_the_breach_is_judged_under_the_ioaw(
    casus,
) -> None:
    casus.client.uitkeringen.update(wet="IOAW", einddatum=date(2026, 3, 31))
    Uitkering.objects.create(
        client=casus.client,
        wet="PW",
        ingangsdatum=date(2026, 4, 1),
        norm_cent=140_000,
        gemeente=casus.client.gemeente,
    )
    b = casus.besluit()  # the rapport's pleegdatum is 1 March 2026, under the IOAW
    rapport = Rapport.objects.get(onderzoek=b.onderzoek)
    assert rapport.regels_advies["feiten"]["wet"] == "IOAW"
    assert b.wet == "IOAW"
    assert advies.feiten_voor(b)["wet"] == "IOAW"
    assert advies.bereken(b)["feiten"]["wet"] == "IOAW"


@pytest.mark.parametrize(
    ("uitkeringen", "verwacht"),
    [
        # in force on the pleegdatum, though a later benefit started afterwards
        ([("IOAW", date(2024, 1, 1), date(2026, 3, 31)), ("PW", date(2026, 4, 1), None)], "IOAW"),
        # in force on the pleegdatum, though a shorter one started later and ended before it
        ([("PW", date(2020, 1, 1), None), ("IOAZ", date(2025, 1, 1), date(2025, 6, 30))], "PW"),
        # none in force: the latest that started before the pleegdatum
        (
            [
                ("IOAZ", date(2020, 1, 1), date(2022, 1, 1)),
                ("IOAW", date(2023, 1, 1), date(2025, 1, 1)),
            ],
            "IOAW",
        ),
        # none started yet (a breach at the application): the latest
        ([("PW", date(2026, 5, 1), None), ("IOAW", date(2026, 4, 1), date(2026, 4, 30))], "PW"),
    ],
)
def test_the_benefit_of_a_breach_is_the_one_in_force_on_the_pleegdatum(
    uitkeringen, verwacht
) -> None:
    gekozen = uitkering_op([_benefit(*u) for u in uitkeringen], date(2026, 3, 1))
    assert gekozen is not None and gekozen.wet == verwacht


def test_without_any_benefit_there_is_none_to_choose() -> None:
    assert uitkering_op([], date(2026, 3, 1)) is None
