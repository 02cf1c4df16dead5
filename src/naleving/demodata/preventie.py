# SPDX-License-Identifier: EUPL-1.2
"""Demo data for prevention: information moments (some clients overdue, some never informed), change
reports in every state (handled in time, handled late, in progress, waiting too long), reminders and
two campaigns with their reach. Deterministic from ctx.rng; bulk inserts, so it keeps up at national
scale."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from naleving.accounts.models import Rol, User
from naleving.clienten.models import Client, Uitkering
from naleving.demodata.bulk import fast_insert
from naleving.preventie.models import (
    Campagne,
    Informatiemoment,
    MeldingStap,
    MeldingStatus,
    Verplichting,
    Wijzigingsmelding,
)
from naleving.preventie.selectors import verplichtingen_geldig_op
from naleving.preventie.services import inhoud_hash, maak_herinneringen

if TYPE_CHECKING:
    from naleving.demodata.seed import SeedContext

CHUNK = 5000
KANALEN = ["balie", "telefoon", "email", "brief", "portaal", "gesprek"]
MELDINGEN = [
    ("werk_inkomen", "Ik werk vanaf volgende maand 16 uur per week in de thuiszorg."),
    ("werk_inkomen", "Mijn uren bij het uitzendbureau zijn verlaagd naar 8 per week."),
    ("wonen_huishouden", "Mijn dochter (22) is weer bij mij komen wonen."),
    ("wonen_huishouden", "Ik ga verhuizen naar een andere woning in dezelfde gemeente."),
    ("vermogen", "Ik heb een kleine erfenis gekregen van mijn tante."),
    ("giften", "Mijn broer betaalt eenmalig mijn energierekening."),
    ("buitenland", "Ik ga 3 weken naar mijn familie in het buitenland."),
    ("opleiding", "Ik wil een avondcursus boekhouden volgen."),
    ("overig", "Mijn auto is verkocht voor de sloop."),
    ("vraag", "Mag ik een week naar mijn zus in België? Moet ik dat doorgeven?"),
]


def extend(ctx: SeedContext) -> None:
    peil = datetime.combine(ctx.peildatum, time(9, 0), tzinfo=UTC)
    catalogus = list(verplichtingen_geldig_op(peildatum=ctx.peildatum))
    per_wet: dict[str, list[Verplichting]] = {}
    for v in catalogus:
        per_wet.setdefault(v.wet, []).append(v)
    gebruikt: set[str] = set()
    for start in range(0, len(ctx.new_client_ids), CHUNK):
        ids = ctx.new_client_ids[start : start + CHUNK]
        rows = (
            Uitkering.objects.filter(client_id__in=ids, einddatum__isnull=True)
            .values_list(
                "client_id", "wet", "ingangsdatum", "client__clientnummer", "client__consulent_id"
            )
            .order_by("client_id")
        )
        with transaction.atomic():
            _chunk(ctx, list(rows), per_wet, peil, gebruikt)
    _campagnes(ctx, catalogus)
    maak_herinneringen(nu=peil, peildatum=ctx.peildatum)


def _chunk(ctx, rows, per_wet, peil: datetime, gebruikt: set[str]) -> None:  # type: ignore[no-untyped-def]
    rng = ctx.rng
    momenten: list[Informatiemoment] = []
    uitgelegd: list[list[Verplichting]] = []
    meldingen: list[tuple[Wijzigingsmelding, int | None]] = []
    for client_id, wet, ingang, clientnummer, consulent_id in rows:
        lijst = per_wet.get(wet, [])
        # 80 % informed at the application, most of them periodically since; 20 % never recorded.
        if rng.random() < 0.8 and ingang <= ctx.peildatum:
            momenten.append(_moment(client_id, ingang, "aanvraag", consulent_id, rng))
            uitgelegd.append(rng.sample(lijst, min(len(lijst), 5)))
            jaar = ingang + timedelta(days=rng.randint(330, 420))
            while jaar <= ctx.peildatum:
                momenten.append(_moment(client_id, jaar, "periodiek", consulent_id, rng))
                uitgelegd.append(rng.sample(lijst, min(len(lijst), 3)))
                jaar += timedelta(days=rng.randint(330, 450))
        if rng.random() < 0.15:
            meldingen.append(
                (_melding(ctx, client_id, clientnummer, consulent_id, peil, gebruikt), consulent_id)
            )
    fast_insert(momenten, need_ids=True)
    through = Informatiemoment.verplichtingen.through
    fast_insert(
        [
            through(informatiemoment_id=m.pk, verplichting_id=v.pk)
            for m, vs in zip(momenten, uitgelegd, strict=True)
            for v in vs
        ]
    )
    fast_insert([m for m, _ in meldingen], need_ids=True)
    stappen: list[MeldingStap] = []
    for m, door in meldingen:
        stappen.append(MeldingStap(melding=m, van="", naar="ontvangen", tijdstip=m.ontvangen_op))
        if m.status == MeldingStatus.IN_BEHANDELING:
            stappen.append(
                MeldingStap(
                    melding=m,
                    van="ontvangen",
                    naar="in_behandeling",
                    door_id=door,
                    tijdstip=m.ontvangen_op + timedelta(hours=20),
                )
            )
        elif m.status == MeldingStatus.AFGEHANDELD:
            stappen.append(
                MeldingStap(
                    melding=m,
                    van="ontvangen",
                    naar="afgehandeld",
                    door_id=door,
                    tijdstip=m.afgehandeld_op or m.ontvangen_op,
                    toelichting="Verwerkt in de uitkering.",
                )
            )
    fast_insert(stappen)


def _moment(client_id, datum, soort, consulent_id, rng) -> Informatiemoment:  # type: ignore[no-untyped-def]
    return Informatiemoment(
        client_id=client_id,
        datum=datum,
        soort=soort,
        kanaal=rng.choice(["gesprek", "gesprek", "balie", "telefoon", "brief"]),
        toelichting="Rechten en plichten doorgenomen; folder 'Uw rechten en plichten' meegegeven.",
        medewerker_id=consulent_id,
    )


def _melding(  # type: ignore[no-untyped-def]
    ctx, client_id, clientnummer, consulent_id, peil, gebruikt
) -> Wijzigingsmelding:
    rng = ctx.rng
    onderwerp, tekst = rng.choice(MELDINGEN)
    # Most handled (in time or late), some in progress, some waiting; a few longer than the term.
    staat = rng.choices(
        ["snel", "laat", "bezig", "wacht", "wacht_lang"], [0.55, 0.1, 0.1, 0.15, 0.1]
    )[0]
    dagen = {
        "snel": (20, 700),
        "laat": (20, 700),
        "bezig": (1, 4),
        "wacht": (0, 3),
        "wacht_lang": (6, 20),
    }[staat]
    ontvangen = peil - timedelta(
        days=rng.randint(*dagen), hours=rng.randint(0, 8), minutes=rng.randint(0, 59)
    )
    nummer = f"W{ontvangen:%Y%m%d}-{rng.getrandbits(32):08X}"
    while nummer in gebruikt:
        nummer = f"W{ontvangen:%Y%m%d}-{rng.getrandbits(32):08X}"
    gebruikt.add(nummer)
    kanaal = rng.choice(KANALEN)
    melding = Wijzigingsmelding(
        ontvangstnummer=nummer,
        client_id=client_id,
        ontvangen_op=ontvangen,
        kanaal=kanaal,
        onderwerp=onderwerp,
        ingangsdatum=(ontvangen + timedelta(days=rng.randint(-10, 30))).date(),
        tekst=tekst,
        identificatie="interim-code" if kanaal == "portaal" else "medewerker",
        vastgelegd_door_id=None if kanaal == "portaal" else consulent_id,
    )
    melding.client = Client(pk=client_id, clientnummer=clientnummer)
    melding.inhoud_hash = inhoud_hash(melding=melding)
    if staat in ("snel", "laat"):
        melding.status = MeldingStatus.AFGEHANDELD
        uren = rng.randint(2, 96) if staat == "snel" else rng.randint(24 * 6, 24 * 15)
        melding.afgehandeld_op = ontvangen + timedelta(hours=uren)
        melding.afgehandeld_door_id = consulent_id
    elif staat == "bezig":
        melding.status = MeldingStatus.IN_BEHANDELING
    return melding


def _campagnes(ctx, catalogus: list[Verplichting]) -> None:  # type: ignore[no-untyped-def]
    if Campagne.objects.exists():
        return
    rol = Rol.objects.get(code="beleidsmedewerker")
    auteur, created = User.objects.get_or_create(
        username="bm.langstraat.001",
        defaults={"first_name": "Noor", "last_name": "de Wit", "rol": rol},
    )
    if created:
        auteur.set_unusable_password()
        auteur.save()
        auteur.gemeenten.set(ctx.gemeenten.values())
    jaar = ctx.peildatum.year
    codes = {v.code: v for v in catalogus}
    plannen = [
        (
            "Vakantie en buitenland: wat mag wel en niet?",
            "Voor de zomer weet iedereen hoe lang je met "
            "bijstand naar het buitenland mag en dat je het vooraf doorgeeft.",
            (5, 1),
            (6, 30),
            ["PW", "BBZ"],
            list(ctx.gemeenten.values()),
            ["pw-buitenland", "bbz-buitenland"],
            (1480, 3, 41),
        ),
        (
            "Giften: nieuwe regels sinds 1 januari",
            "Uitleg over de nieuwe giftenregel van de Participatiewet in balans.",
            (1, 15),
            (3, 31),
            ["PW"],
            [ctx.gemeenten["Waalwijk"]],
            ["pw-giften"],
            (690, 2, 23),
        ),
        (
            "Samenwonen en kostendelers",
            "Wie gaat samenwonen of iemand in huis neemt, geeft het meteen door.",
            (9, 1),
            (12, 15),
            ["PW", "IOAW"],
            [ctx.gemeenten["Heusden"], ctx.gemeenten["Loon op Zand"]],
            ["pw-huishouden", "pw-kostendeler", "ioaw-huishouden"],
            (0, 0, 0),
        ),
    ]
    for naam, doel, (m1, d1), (m2, d2), wetten, gemeenten, vcodes, (
        brieven,
        sessies,
        mensen,
    ) in plannen:
        campagne = Campagne.objects.create(
            naam=naam,
            doel=doel,
            start=ctx.peildatum.replace(month=m1, day=d1),
            einde=ctx.peildatum.replace(month=m2, day=d2),
            uitvoeringsplan_jaar=jaar,
            uitvoeringsplan_actie="Pijler 1: voorlichting over de inlichtingenplicht",
            wetten=wetten,
            brieven_verstuurd=brieven,
            bijeenkomsten=sessies,
            deelnemers=mensen,
            aangemaakt_door=auteur,
        )
        campagne.gemeenten.set(gemeenten)
        campagne.verplichtingen.set([codes[c] for c in vcodes if c in codes])
