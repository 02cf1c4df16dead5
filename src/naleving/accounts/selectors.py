# SPDX-License-Identifier: EUPL-1.2
"""What each role sees on its start page: the work of that role, from the data, never a placeholder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from naleving.accounts.models import Rol, User
from naleving.accounts.permissions import clients_in_scope
from naleving.clienten.models import Contactmoment, Uitkering


@dataclass
class Startpagina:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def caseload_per_gemeente_en_wet(user: User) -> list[dict[str, Any]]:
    """Running benefits per municipality and law; counts only, no personal data."""
    rows = (
        Uitkering.objects.filter(gemeente__in=user.gemeenten.all(), einddatum__isnull=True)
        .values("gemeente__naam", "wet")
        .annotate(aantal=Count("id"))
        .order_by("gemeente__naam", "wet")
    )
    return list(rows)


def caseload_per_consulent(user: User) -> list[dict[str, Any]]:
    scope = user.gemeenten.all()
    return list(
        User.objects.filter(rol_id="inkomensconsulent", gemeenten__in=scope)
        .distinct()
        .annotate(aantal=Count("clienten", filter=Q(clienten__gemeente__in=scope), distinct=True))
        .order_by("last_name", "first_name")
        .values("username", "first_name", "last_name", "aantal")
    )


def startpagina(user: User) -> Startpagina:
    code = user.rol_id or ""
    if code == "inkomensconsulent":
        mine = (
            clients_in_scope(user)
            .filter(consulent=user)
            .select_related("gemeente")
            .order_by("zoeknaam")
        )
        return Startpagina(
            "accounts/start_consulent.html",
            {
                "mijn_clienten": mine[:25],
                "aantal_mijn_clienten": mine.count(),
                "recente_contacten": Contactmoment.objects.filter(medewerker=user)
                .select_related("client")
                .order_by("-tijdstip")[:10],
            },
        )
    if code == "trajectbegeleider":
        return Startpagina(
            "accounts/start_trajectbegeleider.html",
            {
                "recente_contacten": Contactmoment.objects.filter(medewerker=user)
                .select_related("client")
                .order_by("-tijdstip")[:10],
            },
        )
    if code == "teamleider":
        in_scope = clients_in_scope(user)
        return Startpagina(
            "accounts/start_teamleider.html",
            {
                "per_consulent": caseload_per_consulent(user),
                "zonder_consulent": in_scope.filter(consulent__isnull=True).count(),
                "totaal": in_scope.count(),
            },
        )
    if code == "beleidsmedewerker":
        return Startpagina(
            "accounts/start_beleid.html", {"caseload": caseload_per_gemeente_en_wet(user)}
        )
    if code == "beheerder":
        return Startpagina(
            "accounts/start_beheer.html",
            {
                "rollen": Rol.objects.annotate(aantal=Count("medewerkers")).order_by("naam"),
                "medewerkers": User.objects.select_related("rol")
                .prefetch_related("gemeenten")
                .order_by("rol__naam", "username"),
            },
        )
    if code == "privacy":
        from naleving.audit.models import AuditEntry

        return Startpagina(
            "accounts/start_privacy.html",
            {
                "recent": AuditEntry.objects.order_by("-volgnummer")[:15],
                "weigeringen": AuditEntry.objects.filter(actie="geweigerd").order_by("-volgnummer")[
                    :10
                ],
            },
        )
    if code == "handhaver":
        return Startpagina(
            "accounts/start_handhaver.html",
            {"clienten_met_grond": clients_in_scope(user).select_related("gemeente")[:25]},
        )
    return Startpagina("accounts/start_geen_rol.html")
