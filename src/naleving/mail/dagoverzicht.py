# SPDX-License-Identifier: EUPL-1.2
"""The daily digest: one mail a day per staff member with an e-mail address, listing what needs them (the
same kinds of work as 'Mijn taken' on their start page: signals assigned to them through triage, decisions
waiting for their four-eyes check, investigations past their term, ...), plus the kinds other apps add here
(preventie: clients due for their periodic information moment, change reports waiting too long).

One mail, not one per item, and only counts with a link: the names stay in Naleving, where every read is in
the audit log. A staff member with nothing to do gets no mail."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from naleving.accounts.models import User
from naleving.clienten.taken import Taakgroep, mijn_taken
from naleving.mail.models import Mail, Soort
from naleving.mail.services import mail_plannen

logger = logging.getLogger(__name__)


class DigestBron(Protocol):
    """One app's extra kinds of work for this user in the digest (only those with work count)."""

    def __call__(self, *, user: User) -> list[Taakgroep]: ...


_bronnen: list[DigestBron] = []


def register_bron(bron: DigestBron) -> None:
    if all(b is not bron for b in _bronnen):
        _bronnen.append(bron)


@dataclass(frozen=True)
class Regel:
    soort: str
    aantal: int
    url: str


def regels_voor(*, user: User, basis_url: str) -> list[Regel]:
    groepen = [*mijn_taken(user=user), *(g for bron in _bronnen for g in bron(user=user))]
    start = reverse("start")
    return [
        Regel(g.soort, g.aantal, basis_url + (g.alle_url or start)) for g in groepen if g.aantal
    ]


def context_voor(*, user: User, datum: date, regels: list[Regel]) -> dict[str, object]:
    from django.conf import settings

    return {
        "voornaam": user.first_name or user.username,
        "datum": datum,
        "regels": regels,
        "start_url": settings.NALEVING_BASIS_URL + reverse("start"),
    }


def onderwerp_voor(datum: date) -> str:
    """No name, no BSN, no signal text: the date is all the subject says."""
    return f"Uw taken in Naleving op {date_format(datum, 'j F Y')}"


def dagoverzicht_versturen(*, datum: date | None = None) -> int:
    """Plan today's digest for every active staff member with a role and an address; returns how many were
    planned. Run twice on one day, it plans none the second time (one row per person per day)."""
    from django.conf import settings

    datum = datum or timezone.localdate()
    basis_url = settings.NALEVING_BASIS_URL
    ontvangers = (
        User.objects.filter(is_active=True, rol__isnull=False)
        .exclude(email="")
        .select_related("rol")
        .order_by("pk")
    )
    gepland = 0
    for user in ontvangers.iterator():
        sleutel = f"dagoverzicht:{user.pk}:{datum.isoformat()}"
        if Mail.objects.filter(sleutel=sleutel).exists():
            continue
        try:
            regels = regels_voor(user=user, basis_url=basis_url)
            if not regels:
                continue
            mail_plannen(
                soort=Soort.DAGOVERZICHT,
                sleutel=sleutel,
                aan=user.email,
                onderwerp=onderwerp_voor(datum),
                sjabloon="mail/dagoverzicht",
                context=context_voor(user=user, datum=datum, regels=regels),
                ontvanger=user,
            )
            gepland += 1
        except Exception:  # one person's digest must not stop the others'
            logger.exception("Dagoverzicht voor medewerker %s niet gepland", user.pk)
    return gepland
