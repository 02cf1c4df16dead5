# SPDX-License-Identifier: EUPL-1.2
"""Demo investigations in every state, made through the real services (so the audit log and history are real)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from naleving.clienten.models import Client, Contactmoment, Kanaal
from naleving.clienten.services import contactmoment_vastleggen
from naleving.onderzoek import services
from naleving.onderzoek.cautie import standaard_cautie
from naleving.onderzoek.models import Aanleiding, Onderzoek
from naleving.onderzoek.services import StapInvoer
from naleving.onderzoek.statemachine import Status
from naleving.signalen.bevestiging import anonieme_grond

VRAGEN = (
    "Woont er een partner op het adres? Er staan twee auto's van een ander op naam van het adres (RDW).",
    "Heeft de cliënt inkomsten uit werk? De UWV-polis toont een nieuwe inkomstenverhouding.",
    "Verblijft de cliënt langer in het buitenland dan gemeld?",
    "Klopt het vermogen? Er is een spaarrekening die niet bij de aanvraag is genoemd.",
)
STATES = (
    "aangevraagd",
    "toegewezen",
    "in_uitvoering",
    "rapport_ter_review",
    "afgerond",
    "afgerond_onrechtmatig",
)


def extend(ctx) -> None:  # type: ignore[no-untyped-def]
    rng = ctx.rng
    # Examples for every state, not volume: national-scale volumes come from the benchmarks (bench/).
    count = max(len(STATES) * 2, min(60, len(ctx.new_client_ids) // 100))
    pool = ctx.demo_client_ids[:6] + rng.sample(
        ctx.new_client_ids, min(count, len(ctx.new_client_ids))
    )
    clients = list(
        Client.objects.filter(pk__in=pool[:count]).select_related("consulent", "gemeente")
    )
    clients.sort(key=lambda c: pool.index(c.pk))
    for i, client in enumerate(clients):
        state = STATES[i % len(STATES)]
        teamleider = ctx.staff("teamleider", client.gemeente)[0]
        handhavers = ctx.staff("handhaver", client.gemeente)
        handhaver = handhavers[0] if i % 2 == 0 else rng.choice(handhavers)
        assert client.consulent is not None  # the seed gives every client a consultant
        bron, uitleg = _bevestiging(client)
        o = services.onderzoek_vraag_aan(
            user=client.consulent,
            client=client,
            aanleiding=rng.choice(["lopende_uitkering", "aanvraag_uitkering"]),
            vraag=rng.choice(VRAGEN),
            bevestiging_bron=bron,
            bevestiging_uitleg=uitleg,
        )
        if state != "aangevraagd":
            o = services.onderzoek_wijs_toe(user=teamleider, onderzoek=o, handhaver=handhaver)
        if state in ("in_uitvoering", "rapport_ter_review", "afgerond", "afgerond_onrechtmatig"):
            o = services.onderzoek_start(user=handhaver, onderzoek=o)
            _uitvoering(ctx, o, handhaver, onrechtmatig=state != "afgerond")
        if state in ("rapport_ter_review", "afgerond", "afgerond_onrechtmatig"):
            services.rapport_indienen(user=handhaver, onderzoek=o)
        if state in ("afgerond", "afgerond_onrechtmatig"):
            services.rapport_beoordeel(
                user=teamleider,
                onderzoek=o,
                akkoord=True,
                toelichting="Zorgvuldig onderzocht.",
                uitkomst="onrechtmatigheid_vastgesteld"
                if state == "afgerond_onrechtmatig"
                else "geen_onrechtmatigheid",
            )
        if i % 5 == 1 and state != "afgerond":  # some work is late: the worklist must show it
            Onderzoek.objects.filter(pk=o.pk).update(
                termijn=timezone.localdate() - timedelta(days=rng.randint(1, 20))
            )
    _sluit_signaalonderzoeken(ctx)


def _bevestiging(client: Client) -> tuple[str, str]:
    """A client whose only open signals are anonymous tips: the consultant's own contact moment is the
    source that corroborates the request (signalen.bevestiging)."""
    if not anonieme_grond(client):
        return "", ""
    assert client.consulent is not None
    contact = contactmoment_vastleggen(
        user=client.consulent,
        client=client,
        kanaal=Kanaal.GESPREK,
        onderwerp="Gesprek over de woonsituatie",
        tekst="Cliënt vertelt dat haar vriend sinds de zomer bij haar woont en meebetaalt.",
    )
    return (
        f"contactmoment:{contact.pk}",
        "Cliënt vertelde zelf in het gesprek dat haar vriend bij haar woont.",
    )


def _sluit_signaalonderzoeken(ctx) -> None:  # type: ignore[no-untyped-def]
    """Investigations that triage opened from a signal (Signalen's demo data): some are closed, so
    their signals show a finding (or none) and are afgehandeld; the rest wait for assignment."""
    rng = ctx.rng
    open_ = Onderzoek.objects.filter(aanleiding=Aanleiding.SIGNAAL, status=Status.AANGEVRAAGD)
    for n, o in enumerate(open_.select_related("client", "gemeente").order_by("pk")):
        if n % 5 in (0, 1):
            continue  # waits for the teamleider
        teamleider = ctx.staff("teamleider", o.client.gemeente)[0]
        handhaver = rng.choice(ctx.staff("handhaver", o.client.gemeente))
        onrechtmatig = n % 5 == 4
        o = services.onderzoek_wijs_toe(user=teamleider, onderzoek=o, handhaver=handhaver)
        o = services.onderzoek_start(user=handhaver, onderzoek=o)
        _uitvoering(ctx, o, handhaver, onrechtmatig=onrechtmatig)
        services.rapport_indienen(user=handhaver, onderzoek=o)
        services.rapport_beoordeel(
            user=teamleider,
            onderzoek=o,
            akkoord=True,
            toelichting="Zorgvuldig onderzocht.",
            uitkomst="onrechtmatigheid_vastgesteld" if onrechtmatig else "geen_onrechtmatigheid",
        )


def _huisbezoeken(o: Onderzoek, handhaver) -> None:  # type: ignore[no-untyped-def]
    """A refused home visit and a later one with consent: the page shows the refusal beside the visit."""
    basis = {
        "aangekondigd": True,
        "redelijke_grond": "Twee voertuigen van een ander staan op het adres ingeschreven (RDW).",
        "gezegd_over_weigeren": "kan_gevolgen_hebben",
        "aanwezigen": f"{o.client.naam}, twee handhavers",
        "waarom": "De woonsituatie is niet op een lichtere manier vast te stellen.",
    }
    services.activiteit_vastleggen(
        user=handhaver,
        onderzoek=o,
        soort="huisbezoek",
        gegevens={**basis, "toestemming": "geweigerd", "bevindingen": ""},
    )
    services.activiteit_vastleggen(
        user=handhaver,
        onderzoek=o,
        soort="huisbezoek",
        gegevens={
            **basis,
            "toestemming": "gegeven",
            "bevindingen": "Eén slaapkamer in gebruik; kleding en post van een tweede volwassene.",
        },
    )


def _uitvoering(ctx, o: Onderzoek, handhaver, *, onrechtmatig: bool) -> None:  # type: ignore[no-untyped-def]
    rng = ctx.rng
    services.plan_opslaan(
        user=handhaver,
        onderzoek=o,
        vragen=o.vraag,
        feiten="Gegevens uit de registraties wijken af van de aanvraag.",
        stappen=[
            StapInvoer(
                "raadplegen_registratie", "Inkomsten en woonsituatie nagaan in de registraties."
            ),
            StapInvoer("gesprek", "De cliënt de kans geven de feiten toe te lichten."),
            *(
                [
                    StapInvoer(
                        "huisbezoek",
                        "De woonsituatie vaststellen.",
                        "De registraties en het gesprek geven geen uitsluitsel over wie er woont.",
                    )
                ]
                if onrechtmatig
                else []
            ),
        ],
    )
    if onrechtmatig:
        _huisbezoeken(o, handhaver)
    services.activiteit_vastleggen(
        user=handhaver,
        onderzoek=o,
        soort="raadplegen_registratie",
        gegevens={
            "bron": "Suwinet-Inkijk",
            "welke_gegevens": "Polisadministratie UWV, BRP-bewoning",
            "waarom": "Nagaan of de gegevens uit het signaal kloppen.",
        },
    )
    now = timezone.now()
    services.activiteit_vastleggen(
        user=handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens={
            "met_wie": o.client.naam,
            "begin": (now - timedelta(hours=2)).isoformat(),
            # A fine is possible (onderzoek.cautie): the client gets the cautie before the first question.
            "gehoorde": "client",
            "cautie_tijdstip": (now - timedelta(hours=2, minutes=1)).isoformat(),
            "cautie_tekst": standaard_cautie(op=timezone.localdate()).tekst,
            "verslag": "Cliënt licht de situatie toe en levert bankafschriften aan.",
            "waarom": "Hoor en wederhoor voordat er conclusies worden getrokken.",
        },
    )
    today = timezone.localdate()
    start = date(today.year, today.month, 1) - timedelta(days=rng.randint(90, 200))
    start = start.replace(day=1)
    months = [(start.replace(day=1) + timedelta(days=32 * k)).replace(day=1) for k in range(3)]
    if onrechtmatig:
        Contactmoment.objects.create(
            client=o.client,
            tijdstip=now - timedelta(days=(today - months[1]).days),
            kanaal="telefoon",
            onderwerp="Vraag over de uitbetaling",
            tekst="Vraagt wanneer de uitkering wordt betaald.",
            medewerker=o.client.consulent,
        )
        services.meldcheck_vastleggen(
            user=handhaver,
            onderzoek=o,
            van=months[0],
            tot=months[-1] + timedelta(days=27),
            conclusie="Eén telefonisch contact over de uitbetaling; de inkomsten zijn nergens gemeld.",
        )
    perioden = [
        {
            "maand": m.strftime("%Y-%m"),
            "ontvangen_cent": 140_000,
            "recht_cent": 140_000 - rng.randint(200, 900) * 100,
        }
        for m in months
    ]
    services.rapport_opslaan(
        user=handhaver,
        onderzoek=o,
        versie=None,
        bevindingen=(
            "Inkomsten uit parttime werk bij een uitzendbureau vanaf "
            + months[0].strftime("%B %Y")
            + ", niet gemeld."
        )
        if onrechtmatig
        else "De gegevens uit het signaal kloppen niet; de situatie is zoals gemeld.",
        overtreding="inlichtingenplicht" if onrechtmatig else "",
        periode_van=months[0] if onrechtmatig else None,
        periode_tot=months[-1] + timedelta(days=27) if onrechtmatig else None,
        pleegdatum=months[0] if onrechtmatig else None,
        perioden=perioden if onrechtmatig else [],
        gemeld="niet_gemeld" if onrechtmatig else "",
        aanwijzingen_verwijtbaarheid="Cliënt dacht dat het uitzendbureau de inkomsten doorgaf."
        if onrechtmatig
        else "",
        omstandigheden="Alleenstaand, mantelzorg voor een ouder." if onrechtmatig else "",
        awb_feiten="Inkomsten uit arbeid niet gemeld in de genoemde maanden."
        if onrechtmatig
        else "",
        awb_voorschrift="Artikel 17 lid 1 Participatiewet" if onrechtmatig else "",
        advies="Herzien en terugvorderen; verwijtbaarheid beoordelen met de toelichting van de cliënt."
        if onrechtmatig
        else "Geen vervolg nodig.",
    )
