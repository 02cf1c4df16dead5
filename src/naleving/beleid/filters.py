# SPDX-License-Identifier: EUPL-1.2
"""The cut of every figure: year, optionally a quarter, a municipality and a law.

A case belongs to a law when its client has (or had) a benefit under that law (`Uitkering.wet`);
signals and investigations do not carry a law themselves. A signal without a matched client has
no law and drops out of a law filter (it still counts without one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from naleving.clienten.models import Uitkering


@dataclass(frozen=True)
class KpiFilter:
    jaar: int
    kwartaal: int | None = None
    gemeente_id: int | None = None
    wet: str | None = None
    #: the municipalities the viewer may see figures of (None = all)
    binnen: tuple[int, ...] | None = None
    #: a range of whole years, `jaar` up to and including `tot_jaar` (for year-on-year figures)
    tot_jaar: int | None = None

    @property
    def van(self) -> date:
        return (
            date(self.jaar, 1 + 3 * (self.kwartaal - 1), 1)
            if self.kwartaal
            else date(self.jaar, 1, 1)
        )

    @property
    def tot(self) -> date:
        """Last day of the period (inclusive)."""
        if self.tot_jaar:
            return date(self.tot_jaar, 12, 31)
        if self.kwartaal and self.kwartaal < 4:
            return date(self.jaar, 1 + 3 * self.kwartaal, 1) - timedelta(days=1)
        return date(self.jaar, 12, 31)

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.van, time.min))

    @property
    def einde(self) -> datetime:
        """Exclusive end as an aware timestamp."""
        return timezone.make_aware(datetime.combine(self.tot + timedelta(days=1), time.min))

    def tijd(self, veld: str) -> Q:
        return Q(**{f"{veld}__gte": self.start, f"{veld}__lt": self.einde})

    def datum(self, veld: str) -> Q:
        return Q(**{f"{veld}__gte": self.van, f"{veld}__lte": self.tot})

    def scope(self, *, gemeente: str, client: str = "client") -> Q:
        """Municipality and law; `gemeente` and `client` are the lookup paths on the model."""
        q = Q()
        if self.gemeente_id is not None:
            q &= Q(**{f"{gemeente}_id": self.gemeente_id})
        if self.binnen is not None:
            q &= Q(**{f"{gemeente}_id__in": self.binnen})
        if self.wet:
            q &= Q(
                **{f"{client}_id__in": Uitkering.objects.filter(wet=self.wet).values("client_id")}
            )
        return q

    def met(self, **changes: Any) -> KpiFilter:
        return KpiFilter(**{**self.__dict__, **changes})

    @property
    def periode_label(self) -> str:
        return f"{self.jaar} K{self.kwartaal}" if self.kwartaal else str(self.jaar)
