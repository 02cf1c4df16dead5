# SPDX-License-Identifier: EUPL-1.2
"""What each role sees on its start page: the work of that role, from the data, never a placeholder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from naleving.accounts.models import Gemeente, Rechtenverzoek, Rol, User
from naleving.accounts.permissions import ACTIES, clients_in_scope
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


def _open_verzoeken() -> list[tuple[Rechtenverzoek, list[str]]]:
    return [(v, verzoek_omschrijving(v)) for v in rechtenverzoeken(open_=True)[:10]]


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
                "open_verzoeken": _open_verzoeken(),
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
                "open_verzoeken": _open_verzoeken(),
            },
        )
    if code == "handhaver":
        return Startpagina(
            "accounts/start_handhaver.html",
            {"clienten_met_grond": clients_in_scope(user).select_related("gemeente")[:25]},
        )
    return Startpagina("accounts/start_geen_rol.html")


def verzoek_omschrijving(verzoek: Rechtenverzoek) -> list[str]:
    """What a rights request grants, in plain Dutch, one line per change."""
    wijziging = verzoek.wijziging
    regels: list[str] = []
    if verzoek.rol is not None:
        for code in wijziging.get("rechten", []):
            regels.append(
                f"de rol '{verzoek.rol.naam}' krijgt het recht '{ACTIES.get(code, code)}' ({code})"
            )
        if wijziging.get("zonder_grond"):
            regels.append(
                f"de rol '{verzoek.rol.naam}' ziet cliënten ook zonder grond (signaal of onderzoek)"
            )
        return regels
    wie = verzoek.medewerker.get_username() if verzoek.medewerker is not None else "?"
    if "rol" in wijziging:
        namen = dict(Rol.objects.values_list("code", "naam"))
        was = namen.get(wijziging.get("rol_was") or "", "geen rol")
        regels.append(
            f"{wie} krijgt de rol '{namen.get(wijziging['rol'], wijziging['rol'])}' (nu: {was})"
        )
    if wijziging.get("gemeenten"):
        namen = dict(Gemeente.objects.values_list("cbs_code", "naam"))
        lijst = ", ".join(namen.get(c, c) for c in wijziging["gemeenten"])
        regels.append(f"{wie} krijgt toegang tot de gemeente(n) {lijst}")
    if wijziging.get("activeren"):
        regels.append(f"het account van {wie} wordt weer actief")
    if wijziging.get("superuser"):
        regels.append(f"{wie} wordt superuser (alle rechten in het beheerscherm)")
    return regels


def rechtenverzoeken(*, open_: bool) -> QuerySet[Rechtenverzoek]:
    """Open requests (oldest first), or the decided ones (newest first)."""
    qs = Rechtenverzoek.objects.select_related(
        "rol", "medewerker", "aangevraagd_door", "beslist_door"
    )
    if open_:
        return qs.filter(status=Rechtenverzoek.Status.OPEN).order_by("aangevraagd_op", "pk")
    return qs.exclude(status=Rechtenverzoek.Status.OPEN).order_by("-beslist_op", "-pk")
