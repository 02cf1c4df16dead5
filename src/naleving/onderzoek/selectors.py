# SPDX-License-Identifier: EUPL-1.2
"""Reading investigations, always within the user's scope, every read of personal data audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.clienten.models import Client
from naleving.clienten.selectors import clients_in_scope, may, object_for_user
from naleving.onderzoek.models import (
    Activiteit,
    Bewijsstuk,
    Meldcheck,
    Onderzoek,
    OnderzoekOvergang,
    Onderzoeksplan,
    Rapport,
)
from naleving.onderzoek.statemachine import OPEN, Status


def ground_open_onderzoek(user: User) -> Q:
    """A handhaver may see a client while an investigation of the team (their municipalities) is open."""
    return Q(onderzoeken__status__in=OPEN)


def onderzoek_voor_user(*, user: User, pk: int, reden: str = "") -> Onderzoek:
    """One investigation through the gate (`object_for_user`): outside scope 404 and a denial entry."""
    return object_for_user(
        user=user,
        queryset=Onderzoek.objects.select_related(
            "client__gemeente", "client__consulent", "handhaver", "aangevraagd_door"
        ),
        recht="onderzoek.bekijken",
        reden=reden or f"Onderzoek {Onderzoek(pk=pk).nummer}",
        weigerreden="Geen toegang tot onderzoek",
        niet_gevonden="Onderzoek niet gevonden",
        pk=pk,
    )


def onderzoek_url(*, nummer: str) -> str | None:
    """The page of investigation `nummer` ('O000017', `Onderzoek.nummer`); None for another kind of
    reference. Whether the reader may see it is the page's gate, not this function's."""
    from django.urls import reverse

    if len(nummer) < 2 or nummer[0] != "O" or not nummer[1:].isdigit():
        return None
    return reverse("onderzoek:detail", args=[int(nummer[1:])])


def onderzoeken_in_scope(*, user: User) -> QuerySet[Onderzoek]:
    """Every investigation the user may see at all (their municipalities; a grounded role only its clients)."""
    return _scoped(user)


def _scoped(user: User) -> QuerySet[Onderzoek]:
    if not has_right(user, "onderzoek.bekijken"):
        return Onderzoek.objects.none()
    qs = Onderzoek.objects.filter(gemeente__in=user.gemeenten.all())
    if user.rol is not None and user.rol.toegang_op_grond:
        # Only clients with a ground (an open signal or investigation); a join on the municipality alone is
        # not enough for these roles. A subquery over all clients is slow, so only grounded roles pay for it.
        qs = qs.filter(client__in=clients_in_scope(user=user))
    return qs


@dataclass(frozen=True)
class Werkvoorraad:
    eigen: list[Onderzoek]
    team: list[Onderzoek]
    te_laat_per_handhaver: list[dict[str, object]]
    niet_toegewezen: int
    vandaag: date


def werkvoorraad(*, user: User, limit: int = 200) -> Werkvoorraad:
    """Open investigations ordered by deadline only: no score, no ranking of people."""
    today = timezone.localdate()
    open_qs = _scoped(user).filter(status__in=OPEN).select_related("client__gemeente", "handhaver")
    eigen = list(open_qs.filter(handhaver=user).order_by("termijn", "pk")[:limit])
    team: list[Onderzoek] = []
    per_handhaver: list[dict[str, object]] = []
    niet_toegewezen = 0
    if has_right(user, "onderzoek.toewijzen"):
        team = list(open_qs.order_by("termijn", "pk")[:limit])
        per_handhaver = list(
            open_qs.values("handhaver__username", "handhaver__first_name", "handhaver__last_name")
            .annotate(open=Count("pk"), te_laat=Count("pk", filter=Q(termijn__lt=today)))
            .order_by("handhaver__username")
        )
        niet_toegewezen = open_qs.filter(handhaver__isnull=True).count()
    return Werkvoorraad(eigen, team, per_handhaver, niet_toegewezen, today)


def onderzoeken_van_client(*, user: User, client: Client) -> list[Onderzoek]:
    return list(
        _scoped(user).filter(client=client).select_related("handhaver").order_by("-aangevraagd_op")
    )


def handhavers_voor(*, client: Client) -> QuerySet[User]:
    return User.objects.filter(
        rol_id="handhaver", is_active=True, gemeenten=client.gemeente_id
    ).order_by("username")


def dossier_context(*, user: User, client: Client) -> dict[str, object] | None:
    if not has_right(user, "onderzoek.bekijken"):
        return None
    return {
        "onderzoeken": onderzoeken_van_client(user=user, client=client),
        "mag_aanvragen": may(user, "onderzoek.aanvragen", client),
        "client": client,
    }


@dataclass(frozen=True)
class OnderzoekPagina:
    """What the investigation page shows, read once with its joins: a fixed number of queries whatever the
    number of activities, evidence files, checks or history rows (tests/onderzoek/test_detail_queries.py)."""

    overgangen: list[OnderzoekOvergang]
    plan: Onderzoeksplan | None
    stappen: list[Any]
    activiteiten: list[Activiteit]
    bewijsstukken: list[Bewijsstuk]
    meldchecks: list[Meldcheck]
    rapport: Rapport | None
    boete_mogelijk: bool
    verhoren_zonder_cautie: list[Activiteit]
    tekortkomingen: dict[str, str]
    bevestigingen: list[Any]
    is_handhaver: bool
    in_uitvoering: bool
    mag_beoordelen: bool
    mag_toewijzen: bool
    #: What follows the investigation (its decision), contributed by later apps (`onderzoek.vervolg`).
    vervolgen: list[Any]


def onderzoek_pagina(*, user: User, onderzoek: Onderzoek) -> OnderzoekPagina:
    """The investigation page's data for `user` (who has passed the gate `onderzoek_voor_user`)."""
    from naleving.onderzoek.cautie import boete_mogelijk_volgens, verhoren_zonder_cautie
    from naleving.onderzoek.services import rapport_tekortkomingen
    from naleving.onderzoek.vervolg import vervolgen
    from naleving.signalen.bevestiging import bevestigingen_voor

    rapport = Rapport.objects.filter(onderzoek=onderzoek).first()
    plan = Onderzoeksplan.objects.filter(onderzoek=onderzoek).first()
    activiteiten_ = list(
        onderzoek.activiteiten.select_related(
            "uitgevoerd_door", "eerdere_weigering"
        ).prefetch_related("latere_bezoeken")
    )
    boete = boete_mogelijk_volgens(rapport)
    return OnderzoekPagina(
        overgangen=list(onderzoek.overgangen.select_related("door")),
        plan=plan,
        stappen=list(plan.stappen.all()) if plan else [],
        activiteiten=activiteiten_,
        bewijsstukken=list(
            onderzoek.bewijsstukken.select_related(
                "door", "activiteit", "vervangt", "vervangen_door"
            )
        ),
        meldchecks=list(onderzoek.meldchecks.select_related("door")),
        rapport=rapport,
        boete_mogelijk=boete,
        verhoren_zonder_cautie=verhoren_zonder_cautie(
            onderzoek, boete=boete, gesprekken=activiteiten_
        ),
        tekortkomingen=rapport_tekortkomingen(rapport=rapport) if rapport else {},
        bevestigingen=bevestigingen_voor(
            signaal_ids=[onderzoek.signaal_id] if onderzoek.signaal_id else [],
            onderzoek_ref=onderzoek.nummer,
        ),
        is_handhaver=onderzoek.handhaver_id == user.pk
        and may(user, "onderzoek.uitvoeren", onderzoek.client),
        in_uitvoering=onderzoek.status == Status.IN_UITVOERING,
        mag_beoordelen=has_right(user, "onderzoek.reviewen")
        and onderzoek.status == Status.RAPPORT_TER_REVIEW,
        mag_toewijzen=has_right(user, "onderzoek.toewijzen")
        and onderzoek.status in (Status.AANGEVRAAGD, Status.TOEGEWEZEN, Status.IN_UITVOERING),
        vervolgen=vervolgen(user=user, onderzoek=onderzoek),
    )
