# SPDX-License-Identifier: EUPL-1.2
"""Reading signals, scoped to the user. Queues are ordered by age, deadline or type only — never by
a score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Count, F, Min, Q, QuerySet, Value, When
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client
from naleving.clienten.selectors import object_for_user
from naleving.signalen.models import (
    OPEN_STATUSSEN,
    Bijlage,
    Bron,
    Signaal,
    Signaalimport,
    Status,
    Taak,
)

#: The only orderings a queue offers (issue 4: "ordering of queues by age, deadline and type only").
ORDENINGEN: dict[str, tuple[str, ...]] = {
    "leeftijd": ("ontvangen_op", "pk"),
    "termijn": ("termijn", "ontvangen_op", "pk"),
    "soort": ("product", "ontvangen_op", "pk"),
}
WACHTRIJ_LIMIET = 200


def open_signaal_ground(user: User) -> Q:
    """Registered with accounts.permissions: a handhaver sees a client with an open signal (or
    investigation) in one of the handhaver's municipalities."""
    open_clients = Signaal.objects.filter(
        status__in=OPEN_STATUSSEN, client__isnull=False, gemeente__in=user.gemeenten.all()
    ).values("client_id")
    return Q(pk__in=open_clients)


def _triage_scope(user: User) -> QuerySet[Signaal]:
    if not has_right(user, "signaal.triageren"):
        raise PermissionDenied("Alleen een handhaver ziet de wachtrij van signalen.")
    return Signaal.objects.filter(Q(gemeente__in=user.gemeenten.all()) | Q(gemeente__isnull=True))


def wachtrij(*, user: User, gekoppeld: bool, ordening: str = "leeftijd") -> QuerySet[Signaal]:
    """Signals awaiting triage: linked ones, or the unmatched queue (no client yet)."""
    qs = _triage_scope(user).filter(
        status__in=(Status.ONTVANGEN, Status.IN_TRIAGE), client__isnull=not gekoppeld
    )
    return qs.select_related("client", "gemeente").order_by(
        *ORDENINGEN.get(ordening, ORDENINGEN["leeftijd"])
    )


def signaal_voor_triage(*, user: User, pk: int, reden: str = "") -> Signaal:
    """One signal for the handhaver through the gate (`object_for_user`), within the triage scope
    (the handhaver's municipalities, and signals not yet linked to one); outside it: 404 and a denial in
    the access log. A role that never triages gets 403 from the scope before anything is fetched."""
    return object_for_user(
        user=user,
        queryset=Signaal.objects.select_related(
            "client", "gemeente", "groep", "triagebesluit__door", "melding"
        ),
        scope=_triage_scope(user),
        recht="signaal.triageren",
        reden=reden,
        weigerreden="Geen toegang: signaal buiten bevoegdheid of bestaat niet",
        niet_gevonden="Signaal niet gevonden",
        pk=pk,
    )


def bijlage_voor_triage(*, user: User, pk: int) -> Bijlage:
    """One attachment, through the gate within the triage scope of its signal (as the signal itself)."""
    return object_for_user(
        user=user,
        queryset=Bijlage.objects.select_related("signaal__client"),
        scope=Bijlage.objects.filter(signaal__in=_triage_scope(user)),
        recht="signaal.triageren",
        reden="Bijlage openen",
        weigerreden="Geen toegang: bijlage buiten bevoegdheid of bestaat niet",
        niet_gevonden="Bestand niet gevonden",
        pk=pk,
    )


def taak_voor_user(*, user: User, pk: int) -> Taak:
    """One task from triage, through the gate: the right to complete tasks and the client in scope."""
    return object_for_user(
        user=user,
        queryset=Taak.objects.select_related("client"),
        recht="taak.afronden",
        reden="Taak afronden",
        weigerreden="Geen toegang: taak buiten bevoegdheid of bestaat niet",
        niet_gevonden="Taak niet gevonden",
        pk=pk,
    )


def signaal_pagina(*, signaal: Signaal) -> dict[str, Any]:
    """Everything the signal page reads beside its forms, in a fixed number of queries however long its
    history and group grow (tests/signalen/test_detail_queries.py). `signaal` came through the gate
    (signaal_voor_triage)."""
    from naleving.signalen import extravelden, services
    from naleving.signalen.bevestiging import bevestigingen_voor

    return {
        "signaal": signaal,
        "extra_velden": extravelden.toonbaar(signaal.bron, signaal.product, signaal.payload),
        "groep": groepsgenoten(signaal=signaal),
        "overgangen": list(signaal.overgangen.select_related("door")),
        "bijlagen": list(signaal.bijlagen.all()),
        "melding": getattr(signaal, "melding", None),
        "open": signaal.status in (Status.ONTVANGEN, Status.IN_TRIAGE),
        "bevestigingen": bevestigingen_voor(signaal_ids=[signaal.pk]),
        "onderzoek_url": services.onderzoek_link(onderzoek_ref=signaal.onderzoek_ref),
    }


def groepsgenoten(*, signaal: Signaal) -> list[Signaal]:
    if signaal.groep_id is None:
        return []
    return list(
        Signaal.objects.filter(groep_id=signaal.groep_id).exclude(pk=signaal.pk).order_by("datum")
    )


def signalen_van_client(*, user: User, client: Client) -> list[Signaal]:
    """For the client file: only a handhaver sees the signals themselves."""
    if not has_right(user, "signaal.triageren"):
        return []
    return list(Signaal.objects.filter(client=client).order_by("-ontvangen_op")[:20])


def open_taken(*, client: Client) -> list[Taak]:
    return list(
        Taak.objects.filter(client=client, afgerond_op__isnull=True).select_related("consulent")
    )


def signalen_voor_onderzoek() -> QuerySet[Signaal]:
    """For the Onderzoek capability: triaged 'onderzoek starten' and not yet linked to an
    investigation."""
    return Signaal.objects.filter(status=Status.ONDERZOEK, onderzoek_ref="").select_related(
        "client"
    )


@dataclass(frozen=True)
class Teamoverzicht:
    per_gemeente: list[dict[str, Any]]
    open_signalen: list[Signaal]
    per_bron: list[dict[str, Any]]


def teamoverzicht(*, user: User) -> Teamoverzicht:
    """The teamleider's view: queue per municipality with ages and deadlines, and per source the
    share of signals that led to an established finding. Counts and signal numbers only, no
    names."""
    if not has_right(user, "signaal.overzicht"):
        raise PermissionDenied("Alleen een teamleider ziet het overzicht van signalen.")
    vandaag = timezone.localdate()
    scope = Signaal.objects.filter(Q(gemeente__in=user.gemeenten.all()) | Q(gemeente__isnull=True))
    wacht = scope.filter(status__in=(Status.ONTVANGEN, Status.IN_TRIAGE))
    per_gemeente = list(
        wacht.values(naam=F("gemeente__naam"))
        .annotate(
            ontvangen=Count("pk", filter=Q(status=Status.ONTVANGEN)),
            in_triage=Count("pk", filter=Q(status=Status.IN_TRIAGE)),
            te_laat=Count("pk", filter=Q(termijn__lt=vandaag)),
            oudste=Min("ontvangen_op"),
        )
        .order_by("naam")
    )
    for rij in per_gemeente:
        rij["naam"] = rij["naam"] or "Nog niet gekoppeld"
        rij["oudste_dagen"] = (vandaag - timezone.localdate(rij["oudste"])).days
    bronlabel = Case(
        When(bron=Bron.KETENPARTNER, then=F("bron_naam")),
        default=Value(""),
        output_field=CharField(),
    )
    per_bron = list(
        scope.annotate(bronlabel=bronlabel)
        .values("bron", "bronlabel")
        .annotate(
            totaal=Count("pk"),
            onderzoek=Count("pk", filter=Q(uitkomst="onderzoek")),
            vastgesteld=Count("pk", filter=Q(bevinding_vastgesteld=True)),
        )
        .order_by("bron", "bronlabel")
    )
    for rij in per_bron:
        rij["bron_display"] = Bron(rij["bron"]).label + (
            f": {rij['bronlabel']}" if rij["bronlabel"] else ""
        )
        rij["aandeel"] = (
            round(100 * rij["vastgesteld"] / rij["totaal"], 1) if rij["totaal"] else 0.0
        )
    open_signalen = list(
        wacht.select_related("gemeente").order_by("termijn", "ontvangen_op")[:WACHTRIJ_LIMIET]
    )
    for s in open_signalen:
        s.leeftijd_dagen = (vandaag - timezone.localdate(s.ontvangen_op)).days  # type: ignore[attr-defined]
    audit_log(
        user=user,
        actie=Actie.BEKIJKEN,
        object_type="signalen.teamoverzicht",
        velden={"signalen": [s.pk for s in open_signalen]},
    )
    return Teamoverzicht(per_gemeente, open_signalen, per_bron)


def laatste_imports(*, aantal: int = 10) -> list[Signaalimport]:
    """The latest batch imports for the teamleider's upload page: counts and file names, no personal data.
    A file read on a worker shows up here when it is done."""
    return list(
        Signaalimport.objects.select_related("door").order_by("-gestart_op", "-pk")[:aantal]
    )
