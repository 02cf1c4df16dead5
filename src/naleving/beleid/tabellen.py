# SPDX-License-Identifier: EUPL-1.2
"""The tables shown on the dashboard and in the reports, built from the KPI selectors. Exports
(CSV, XLSX) use the very same tables, so what you download is what you saw.

Small-number suppression: `Tabel.onderdrukt()` through `naleving.beleid.onderdrukking`, the one
module and the one threshold for dashboard, report and exports. Each table marks its count
columns, the values that describe a count (amount, median, average) and the sums between its
cells, so that no hidden cell can be computed back from a total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from naleving.beleid import kpi, kpi_dienst, onderdrukking
from naleving.beleid.filters import KpiFilter
from naleving.beleid.onderdrukking import Cel, Relatie, totaalkolom, totaalrij
from naleving.core.money import Bedrag

Waarde = int | float | str | Bedrag | None


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]
    rijen: list[list[Waarde]]
    toelichting: str = ""
    #: column index -> kind: "aantal" (count, suppressed when small), ("afgeleid", i) (amount,
    #: median or average of the cases counted in column i of the same row)
    soorten: dict[int, object] = field(default_factory=dict)
    #: plain message when this table has no source yet ("nog geen gegevens")
    geen_gegevens: str = ""
    #: columns drawn in the chart (indexes); empty = no chart
    grafiek_kolommen: tuple[int, ...] = (1,)
    #: cells that add up (a total row or column): protected by secondary suppression
    relaties: tuple[Relatie, ...] = ()
    #: a cell derived from count cells elsewhere in the table (an average over several rows)
    afgeleid_van: dict[Cel, tuple[Cel, ...]] = field(default_factory=dict)

    def blad(self) -> onderdrukking.Blad:
        """This table as the suppression module sees it: count cells, sums, derived cells."""
        aantallen = tuple(
            (r, i)
            for r in range(len(self.rijen))
            for i, soort in self.soorten.items()
            if soort == "aantal"
        )
        afgeleid: dict[Cel, tuple[Cel, ...]] = dict(self.afgeleid_van)
        for i, soort in self.soorten.items():
            if isinstance(soort, tuple):
                afgeleid.update({(r, i): ((r, soort[1]),) for r in range(len(self.rijen))})
        return onderdrukking.Blad(self.rijen, aantallen, self.relaties, afgeleid)

    def met_rijen(self, rijen: list[list[Waarde]]) -> Tabel:
        return Tabel(**{**self.__dict__, "rijen": rijen})

    def onderdrukt(self, n: int | None = None) -> Tabel:
        """This table suppressed on its own (a table shown without the others)."""
        return samen_onderdrukt([self], n=n)[0]


def samen_onderdrukt(
    tabellen: list[Tabel], *, koppelingen: tuple[Relatie, ...] = (), n: int | None = None
) -> list[Tabel]:
    """Tables shown together, suppressed together: `koppelingen` are the sums between them, with cells as
    (index in `tabellen`, row, column)."""
    n = onderdrukking.drempel() if n is None else n
    rijen = onderdrukking.onderdruk_samen(
        [t.blad() for t in tabellen], koppelingen=koppelingen, n=n
    )
    return [t.met_rijen(r) for t, r in zip(tabellen, rijen, strict=True)]  # type: ignore[arg-type]


def _aantal(*idx: int) -> dict[int, object]:
    return dict.fromkeys(idx, "aantal")


def trechter(f: KpiFilter) -> list[Tabel]:
    tabellen = []
    for stap in kpi.trechter(f):
        if not stap.gemeten:
            tabellen.append(
                Tabel(
                    f"trechter-{stap.stap}",
                    stap.titel,
                    ["Onderdeel", "Aantal"],
                    [],
                    geen_gegevens=f"{stap.titel}: nog geen gegevens. Deze stap wordt geteld "
                    "zodra de module die haar vastlegt in gebruik is.",
                    grafiek_kolommen=(),
                )
            )
            continue
        bedragen = any(r.bedrag_cent is not None for r in stap.rijen)
        kolommen = ["Onderdeel", "Aantal"] + (["Bedrag"] if bedragen else [])
        rijen: list[list[Waarde]] = [
            list[Waarde]([r.label, r.aantal])
            + ([Bedrag(r.bedrag_cent) if r.bedrag_cent is not None else None] if bedragen else [])
            for r in stap.rijen
        ]
        totaal: list[Waarde] = ["Totaal", stap.totaal]
        rijen.append(totaal + ([None] if bedragen else []))
        tabellen.append(
            Tabel(
                f"trechter-{stap.stap}",
                stap.titel,
                kolommen,
                rijen,
                soorten={1: "aantal", 2: ("afgeleid", 1)} if bedragen else _aantal(1),
                relaties=totaalrij(len(stap.rijen), range(len(stap.rijen)), [1]),
            )
        )
    return tabellen


def belasting(f: KpiFilter) -> Tabel:
    rijen: list[list[Waarde]] = [
        [r.herkomst, r.afgerond, r.niets_gevonden, r.niet_vast_te_stellen, r.onrechtmatig]
        for r in kpi.belasting(f)
    ]
    return Tabel(
        "belasting",
        "Onderzoeken die niets vonden, per herkomst",
        ["Herkomst", "Afgerond", "Niets gevonden", "Niet vast te stellen", "Onrechtmatig"],
        rijen,
        "Een onderzoek dat niets vindt, belast een inwoner die zich aan de regels hield. De "
        "Algemene Rekenkamer zag dat gemeenten dit niet rapporteren; wij wel.",
        _aantal(1, 2, 3, 4),
        grafiek_kolommen=(1, 2),
        # afgerond = the three outcomes of onderzoek.statemachine.Uitkomst
        relaties=totaalkolom(1, [2, 3, 4], range(len(rijen))),
    )


def ingrijpend(f: KpiFilter) -> Tabel:
    r = kpi.ingrijpend(f)
    verdeling = range(3, 3 + len(r.verdeling))  # rows "Onderzoeken met k ingrijpende stap(pen)"
    gemiddeld = 3 + len(r.verdeling)
    return Tabel(
        "ingrijpend",
        "Ingrijpende stappen (huisbezoek, waarneming)",
        ["Onderdeel", "Aantal"],
        [
            ["Afgeronde onderzoeken", r.onderzoeken],
            ["Huisbezoeken", r.huisbezoeken],
            ["Waarnemingen", r.waarnemingen],
            *(
                list[Waarde]([f"Onderzoeken met {k} ingrijpende stap(pen)", v])
                for k, v in r.verdeling.items()
            ),
            ["Gemiddeld per onderzoek", r.per_onderzoek],
        ],
        "Huisbezoek en waarneming raken de persoonlijke levenssfeer (art. 8 EVRM); ze mogen "
        "alleen als niets lichters volstaat.",
        {1: "aantal"},
        grafiek_kolommen=(),
        relaties=totaalrij(0, verdeling, [1]),
        afgeleid_van={(gemiddeld, 1): ((0, 1), (1, 1), (2, 1))},
    )


def preventie(f: KpiFilter) -> list[Tabel]:
    m = kpi_dienst.wijzigingsmeldingen(f)
    return [
        Tabel(
            "informatiemomenten",
            "Informatiemomenten over rechten en plichten",
            ["Soort", "Aantal"],
            [[lbl, n] for lbl, n in kpi_dienst.informatiemomenten(f)],
            "Uitleg bij de aanvraag en daarna regelmatig (pijler 1, communicatie).",
            _aantal(1),
        ),
        Tabel(
            "campagnes",
            "Campagnes en hun bereik",
            ["Campagne", "Brieven", "Bijeenkomsten", "Deelnemers", "Van", "Tot"],
            [
                [c.naam, c.brieven, c.bijeenkomsten, c.deelnemers, c.start, c.einde]
                for c in kpi_dienst.campagnes(f)
            ],
            "Het bereik geldt voor de hele campagne, ook als die in meer gemeenten liep.",
            grafiek_kolommen=(1, 3),
        ),
        Tabel(
            "wijzigingen",
            "Wijzigingen doorgegeven door inwoners",
            ["Onderdeel", "Waarde"],
            [
                ["Ontvangen", m.ontvangen],
                ["Afgehandeld", m.afgehandeld],
                ["Nog open", m.open],
                [f"Afgehandeld binnen {m.termijn_dagen} dagen", m.binnen_termijn],
                ["Mediaan reactietijd (uren)", m.mediaan_uren],
            ],
            "Hoe snel een doorgegeven wijziging is verwerkt (pijler 2, dienstverlening).",
            {1: "aantal"},
            grafiek_kolommen=(),
            relaties=(Relatie((0, 1), ((1, 1), (2, 1))),),  # ontvangen = afgehandeld + open
            afgeleid_van={(4, 1): ((1, 1),)},  # the median over the handled reports
        ),
    ]


def doorlooptijden(f: KpiFilter) -> Tabel:
    return Tabel(
        "doorlooptijden",
        "Doorlooptijd per stap (dagen)",
        ["Stap", "Aantal", "Mediaan", "Gemiddeld"],
        [
            [r.stap, r.aantal, r.mediaan_dagen, r.gemiddeld_dagen]
            for r in kpi_dienst.doorlooptijden(f)
        ],
        "Uit de geschiedenis van signalen en onderzoeken: de tijd tussen twee stappen.",
        {1: "aantal", 2: ("afgeleid", 1), 3: ("afgeleid", 1)},
        grafiek_kolommen=(2,),
    )


def vergelijking(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> Tabel:
    """Per municipality, with the total over them: that total is the funnel's total, so it is part
    of this table and a small municipality's count cannot be subtracted from it."""
    gegroepeerd = kpi.kerncijfers_per(f.met(gemeente_id=None), "gemeente")
    per = [gegroepeerd.get(pk, kpi.kerncijfers_leeg()) for pk, _n in gemeenten]
    labels = [lbl for lbl, _v in kpi.kerncijfers_leeg()]
    rijen: list[list[Waarde]] = []
    for i, lbl in enumerate(labels):
        waarden = [p[i][1] for p in per]
        rijen.append([lbl, *waarden, sum(waarden)])
    n = len(gemeenten)
    return Tabel(
        "vergelijking",
        "Vergelijking van de gemeenten",
        ["Kerncijfer", *(naam for _pk, naam in gemeenten), "Totaal"],
        rijen,
        "Dezelfde periode en wet, per gemeente.",
        _aantal(*range(1, n + 2)),
        grafiek_kolommen=tuple(range(1, n + 1)),
        relaties=totaalkolom(n + 1, range(1, n + 1), range(len(rijen))),
    )


def cbs_waarschuwingen(f: KpiFilter) -> Tabel:
    """Counts for the CBS yearly warnings survey by reason (domain.md §6); provided by the
    besluiten app through the funnel registry as stage `cbs_waarschuwingen`. Every reason of the
    survey gets a row, also when the source gives none. On the policy pages it is suppressed like
    every table (the same counts stand in the funnel step, so showing them here exactly would undo
    that step's suppression); the CBS gets the real counts through the CBS delivery of the besluiten
    app (besluiten:cbs, right vordering.exporteren), not from this page."""
    stap = next(s for s in kpi.latere_stappen(f) if s.stap == "cbs_waarschuwingen")
    redenen = (
        "Inlichtingenplicht",
        "Arbeids-/re-integratieverplichting",
        "Tekortschietend besef",
        "Overig",
    )
    if not stap.gemeten:
        return Tabel(
            "cbs",
            "CBS-enquête waarschuwingen, per reden",
            ["Reden", "Aantal"],
            [],
            geen_gegevens="CBS-enquête waarschuwingen: nog geen gegevens. Waarschuwingen worden "
            "vastgelegd in de module besluiten; zodra die in gebruik is, staan de aantallen hier.",
            grafiek_kolommen=(),
        )
    per = {r.label: r.aantal for r in stap.rijen}
    return Tabel(
        "cbs",
        "CBS-enquête waarschuwingen, per reden",
        ["Reden", "Aantal"],
        [[r, per.get(r, 0)] for r in redenen],
        "Aantallen voor de jaarlijkse enquête van het CBS. Kleine aantallen zijn hier afgeschermd; "
        "het CBS krijgt de echte aantallen via de CBS-levering.",
        soorten=_aantal(1),
    )


def alle(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> list[Tabel]:
    return [
        *trechter(f),
        belasting(f),
        ingrijpend(f),
        *preventie(f),
        doorlooptijden(f),
        vergelijking(f, gemeenten),
        cbs_waarschuwingen(f),
    ]
