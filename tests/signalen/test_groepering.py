# SPDX-License-Identifier: EUPL-1.2
"""Grouping rule (NALEVING_SIGNAAL_GROEPVENSTER_DAGEN, default 90 days): a signal joins a group of
the same client and product with a signal within the window; of several, the most recent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from naleving.signalen.groepering import kies_groep, verbreed

VENSTER = timedelta(days=90)


@dataclass
class G:
    eerste_datum: date
    laatste_datum: date


def test_window_edges_are_inclusive() -> None:
    g = G(date(2026, 1, 1), date(2026, 1, 31))
    assert kies_groep([g], date(2026, 5, 1), VENSTER) is g  # 90 days after 31 January
    assert kies_groep([g], date(2026, 5, 2), VENSTER) is None  # 91 days
    assert kies_groep([g], date(2025, 10, 3), VENSTER) is g  # 90 days before 1 January
    assert kies_groep([g], date(2025, 10, 2), VENSTER) is None


def test_of_several_groups_within_the_window_the_most_recent_is_joined() -> None:
    oud, recent = G(date(2026, 1, 1), date(2026, 2, 1)), G(date(2026, 3, 1), date(2026, 3, 15))
    assert kies_groep([recent, oud], date(2026, 3, 1), VENSTER) is recent
    assert kies_groep([oud, recent], date(2026, 3, 1), VENSTER) is recent


def test_widening_moves_the_edges_and_says_whether_the_span_changed() -> None:
    g = G(date(2026, 2, 1), date(2026, 2, 28))
    assert verbreed(g, date(2026, 2, 10)) is False
    assert (g.eerste_datum, g.laatste_datum) == (date(2026, 2, 1), date(2026, 2, 28))
    assert verbreed(g, date(2026, 4, 1)) is True
    assert verbreed(g, date(2026, 1, 5)) is True
    assert (g.eerste_datum, g.laatste_datum) == (date(2026, 1, 5), date(2026, 4, 1))
