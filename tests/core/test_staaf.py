# SPDX-License-Identifier: EUPL-1.2
"""Small bars beside counts (issue 17, item 4): the width is the count as a share of the largest count in the
table, in steps of 5 % (one CSS class per step, since the Content-Security-Policy forbids inline styles), and the
bar is hidden from assistive technology because the number stays as text."""

from __future__ import annotations

import re

from django.template import Context, Template
from django.test import Client as Browser
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from naleving.core.templatetags.naleving import hoogste, staaf_procent


def test_the_width_is_the_share_of_the_largest_count_in_steps_of_five() -> None:
    assert staaf_procent(40, 40) == 100
    assert staaf_procent(20, 40) == 50
    assert staaf_procent(10, 40) == 25
    assert staaf_procent(13, 40) == 30  # 32.5 % -> nearest step
    assert staaf_procent(3, 40) == 10  # 7.5 % -> nearest step (round half to even)


def test_a_count_above_zero_shows_at_least_one_step_and_zero_shows_none() -> None:
    assert staaf_procent(1, 10_000) == 5
    assert staaf_procent(0, 40) == 0
    assert staaf_procent(0, 0) == 0


def test_no_bar_for_a_suppressed_or_missing_cell() -> None:
    assert staaf_procent("<5", 40) == 0
    assert staaf_procent(None, 40) == 0
    assert staaf_procent(5, None) == 0


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_the_width_is_a_step_between_0_and_100_and_grows_with_the_count(waarde, maximum) -> None:
    procent = staaf_procent(min(waarde, maximum), maximum)
    assert procent % 5 == 0 and 0 <= procent <= 100
    assert staaf_procent(min(waarde + 1, maximum), maximum) >= procent


def test_the_largest_count_of_the_rows() -> None:
    assert hoogste([{"aantal": 3}, {"aantal": 12}, {"aantal": None}], "aantal") == 12
    assert hoogste([], "aantal") == 0


def test_the_bar_is_hidden_from_assistive_technology_and_has_no_inline_style() -> None:
    html = Template("{% staaf 10 40 %}").render(Context())
    assert html == (
        '<span class="staaf" aria-hidden="true" data-procent="25">'
        '<span class="staaf__vulling staaf--25"></span></span>'
    )
    assert "style" not in html


def test_every_step_has_its_width_class_in_the_stylesheet() -> None:
    from django.contrib.staticfiles import finders

    with open(finders.find("naleving/naleving.css"), encoding="utf-8") as f:
        css = f.read()
    for n in range(0, 101, 5):
        assert f".staaf--{n} {{ width: {n}%; }}" in css


def _procenten(html: str) -> list[str]:
    return re.findall(r'aria-hidden="true" data-procent="(\d+)"', html)


def test_the_team_leader_sees_bars_that_follow_the_caseload_per_consultant(
    make_user, make_client
) -> None:
    teamleider = make_user("teamleider", "Waalwijk")
    veel = make_user("inkomensconsulent", "Waalwijk", username="a-veel")
    weinig = make_user("inkomensconsulent", "Waalwijk", username="b-weinig")
    for _ in range(4):
        make_client("Waalwijk", consulent=veel)
    make_client("Waalwijk", consulent=weinig)
    browser = Browser()
    browser.force_login(teamleider)
    html = browser.get(reverse("start")).content.decode()
    rijen = re.findall(
        r"<tr><td>[^<]*\((a-veel|b-weinig)\)</td><td class=\"getal\">(\d+)(.*?)</td>", html
    )
    assert [(u, n, _procenten(rest)) for u, n, rest in rijen] == [
        ("a-veel", "4", ["100"]),
        ("b-weinig", "1", ["25"]),
    ]
