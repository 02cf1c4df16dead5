# SPDX-License-Identifier: EUPL-1.2
"""Small-number suppression (beleid.onderdrukking): a count from 1 to the threshold minus one is hidden, with its
amount, median or average; as many other cells are hidden as needed so that no hidden cell can be computed back
from the totals of the table; every hidden cell reads the same; one threshold from the parameter file."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from naleving import regels
from naleving.beleid import onderdrukking
from naleving.beleid.onderdrukking import AFGESCHERMD as X
from naleving.beleid.onderdrukking import (
    Relatie,
    kleine_groepen,
    onderdruk,
    totaalkolom,
    totaalrij,
)
from naleving.beleid.tabellen import Tabel
from naleving.core.money import Bedrag


def test_the_threshold_is_the_working_agreement_in_the_parameter_file_with_its_source() -> None:
    waarde = regels.parameter("cijfers_kleinste_aantal", op=date(2026, 12, 3))
    assert (waarde.waarde, waarde.onzeker, waarde.herkomst) == (5, True, "organisatie baanbrekers")
    assert "AVG art. 5 lid 1 sub c" in waarde.bron and "CBS" in waarde.bron


def test_dashboard_and_report_print_the_same_sentence_for_the_threshold() -> None:
    assert onderdrukking.uitleg(5) == (
        'Aantallen van 1 tot en met 4 staan er als "afgeschermd", net als de bedragen, gemiddelden en '
        'medianen van zo weinig zaken. Soms is ook een groter aantal "afgeschermd": anders zou u een '
        "klein aantal uit een totaal kunnen terugrekenen. Een 0 staat er gewoon: die wijst niemand aan."
    )


def _tabel(rijen, **extra) -> Tabel:
    return Tabel("t", "Titel", ["Onderdeel", "Aantal", "Bedrag"][: len(rijen[0])], rijen, **extra)


def test_one_small_count_in_a_column_with_a_total_hides_the_next_smallest_count_too() -> None:
    """Without the second cell, A = 25 - 10 - 12 = 3."""
    rijen = [["A", 3], ["B", 10], ["C", 12], ["Totaal", 25]]
    t = _tabel(rijen, soorten={1: "aantal"}, relaties=totaalrij(3, range(3), [1])).onderdrukt(5)
    assert t.rijen == [["A", X], ["B", X], ["C", 12], ["Totaal", 25]]


def test_the_amount_of_a_hidden_count_is_hidden_with_it() -> None:
    """The one fine of €1.300 is not shown next to its count; the secondary cell's amount neither."""
    rijen = [
        ["Boete", 1, Bedrag(130_000)],
        ["Waarschuwing", 7, Bedrag(0)],
        ["Geen sanctie", 9, None],
        ["Totaal", 17, None],
    ]
    t = _tabel(
        rijen, soorten={1: "aantal", 2: ("afgeleid", 1)}, relaties=totaalrij(3, range(3), [1])
    ).onderdrukt(5)
    assert t.rijen == [
        ["Boete", X, X],
        ["Waarschuwing", X, X],
        ["Geen sanctie", 9, None],
        ["Totaal", 17, None],
    ]


def test_an_amount_over_fewer_cases_than_the_threshold_is_hidden_also_without_a_total() -> None:
    rijen = [["Teruggevorderd", 4, Bedrag(250_000)], ["Afgezien", 6, Bedrag(90_000)]]
    t = _tabel(rijen, soorten={1: "aantal", 2: ("afgeleid", 1)}).onderdrukt(5)
    assert t.rijen == [["Teruggevorderd", X, X], ["Afgezien", 6, Bedrag(90_000)]]


def test_zero_is_shown_and_never_chosen_while_a_count_is_left() -> None:
    rijen = [["A", 2], ["B", 0], ["C", 0], ["D", 30], ["Totaal", 32]]
    t = _tabel(rijen, soorten={1: "aantal"}, relaties=totaalrij(4, range(4), [1])).onderdrukt(5)
    assert t.rijen == [["A", X], ["B", 0], ["C", 0], ["D", X], ["Totaal", 32]]


def test_two_hidden_counts_that_add_up_to_a_small_number_take_a_third_with_them() -> None:
    """Triage: 32 = 1 + 1 + 0 + 30. Hiding only the two 1s leaves "two hidden counts, together 2": each is 1.
    The hidden group must itself reach the threshold and exceed its number of cells."""
    rijen = [
        ["Geen actie", 1],
        ["Preventief", 1],
        ["Doorzetten", 0],
        ["Onderzoek", 30],
        ["Totaal", 32],
    ]
    t = _tabel(rijen, soorten={1: "aantal"}, relaties=totaalrij(4, range(4), [1])).onderdrukt(5)
    assert t.rijen == [
        ["Geen actie", X],
        ["Preventief", X],
        ["Doorzetten", 0],
        ["Onderzoek", X],
        ["Totaal", 32],
    ]


def test_a_small_total_is_hidden_and_its_parts_are_not_derivable_from_it() -> None:
    rijen = [["A", 2], ["B", 0], ["Totaal", 2]]
    t = _tabel(rijen, soorten={1: "aantal"}, relaties=totaalrij(2, range(2), [1])).onderdrukt(5)
    assert t.rijen == [["A", X], ["B", 0], ["Totaal", X]]


def test_a_row_with_a_total_column_hides_a_second_outcome() -> None:
    """The burden table: afgerond = niets gevonden + niet vast te stellen + onrechtmatig."""
    rijen = [["Melding", 9, 3, 6, 0], ["Ketenpartner", 20, 8, 6, 6]]
    t = Tabel(
        "belasting",
        "Belasting",
        ["Herkomst", "Afgerond", "Niets", "Niet vast", "Onrechtmatig"],
        rijen,
        soorten=dict.fromkeys(range(1, 5), "aantal"),
        relaties=totaalkolom(1, [2, 3, 4], range(2)),
    ).onderdrukt(5)
    assert t.rijen == [["Melding", 9, X, X, 0], ["Ketenpartner", 20, 8, 6, 6]]


def test_an_average_over_hidden_counts_is_hidden() -> None:
    """(huisbezoeken + waarnemingen) / onderzoeken would give the hidden count back."""
    rijen = [["Onderzoeken", 10], ["Huisbezoeken", 2], ["Waarnemingen", 9], ["Gemiddeld", 1.1]]
    t = _tabel(rijen, soorten={1: "aantal"}, afgeleid_van={(3, 1): ((0, 1), (1, 1), (2, 1))})
    assert t.onderdrukt(5).rijen == [
        ["Onderzoeken", 10],
        ["Huisbezoeken", X],
        ["Waarnemingen", 9],
        ["Gemiddeld", X],
    ]


def test_a_cell_derivable_only_by_combining_sums_is_protected() -> None:
    """Row and column totals; every row and every column holds at least two small cells, yet the cell r1/c links
    two blocks (a bridge): the row totals of r0 and r1 minus the column totals of a and b give it (= 1). A rule
    "two hidden cells in every sum" would stop here; this suppression hides more."""
    binnen = [
        [2, 3, 40, 40],
        [3, 2, 1, 40],
        [40, 40, 2, 3],
        [40, 40, 3, 2],
    ]
    rijen = [[f"r{i}", *rij, sum(rij)] for i, rij in enumerate(binnen)]
    kolomtotalen = [sum(r[k] for r in binnen) for k in range(4)]
    rijen.append(["Totaal", *kolomtotalen, sum(kolomtotalen)])
    kolommen = range(1, 6)
    relaties = totaalkolom(5, range(1, 5), range(5)) + totaalrij(4, range(4), kolommen)
    primair = {(0, 1), (0, 2), (1, 1), (1, 2), (1, 3), (2, 3), (2, 4), (3, 3), (3, 4)}
    assert _afleidbaar(primair) == {(1, 3)}  # the bridge
    uit = onderdruk(
        rijen, aantallen=[(r, k) for r in range(5) for k in kolommen], relaties=relaties, n=5
    )
    verborgen = {(r, k) for r, rij in enumerate(uit) for k, v in enumerate(rij) if v == X}
    assert primair < verborgen
    assert _afleidbaar(verborgen) == set()


# --- Property: nothing hidden can be computed back -----------------------------------------------------------


def _afleidbaar(verborgen: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The hidden cells fixed by the totals, found without linear algebra. With the total row and column negated,
    every row and every column of a table with margins sums to zero; a hidden cell can change (and so is not
    derivable) exactly when it lies on a cycle of hidden cells in the bipartite graph rows x columns, i.e. when
    it is not a bridge of that graph."""
    buren: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for r, k in verborgen:
        buren[("r", r)].add(("k", k))
        buren[("k", k)].add(("r", r))

    def verbonden_zonder(r: int, k: int) -> bool:
        begin, doel = ("r", r), ("k", k)
        gezien, rij = {begin}, [begin]
        while rij:
            knoop = rij.pop()
            for buur in buren[knoop]:
                if {knoop, buur} == {begin, doel} or buur in gezien:
                    continue
                if buur == doel:
                    return True
                gezien.add(buur)
                rij.append(buur)
        return False

    return {(r, k) for r, k in verborgen if not verbonden_zonder(r, k)}


kleine_aantallen = st.one_of(st.integers(0, 4), st.integers(0, 40))


@st.composite
def tabellen_met_totalen(draw):
    hoogte = draw(st.integers(1, 5))
    breedte = draw(st.integers(1, 4))
    binnen = [[draw(kleine_aantallen) for _ in range(breedte)] for _ in range(hoogte)]
    rijen = [[f"r{i}", *rij, sum(rij)] for i, rij in enumerate(binnen)]
    kolomtotalen = [sum(rij[k] for rij in binnen) for k in range(breedte)]
    rijen.append(["Totaal", *kolomtotalen, sum(kolomtotalen)])
    return rijen, hoogte, breedte


@settings(max_examples=300, deadline=None)
@given(tabellen_met_totalen(), st.sampled_from([3, 5, 10]))
def test_no_hidden_count_can_be_computed_back_from_the_totals(gegeven, n) -> None:
    rijen, hoogte, breedte = gegeven
    kolommen = range(1, breedte + 2)
    relaties = totaalkolom(breedte + 1, range(1, breedte + 1), range(hoogte + 1)) + totaalrij(
        hoogte, range(hoogte), kolommen
    )
    cellen = [(r, k) for r in range(hoogte + 1) for k in kolommen]
    uit = onderdruk(rijen, aantallen=cellen, relaties=relaties, n=n)
    verborgen = {c for c in cellen if uit[c[0]][c[1]] == X}
    # every small count is hidden, every visible cell is the true number
    assert {c for c in cellen if 0 < rijen[c[0]][c[1]] < n} <= verborgen
    assert all(uit[r][k] == rijen[r][k] for r, k in cellen if (r, k) not in verborgen)
    # and none of the hidden ones is fixed by the visible cells and the totals
    assert _afleidbaar(verborgen) == set()
    # nor is a group of hidden parts of a visible total small itself
    waarden = {c: rijen[c[0]][c[1]] for c in cellen}
    assert kleine_groepen(verborgen, waarden, relaties, n=n) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(kleine_aantallen, min_size=1, max_size=8), st.sampled_from([3, 5]))
def test_no_hidden_count_in_a_column_can_be_pinned_even_knowing_it_is_at_least_1(
    aantallen, n
) -> None:
    """One column with its total. A reader knows the visible cells, the total, and that a hidden count is at
    least 1 (zeros are shown): every hidden count must still have two possible values."""
    rijen = [[f"r{i}", a] for i, a in enumerate(aantallen)] + [["Totaal", sum(aantallen)]]
    relaties = totaalrij(len(aantallen), range(len(aantallen)), [1])
    uit = onderdruk(rijen, aantallen=[(r, 1) for r in range(len(rijen))], relaties=relaties, n=n)
    verborgen = [r for r, rij in enumerate(uit) if rij[1] == X]
    assert len(verborgen) != 1
    assert all(uit[r][1] == rijen[r][1] for r in range(len(rijen)) if r not in verborgen)
    if verborgen and len(aantallen) not in verborgen:  # the total is visible
        som = sum(rijen[r][1] for r in verborgen)
        ondergrens = {r: min(1, rijen[r][1]) for r in verborgen}
        for r in verborgen:
            hoogste = som - sum(g for o, g in ondergrens.items() if o != r)
            assert hoogste > ondergrens[r], (r, rijen, uit)


def test_relations_are_sums() -> None:
    assert totaalrij(2, [0, 1], [1]) == (Relatie((2, 1), ((0, 1), (1, 1))),)
    assert totaalkolom(3, [1, 2], [0]) == (Relatie((0, 3), ((0, 1), (0, 2))),)


def test_the_old_setting_changes_nothing_the_parameter_rules(settings) -> None:
    settings.NALEVING_BELEID_MIN_CEL = 0  # the old setting no longer changes anything
    t = _tabel([["A", 3], ["B", 9]], soorten={1: "aantal"}).onderdrukt()
    assert t.rijen == [["A", X], ["B", 9]]


# --- Between tables ------------------------------------------------------------------------------------------


def test_a_small_count_cannot_be_subtracted_from_a_total_in_another_table() -> None:
    """The information moments per kind have no total row, but the comparison of municipalities holds their
    total (24): without the link, 24 - 10 - 12 would give the hidden 2 back."""
    from naleving.beleid import samenhang
    from naleving.beleid.tabellen import samen_onderdrukt

    soorten = Tabel(
        "informatiemomenten",
        "Informatiemomenten",
        ["Soort", "Aantal"],
        [["Aanvraag", 2], ["Periodiek", 10], ["Na een wijziging", 12]],
        soorten={1: "aantal"},
    )
    vergelijking = Tabel(
        "vergelijking",
        "Vergelijking",
        ["Kerncijfer", "Waalwijk", "Totaal"],
        [["Informatiemomenten", 24, 24]],
        soorten={1: "aantal", 2: "aantal"},
        relaties=totaalkolom(2, [1], [0]),
    )
    assert soorten.onderdrukt(5).rijen[1:] == [["Periodiek", 10], ["Na een wijziging", 12]]
    lijst = [soorten, vergelijking]
    koppelingen = samenhang.relaties(lijst, "Totaal")
    assert koppelingen == (Relatie((1, 0, 2), ((0, 0, 1), (0, 1, 1), (0, 2, 1))),)
    samen = samen_onderdrukt(lijst, koppelingen=koppelingen, n=5)
    assert samen[0].rijen == [["Aanvraag", X], ["Periodiek", X], ["Na een wijziging", 12]]
    assert samen[1].rijen == [["Informatiemomenten", 24, 24]]
