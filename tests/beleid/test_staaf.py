# SPDX-License-Identifier: EUPL-1.2
"""Dashboard tables without a chart get a small bar beside each count (issue 17, item 4): only in the first
count column, as a share of that column's largest count; an average (a derived cell) and a suppressed cell
get no bar, so the bars compare counts with counts."""

from __future__ import annotations

import re

from django.template.loader import render_to_string

from naleving.beleid.tabellen import Tabel


def _tabel() -> Tabel:
    return Tabel(
        "proef",
        "Ingrijpende stappen",
        ["Onderdeel", "Aantal", "Bedrag"],
        [
            ["Afgeronde onderzoeken", 40],
            ["Huisbezoeken", 10],
            ["Waarnemingen", "afgeschermd"],
            ["Gemiddeld per onderzoek", 0.5],
        ],
        "",
        {1: "aantal"},
        grafiek_kolommen=(),
        afgeleid_van={(3, 1): ((0, 1), (1, 1))},
    )


def _balken(html: str) -> list[tuple[str, str | None]]:
    rijen = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="getal">(.*?)</td>', html)
    return [
        (naam, (m.group(1) if (m := re.search(r'data-procent="(\d+)"', cel)) else None))
        for naam, cel in rijen
    ]


def test_the_bar_follows_the_count_and_skips_averages_and_suppressed_cells() -> None:
    t = _tabel()
    for rij in t.rijen:
        rij.append(1)
    html = render_to_string("beleid/_kpi.html", {"w": {"tabel": t, "svg": ""}})
    assert _balken(html) == [
        ("Afgeronde onderzoeken", "100"),
        ("Huisbezoeken", "25"),
        ("Waarnemingen", None),
        ("Gemiddeld per onderzoek", None),
    ]
    assert html.count('class="staaf"') == 2  # the second column is not a count column: no bars
    assert "style=" not in html


def test_a_table_with_a_chart_gets_no_bars() -> None:
    t = _tabel()
    html = render_to_string("beleid/_kpi.html", {"w": {"tabel": t, "svg": "<svg></svg>"}})
    assert "staaf" not in html
