# SPDX-License-Identifier: EUPL-1.2
"""Reads for the retention pages: the destruction log and the legal holds (counts and client numbers only)."""

from __future__ import annotations

from django.db.models import QuerySet

from naleving.bewaren.models import Bewaarstop, Vernietiging


def vernietigingslog(*, limiet: int = 200) -> QuerySet[Vernietiging]:
    return Vernietiging.objects.order_by("-uitgevoerd_op", "soort")[:limiet]


def bewaarstops(*, alleen_actief: bool = False) -> QuerySet[Bewaarstop]:
    qs = Bewaarstop.objects.select_related("client", "geplaatst_door", "opgeheven_door")
    return qs.filter(opgeheven_op__isnull=True) if alleen_actief else qs
