# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest

from naleving.core.money import MAX_CENT, BedragFout, format_euro, parse_euro


@pytest.mark.parametrize(
    ("typed", "cent"),
    [
        ("1.234,56", 123456),
        ("1234,5", 123450),
        ("€ 12", 1200),
        ("0,01", 1),
        ("1.000.000", 100000000),
    ],
)
def test_dutch_amounts_become_cents(typed: str, cent: int) -> None:
    assert parse_euro(typed) == cent


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Vul een bedrag in."),
        ("-5", "Een bedrag kan niet negatief zijn."),
        ("12.5", "Schrijf een bedrag als 1.234,56 (komma voor de centen)."),
        ("1,234", "Schrijf een bedrag als 1.234,56 (komma voor de centen)."),
        ("twaalf", "Schrijf een bedrag als 1.234,56 (komma voor de centen)."),
    ],
)
def test_invalid_amounts_get_a_dutch_message(typed: str, message: str) -> None:
    with pytest.raises(BedragFout) as err:
        parse_euro(typed)
    assert err.value.bericht == message


def test_amounts_are_shown_the_dutch_way() -> None:
    assert format_euro(123456789) == "€ 1.234.567,89"
    assert format_euro(5) == "€ 0,05"
    assert format_euro(-1500) == "-€ 15,00"


def test_the_euro_filter_shows_missing_values_as_empty() -> None:
    from naleving.core.templatetags.naleving import euro

    assert (euro(123456), euro(None), euro(""), euro(True)) == ("€ 1.234,56", "", "", "")


@pytest.mark.parametrize(
    "typed",
    ["10.000.000,01", "10000001", "1" * 40, "9" * 5000, "0" * 30 + "10000001"],
    ids=["net-erboven", "zonder-punten", "40-cijfers", "5000-cijfers", "voorloopnullen"],
)
def test_an_amount_above_ten_million_euro_is_refused_in_dutch(typed: str) -> None:
    """MAX_CENT (€ 10,000,000): no amount in social assistance comes near it; a longer number is a
    typing error and must not reach the 64-bit column (it gave a server error)."""
    with pytest.raises(BedragFout) as err:
        parse_euro(typed)
    assert err.value.bericht == "Dit bedrag is hoger dan € 10.000.000,00. Controleer het bedrag."


def test_ten_million_euro_is_the_highest_amount() -> None:
    assert parse_euro("10.000.000,00") == MAX_CENT == 1_000_000_000
    assert parse_euro("000,05") == 5
