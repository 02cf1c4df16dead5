# SPDX-License-Identifier: EUPL-1.2
"""Reading staff and roles (the functioneel beheerder's start page). What a start page shows of clients is read
in `naleving.clienten`, which composes the page per role (`naleving.clienten.startpagina`)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from naleving.accounts.models import Rol, User


def rollen_met_aantal() -> QuerySet[Rol]:
    """Every role with the number of staff members who have it (`aantal`)."""
    return Rol.objects.annotate(aantal=Count("medewerkers")).order_by("naam")


def medewerkers_met_rol() -> QuerySet[User]:
    """Every staff member with their role and municipalities, by role and username."""
    return (
        User.objects.select_related("rol")
        .prefetch_related("gemeenten")
        .order_by("rol__naam", "username")
    )
