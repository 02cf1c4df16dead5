# SPDX-License-Identifier: EUPL-1.2
"""Reading clients. Every function takes the user and answers only within the user's scope."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from naleving.accounts.models import User
from naleving.accounts.permissions import clients_in_scope, has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Contactmoment, Uitkering
from naleving.core import bsn as bsn_rules

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Zoekresultaat:
    clienten: list[Client]
    meer: bool
    soort: str  # "bsn", "clientnummer", "naam"


def client_search(*, user: User, zoekterm: str) -> Zoekresultaat:
    """Find clients by BSN (exact), client number (exact) or the start of the surname (as 'achternaam voornaam').

    The search itself is logged: which term, and which clients were shown.
    """
    term = " ".join(zoekterm.split())
    if not term or not has_right(user, "client.zoeken"):
        return Zoekresultaat([], False, "")
    qs = clients_in_scope(user).select_related("gemeente")
    compact = term.replace(".", "").replace(" ", "")
    if compact.isdigit() and len(compact) in (8, 9) and bsn_rules.is_valid(compact):
        soort, qs = "bsn", qs.filter(bsn=bsn_rules.normalize(compact))
    elif compact.upper().startswith("C") and compact[1:].isdigit():
        soort, qs = "clientnummer", qs.filter(clientnummer=compact.upper())
    else:
        prefix = term.lower()
        # A range on the indexed column instead of LIKE: portable, and it uses the index on every database.
        soort, qs = "naam", qs.filter(zoeknaam__gte=prefix, zoeknaam__lt=prefix + "\uffff")
    found = list(qs.order_by("zoeknaam", "pk")[: SEARCH_LIMIT + 1])
    shown = found[:SEARCH_LIMIT]
    audit_log(
        user=user,
        actie=Actie.ZOEKEN,
        object_type="clienten.client",
        velden={"zoekterm": term, "soort": soort, "getoond": [c.clientnummer for c in shown]},
    )
    return Zoekresultaat(shown, len(found) > SEARCH_LIMIT, soort)


def client_for_user(*, user: User, clientnummer: str, reden: str = "") -> Client:
    """The client file, if the user may see it. Otherwise 404 — no hint that it exists — and a denial entry."""
    client = (
        Client.objects.select_related("gemeente", "consulent")
        .prefetch_related(
            "huishoudleden",
            Prefetch("uitkeringen", queryset=Uitkering.objects.select_related("gemeente")),
        )
        .filter(clientnummer=clientnummer)
        .first()
    )
    if client is None or not clients_in_scope(user).filter(pk=client.pk).exists():
        audit_log(
            user=user,
            actie=Actie.GEWEIGERD,
            object_type="clienten.client",
            object_id=clientnummer[:64],
            client=client,
            reden="Geen toegang: cliënt buiten bevoegdheid of bestaat niet",
        )
        raise Http404("Cliënt niet gevonden")
    audit_log(user=user, actie=Actie.BEKIJKEN, obj=client, reden=reden)
    return client


def contactmomenten(client: Client, limit: int = 100) -> QuerySet[Contactmoment]:
    return client.contactmomenten.select_related("medewerker").order_by("-tijdstip")[:limit]


def my_clients(*, user: User, limit: int = 25) -> QuerySet[Client]:
    return (
        clients_in_scope(user)
        .filter(consulent=user)
        .select_related("gemeente")
        .order_by("zoeknaam")[:limit]
    )
