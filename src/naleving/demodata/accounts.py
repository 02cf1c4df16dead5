# SPDX-License-Identifier: EUPL-1.2
"""Demo: one open rights request, so the functioneel beheerder and the privacy officer see the four-eyes step.

The demo beheerder asked to make a synthetic trajectbegeleider a handhaver; the beheerder cannot approve it
(own request), the privacy officer can."""

from __future__ import annotations

from naleving.accounts import services
from naleving.accounts.models import Rechtenverzoek, Rol, User
from naleving.demodata.seed import SeedContext


def extend(ctx: SeedContext) -> None:
    beheerder = User.objects.filter(username="beheerder", is_demo_account=True).first()
    if beheerder is None or Rechtenverzoek.objects.filter(aangevraagd_door=beheerder).exists():
        return
    kandidaten = [u for u in ctx.staff("trajectbegeleider") if not u.is_demo_account]
    if not kandidaten:
        return
    medewerker = kandidaten[0]
    services.medewerker_rechten_wijzigen(
        door=beheerder,
        medewerker=medewerker,
        nieuw=services.Accountrechten(
            rol=Rol.objects.get(code="handhaver"),
            gemeenten=list(medewerker.gemeenten.all()),
            is_active=medewerker.is_active,
            is_staff=medewerker.is_staff,
            is_superuser=medewerker.is_superuser,
        ),
    )
