# SPDX-License-Identifier: EUPL-1.2
"""KPI selectors for prevention and service (pillars 1 and 2) and for lead times per stage.
Aggregates only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import CombinedExpression

from naleving.beleid.filters import KpiFilter
from naleving.onderzoek.models import Onderzoek, OnderzoekOvergang
from naleving.onderzoek.statemachine import Status as OStatus
from naleving.preventie.models import (
    Campagne,
    Informatiemoment,
    Instelling,
    MeldingStatus,
    SoortInformatiemoment,
    Wijzigingsmelding,
)
from naleving.signalen.models import Triagebesluit


def informatiemomenten(f: KpiFilter) -> list[tuple[str, int]]:
    """Information moments held in the period (by `datum`), per kind."""
    qs = Informatiemoment.objects.filter(f.datum("datum"), f.scope(gemeente="client__gemeente"))
    counts = dict(qs.values_list("soort").annotate(n=Count("pk")).order_by())
    return [(str(lbl), counts.get(code, 0)) for code, lbl in SoortInformatiemoment.choices]


@dataclass(frozen=True)
class CampagneBereik:
    naam: str
    start: str
    einde: str
    brieven: int
    bijeenkomsten: int
    deelnemers: int


def campagnes(f: KpiFilter) -> list[CampagneBereik]:
    """Campaigns running in the period that cover the municipality and law. Reach is recorded per
    campaign, not per municipality: a campaign for three municipalities shows its whole reach."""
    qs = Campagne.objects.filter(start__lte=f.tot, einde__gte=f.van).order_by("start", "pk")
    if f.gemeente_id is not None:
        qs = qs.filter(gemeenten=f.gemeente_id)
    if f.binnen is not None:
        qs = qs.filter(gemeenten__in=f.binnen).distinct()
    return [
        CampagneBereik(
            c.naam,
            c.start.isoformat(),
            c.einde.isoformat(),
            c.brieven_verstuurd,
            c.bijeenkomsten,
            c.deelnemers,
        )
        for c in qs
        if not f.wet or f.wet in c.wetten
    ]


@dataclass(frozen=True)
class Meldingen:
    ontvangen: int
    afgehandeld: int
    open: int
    binnen_termijn: int
    mediaan_uren: float | None
    termijn_dagen: int


def wijzigingsmeldingen(f: KpiFilter) -> Meldingen:
    """Change reports received in the period and their response time (receipt → handled); the
    same definition as preventie.selectors.reactietijden, here also cut by law. The median is
    taken in the database (order by duration, the middle row), so no rows travel."""
    qs = Wijzigingsmelding.objects.filter(
        f.tijd("ontvangen_op"), f.scope(gemeente="client__gemeente")
    )
    dagen = Instelling.huidig().reactietermijn_dagen
    klaar = qs.filter(status=MeldingStatus.AFGEHANDELD, afgehandeld_op__isnull=False).annotate(
        duur=ExpressionWrapper(
            F("afgehandeld_op") - F("ontvangen_op"), output_field=DurationField()
        )
    )
    telling = qs.aggregate(
        ontvangen=Count("pk"),
        afgehandeld=Count(
            "pk", filter=Q(status=MeldingStatus.AFGEHANDELD, afgehandeld_op__isnull=False)
        ),
        open=Count("pk", filter=~Q(status=MeldingStatus.AFGEHANDELD)),
    )
    mediaan = _mediaan(klaar, "duur", telling["afgehandeld"])
    return Meldingen(
        ontvangen=telling["ontvangen"],
        afgehandeld=telling["afgehandeld"],
        open=telling["open"],
        binnen_termijn=klaar.filter(duur__lte=timedelta(days=dagen)).count(),
        mediaan_uren=round(mediaan.total_seconds() / 3600, 1) if mediaan is not None else None,
        termijn_dagen=dagen,
    )


def _mediaan(qs: QuerySet[Any], veld: str, n: int) -> timedelta | None:
    """Median of a duration annotation without fetching the rows: the middle one or two."""
    if n == 0:
        return None
    midden = list(qs.order_by(veld).values_list(veld, flat=True)[(n - 1) // 2 : n // 2 + 1])
    return sum(midden, timedelta()) / len(midden)


@dataclass(frozen=True)
class Doorlooptijd:
    stap: str
    aantal: int
    mediaan_dagen: float | None
    gemiddeld_dagen: float | None


class _Mediaan(Aggregate):
    """PostgreSQL's percentile_cont over an interval; other databases use `_mediaan`."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _statistiek(qs: QuerySet[Any], groep: str | None = None) -> dict[Any, tuple[int, Any, Any]]:
    """{group: (count, median, mean)} of the `duur` annotation, computed in the database: one
    grouped query on PostgreSQL; elsewhere the median takes one more query per group."""
    pg = connection.vendor == "postgresql"
    extra: dict[str, Aggregate] = {"m": _Mediaan("duur")} if pg else {}
    if groep is None:
        rijen = [{"groep": None, **qs.aggregate(n=Count("pk"), g=Avg("duur"), **extra)}]
    else:
        rijen = list(
            qs.values(groep)
            .annotate(n=Count("pk"), g=Avg("duur"), **extra)
            .order_by()
            .values("n", "g", *extra, groep_=F(groep))
        )
        for r in rijen:
            r["groep"] = r.pop("groep_")
    uitkomst = {}
    for r in rijen:
        sub = qs if groep is None else qs.filter(**{groep: r["groep"]})
        mediaan = r["m"] if pg else _mediaan(sub, "duur", r["n"])
        uitkomst[r["groep"]] = (r["n"], mediaan, r["g"])
    return uitkomst


def _rij(stap: str, telling: tuple[int, Any, Any] | None) -> Doorlooptijd:
    n, mediaan, gemiddeld = telling or (0, None, None)

    def dagen(d: timedelta | None) -> float | None:
        return None if d is None else round(d.total_seconds() / 86400, 1)

    return Doorlooptijd(stap, n, dagen(mediaan), dagen(gemiddeld))


def _duur(eind: str, begin: str) -> ExpressionWrapper[CombinedExpression]:
    return ExpressionWrapper(F(eind) - F(begin), output_field=DurationField())


def doorlooptijden(f: KpiFilter) -> list[Doorlooptijd]:
    """Lead time per stage, from the history tables. Triage: signal received → triage decision
    (decisions taken in the period). Investigation stages: time spent in a state, counted in the
    period in which the stay ended: the OnderzoekOvergang row that left the state (`van`, `op`)
    minus the row before it. Plus the whole investigation: requested → closed."""
    triage = Triagebesluit.objects.filter(
        f.tijd("tijdstip"), f.scope(gemeente="signaal__gemeente", client="signaal__client")
    ).annotate(duur=_duur("tijdstip", "signaal__ontvangen_op"))
    onderzoeken = Onderzoek.objects.filter(f.scope(gemeente="gemeente"))
    vorige = (
        OnderzoekOvergang.objects.filter(onderzoek_id=OuterRef("onderzoek_id"))
        .filter(Q(op__lt=OuterRef("op")) | Q(op=OuterRef("op"), pk__lt=OuterRef("pk")))
        .order_by("-op", "-pk")
        .values("op")[:1]
    )
    verblijven = (
        OnderzoekOvergang.objects.filter(f.tijd("op"), onderzoek__in=onderzoeken)
        .exclude(van="")
        .annotate(begin=Subquery(vorige), duur=_duur("op", "begin"))
    )
    totaal = onderzoeken.filter(f.tijd("afgerond_op"), status=OStatus.AFGEROND).annotate(
        duur=_duur("afgerond_op", "aangevraagd_op")
    )
    per_van = (
        _verblijven_pg(f, onderzoeken)
        if connection.vendor == "postgresql"
        else _statistiek(verblijven, "van")
    )
    return (
        [_rij("Triage van een signaal", _statistiek(triage)[None])]
        + [
            _rij(f"Onderzoek: {OStatus(s).label}", per_van.get(s))
            for s in OStatus.values
            if s != OStatus.AFGEROND
        ]
        + [_rij("Onderzoek: aanvraag tot afronding", _statistiek(totaal)[None])]
    )


def _verblijven_pg(
    f: KpiFilter, onderzoeken: QuerySet[Onderzoek]
) -> dict[Any, tuple[int, Any, Any]]:
    """The same stays as in `doorlooptijden`, on PostgreSQL in one pass: a window (LEAD) over the
    history of the investigations that moved in the period, aggregated in the database."""
    bewogen = OnderzoekOvergang.objects.filter(f.tijd("op")).values("onderzoek_id")
    scope_sql, scope_params = (
        onderzoeken.filter(pk__in=bewogen).values("pk").query.sql_with_params()
    )
    tabel = OnderzoekOvergang._meta.db_table
    sql = f"""
        SELECT naar, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY eind - op), AVG(eind - op)
        FROM (
            SELECT naar, op, LEAD(op) OVER (PARTITION BY onderzoek_id ORDER BY op, id) AS eind
            FROM {tabel} WHERE onderzoek_id IN ({scope_sql}) AND op < %s
        ) s
        WHERE eind >= %s AND eind < %s
        GROUP BY naar
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scope_params, f.einde, f.start, f.einde])
        return {naar: (n, mediaan, gemiddeld) for naar, n, mediaan, gemiddeld in cursor.fetchall()}
