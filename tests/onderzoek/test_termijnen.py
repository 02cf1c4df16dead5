# SPDX-License-Identifier: EUPL-1.2
"""The term of each step of an investigation is a working agreement of team Handhaving in the organisation's
parameter file (onderzoek_termijn_<state>_dagen), read on the day of the move; a deployment may override it
with the setting NALEVING_ONDERZOEK_TERMIJNEN."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.onderzoek.services import termijn_dagen

OP = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("status", "dagen"),
    [
        ("aangevraagd", 5),
        ("toegewezen", 10),
        ("in_uitvoering", 56),
        ("rapport_ter_review", 10),
        ("afgerond", 0),
    ],
)
def test_each_state_has_the_term_of_the_parameter_file(status: str, dagen: int) -> None:
    assert termijn_dagen(status=status, op=OP) == dagen


def test_a_setting_overrides_the_parameter_file(settings) -> None:
    settings.NALEVING_ONDERZOEK_TERMIJNEN = {"in_uitvoering": 42}
    assert (
        termijn_dagen(status="in_uitvoering", op=OP),
        termijn_dagen(status="toegewezen", op=OP),
    ) == (42, 10)
