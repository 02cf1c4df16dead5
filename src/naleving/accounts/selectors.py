# SPDX-License-Identifier: EUPL-1.2
"""Reading staff and roles (the functioneel beheerder's start page). What a start page shows of clients is read
in `naleving.clienten`, which composes the page per role (`naleving.clienten.startpagina`)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from naleving.accounts.models import Gemeente, Rechtenverzoek, Rol, User
from naleving.accounts.permissions import ACTIES


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


def open_verzoeken() -> list[tuple[Rechtenverzoek, list[str]]]:
    return [(v, verzoek_omschrijving(verzoek=v)) for v in rechtenverzoeken(open_=True)[:10]]


def verzoek_omschrijving(*, verzoek: Rechtenverzoek) -> list[str]:
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
