# SPDX-License-Identifier: EUPL-1.2
"""Stored values as people read them (design.md §3: time stamps are UTC, shown in Europe/Amsterdam)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.template import Context, Template

from naleving.core import weergave


def test_yes_or_no_is_ja_or_nee_never_true_or_false() -> None:
    assert (weergave.ja_nee(True), weergave.ja_nee(False), weergave.ja_nee(None)) == (
        "Ja",
        "Nee",
        "—",
    )


def test_a_utc_time_stamp_shows_in_amsterdam_time_in_winter_and_summer() -> None:
    assert weergave.datumtijd(datetime(2026, 1, 15, 9, 30, tzinfo=UTC)) == "15-01-2026 10:30"
    assert weergave.datumtijd(datetime(2026, 7, 1, 22, 5, tzinfo=UTC)) == "02-07-2026 00:05"
    assert weergave.datumtijd("2026-07-01T22:05:00+00:00") == "02-07-2026 00:05"


def test_any_stored_value_reads_as_dutch_text() -> None:
    assert weergave.als_tekst("2026-03-01") == "01-03-2026"
    assert weergave.als_tekst(date(2026, 3, 1)) == "01-03-2026"
    assert weergave.als_tekst([3, 4]) == "3, 4"
    assert weergave.als_tekst({"signalen": [1, 2], "gekoppeld": True, "met_wie": ""}) == (
        "Signalen: 1, 2; Gekoppeld: Ja; Met wie: —"
    )
    assert weergave.als_tekst("Kerkstraat 12") == "Kerkstraat 12"


def test_iso_dates_inside_an_explanation_read_day_month_year() -> None:
    assert weergave.datums_in_tekst("geldig vanaf 2017-01-01 tot en met 2025-12-31") == (
        "geldig vanaf 01-01-2017 tot en met 31-12-2025"
    )
    assert (
        weergave.datums_in_tekst("berekend 2026-03-01T09:30:00+00:00.")
        == "berekend 01-03-2026 10:30."
    )


def test_the_filters_are_there_in_every_template() -> None:
    html = Template(
        "{{ ja|janee }} {{ nee|janee }} {{ t|datumtijd }} {{ rec|waarde }} {{ tekst|datums }}"
    ).render(
        Context(
            {
                "ja": True,
                "nee": False,
                "t": datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
                "rec": {"reden": "x"},
                "tekst": "op 2026-03-01",
            }
        )
    )
    assert html == "Ja Nee 01-03-2026 10:30 Reden: x op 01-03-2026"
