# SPDX-License-Identifier: EUPL-1.2
"""KPI selectors: every figure of the dashboard, the reports and the exports comes from here,
computed from the case data, never typed in (domain.md §1). Aggregates only: no function returns
a person, a client number or anything that points to one.

The enforcement funnel has fixed early stages (signals → triage → investigations → findings) and
later stages that other apps provide through `register_funnel_bron` (decisions, recovery and
'tenzij', objections). A stage nobody provides is reported as "nog geen gegevens", never as 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q

from naleving.beleid.filters import KpiFilter
from naleving.onderzoek.activiteiten import INGRIJPEND, Soort
from naleving.onderzoek.models import Aanleiding, Activiteit, Onderzoek
from naleving.onderzoek.statemachine import Status as OStatus
from naleving.onderzoek.statemachine import Uitkomst as OUitkomst
from naleving.signalen.models import Bron, Signaal, Triagebesluit, Uitkomst


@dataclass(frozen=True)
class Rij:
    """One line of the funnel: (stap, label, aantal, bedrag_cent). bedrag_cent None = no amount."""

    stap: str
    label: str
    aantal: int
    bedrag_cent: int | None = None


FunnelBron = Callable[[KpiFilter], list[tuple[str, str, int, int | None]]]
_bronnen: list[FunnelBron] = []

#: Later stages of the funnel the report expects (issue 8); the besluiten app provides them.
VERWACHTE_STAPPEN: tuple[tuple[str, str], ...] = (
    ("besluiten", "Besluiten"),
    ("terugvordering", "Terugvordering en afzien ('tenzij')"),
    ("bezwaar", "Bezwaar en uitkomst"),
    ("cbs_waarschuwingen", "Waarschuwingen voor de CBS-enquête"),
)


def register_funnel_bron(fn: FunnelBron) -> None:
    """An app adds later stages of the funnel: fn(filter) returns rows (stap, label, aantal,
    bedrag_cent). Rows with the same `stap` form one stage, in the order given."""
    if fn not in _bronnen:
        _bronnen.append(fn)


def unregister_funnel_bron(fn: FunnelBron) -> None:
    if fn in _bronnen:
        _bronnen.remove(fn)


@dataclass
class Stap:
    stap: str
    titel: str
    rijen: list[Rij] = field(default_factory=list)
    gemeten: bool = True

    @property
    def totaal(self) -> int:
        return sum(r.aantal for r in self.rijen)


def _signalen(f: KpiFilter):  # type: ignore[no-untyped-def]
    return Signaal.objects.filter(f.tijd("ontvangen_op"), f.scope(gemeente="gemeente"))


def _onderzoeken(f: KpiFilter):  # type: ignore[no-untyped-def]
    return Onderzoek.objects.filter(f.scope(gemeente="gemeente"))


def _afgerond(f: KpiFilter):  # type: ignore[no-untyped-def]
    """Investigations closed in the period (by `afgerond_op`)."""
    return _onderzoeken(f).filter(f.tijd("afgerond_op"), status=OStatus.AFGEROND)


def _tel(qs, veld: str, keuzes) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    counts = dict(qs.values_list(veld).annotate(n=Count("pk")).order_by())
    return [(code, label, counts.get(code, 0)) for code, label in keuzes]


def trechter(f: KpiFilter) -> list[Stap]:
    """The enforcement funnel. Signals by date received; triage of those signals; investigations
    by date requested; findings by date the investigation was closed (afgerond_op)."""
    signalen = _signalen(f)
    stappen = [
        Stap(
            "signalen",
            "Signalen per bron",
            [Rij("signalen", lbl, n) for _c, lbl, n in _tel(signalen, "bron", Bron.choices)],
        ),
        Stap(
            "triage",
            "Uitkomst van de triage",
            [
                Rij("triage", lbl, n)
                for _c, lbl, n in _tel(
                    Triagebesluit.objects.filter(signaal__in=signalen), "uitkomst", Uitkomst.choices
                )
            ],
        ),
        Stap(
            "onderzoeken",
            "Onderzoeken gestart, per aanleiding",
            [
                Rij("onderzoeken", lbl, n)
                for _c, lbl, n in _tel(
                    _onderzoeken(f).filter(f.tijd("aangevraagd_op")),
                    "aanleiding",
                    Aanleiding.choices,
                )
            ],
        ),
        Stap(
            "bevindingen",
            "Onderzoeken afgerond, per uitkomst",
            [
                Rij("bevindingen", lbl, n)
                for _c, lbl, n in _tel(
                    _afgerond(f),
                    "uitkomst",
                    OUitkomst.choices,
                )
            ],
        ),
    ]
    return stappen + latere_stappen(f)


def latere_stappen(f: KpiFilter) -> list[Stap]:
    """The stages registered sources provide; the expected ones without a source as unmeasured."""
    stappen: list[Stap] = []
    geleverd: dict[str, Stap] = {}
    for bron in _bronnen:
        for stap, label, aantal, bedrag in bron(f):
            titel = dict(VERWACHTE_STAPPEN).get(stap, stap.capitalize())
            geleverd.setdefault(stap, Stap(stap, titel)).rijen.append(
                Rij(stap, label, aantal, bedrag)
            )
    for code, titel in VERWACHTE_STAPPEN:
        stappen.append(geleverd.pop(code, Stap(code, titel, gemeten=False)))
    stappen.extend(geleverd.values())
    return stappen


@dataclass(frozen=True)
class BelastingRij:
    herkomst: str
    afgerond: int
    niets_gevonden: int
    niet_vast_te_stellen: int
    onrechtmatig: int


@dataclass(frozen=True)
class Ingrijpend:
    onderzoeken: int
    huisbezoeken: int
    waarnemingen: int
    verdeling: dict[str, int]

    @property
    def per_onderzoek(self) -> float | None:
        if not self.onderzoeken:
            return None
        return round((self.huisbezoeken + self.waarnemingen) / self.onderzoeken, 2)


def belasting(f: KpiFilter) -> list[BelastingRij]:
    """The burden on residents: closed investigations per origin (the signal's source, or the
    aanleiding when no signal started it), and how many found nothing — the figure the Algemene
    Rekenkamer found municipalities do not report."""
    afgerond = _afgerond(f)
    rows = list(afgerond.values_list("aanleiding", "signaal_id", "uitkomst"))
    bron_van = dict(
        Signaal.objects.filter(pk__in=[s for _a, s, _u in rows if s]).values_list("pk", "bron")
    )
    tellers: dict[str, Counter[str]] = {}
    for aanleiding, signaal_id, uitkomst in rows:
        sleutel = (
            f"signaal:{bron_van[signaal_id]}"
            if signaal_id in bron_van
            else f"aanleiding:{aanleiding}"
        )
        tellers.setdefault(sleutel, Counter())[uitkomst] += 1
    volgorde = [f"signaal:{c}" for c in Bron.values] + [
        f"aanleiding:{c}" for c in Aanleiding.values
    ]
    labels = {f"signaal:{c}": f"Signaal: {lbl}" for c, lbl in Bron.choices} | {
        f"aanleiding:{c}": str(lbl) for c, lbl in Aanleiding.choices
    }
    result = []
    for sleutel in volgorde:
        t = tellers.get(sleutel, Counter())
        result.append(
            BelastingRij(
                herkomst=labels[sleutel],
                afgerond=sum(t.values()),
                niets_gevonden=t[OUitkomst.GEEN_ONRECHTMATIGHEID],
                niet_vast_te_stellen=t[OUitkomst.NIET_VAST_TE_STELLEN],
                onrechtmatig=t[OUitkomst.ONRECHTMATIGHEID],
            )
        )
    return result


def ingrijpend(f: KpiFilter) -> Ingrijpend:
    """Intrusive steps (onderzoek.activiteiten.INGRIJPEND: home visits and observations, art. 8
    EVRM) per investigation closed in the period; verdeling = investigations with 0, 1, 2, 3+."""
    afgerond = _afgerond(f)
    per = dict(
        afgerond.annotate(
            n=Count(
                "activiteiten",
                filter=Q(activiteiten__soort__in=INGRIJPEND),
            )
        ).values_list("pk", "n")
    )
    soorten = dict(
        Activiteit.objects.filter(onderzoek__in=afgerond, soort__in=INGRIJPEND)
        .values_list("soort")
        .annotate(n=Count("pk"))
        .order_by()
    )
    verdeling = Counter("3 of meer" if n >= 3 else str(n) for n in per.values())
    return Ingrijpend(
        onderzoeken=len(per),
        huisbezoeken=soorten.get(Soort.HUISBEZOEK, 0),
        waarnemingen=soorten.get(Soort.WAARNEMING, 0),
        verdeling={k: verdeling.get(k, 0) for k in ("0", "1", "2", "3 of meer")},
    )


def kerncijfers(f: KpiFilter) -> list[tuple[str, int]]:
    """The headline numbers to compare municipalities and years: one count query each, with the
    same definitions as the full tables (trechter, belasting, ingrijpend, prevention)."""
    from naleving.preventie.models import Informatiemoment, Wijzigingsmelding

    afgerond = _afgerond(f)
    telling = afgerond.aggregate(
        n=Count("pk"), niets=Count("pk", filter=Q(uitkomst=OUitkomst.GEEN_ONRECHTMATIGHEID))
    )
    return [
        ("Signalen", _signalen(f).count()),
        ("Onderzoeken gestart", _onderzoeken(f).filter(f.tijd("aangevraagd_op")).count()),
        ("Onderzoeken afgerond", telling["n"]),
        ("Afgerond zonder bevinding", telling["niets"]),
        (
            "Ingrijpende stappen",
            Activiteit.objects.filter(onderzoek__in=afgerond, soort__in=INGRIJPEND).count(),
        ),
        (
            "Informatiemomenten",
            Informatiemoment.objects.filter(
                f.datum("datum"), f.scope(gemeente="client__gemeente")
            ).count(),
        ),
        (
            "Wijzigingen ontvangen",
            Wijzigingsmelding.objects.filter(
                f.tijd("ontvangen_op"), f.scope(gemeente="client__gemeente")
            ).count(),
        ),
    ]


def kerncijfers_leeg() -> list[tuple[str, int]]:
    return [(lbl, 0) for lbl in KERNCIJFERS]


KERNCIJFERS = (
    "Signalen",
    "Onderzoeken gestart",
    "Onderzoeken afgerond",
    "Afgerond zonder bevinding",
    "Ingrijpende stappen",
    "Informatiemomenten",
    "Wijzigingen ontvangen",
)


def kerncijfers_per(f: KpiFilter, per: str) -> dict[int, list[tuple[str, int]]]:
    """`kerncijfers` for every municipality (per="gemeente") or every year of the filter's range
    (per="jaar", with `tot_jaar`) at once: seven grouped queries instead of seven per group."""
    from django.db.models.functions import ExtractYear

    from naleving.preventie.models import Informatiemoment, Wijzigingsmelding

    def sleutel(gemeente: str, tijd: str) -> Any:
        return F(gemeente) if per == "gemeente" else ExtractYear(tijd)

    def tel(qs: Any, k: Any) -> dict[int, Any]:
        rijen = qs.annotate(k=k).values("k").annotate(n=Count("pk")).order_by()
        return {r["k"]: r for r in rijen}

    afgerond = _afgerond(f)
    delen = [
        ("Signalen", tel(_signalen(f), sleutel("gemeente_id", "ontvangen_op"))),
        (
            "Onderzoeken gestart",
            tel(
                _onderzoeken(f).filter(f.tijd("aangevraagd_op")),
                sleutel("gemeente_id", "aangevraagd_op"),
            ),
        ),
        ("Onderzoeken afgerond", tel(afgerond, sleutel("gemeente_id", "afgerond_op"))),
        (
            "Afgerond zonder bevinding",
            tel(
                afgerond.filter(uitkomst=OUitkomst.GEEN_ONRECHTMATIGHEID),
                sleutel("gemeente_id", "afgerond_op"),
            ),
        ),
        (
            "Ingrijpende stappen",
            tel(
                Activiteit.objects.filter(onderzoek__in=afgerond, soort__in=INGRIJPEND),
                sleutel("onderzoek__gemeente_id", "onderzoek__afgerond_op"),
            ),
        ),
        (
            "Informatiemomenten",
            tel(
                Informatiemoment.objects.filter(
                    f.datum("datum"), f.scope(gemeente="client__gemeente")
                ),
                sleutel("client__gemeente_id", "datum"),
            ),
        ),
        (
            "Wijzigingen ontvangen",
            tel(
                Wijzigingsmelding.objects.filter(
                    f.tijd("ontvangen_op"), f.scope(gemeente="client__gemeente")
                ),
                sleutel("client__gemeente_id", "ontvangen_op"),
            ),
        ),
    ]
    groepen = {k for _l, d in delen for k in d if k is not None}
    return {g: [(lbl, d[g]["n"] if g in d else 0) for lbl, d in delen] for g in groepen}
