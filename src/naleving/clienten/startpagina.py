# SPDX-License-Identifier: EUPL-1.2
"""What each role sees on its start page: the work of that role, from the data, never a placeholder.

It lives here, one floor above accounts and audit, because it reads from all three: the clients in the user's
scope, the roles and staff (accounts) and the newest log entries (audit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from naleving.accounts.models import User
from naleving.accounts.selectors import medewerkers_met_rol, open_verzoeken, rollen_met_aantal
from naleving.audit.selectors import recente_entries, recente_weigeringen
from naleving.clienten.selectors import (
    caseload_per_consulent,
    caseload_per_gemeente_en_wet,
    clients_in_scope,
    recente_contactmomenten,
)
from naleving.clienten.taken import mijn_taken


@dataclass
class Startpagina:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def startpagina(user: User) -> Startpagina:
    code = user.rol_id or ""
    if code == "inkomensconsulent":
        mine = (
            clients_in_scope(user=user)
            .filter(consulent=user)
            .select_related("gemeente")
            .order_by("zoeknaam")
        )
        return Startpagina(
            "accounts/start_consulent.html",
            {
                "mijn_clienten": mine[:25],
                "aantal_mijn_clienten": mine.count(),
                "recente_contacten": recente_contactmomenten(user=user),
                "taken": mijn_taken(user=user),
            },
        )
    if code == "trajectbegeleider":
        return Startpagina(
            "accounts/start_trajectbegeleider.html",
            {"recente_contacten": recente_contactmomenten(user=user)},
        )
    if code == "teamleider":
        in_scope = clients_in_scope(user=user)
        return Startpagina(
            "accounts/start_teamleider.html",
            {
                "per_consulent": caseload_per_consulent(user=user),
                "zonder_consulent": in_scope.filter(consulent__isnull=True).count(),
                "totaal": in_scope.count(),
                "taken": mijn_taken(user=user),
            },
        )
    if code == "beleidsmedewerker":
        return Startpagina(
            "accounts/start_beleid.html", {"caseload": caseload_per_gemeente_en_wet(user=user)}
        )
    if code == "beheerder":
        return Startpagina(
            "accounts/start_beheer.html",
            {
                "rollen": rollen_met_aantal(),
                "medewerkers": medewerkers_met_rol(),
                "open_verzoeken": open_verzoeken(),
            },
        )
    if code == "privacy":
        return Startpagina(
            "accounts/start_privacy.html",
            {
                "recent": recente_entries(),
                "weigeringen": recente_weigeringen(),
                "open_verzoeken": open_verzoeken(),
            },
        )
    if code == "handhaver":
        return Startpagina(
            "accounts/start_handhaver.html",
            {
                "clienten_met_grond": clients_in_scope(user=user).select_related("gemeente")[:25],
                "taken": mijn_taken(user=user),
            },
        )
    return Startpagina("accounts/start_geen_rol.html")
