# SPDX-License-Identifier: EUPL-1.2
"""The 11-proef for the BSN (Wet algemene bepalingen BSN; RvIG elfproef) at every entrance."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naleving.core.bsn import SYNTHETIC_FIRST, SYNTHETIC_LAST, BsnFout, BsnGenerator, is_valid, normalize


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("111222333", "111222333"),  # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11
        ("123456782", "123456782"),
        ("1112.22.333", "111222333"),  # written in groups, as on documents
        (" 111 222 333 ", "111222333"),
        ("11122233-3", "111222333"),
        ("12345672", "012345672"),  # 8 digits: read with a leading zero
    ],
)
def test_valid_bsn_is_accepted_and_normalized(typed: str, stored: str) -> None:
    assert normalize(typed) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Vul een burgerservicenummer (BSN) in."),
        ("111222334", "Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."),
        ("000000000", "Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."),
        ("12345678901", "Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor)."),
        ("1234567", "Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor)."),
        ("11122233a", "Een BSN bestaat alleen uit cijfers."),
        ("١١١٢٢٢٣٣٣", "Een BSN bestaat alleen uit cijfers."),  # Arabic-Indic digits are not ASCII digits
    ],
)
def test_invalid_bsn_is_refused_with_a_dutch_message(typed: str, message: str) -> None:
    with pytest.raises(BsnFout) as err:
        normalize(typed)
    assert err.value.bericht == message


def test_one_changed_digit_is_always_caught() -> None:
    """The 11-proef detects every single-digit error: weights 9..2 and -1 are all non-zero modulo 11."""
    valid = "111222333"
    for position, digit in itertools.product(range(9), "0123456789"):
        changed = valid[:position] + digit + valid[position + 1 :]
        assert is_valid(changed) == (changed == valid)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_is_valid_matches_the_weighted_sum(number: int) -> None:
    digits = f"{number:09d}"
    total = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), digits, strict=True))
    assert is_valid(digits) == (total % 11 == 0 and number != 0)


def test_generator_gives_unique_valid_synthetic_numbers_deterministically() -> None:
    first = list(itertools.islice(BsnGenerator(random.Random(42)), 20_000))
    again = list(itertools.islice(BsnGenerator(random.Random(42)), 20_000))
    other = list(itertools.islice(BsnGenerator(random.Random(43)), 20))
    assert first == again
    assert first[:20] != other
    assert len(set(first)) == 20_000
    assert all(is_valid(b) and SYNTHETIC_FIRST <= int(b) <= SYNTHETIC_LAST for b in first)
