# SPDX-License-Identifier: EUPL-1.2
"""The investigations' part of 'Mijn taken' (`naleving.clienten.taken`). The teamleider: requests to assign,
reports to review, investigations past the term of their current step. The handhaver: their own investigations
past that term. The consultant: investigations of their own clients past that term. Two queries per kind of work, in the user's municipalities only."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.clienten.taken import PER_SOORT, MijnTaak, Taakgroep
from naleving.onderzoek.models import Onderzoek
from naleving.onderzoek.selectors import onderzoeken_in_scope
from naleving.onderzoek.statemachine import OPEN, Status


def _groep(
    soort: str, taak: str, qs: QuerySet[Onderzoek], *, met_naam: bool, alle_url: str = ""
) -> Taakgroep:
    rijen = qs.select_related("client__gemeente").order_by("termijn", "pk")[:PER_SOORT]
    return Taakgroep(
        soort,
        qs.count(),
        [
            MijnTaak(
                taak,
                f"Onderzoek {o.nummer}"
                + (f": {o.client.naam}" if met_naam else "")
                + f" ({o.client.gemeente})",
                reverse("onderzoek:detail", args=[o.pk]),
                o.termijn,
            )
            for o in rijen
        ],
        alle_url,
    )


def taken_voor(*, user: User) -> list[Taakgroep]:
    if not has_right(user, "onderzoek.bekijken"):
        return []
    scope = onderzoeken_in_scope(user=user)
    vandaag = timezone.localdate()
    werkvoorraad = reverse("onderzoek:werkvoorraad")
    groepen = []
    if has_right(user, "onderzoek.toewijzen"):
        groepen.append(
            _groep(
                "Onderzoeken toewijzen",
                "Toewijzen aan een handhaver",
                scope.filter(status=Status.AANGEVRAAGD),
                met_naam=False,
                alle_url=werkvoorraad,
            )
        )
    if has_right(user, "onderzoek.reviewen"):
        groepen.append(
            _groep(
                "Rapporten beoordelen",
                "Rapport beoordelen",
                scope.filter(status=Status.RAPPORT_TER_REVIEW),
                met_naam=False,
                alle_url=werkvoorraad,
            )
        )
    if has_right(user, "onderzoek.uitvoeren"):
        groepen.append(
            _groep(
                "Mijn onderzoeken over de termijn",
                "Termijn verstreken",
                scope.filter(handhaver=user, status__in=OPEN, termijn__lt=vandaag),
                met_naam=True,
                alle_url=werkvoorraad,
            )
        )
    elif has_right(user, "onderzoek.toewijzen"):
        groepen.append(
            _groep(
                "Onderzoeken over de termijn",
                "Termijn verstreken",
                scope.filter(status__in=OPEN, termijn__lt=vandaag),
                met_naam=False,
                alle_url=werkvoorraad,
            )
        )
    else:
        groepen.append(
            _groep(
                "Onderzoeken bij uw cliënten over de termijn",
                "Termijn verstreken",
                scope.filter(client__consulent=user, status__in=OPEN, termijn__lt=vandaag),
                met_naam=True,
            )
        )
    return groepen
