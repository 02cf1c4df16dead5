# SPDX-License-Identifier: EUPL-1.2
"""The signals' part of 'Mijn taken' (`naleving.clienten.taken`): the consultant's tasks from triage, and for
the handhaver (to triage) and the teamleider (to oversee) the signals past their triage term (werkafspraak `signaal_triagetermijn_dagen`, stored on each
signal as `termijn` at receipt). Two queries per kind of work."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.clienten.taken import PER_SOORT, MijnTaak, Taakgroep
from naleving.signalen.models import Signaal, Status, Taak


def taken_voor(*, user: User) -> list[Taakgroep]:
    groepen = []
    if has_right(user, "taak.afronden"):
        open_ = Taak.objects.filter(consulent=user, afgerond_op__isnull=True)
        groepen.append(
            Taakgroep(
                "Taken uit de triage van signalen",
                open_.count(),
                [
                    MijnTaak(
                        t.get_soort_display(),
                        f"{t.client.naam} ({t.client.clientnummer})",
                        reverse("clienten:dossier", args=[t.client.clientnummer]) + "#signalen",
                    )
                    for t in open_.select_related("client").order_by("aangemaakt_op", "pk")[
                        :PER_SOORT
                    ]
                ],
            )
        )
    if has_right(user, "signaal.triageren"):
        # The handhaver's queue: signals in their triage scope past the term, oldest term first.
        te_doen = Signaal.objects.filter(
            Q(gemeente__in=user.gemeenten.all()) | Q(gemeente__isnull=True),
            status__in=(Status.ONTVANGEN, Status.IN_TRIAGE),
            termijn__lt=timezone.localdate(),
        )
        groepen.append(
            Taakgroep(
                "Triage over de termijn",
                te_doen.count(),
                [
                    MijnTaak(
                        "Triage te laat",
                        f"Signaal {s.pk} ({s.gemeente or 'nog niet gekoppeld'})",
                        reverse("signalen:signaal", args=[s.pk]),
                        s.termijn,
                    )
                    for s in te_doen.select_related("gemeente").order_by("termijn", "pk")[
                        :PER_SOORT
                    ]
                ],
                reverse("signalen:wachtrij") + "?orde=termijn",
            )
        )
    if has_right(user, "signaal.overzicht"):
        te_laat = Signaal.objects.filter(
            Q(gemeente__in=user.gemeenten.all()) | Q(gemeente__isnull=True),
            status__in=(Status.ONTVANGEN, Status.IN_TRIAGE),
            termijn__lt=timezone.localdate(),
        )
        overzicht = reverse("signalen:overzicht")
        groepen.append(
            Taakgroep(
                "Signalen over de triagetermijn",
                te_laat.count(),
                [
                    MijnTaak(
                        "Triage te laat",
                        f"Signaal {s.pk} ({s.gemeente or 'nog niet gekoppeld'})",
                        overzicht,
                        s.termijn,
                    )
                    for s in te_laat.select_related("gemeente").order_by("termijn", "pk")[
                        :PER_SOORT
                    ]
                ],
                overzicht,
            )
        )
    return groepen
