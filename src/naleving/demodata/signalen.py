# SPDX-License-Identifier: EUPL-1.2
"""Demo signals: every source, every state, realistic ages; deterministic from the seed's random
stream.

Made through the real services, so history rows, groups, tasks and audit entries are what production
makes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import Gemeente, Rol, User
from naleving.clienten.models import Client, Kanaal
from naleving.clienten.services import contactmoment_vastleggen
from naleving.core.bsn import BsnGenerator
from naleving.demodata.seed import SeedContext
from naleving.signalen import melden, services
from naleving.signalen.models import Bron, Product, Signaal, Uitkomst

IB_PRODUCTEN = [p for p in Product.values if p != Product.OVERIG]
MELDINGEN = [
    (
        "Er woont al maanden een man bij haar in. Zijn auto staat elke nacht voor de deur.",
        "sinds de zomer",
    ),
    ("Hij werkt 's avonds in een snackbar, volgens mij zwart.", "een paar maanden"),
    ("Ze is vaak wekenlang in het buitenland.", "dit jaar"),
]
#: (outcome, reason, text) used for the decided demo signals
BESLUITEN = [
    (Uitkomst.GEEN_ACTIE, "al_bekend", "De inkomsten zijn al verrekend."),
    (Uitkomst.GEEN_ACTIE, "verklaarbaar", "Kortlopend vakantiewerk, door de cliënt zelf gemeld."),
    (
        Uitkomst.PREVENTIEF_CONTACT,
        "wijziging_doorgeven",
        "Cliënt wijzen op het doorgeven van het nieuwe werk.",
    ),
    (
        Uitkomst.DOORZETTEN,
        "regulier_beoordelen",
        "Mogelijk andere leefvorm; consulent beoordeelt regulier.",
    ),
    (Uitkomst.ONDERZOEK, "niet_lichter", "Vermogen boven de grens; niet lichter na te gaan."),
]


def _extra_velden(product: str, datum: date) -> dict[str, str | int]:
    """What a chain partner sends besides the core fields, as the allow-list permits
    (extravelden.py); synthetic values."""
    velden: dict[str, dict[str, str | int]] = {
        Product.INKOMSTENVERHOUDING: {
            "werkgever": "Schoenfabriek De Langstraat B.V.",
            "ingangsdatum": datum.isoformat(),
        },
        Product.DETENTIE: {"inrichting": "PI Vught", "ingangsdatum": datum.isoformat()},
        Product.UITKERING_ANDERE_GEMEENTE: {"andere_gemeente": "Tilburg"},
        Product.HUISHOUDEN: {"aantal_volwassenen": 2, "ingangsdatum": datum.isoformat()},
        Product.STUDIEFINANCIERING: {"bedrag": 419},
        Product.VERMOGEN: {"saldo": 14250, "peildatum": datum.isoformat()},
        Product.BOX1_BOX3: {"belastingjaar": datum.year - 1, "bedrag": 38000},
        Product.VOERTUIG: {"kenteken": "XX-123-Z"},
    }
    return velden.get(product, {})


def _handhaver(gemeenten: list[Gemeente]) -> User:
    user, made = User.objects.get_or_create(
        username="hh.demo",
        defaults={
            "first_name": "Henk",
            "last_name": "Handhaving",
            "rol": Rol.objects.get(code="handhaver"),
        },
    )
    if made:
        user.set_unusable_password()
        user.save()
    user.gemeenten.set(gemeenten)
    return user


@transaction.atomic
def extend(ctx: SeedContext) -> None:
    rng = random.Random(ctx.rng.random())
    gemeenten = list(ctx.gemeenten.values())
    hh = _handhaver(gemeenten)
    ids = sorted(ctx.new_client_ids) or list(
        Client.objects.order_by("pk").values_list("pk", flat=True)[:400]
    )
    if not ids:
        return
    clients = list(
        Client.objects.filter(pk__in=rng.sample(ids, min(len(ids), 90))).select_related("consulent")
    )
    rng.shuffle(clients)
    made: list[Signaal] = []
    for i, client in enumerate(clients):
        soort = i % 4
        datum = ctx.peildatum - timedelta(days=rng.randint(1, 60))
        if soort in (0, 1):
            made.append(
                services.signaal_maak(
                    user=None,
                    nieuw=services.NieuwSignaal(
                        bron=Bron.KETENPARTNER,
                        bron_naam=rng.choice(["Inlichtingenbureau", "Inlichtingenbureau", "UWV"]),
                        product=(product := rng.choice(IB_PRODUCTEN)),
                        datum=datum,
                        bsn=client.bsn,
                        extern_id=f"DEMO-{ids[0]}-{i:05d}",
                        omschrijving="Samenloopsignaal",
                        payload={
                            "bron_kenmerk": f"SL{rng.randint(10**6, 10**7)}",
                            **_extra_velden(product, datum),
                        },
                    ),
                )
            )
        elif soort == 2:
            made.append(
                services.signaal_maak(
                    user=client.consulent,
                    nieuw=services.NieuwSignaal(
                        bron=rng.choice([Bron.COLLEGA, Bron.WAARNEMING]),
                        bron_naam=str(client.consulent or "Collega"),
                        product=rng.choice(
                            [Product.HUISHOUDEN, Product.INKOMSTENVERHOUDING, Product.OVERIG]
                        ),
                        datum=datum,
                        client=client,
                        omschrijving="Bij het huisbezoek viel een tweede naam op de bel op.",
                    ),
                )
            )
        else:
            tekst, sinds = rng.choice(MELDINGEN)
            contact = rng.random() < 0.3
            bewijs = melden.melding_ontvang(
                wat=tekst,
                over_naam=client.naam,
                over_adres=client.adres,
                gemeente=client.gemeente,
                sinds=sinds,
                melder_naam="Buurvrouw" if contact else "",
                melder_contact="06-00000000" if contact else "",
            )
            services.signaal_koppel(
                user=hh, signaal=bewijs.signaal, bsn_of_clientnummer=client.clientnummer
            )
            made.append(bewijs.signaal)
    # Unmatched signals: a BSN that belongs to no client.
    known = set(Client.objects.values_list("bsn", flat=True))
    vreemd = (b for b in BsnGenerator(random.Random(rng.random())) if b not in known)
    for j in range(6):
        made.append(
            services.signaal_maak(
                user=None,
                nieuw=services.NieuwSignaal(
                    bron=Bron.KETENPARTNER,
                    bron_naam="Inlichtingenbureau",
                    product=rng.choice(IB_PRODUCTEN),
                    datum=ctx.peildatum - timedelta(days=rng.randint(1, 30)),
                    bsn=next(vreemd),
                    extern_id=f"DEMO-{ids[0]}-ONB-{j:03d}",
                ),
            )
        )
    _ages(rng, made)
    _decide(rng, hh, [s for s in made if s.client_id])


def _ages(rng: random.Random, made: list[Signaal]) -> None:
    now = timezone.now()
    for s in made:
        ontvangen = now - timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 23))
        Signaal.objects.filter(pk=s.pk).update(
            ontvangen_op=ontvangen, termijn=services.termijn_voor(ontvangen_op=ontvangen)
        )
        s.ontvangen_op = ontvangen


def _bevestig(n: int, s: Signaal) -> tuple[str, str]:
    """A real, independent source for an anonymous report that goes to investigation
    (signalen.bevestiging): a contact moment of the consultant, or a chain partner's signal."""
    client = s.client
    assert client is not None
    if n % 2 and client.consulent is not None:
        contact = contactmoment_vastleggen(
            user=client.consulent,
            client=client,
            kanaal=Kanaal.TELEFOON,
            onderwerp="Vraag over de woonsituatie",
            tekst="Cliënt noemt zelf dat een vriend 'vaak blijft slapen' en soms meebetaalt.",
        )
        return (
            f"contactmoment:{contact.pk}",
            "Cliënt vertelde zelf dat iemand vaak blijft slapen en meebetaalt.",
        )
    partner = services.signaal_maak(
        user=None,
        nieuw=services.NieuwSignaal(
            bron=Bron.KETENPARTNER,
            bron_naam="Inlichtingenbureau",
            product=Product.HUISHOUDEN,
            datum=s.datum,
            client=client,
            extern_id=f"DEMO-BEVESTIGING-{s.pk}",
            omschrijving="Samenloop: een tweede volwassene ingeschreven op het adres.",
        ),
    )
    return (
        f"signaal:{partner.pk}",
        "Het Inlichtingenbureau meldt een tweede volwassene op hetzelfde adres.",
    )


def _decide(rng: random.Random, hh: User, linked: list[Signaal]) -> None:
    """About a third stays ontvangen, a sixth in triage, the rest decided; investigations get a
    finding."""
    for n, s in enumerate(linked):
        fase = n % 6
        if fase in (0, 1):
            continue
        if fase == 2:
            services.signaal_neem_in_behandeling(user=hh, signaal=s)
            continue
        uitkomst, reden, tekst = rng.choice(BESLUITEN)
        bron, uitleg = "", ""
        if uitkomst == Uitkomst.ONDERZOEK and s.anoniem:
            reden = "bevestigd"
            bron, uitleg = _bevestig(n, s)
        services.signaal_triageer(
            user=hh,
            signaal=s,
            uitkomst=uitkomst,
            reden=reden,
            toelichting=tekst,
            bevestiging_bron=bron,
            bevestiging_uitleg=uitleg,
        )
        # Where the Onderzoek capability opened an investigation, its demo data closes some of them
        # (and so the signal). Without it, a finding is recorded here directly.
        s.refresh_from_db(fields=["status", "onderzoek_ref"])
        if uitkomst == Uitkomst.ONDERZOEK and not s.onderzoek_ref and rng.random() < 0.6:
            services.signaal_registreer_bevinding(
                user=None, signaal=s, vastgesteld=rng.random() < 0.5
            )
