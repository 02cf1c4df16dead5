# SPDX-License-Identifier: EUPL-1.2
"""The sums between the tables that dashboard, report and exports show together, so the suppression protects a
small count also against subtraction between tables: the comparison of municipalities holds the funnel's
totals, the funnel's findings are the column sums of the burden table, and so on.

Every page and every export takes its tables from `alle_onderdrukt`, so a table exported alone has the very same
hidden cells as on the dashboard, in the whole XLSX and in the report: combining two of them gives nothing away.
The year comparison of the report repeats the comparison's column for the report's year; it takes over the
hidden cells of that column (`gespiegeld`).
"""

from __future__ import annotations

from naleving.beleid import tabellen
from naleving.beleid.filters import KpiFilter
from naleving.beleid.onderdrukking import AFGESCHERMD, Cel, Relatie
from naleving.beleid.tabellen import Tabel
from naleving.onderzoek.statemachine import Uitkomst

CBS_REDENEN = (
    "Inlichtingenplicht",
    "Arbeids-/re-integratieverplichting",
    "Tekortschietend besef",
    "Overig",
)

#: A cell by table, row label and column header; row "*" is every row of the table except "Totaal".
Verwijzing = tuple[str, str, str]


def koppelingen(kolom: str) -> list[tuple[Verwijzing, tuple[Verwijzing, ...]]]:
    """total = sum of parts, between tables; `kolom` is the comparison's column that holds the figures of the
    other tables (the filtered municipality, or "Totaal")."""
    v = "vergelijking"
    bevindingen = "trechter-bevindingen"
    return [
        ((v, "Signalen", kolom), (("trechter-signalen", "Totaal", "Aantal"),)),
        ((v, "Onderzoeken gestart", kolom), (("trechter-onderzoeken", "Totaal", "Aantal"),)),
        ((v, "Onderzoeken afgerond", kolom), ((bevindingen, "Totaal", "Aantal"),)),
        (("ingrijpend", "Afgeronde onderzoeken", "Aantal"), ((bevindingen, "Totaal", "Aantal"),)),
        ((bevindingen, "Totaal", "Aantal"), (("belasting", "*", "Afgerond"),)),
        (
            (v, "Afgerond zonder bevinding", kolom),
            ((bevindingen, Uitkomst.GEEN_ONRECHTMATIGHEID.label, "Aantal"),),
        ),
        (
            (bevindingen, Uitkomst.GEEN_ONRECHTMATIGHEID.label, "Aantal"),
            (("belasting", "*", "Niets gevonden"),),
        ),
        (
            (bevindingen, Uitkomst.NIET_VAST_TE_STELLEN.label, "Aantal"),
            (("belasting", "*", "Niet vast te stellen"),),
        ),
        (
            (bevindingen, Uitkomst.ONRECHTMATIGHEID.label, "Aantal"),
            (("belasting", "*", "Onrechtmatig"),),
        ),
        (
            (v, "Ingrijpende stappen", kolom),
            (("ingrijpend", "Huisbezoeken", "Aantal"), ("ingrijpend", "Waarnemingen", "Aantal")),
        ),
        ((v, "Informatiemomenten", kolom), (("informatiemomenten", "*", "Aantal"),)),
        ((v, "Wijzigingen ontvangen", kolom), (("wijzigingen", "Ontvangen", "Waarde"),)),
        # The CBS table repeats the funnel step of the warnings, reason by reason.
        *(
            (("cbs", reden, "Aantal"), (("trechter-cbs_waarschuwingen", reden, "Aantal"),))
            for reden in CBS_REDENEN
        ),
    ]


def _cellen(lijst: list[Tabel], ref: Verwijzing) -> list[Cel] | None:
    sleutel, rij, kolom = ref
    for t, tabel in enumerate(lijst):
        if tabel.sleutel != sleutel or kolom not in tabel.kolommen:
            continue
        k = tabel.kolommen.index(kolom)
        rijen = [
            r
            for r, waarden in enumerate(tabel.rijen)
            if (waarden[0] != "Totaal" if rij == "*" else waarden[0] == rij)
        ]
        return [(t, r, k) for r in rijen] if rijen else None
    return None


def relaties(lijst: list[Tabel], kolom: str) -> tuple[Relatie, ...]:
    """The declared links that exist in these tables, as sums over (table, row, column)."""
    uit = []
    for totaal, delen in koppelingen(kolom):
        t = _cellen(lijst, totaal)
        d = [_cellen(lijst, ref) for ref in delen]
        if t is None or len(t) != 1 or any(x is None for x in d):
            continue
        uit.append(Relatie(t[0], tuple(c for cellen in d if cellen for c in cellen)))
    return tuple(uit)


def vergelijkingskolom(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> str:
    return dict(gemeenten).get(f.gemeente_id, "Totaal") if f.gemeente_id else "Totaal"


def alle_onderdrukt(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> list[Tabel]:
    """Every table of the dashboard, report and exports, suppressed together."""
    lijst = tabellen.alle(f, gemeenten)
    return tabellen.samen_onderdrukt(
        lijst, koppelingen=relaties(lijst, vergelijkingskolom(f, gemeenten))
    )


def gespiegeld(tabel: Tabel, *, kolom: str, bron: Tabel, bronkolom: str) -> Tabel:
    """`tabel` suppressed on its own, and hidden in `kolom` wherever `bron` (suppressed) is hidden in
    `bronkolom` on the row with the same label: the same number may not be visible in one and hidden in the
    other."""
    t = tabel.onderdrukt()
    if kolom not in t.kolommen or bronkolom not in bron.kolommen:
        return t
    k, kb = t.kolommen.index(kolom), bron.kolommen.index(bronkolom)
    verborgen = {rij[0] for rij in bron.rijen if rij[kb] == AFGESCHERMD}
    return t.met_rijen(
        [
            [AFGESCHERMD if i == k and rij[0] in verborgen else w for i, w in enumerate(rij)]
            for rij in t.rijen
        ]
    )
