# SPDX-License-Identifier: EUPL-1.2
"""KPI selectors for prevention and service (pillars 1 and 2) and for lead times per stage.
Aggregates only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from django.db.models import Count, F, Window
from django.db.models.functions import Lead

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


def _duren(paren: Iterable[tuple[datetime, datetime | None]]) -> list[timedelta]:
    return [b - a for a, b in paren if b is not None]


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
    same definition as preventie.selectors.reactietijden, here also cut by law."""
    qs = Wijzigingsmelding.objects.filter(
        f.tijd("ontvangen_op"), f.scope(gemeente="client__gemeente")
    )
    dagen = Instelling.huidig().reactietermijn_dagen
    uren = [
        d.total_seconds() / 3600
        for d in _duren(
            qs.filter(status=MeldingStatus.AFGEHANDELD).values_list(
                "ontvangen_op", "afgehandeld_op"
            )
        )
    ]
    return Meldingen(
        ontvangen=qs.count(),
        afgehandeld=len(uren),
        open=qs.exclude(status=MeldingStatus.AFGEHANDELD).count(),
        binnen_termijn=sum(u <= dagen * 24 for u in uren),
        mediaan_uren=round(median(uren), 1) if uren else None,
        termijn_dagen=dagen,
    )


@dataclass(frozen=True)
class Doorlooptijd:
    stap: str
    aantal: int
    mediaan_dagen: float | None
    gemiddeld_dagen: float | None


def _rij(stap: str, duren: list[timedelta]) -> Doorlooptijd:
    dagen = [d.total_seconds() / 86400 for d in duren]
    return Doorlooptijd(
        stap,
        len(dagen),
        round(median(dagen), 1) if dagen else None,
        round(sum(dagen) / len(dagen), 1) if dagen else None,
    )


def doorlooptijden(f: KpiFilter) -> list[Doorlooptijd]:
    """Lead time per stage, from the history tables. Triage: signal received → triage decision
    (decisions taken in the period). Investigation stages: time spent in a state, counted for
    stays that ended in the period (the next row of OnderzoekOvergang), so a stay is counted once,
    in the period it ended. Plus the whole investigation: requested → closed."""
    triage = [
        t - o
        for o, t in Triagebesluit.objects.filter(
            f.tijd("tijdstip"), f.scope(gemeente="signaal__gemeente", client="signaal__client")
        ).values_list("signaal__ontvangen_op", "tijdstip")
    ]
    onderzoeken = Onderzoek.objects.filter(f.scope(gemeente="gemeente"))
    stays = (
        OnderzoekOvergang.objects.filter(onderzoek__in=onderzoeken)
        .annotate(
            volgende=Window(
                Lead("op"), partition_by=[F("onderzoek_id")], order_by=[F("op"), F("pk")]
            )
        )
        .values_list("naar", "op", "volgende")
    )
    per_stap: dict[str, list[timedelta]] = {s: [] for s in OStatus.values}
    for naar, op, volgende in stays:
        if volgende is not None and f.start <= volgende < f.einde:
            per_stap[naar].append(volgende - op)
    totaal = _duren(
        onderzoeken.filter(f.tijd("afgerond_op"), status=OStatus.AFGEROND).values_list(
            "aangevraagd_op", "afgerond_op"
        )
    )
    return (
        [_rij("Triage van een signaal", triage)]
        + [
            _rij(f"Onderzoek: {OStatus(s).label}", per_stap[s])
            for s in OStatus.values
            if s != OStatus.AFGEROND
        ]
        + [_rij("Onderzoek: aanvraag tot afronding", totaal)]
    )
