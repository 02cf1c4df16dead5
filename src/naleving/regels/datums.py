# SPDX-License-Identifier: EUPL-1.2
"""Date arithmetic for the legal windows (recidive, warnings, lapse).

Window semantics, fixed for the whole engine: an earlier sanction with date ``d`` counts as
"within N years before" the breach on ``p`` when ``grens < d <= p``, where ``grens`` is the same
calendar day N years before ``p``. A 29 February that has no counterpart becomes 28 February, so
for ``p`` = 2024-02-29 and N = 5 the boundary is 2019-02-28: a sanction of 2019-02-28 falls
outside, one of 2019-03-01 inside. Months work the same way, clamping to the month's last day.
"""

from __future__ import annotations

from datetime import date

_MAAND_DAGEN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _schrikkeljaar(jaar: int) -> bool:
    return jaar % 4 == 0 and (jaar % 100 != 0 or jaar % 400 == 0)


def _laatste_dag(jaar: int, maand: int) -> int:
    # Not calendar.monthrange: that also works out the weekday, and this runs for every window
    # of every advice (bench/bench_regels.py).
    if maand == 2 and _schrikkeljaar(jaar):
        return 29
    return _MAAND_DAGEN[maand - 1]


def verschuif_maanden(datum: date, maanden: int) -> date:
    """The same calendar day ``maanden`` months later (negative: earlier), clamped to month end."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    return date(jaar, maand, min(datum.day, _laatste_dag(jaar, maand)))


def verschuif_jaren(datum: date, jaren: int) -> date:
    return verschuif_maanden(datum, 12 * jaren)


def binnen_maanden_voor(datum: date, peildatum: date, maanden: int) -> bool:
    """True when ``datum`` lies in the half-open window (peildatum - maanden, peildatum]."""
    return verschuif_maanden(peildatum, -maanden) < datum <= peildatum
