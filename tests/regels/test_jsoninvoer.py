# SPDX-License-Identifier: EUPL-1.2
"""Reading JSON from outside (naleving.regels.jsoninvoer): the nesting bound is checked on the text
before the decoder runs, so input deeper than the bound never makes the decoder recurse."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naleving.regels import jsoninvoer

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab,:'),
    lambda kind: (
        st.lists(kind, max_size=3)
        | st.dictionaries(st.text(alphabet='[]{}"\\ab', max_size=4), kind, max_size=3)
    ),
    max_leaves=15,
)


@given(JSON)
def test_the_depth_read_from_the_text_is_the_depth_of_the_parsed_value(waarde) -> None:
    """Brackets inside strings (also after escaped quotes) do not count."""
    tekst = json.dumps(waarde)
    assert jsoninvoer.tekstdiepte(tekst) == jsoninvoer.diepte(waarde)


def test_input_far_beyond_the_bound_is_refused_without_calling_the_decoder(monkeypatch) -> None:
    def decoder(*args, **kwargs):
        raise AssertionError("the decoder must not run")

    monkeypatch.setattr(jsoninvoer.json, "loads", decoder)
    with pytest.raises(jsoninvoer.JsonFout) as fout:
        jsoninvoer.laad("[" * 100_000 + "]" * 100_000)
    assert fout.value.bericht == "de invoer is dieper genest dan 32 niveaus"


@pytest.mark.parametrize(
    ("tekst", "waarde"),
    [
        (b'\xef\xbb\xbf{"a": [1]}', {"a": [1]}),
        ('{"a": "[[["}', {"a": "[[["}),
        ("[" * 32 + "]" * 32, None),
    ],
    ids=["utf8-bom", "haken-in-tekst", "precies-32"],
)
def test_honest_input_is_read_as_before(tekst, waarde) -> None:
    gelezen = jsoninvoer.laad(tekst)
    if waarde is not None:
        assert gelezen == waarde
    else:
        assert jsoninvoer.diepte(gelezen) == 32
