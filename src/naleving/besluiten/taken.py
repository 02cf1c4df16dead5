# SPDX-License-Identifier: EUPL-1.2
"""The decisions' part of 'Mijn taken' (`naleving.clienten.taken`). The consultant: investigations of their own
clients that established a breach and have no decision yet, and their own concept decisions. The teamleider:
fines waiting for the four-eyes check by someone other than who decided. Two queries per kind of work."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.besluiten.models import Besluit
from naleving.besluiten.selectors import besluiten_in_scope
from naleving.besluiten.statemachine import Status
from naleving.clienten.taken import PER_SOORT, MijnTaak, Taakgroep


def _besluiten(soort: str, taak: str, qs: QuerySet[Besluit], *, met_naam: bool) -> Taakgroep:
    rijen = qs.select_related("client__gemeente").order_by("status_sinds", "pk")[:PER_SOORT]
    return Taakgroep(
        soort,
        qs.count(),
        [
            MijnTaak(
                taak,
                f"Besluit {b.nummer}"
                + (f": {b.client.naam}" if met_naam else "")
                + f" ({b.client.gemeente})",
                reverse("besluiten:detail", args=[b.pk]),
            )
            for b in rijen
        ],
        reverse("besluiten:werkvoorraad"),
    )


def taken_voor(*, user: User) -> list[Taakgroep]:
    from naleving.onderzoek.selectors import onderzoeken_in_scope
    from naleving.onderzoek.statemachine import Status as OStatus
    from naleving.onderzoek.statemachine import Uitkomst as OUitkomst

    groepen = []
    scope = besluiten_in_scope(user=user)
    if has_right(user, "besluit.nemen"):
        zonder_besluit = (
            onderzoeken_in_scope(user=user)
            .filter(
                client__consulent=user,
                status=OStatus.AFGEROND,
                uitkomst=OUitkomst.ONRECHTMATIGHEID,
            )
            .exclude(pk__in=Besluit.objects.filter(onderzoek__isnull=False).values("onderzoek_id"))
        )
        groepen.append(
            Taakgroep(
                "Besluit voorbereiden na onderzoek",
                zonder_besluit.count(),
                [
                    MijnTaak(
                        "Besluit voorbereiden",
                        f"Onderzoek {o.nummer}: {o.client.naam} ({o.client.gemeente})",
                        reverse("onderzoek:detail", args=[o.pk]),
                    )
                    for o in zonder_besluit.select_related("client__gemeente").order_by(
                        "status_sinds", "pk"
                    )[:PER_SOORT]
                ],
            )
        )
        heroverwegen = scope.filter(
            client__consulent=user,
            heroverweging_uiterlijk__isnull=False,
            heroverwogen_op__isnull=True,
        )
        groepen.append(
            Taakgroep(
                "Maatregel heroverwegen",
                heroverwegen.count(),
                [
                    MijnTaak(
                        "Maatregel heroverwegen (PW art. 18 lid 3)",
                        f"Besluit {b.nummer}: {b.client.naam} ({b.client.gemeente})",
                        reverse("besluiten:detail", args=[b.pk]),
                        termijn=b.heroverweging_uiterlijk,
                    )
                    for b in heroverwegen.select_related("client__gemeente").order_by(
                        "heroverweging_uiterlijk", "pk"
                    )[:PER_SOORT]
                ],
                reverse("besluiten:werkvoorraad"),
            )
        )
        groepen.append(
            _besluiten(
                "Besluiten afmaken",
                "Concept afmaken",
                scope.filter(status=Status.CONCEPT, client__consulent=user),
                met_naam=True,
            )
        )
    if has_right(user, "besluit.reviewen"):
        groepen.append(
            _besluiten(
                "Vier-ogencontrole op boetes",
                "Besluit controleren",
                scope.filter(status=Status.TER_REVIEW).exclude(genomen_door=user),
                met_naam=False,
            )
        )
    return groepen
