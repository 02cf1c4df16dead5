# SPDX-License-Identifier: EUPL-1.2
"""Demo data for retention: a few records past their term and one legal hold, so that `naleving
bewaartermijnen --droog` and the privacy officer's page show something in every state: a client file closed
more than ten years ago (a contact moment, a handled change report, and a decision on a late change report
whose claim was paid off eleven years ago), signals without follow-up triaged more than a year ago (one with
a reporter's contact data), and a legal hold on a client whose old signal it keeps.
Nothing is destroyed here: the run does that, by night or by hand. Synthetic data only."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from naleving.accounts.models import Rol, User
from naleving.besluiten.models import Besluit, EindeInvordering, Vordering, VorderingStatus
from naleving.bewaren.models import Bewaarstop, StopReden
from naleving.clienten.models import Client, Contactmoment, Uitkering
from naleving.preventie.models import MeldingStap, Wijzigingsmelding
from naleving.preventie.services import inhoud_hash
from naleving.signalen import services
from naleving.signalen.models import Bron, Melding, Product, Signaal, Triagebesluit, Uitkomst

if TYPE_CHECKING:
    from naleving.demodata.seed import SeedContext


def _gebruiker(rol: str, username: str, voornaam: str, achternaam: str) -> User:
    bestaand = (
        User.objects.filter(rol_id=rol, is_active=True)
        .order_by("-is_demo_account", "username")
        .first()
    )
    if bestaand is not None:
        return bestaand
    user, made = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": voornaam,
            "last_name": achternaam,
            "rol": Rol.objects.get(code=rol),
        },
    )
    if made:
        user.set_unusable_password()
        user.save()
    return user


def _oud_signaal(client: Client, *, op: datetime, door: User, melder: bool, nummer: int) -> Signaal:
    signaal = services.signaal_maak(
        user=None,
        nieuw=services.NieuwSignaal(
            bron=Bron.MELDER if melder else Bron.KETENPARTNER,
            bron_naam="Melding via /melden" if melder else "Inlichtingenbureau",
            product=Product.INKOMSTENVERHOUDING,
            datum=op.date(),
            bsn=client.bsn,
            extern_id=f"DEMO-BEWAAR-{client.clientnummer}-{nummer}",
            omschrijving="Signaal dat al bekend bleek",
        ),
    )
    Signaal.objects.filter(pk=signaal.pk).update(ontvangen_op=op, status="afgehandeld")
    Triagebesluit.objects.create(
        signaal=signaal,
        uitkomst=Uitkomst.GEEN_ACTIE,
        reden="al_bekend",
        toelichting="De wijziging was al gemeld en verwerkt.",
        door=door,
        tijdstip=op + timedelta(days=3),
    )
    if melder:
        Melding.objects.create(
            signaal=signaal,
            referentie_hash=f"demo-bewaren-ref-{signaal.pk}",
            token_hash=f"demo-bewaren-token-{signaal.pk}",
            token_geldig_tot=op + timedelta(days=90),
            over_naam=f"{client.voornamen} {client.achternaam}",
            melder_naam="Synthetische melder",
            melder_contact="06-00000000",
        )
    return signaal


@transaction.atomic
def extend(ctx: SeedContext) -> None:
    rng = random.Random(ctx.rng.random())
    # Clients without an investigation or decision, so that closing their file changes no other example.
    kandidaten = list(
        Client.objects.filter(
            pk__in=ctx.new_client_ids, onderzoeken__isnull=True, besluiten__isnull=True
        )
        .exclude(pk__in=ctx.demo_client_ids)
        .order_by("pk")
        .values_list("pk", flat=True)[:200]
    )
    if len(kandidaten) < 4:
        return
    gesloten, met_signaal, met_melder, met_stop = (
        Client.objects.get(pk=pk) for pk in rng.sample(kandidaten, 4)
    )
    handhaver = _gebruiker("handhaver", "hh.demo", "Henk", "Handhaving")
    beheerder = _gebruiker("beheerder", "fb.demo", "Fatima", "Beheer")

    # A client file closed eleven years before the demo date: past the ten years of the Selectielijst.
    einde = date(ctx.peildatum.year - 11, 6, 30)
    Uitkering.objects.filter(client=gesloten).update(
        ingangsdatum=date(einde.year - 4, 1, 1), einddatum=einde
    )
    moment = datetime.combine(einde - timedelta(days=40), time(10, 0), tzinfo=UTC)
    Contactmoment.objects.create(
        client=gesloten,
        tijdstip=moment,
        kanaal="telefoon",
        onderwerp="Einde uitkering",
        tekst="Belde over de laatste betaling; uitgelegd wanneer die komt.",
    )
    melding = Wijzigingsmelding(
        ontvangstnummer=f"DEMO-B-{gesloten.clientnummer}",
        client=gesloten,
        ontvangen_op=moment - timedelta(days=30),
        kanaal="balie",
        onderwerp="werk_inkomen",
        tekst="Ik ga vanaf volgende maand weer voltijds werken.",
        identificatie="medewerker",
        status="afgehandeld",
        afgehandeld_op=moment - timedelta(days=28),
    )
    melding.inhoud_hash = inhoud_hash(melding=melding)
    melding.save()
    MeldingStap.objects.bulk_create(
        [
            MeldingStap(melding=melding, van="", naar="ontvangen", tijdstip=melding.ontvangen_op),
            MeldingStap(
                melding=melding,
                van="ontvangen",
                naar="afgehandeld",
                tijdstip=moment - timedelta(days=28),
                toelichting="Verwerkt in de uitkering.",
            ),
        ]
    )

    # A decision on a late change report from before the file closed, with a claim paid off when the benefit
    # ended: eleven years after the end of collection it is past the claims' ten years, so the run destroys
    # the claim with its decision (no sanction, so no register entry).
    consulent = _gebruiker("inkomensconsulent", "ic.demo", "Ilse", "Consulent")
    genomen = moment - timedelta(days=400)
    besluit = Besluit.objects.create(
        client=gesloten,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=genomen.date() - timedelta(days=120),
        benadelingsbedrag_cent=84_000,
        feiten="Inkomsten uit bijbaan te laat doorgegeven.",
        keuze="volgt",
        sanctie="geen",
        motivering="U gaf uw inkomsten te laat door; het te veel ontvangen bedrag betaalt u terug.",
        terugvordering_voorgesteld_cent=84_000,
        terugvordering_cent=84_000,
        status="verzonden",
        status_sinds=genomen,
        aangemaakt_door=consulent,
        genomen_door=consulent,
        definitief_op=genomen,
    )
    Vordering.objects.create(
        client=gesloten,
        besluit=besluit,
        herkomst="inlichtingenplicht",
        oorspronkelijk_cent=84_000,
        openstaand_cent=0,
        status=VorderingStatus.AFGELOST,
        aangemaakt_op=genomen,
        invordering_einde_op=einde,
        invordering_einde_reden=EindeInvordering.AFGELOST,
    )

    # Signals without follow-up, triaged more than a year ago (the term is one year).
    oud = datetime.combine(ctx.peildatum - timedelta(days=420), time(9, 0), tzinfo=UTC)
    _oud_signaal(met_signaal, op=oud, door=handhaver, melder=False, nummer=1)
    _oud_signaal(met_melder, op=oud - timedelta(days=10), door=handhaver, melder=True, nummer=2)
    _oud_signaal(met_stop, op=oud - timedelta(days=20), door=handhaver, melder=False, nummer=3)

    # A legal hold: the objection against a decision about this client is still running.
    Bewaarstop.objects.create(
        client=met_stop,
        reden=StopReden.BEZWAAR,
        toelichting="Bezwaar ontvangen; hoorzitting nog gepland",
        geplaatst_door=beheerder,
        geplaatst_op=datetime.combine(ctx.peildatum - timedelta(days=12), time(14, 0), tzinfo=UTC),
    )
