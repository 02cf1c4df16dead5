# SPDX-License-Identifier: EUPL-1.2
"""Demo: the outbox has one digest the relay refused, so the functioneel beheerder sees a failed mail with its
attempts and error in /beheer/ and can send it again (in the demo it then lands as a file under var/mail/)."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone

from naleving.demodata.seed import SeedContext
from naleving.mail.dagoverzicht import context_voor, onderwerp_voor, regels_voor
from naleving.mail.models import Mail, Soort, Status
from naleving.mail.services import mail_inhoud

SLEUTEL = "demo:dagoverzicht-geweigerd"


def extend(ctx: SeedContext) -> None:
    teamleiders = ctx.staff("teamleider")
    if not teamleiders or Mail.objects.filter(sleutel=SLEUTEL).exists():
        return
    from django.conf import settings

    teamleider = teamleiders[0]
    onderwerp = onderwerp_voor(ctx.peildatum)
    regels = regels_voor(user=teamleider, basis_url=settings.NALEVING_BASIS_URL)
    tekst, html = mail_inhoud(
        sjabloon="mail/dagoverzicht",
        onderwerp=onderwerp,
        context=context_voor(user=teamleider, datum=ctx.peildatum, regels=regels),
    )
    tijdstip = timezone.make_aware(datetime.combine(ctx.peildatum, time(7, 0)))
    Mail.objects.create(
        soort=Soort.DAGOVERZICHT,
        sleutel=SLEUTEL,
        status=Status.MISLUKT,
        ontvanger=teamleider,
        aan=teamleider.email or "teamleider@demo.invalid",
        onderwerp=onderwerp,
        tekst=tekst,
        html=html,
        pogingen=settings.NALEVING_MAIL_MAX_POGINGEN,
        laatste_fout="Mailserver weigerde (552): 5.2.2 Mailbox full",
        aangemaakt_op=tijdstip,
        laatste_poging_op=tijdstip,
    )
