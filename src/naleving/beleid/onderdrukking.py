# SPDX-License-Identifier: EUPL-1.2
"""Small-number suppression for every policy figure: the dashboard, the voortgangsrapportage and evaluation
(HTML and PDF) and the CSV/XLSX exports all go through `onderdruk`, with the one threshold `drempel()`.

In a municipality of a few thousand clients a count of 1 or 2 can point to a person. The rules (decision, see
docs/beleid.md; the threshold is the organisation's working agreement `cijfers_kleinste_aantal` in its parameter
file, with its source):

1. Primary suppression: a count from 1 to the threshold minus one is not shown. 0 is shown: it points to nobody.
2. Secondary (complementary) suppression: a table declares which of its cells add up to a total (a "Totaal" row,
   a total column, "ontvangen = afgehandeld + open"). As long as a hidden cell could be computed back from the
   visible cells and those sums (by any combination of them, not only one row at a time), one more cell is
   hidden: the smallest non-zero visible cell in a sum with the exposed cell, a total only when no part is left.
   Also while the hidden parts of a sum with a visible total are a small group themselves (together less than
   the threshold, or no more than their number: two hidden cells that add up to 2 are both 1).
3. A value that describes the cases behind a count (their amount, median, average) is hidden with that count, and
   also when that count is below the threshold.

Every hidden cell shows the same word, `AFGESCHERMD`: a different mark for primary and secondary cells would tell
which hidden cell is the small one, and with it its value range.

Tables shown together are suppressed together (`onderdruk_samen`, with the sums between them declared in
beleid/samenhang.py), so within one page or export no hidden cell is derivable. What this does not cover:
different filters against each other (one municipality against all of them, a quarter against the year), and
bounds in tables with both row and column totals (a reader who knows a hidden cell is never 0 can, in rare
patterns there, still pin a small count down; within one row or column with a total the small-group rule of
step 2 prevents it).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from naleving import regels

Cel = tuple[int, ...]  # (row, column) in a table; (table, row, column) between tables
AFGESCHERMD = "afgeschermd"


def drempel() -> int:
    """The smallest count shown in policy figures, from the organisation's parameter file (on today's date: the
    rule in force when the figures are published)."""
    return regels.getal("cijfers_kleinste_aantal", op=timezone.localdate())


def uitleg(n: int) -> str:
    """The one sentence that dashboard and report print above their figures."""
    return (
        f'Aantallen van 1 tot en met {n - 1} staan er als "{AFGESCHERMD}", net als de bedragen, '
        f"gemiddelden en medianen van zo weinig zaken. Soms is ook een groter aantal "
        f'"{AFGESCHERMD}": anders zou u een klein aantal uit een totaal kunnen terugrekenen. '
        "Een 0 staat er gewoon: die wijst niemand aan."
    )


@dataclass(frozen=True)
class Relatie:
    """Cells that add up: the value in `totaal` is the sum of the values in `delen`."""

    totaal: Cel
    delen: tuple[Cel, ...]

    @property
    def cellen(self) -> tuple[Cel, ...]:
        return (self.totaal, *self.delen)


def totaalrij(totaal: int, rijen: Iterable[int], kolommen: Iterable[int]) -> tuple[Relatie, ...]:
    """Row `totaal` is the sum of `rijen`, in each of `kolommen`."""
    rijen = tuple(rijen)
    return tuple(Relatie((totaal, k), tuple((r, k) for r in rijen)) for k in kolommen)


def totaalkolom(totaal: int, kolommen: Iterable[int], rijen: Iterable[int]) -> tuple[Relatie, ...]:
    """Column `totaal` is the sum of `kolommen`, in each of `rijen`."""
    kolommen = tuple(kolommen)
    return tuple(Relatie((r, totaal), tuple((r, k) for k in kolommen)) for r in rijen)


def _getal(waarde: object) -> int | None:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) else None


@dataclass(frozen=True)
class Blad:
    """One table for `onderdruk_samen`: its rows, its count cells, its sums, and its derived cells (cell -> the
    count cells it describes: amount, median, average)."""

    rijen: Sequence[Sequence[object]]
    aantallen: tuple[Cel, ...]
    relaties: tuple[Relatie, ...] = ()
    afgeleid: Mapping[Cel, tuple[Cel, ...]] = field(default_factory=dict)


def onderdruk(
    rijen: Sequence[Sequence[object]],
    *,
    aantallen: Iterable[Cel],
    relaties: Sequence[Relatie] = (),
    afgeleid: Mapping[Cel, Iterable[Cel]] | None = None,
    n: int,
) -> list[list[object]]:
    """The rows with every count below `n` (not 0), every cell needed to protect those, and every value derived
    from a hidden or small count replaced by `AFGESCHERMD`."""
    blad = Blad(
        rijen,
        tuple(aantallen),
        tuple(relaties),
        {c: tuple(b) for c, b in (afgeleid or {}).items()},
    )
    return onderdruk_samen([blad], n=n)[0]


def onderdruk_samen(
    bladen: Sequence[Blad], *, koppelingen: Sequence[Relatie] = (), n: int
) -> list[list[list[object]]]:
    """`onderdruk` for tables shown together: `koppelingen` are sums between tables, with cells written as
    (table index, row, column) — a total on one table that is the sum of cells of another, or the same number
    in two tables (a sum with one part). The secondary suppression works on all of them at once, so no hidden
    cell can be computed back from what the tables show together."""
    waarden: dict[Cel, int] = {}
    for t, blad in enumerate(bladen):
        for r, k in blad.aantallen:
            w = _getal(blad.rijen[r][k])
            if w is not None:
                waarden[(t, r, k)] = w
    relaties = [
        Relatie((t, *rel.totaal), tuple((t, *d) for d in rel.delen))
        for t, blad in enumerate(bladen)
        for rel in blad.relaties
    ]
    relaties += [rel for rel in koppelingen if all(c in waarden for c in rel.cellen)]
    primair = {c for c, w in waarden.items() if 0 < w < n}
    verborgen = aanvullend(waarden, primair, relaties, n=n)
    uit = []
    for t, blad in enumerate(bladen):
        eigen: set[Cel] = {(c[1], c[2]) for c in verborgen if c[0] == t}
        for cel, basis in blad.afgeleid.items():
            if blad.rijen[cel[0]][cel[1]] is None:
                continue
            for b in basis:
                w = _getal(blad.rijen[b[0]][b[1]])
                if b in eigen or (w is not None and w < n):
                    eigen.add(cel)
                    break
        uit.append(
            [
                [AFGESCHERMD if (r, k) in eigen else w for k, w in enumerate(rij)]
                for r, rij in enumerate(blad.rijen)
            ]
        )
    return uit


def aanvullend(
    waarden: Mapping[Cel, int], primair: set[Cel], relaties: Sequence[Relatie], *, n: int
) -> set[Cel]:
    """Secondary suppression: the primary cells plus as few extra cells as this greedy choice finds, so that
    (a) no hidden cell is determined by the visible cells and the relations, and (b) in every sum with a visible
    total the hidden parts are not a small group themselves: together at least `n`, and more than their number
    (else "two hidden cells that add up to 2" are both 1)."""
    verborgen = set(primair)
    while True:
        blootgesteld = sorted(bepaalde(verborgen, relaties))
        if blootgesteld:
            extra = _aanvulling(blootgesteld[0], verborgen, waarden, relaties)
        else:
            extra = next(
                (
                    c
                    for r in kleine_groepen(verborgen, waarden, relaties, n=n)
                    if (c := _groei(r, verborgen, waarden)) is not None
                ),
                None,
            )
        if extra is None:  # nothing left that would help
            return verborgen
        verborgen.add(extra)


def kleine_groepen(
    verborgen: set[Cel], waarden: Mapping[Cel, int], relaties: Sequence[Relatie], *, n: int
) -> list[Relatie]:
    """The sums with a visible total whose hidden parts add up to less than `n`, or to no more than their number
    (so a reader who knows that a hidden count is at least 1 could pin them down)."""
    uit = []
    for r in relaties:
        if r.totaal in verborgen:
            continue
        verborgen_delen = [c for c in r.delen if c in verborgen]
        som = sum(waarden.get(c, 0) for c in verborgen_delen)
        if verborgen_delen and (som < n or som <= len(verborgen_delen)):
            uit.append(r)
    return uit


def _groei(r: Relatie, verborgen: set[Cel], waarden: Mapping[Cel, int]) -> Cel | None:
    """The cell that makes a small group of hidden parts larger: the smallest visible non-zero part, else the
    total."""
    delen = sorted((waarden[c], c) for c in r.delen if c not in verborgen and waarden.get(c, 0) > 0)
    if delen:
        return delen[0][1]
    return r.totaal if r.totaal in waarden and r.totaal not in verborgen else None


def _aanvulling(
    cel: Cel, verborgen: set[Cel], waarden: Mapping[Cel, int], relaties: Sequence[Relatie]
) -> Cel | None:
    def rang(c: Cel, is_totaal: bool) -> tuple[bool, bool, int, Cel]:
        w = waarden.get(c, 0)
        return (w == 0, is_totaal, w, c)

    eigen = [r for r in relaties if cel in r.cellen]
    for groep in (eigen, relaties):  # first the sums the cell is in, then any sum
        kandidaten = [
            rang(c, c == r.totaal)
            for r in groep
            for c in r.cellen
            if c not in verborgen and c in waarden
        ]
        if kandidaten:
            return min(kandidaten)[3]
    return None


def bepaald(cel: Cel, verborgen: set[Cel], relaties: Sequence[Relatie]) -> bool:
    """Is hidden `cel` fixed by the relations once the visible cells are known?"""
    return cel in bepaalde(verborgen, relaties)


def bepaalde(verborgen: set[Cel], relaties: Sequence[Relatie]) -> set[Cel]:
    """The hidden cells fixed by the relations once the visible cells are known. Each relation is one linear
    equation in the hidden cells (total minus parts = a known number); a cell is fixed when its unit vector lies
    in the row space of those equations, i.e. when a row of the reduced row echelon form has that cell alone.
    Exact: Gauss-Jordan elimination in whole numbers (fraction-free, each row divided by its gcd)."""
    onbekend = sorted({c for r in relaties for c in r.cellen if c in verborgen})
    index = {c: i for i, c in enumerate(onbekend)}
    matrix: list[dict[int, int]] = []
    for r in relaties:
        rij: dict[int, int] = {}
        for c, teken in ((r.totaal, 1), *((d, -1) for d in r.delen)):
            if c in index:
                rij[index[c]] = rij.get(index[c], 0) + teken
        rij = {k: v for k, v in rij.items() if v}
        if rij:
            matrix.append(rij)
    return {onbekend[next(iter(rij))] for rij in _gauss_jordan(matrix) if len(rij) == 1}


def _gauss_jordan(matrix: list[dict[int, int]]) -> list[dict[int, int]]:
    """Reduced row echelon form (up to a factor per row) of a sparse integer matrix (column -> value per row)."""
    rijen = [dict(r) for r in matrix]
    klaar: list[dict[int, int]] = []
    while rijen:
        spilrij = rijen.pop()
        if not spilrij:
            continue
        kolom = min(spilrij)
        spil = spilrij[kolom]
        for groep in (rijen, klaar):
            for i, rij in enumerate(groep):
                factor = rij.get(kolom)
                if factor:
                    groep[i] = _verminder(rij, spilrij, spil, factor)
        klaar.append(spilrij)
    return [r for r in klaar if r]


def _verminder(
    rij: dict[int, int], spilrij: dict[int, int], spil: int, factor: int
) -> dict[int, int]:
    """spil * rij - factor * spilrij, without zeros, divided by the gcd of what is left."""
    uit = {k: spil * v for k, v in rij.items()}
    for k, v in spilrij.items():
        uit[k] = uit.get(k, 0) - factor * v
    uit = {k: v for k, v in uit.items() if v}
    deler = math.gcd(*uit.values()) if uit else 1
    return {k: v // deler for k, v in uit.items()} if deler > 1 else uit
