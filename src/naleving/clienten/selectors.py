# SPDX-License-Identifier: EUPL-1.2
"""Reading clients. Every function takes the user and answers only within the user's scope.

The scope itself lives here: `clients_in_scope` (the clients a user may see at all) and `may`, the one
entrance for "may user U do action A on object O?". Three questions, in this order: does the user's role grant
the action (`accounts.permissions.has_right`; roles are data); is the object's client inside the user's
municipalities; and, for roles that need a ground (handhaver), is there one — an open signal or investigation,
registered with `register_client_ground` by the app that owns it. Views and APIs call `may`, list pages
narrow their querysets with `clients_in_scope`.

One object of personal data is opened only through `object_for_user`, the gate: it fetches, checks the right
and the scope, logs the read (or the refusal) and answers 404 on refusal. The `*_for_user` / `*_voor_user`
selectors of the apps are one call of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import Http404

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Contactmoment, Uitkering
from naleving.core import bsn as bsn_rules

SEARCH_LIMIT = 50

M = TypeVar("M", bound=Model)

#: Roles whose access to a client needs a ground (an open signal or investigation of their team).
_ClientGround = Callable[[User], Q]
_client_grounds: list[_ClientGround] = []


def register_client_ground(ground: _ClientGround) -> None:
    """An app that gives staff a reason to see a client (a signal, an investigation) registers a Q here.

    The Q is evaluated against the Client model for the given user; a client is in scope for a role that needs
    a ground when any registered Q matches.
    """
    if ground not in _client_grounds:
        _client_grounds.append(ground)


def clients_in_scope(*, user: User, queryset: QuerySet[Client] | None = None) -> QuerySet[Client]:
    """The clients this user may see at all: their municipalities, and for some roles only with a ground."""
    qs = queryset if queryset is not None else Client.objects.all()
    if not has_right(user, "client.bekijken"):
        return qs.none()
    qs = qs.filter(gemeente__in=user.gemeenten.all())
    if user.rol is not None and user.rol.toegang_op_grond:
        grounds = Q(pk__in=[])
        for ground in _client_grounds:
            grounds |= ground(user)
        qs = qs.filter(grounds)
    return qs


def may(user: User, action: str, obj: Any = None) -> bool:
    """May the user take this action, on this object (a client, or anything with a `client`)?"""
    if not has_right(user, action):
        return False
    if obj is None:
        return True
    client = obj if isinstance(obj, Client) else getattr(obj, "client", None)
    if client is None:
        return True
    if not clients_in_scope(user=user).filter(pk=client.pk).exists():
        return False
    if action == "client.wijzigen":
        # The consultant who owns the case keeps its direction (eindregie); colleagues record contact moments.
        return client.consulent_id == user.pk
    return True


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
    qs = clients_in_scope(user=user).select_related("gemeente")
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


def object_for_user(
    *,
    user: User,
    queryset: QuerySet[M],
    recht: str,
    reden: str = "",
    weigerreden: str,
    niet_gevonden: str,
    scope: QuerySet[M] | None = None,
    **lookup: Any,
) -> M:
    """The gate: one object of personal data, if the user may see it; else 404 and a denial in the log.

    `queryset` says what to fetch (with its select_related and prefetches), `lookup` which one (one field,
    e.g. `pk=` or `clientnummer=`). The user may see it when their role grants `recht` and the object is in
    scope: inside `scope` when given (a signal's triage scope), else its client (the object itself, or its
    `client`) inside `clients_in_scope` — `may`. A refusal and an object that does not exist look the same
    (404, never 403, so existence does not leak); both are logged as GEWEIGERD with what was asked for and,
    when the object exists, its client. A read is logged as BEKIJKEN with `reden`.
    """
    obj = queryset.filter(**lookup).first()
    client = _client_van(obj) if obj is not None else None
    if obj is None or not (
        has_right(user, recht) and scope.filter(pk=obj.pk).exists()
        if scope is not None
        else may(user, recht, obj)
    ):
        audit_log(
            user=user,
            actie=Actie.GEWEIGERD,
            object_type=queryset.model._meta.label_lower,
            object_id=str(next(iter(lookup.values())))[:64],
            client=client,
            reden=weigerreden,
        )
        raise Http404(niet_gevonden)
    audit_log(user=user, actie=Actie.BEKIJKEN, obj=obj, client=client, reden=reden)
    return obj


def _client_van(obj: Model) -> Client | None:
    return obj if isinstance(obj, Client) else getattr(obj, "client", None)


def client_for_user(*, user: User, clientnummer: str, reden: str = "") -> Client:
    """The client file, if the user may see it. Otherwise 404 — no hint that it exists — and a denial entry."""
    return object_for_user(
        user=user,
        queryset=Client.objects.select_related("gemeente", "consulent").prefetch_related(
            "huishoudleden",
            Prefetch("uitkeringen", queryset=Uitkering.objects.select_related("gemeente")),
        ),
        recht="client.bekijken",
        reden=reden,
        weigerreden="Geen toegang: cliënt buiten bevoegdheid of bestaat niet",
        niet_gevonden="Cliënt niet gevonden",
        clientnummer=clientnummer,
    )


def contactmomenten(*, client: Client, limit: int = 100) -> QuerySet[Contactmoment]:
    return client.contactmomenten.select_related("medewerker").order_by("-tijdstip")[:limit]


def my_clients(*, user: User, limit: int = 25) -> QuerySet[Client]:
    return (
        clients_in_scope(user=user)
        .filter(consulent=user)
        .select_related("gemeente")
        .order_by("zoeknaam")[:limit]
    )


def recente_contactmomenten(*, user: User, limit: int = 10) -> QuerySet[Contactmoment]:
    """The contact moments this staff member recorded last (their start page)."""
    return (
        Contactmoment.objects.filter(medewerker=user)
        .select_related("client")
        .order_by("-tijdstip")[:limit]
    )


def caseload_per_gemeente_en_wet(*, user: User) -> list[dict[str, Any]]:
    """Running benefits per municipality and law; counts only, no personal data."""
    rows = (
        Uitkering.objects.filter(gemeente__in=user.gemeenten.all(), einddatum__isnull=True)
        .values("gemeente__naam", "wet")
        .annotate(aantal=Count("id"))
        .order_by("gemeente__naam", "wet")
    )
    return list(rows)


def caseload_per_consulent(*, user: User) -> list[dict[str, Any]]:
    """Clients per consultant in the user's municipalities; counts only."""
    scope = user.gemeenten.all()
    return list(
        User.objects.filter(rol_id="inkomensconsulent", gemeenten__in=scope)
        .distinct()
        .annotate(aantal=Count("clienten", filter=Q(clienten__gemeente__in=scope), distinct=True))
        .order_by("last_name", "first_name")
        .values("username", "first_name", "last_name", "aantal")
    )
