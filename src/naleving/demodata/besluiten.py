# SPDX-License-Identifier: EUPL-1.2
"""Demo decisions in every state, made through the real services (so history, register, claims, letters and the
audit log are real): from the finished investigations that demodata/onderzoek.py makes, and directly after a
late change report. Runs after the onderzoek demo (INSTALLED_APPS order)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from naleving.besluiten import nazorg, services
from naleving.besluiten.models import Besluit
from naleving.clienten.models import Client
from naleving.clienten.regelfeiten import uitkering_op
from naleving.onderzoek.models import Onderzoek

STATES = ("concept", "ter_review", "definitief", "verzonden", "bezwaar", "beslist_op_bezwaar")
MOTIVERING = (
    "U heeft uw inkomsten uit werk niet op tijd doorgegeven. Daardoor kreeg u te veel bijstand.",
    "U gaf een verandering in uw situatie te laat door. Daardoor kreeg u te veel bijstand.",
)


def extend(ctx) -> None:  # type: ignore[no-untyped-def]
    rng = ctx.rng
    onderzoeken = list(
        Onderzoek.objects.filter(status="afgerond", uitkomst="onrechtmatigheid_vastgesteld")
        .exclude(pk__in=Besluit.objects.filter(onderzoek__isnull=False).values("onderzoek_id"))
        .select_related("client__consulent", "client__gemeente")
        .order_by("pk")
    )
    # The demo consultant's first finished investigation with a breach waits for its decision, so that the
    # start page's task list and the investigation page show "Besluit voorbereiden" right after the demo.
    voor_te_bereiden = next(
        (o for o in onderzoeken if o.client.consulent and o.client.consulent.is_demo_account), None
    )
    besluiten: list[Besluit] = []
    for o in onderzoeken:
        if o.client.consulent is not None and o is not voor_te_bereiden:
            besluiten.append(
                services.besluit_open_uit_onderzoek(user=o.client.consulent, onderzoek=o)
            )
    # Direct decisions after a late change report, so that every state has examples.
    ids = [i for i in ctx.demo_client_ids[6:12] + ctx.new_client_ids[-200:] if i]
    clients = list(
        Client.objects.filter(pk__in=ids, consulent__isnull=False)
        .exclude(pk__in=[o.client_id for o in onderzoeken])
        .select_related("consulent", "gemeente")
        .order_by("pk")[: max(0, 2 * len(STATES) - len(besluiten))]
    )
    for client in clients:
        assert client.consulent is not None
        pleeg = ctx.peildatum - timedelta(days=rng.randint(60, 300))
        besluiten.append(
            services.besluit_open(
                user=client.consulent,
                client=client,
                aanleiding="wijzigingsmelding",
                overtreding="inlichtingenplicht",
                pleegdatum=min(pleeg, timezone.localdate()),
                benadelingsbedrag_cent=rng.randint(80, 2400) * 100,
                feiten="Samenwonen met een partner twee maanden te laat gemeld.",
            )
        )
    afwijking_getoond = False
    for i, b in enumerate(besluiten):
        state = STATES[i % len(STATES)]
        # One fine against the policy rule (Awb 4:84), waiting for the teamleider's four eyes.
        afwijking = state == "ter_review" and not afwijking_getoond
        afwijking_getoond = afwijking_getoond or afwijking
        _naar(ctx, b, state, boete=i % 3 == 1, afwijking=afwijking)
    _una_via(ctx)
    _maatregelen(ctx)
    _voor_de_regels(ctx)
    _concept_voor_demo_consulent(ctx, exclude=[c.pk for c in clients])


def _concept_voor_demo_consulent(ctx, *, exclude: list[int]) -> None:  # type: ignore[no-untyped-def]
    """A concept decision of the demo consultant ("Besluiten afmaken" in their task list), when the cases above
    gave them none."""
    if Besluit.objects.filter(status="concept", client__consulent__is_demo_account=True).exists():
        return
    client = (
        Client.objects.filter(pk__in=ctx.demo_client_ids, consulent__is_demo_account=True)
        .exclude(pk__in=exclude)
        .exclude(besluiten__isnull=False)
        .select_related("consulent")
        .order_by("pk")
        .first()
    )
    if client is None or client.consulent is None:
        return
    b = services.besluit_open(
        user=client.consulent,
        client=client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=ctx.peildatum - timedelta(days=90),
        benadelingsbedrag_cent=64_000,
        feiten="Inkomsten uit een bijbaan drie maanden te laat gemeld.",
    )
    _naar(ctx, b, "concept", boete=False)


def _voor_de_regels(ctx) -> None:  # type: ignore[no-untyped-def]
    """A breach of 2016, found only now: before the first rule set (landelijk-2017) the advice gives what the law
    itself answers. The power to fine has lapsed (Awb 5:45), the recovery stands (PW art. 58 lid 1)."""
    vrij = Client.objects.filter(consulent__isnull=False, besluiten__isnull=True).select_related(
        "consulent"
    )
    # The demo consultant's own caseload first, so the case is in the demo account's view.
    client = (
        vrij.filter(pk__in=ctx.demo_client_ids[14:40]).order_by("pk").first()
        or vrij.filter(pk__in=ctx.new_client_ids[-240:-220]).order_by("pk").first()
    )
    if client is None or client.consulent is None:
        return
    b = services.besluit_open(
        user=client.consulent,
        client=client,
        aanleiding="overig",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2016, 9, 1),
        benadelingsbedrag_cent=480_000,
        feiten="Bij een controle van oude bankafschriften bleek een niet gemelde erfenis uit september 2016.",
    )
    services.besluit_wijzig(
        user=client.consulent,
        besluit=b,
        verwijtbaarheid="normaal",
        verwijtbaarheid_reden="Wist niet dat een erfenis gemeld moest worden.",
    )


def _una_via(ctx) -> None:  # type: ignore[no-untyped-def]
    """Two cases above the prosecution threshold (una via, Awb art. 5:44): one in concept where the advice waits
    for the consultant's answer on aangifte, one decided after aangifte (no fine; the recovery stands)."""
    ids = [i for i in ctx.demo_client_ids[12:14] + ctx.new_client_ids[-220:-200] if i]
    clients = list(
        Client.objects.filter(pk__in=ids, consulent__isnull=False, besluiten__isnull=True)
        .select_related("consulent", "gemeente")
        .order_by("pk")[:2]
    )
    for client, aangifte in zip(clients, (None, True), strict=False):
        consulent = client.consulent
        assert consulent is not None
        b = services.besluit_open(
            user=consulent,
            client=client,
            aanleiding="wijzigingsmelding",
            overtreding="inlichtingenplicht",
            pleegdatum=min(ctx.peildatum - timedelta(days=200), timezone.localdate()),
            benadelingsbedrag_cent=ctx.rng.randint(520, 900) * 10_000,
            feiten="Vermogen op een buitenlandse spaarrekening drie jaar lang niet gemeld.",
        )
        b = services.besluit_wijzig(
            user=consulent,
            besluit=b,
            verwijtbaarheid="opzet",
            verwijtbaarheid_reden="Hield de rekening bewust buiten beeld om bijstand te houden.",
            financieel_voordeel_beoogd=True,
            aangifte_gedaan=aangifte,
            keuze="volgt",
            motivering="U heeft uw vermogen niet doorgegeven. Daardoor kreeg u te veel bijstand.",
            cautie="geen_verklaringen",
        )
        if aangifte is None:
            # The recovery worked out (PW art. 58-59): paid to the family, so both partners are jointly liable;
            # only financial hardship is at stake, which is no dringende reden (CRvB).
            b = services.besluit_wijzig(
                user=consulent,
                besluit=b,
                terugvordering_feiten={
                    # art. 59 is modelled for the PW and the Bbz only (the IOAW/IOAZ are personal)
                    **({"gezin": "gezin"} if _wet(client, b.pleegdatum) in ("PW", "BBZ") else {}),
                    "afzien": {
                        "gevolgen_onaanvaardbaar": True,
                        "alleen_financieel": True,
                        "onevenredig": False,
                    },
                },
            )
        if aangifte:
            services.toets_opslaan(user=consulent, besluit=b, **TOETS)
            services.besluit_vaststellen(user=consulent, besluit=b)


def _maatregelen(ctx) -> None:  # type: ignore[no-untyped-def]
    """Two maatregelen (PW art. 18): one in concept whose advice spreads the reduction over three months, at least
    a third in the first (lid 5 (2015), as the afstemmingsverordening Baanbrekers sets); one of three months, fixed,
    whose reconsideration (lid 3) is due in the consultant's task list."""
    vrij = (
        Client.objects.filter(consulent__isnull=False, besluiten__isnull=True)
        .filter(uitkeringen__isnull=False)
        .distinct()
        .select_related("consulent", "gemeente")
        .order_by("pk")
    )
    # The demo consultant's own caseload first, so both show in the demo account's view and task list.
    clients = list(vrij.filter(consulent__is_demo_account=True)[:2])
    clients += list(vrij.exclude(pk__in=[c.pk for c in clients])[: 2 - len(clients)])
    for client, maanden in zip(clients, (None, 3), strict=False):
        consulent = client.consulent
        assert consulent is not None
        b = services.besluit_open(
            user=consulent,
            client=client,
            aanleiding="arbeidsverplichting",
            overtreding="arbeidsverplichting",
            pleegdatum=min(ctx.peildatum - timedelta(days=45), timezone.localdate()),
            feiten="Twee keer zonder bericht niet verschenen op een afspraak bij het werkbedrijf.",
        )
        velden: dict[str, Any] = {
            "verwijtbaarheid": "normaal",
            "verwijtbaarheid_reden": "Kende de afspraken en gaf geen reden op.",
            "keuze": "volgt",
            "motivering": "U bent niet verschenen op afspraken bij het werkbedrijf.",
            "cautie": "geen_verklaringen",
        }
        if maanden:
            velden |= {
                "keuze": "wijkt_af",
                "sanctie": "maatregel",
                "maatregel_percentage": 100,
                "maatregel_maanden": maanden,
                "afwijking_motivering": "Ook eerder afspraken gemist; de verlaging duurt daarom langer.",
            }
        b = services.besluit_wijzig(user=consulent, besluit=b, **velden)
        if maanden:
            services.toets_opslaan(user=consulent, besluit=b, **TOETS)
            services.besluit_vaststellen(user=consulent, besluit=b)


TOETS = {
    "effect_nodig": "Dat de inwoner veranderingen voortaan op tijd doorgeeft.",
    "effect_op_persoon": "Het gezin houdt genoeg over om van te leven; de terugbetaling past in de begroting.",
    "doel_van_de_wet": "Bijstand is voor wie het nodig heeft; dat vraagt juiste gegevens.",
    "ethisch": "Ja: het besluit past bij wat er gebeurde en bij de situatie van de inwoner.",
    "strijdig_met_regel": "Nee: het besluit volgt de Participatiewet en de beleidsregels.",
}


def _naar(ctx, b: Besluit, state: str, *, boete: bool, afwijking: bool = False) -> None:  # type: ignore[no-untyped-def]
    rng = ctx.rng
    consulent = b.client.consulent
    assert consulent is not None  # only clients with a consultant are chosen
    teamleider = ctx.staff("teamleider", b.client.gemeente)[0]
    vandaag = timezone.localdate()
    velden: dict[str, Any] = {
        "verwijtbaarheid": "opzet" if boete else rng.choice(["verminderd", "normaal"]),
        "verwijtbaarheid_reden": "Wist dat het gemeld moest worden en deed dat bewust niet."
        if boete
        else "Dacht dat een andere instantie het doorgaf.",
        "financieel_voordeel_beoogd": boete,
        "omstandigheden": rng.sample(["schulden", "zorgtaken", "gezondheid", "taal"], 2),
        "omstandigheden_toelichting": "Meegewogen bij de hoogte en de betalingsregeling.",
        "keuze": "volgt",
        "motivering": rng.choice(MOTIVERING),
        "cautie": b.cautie or "geen_verklaringen",
        "zienswijze_termijn": vandaag - timedelta(days=3),
    }
    if rng.random() < 0.3:
        velden.update(
            terugvordering_cent=0,
            afzien_reden="onevenredig",
            afzien_motivering="Volledige terugvordering zou de schuldhulp doorkruisen.",
        )
    if afwijking:
        velden.update(
            verwijtbaarheid="normaal",
            verwijtbaarheid_reden="Wist dat het gemeld moest worden, maar stelde het uit.",
            financieel_voordeel_beoogd=False,
            keuze="wijkt_af",
            sanctie="boete",
            boete_cent=30_000,
            afwijking_motivering="Derde keer te laat gemeld; de waarschuwingen hielpen niet.",
            beleid_afwijking_reden="Twee eerdere waarschuwingen in twee jaar; nog een waarschuwing "
            "heeft geen effect. Ter beoordeling door de teamleider.",
        )
    b = services.besluit_wijzig(user=consulent, besluit=b, **velden)
    if state == "concept":
        return  # the Omgekeerde Toets is still to do: the page shows it as the next step
    services.toets_opslaan(user=consulent, besluit=b, **TOETS)
    if state != "ter_review" and b.onderzoek_id is None and boete:
        velden["keuze"] = (
            "volgt"  # direct decisions without a rapport: no fine over € 340 (Awb 5:53)
        )
        b = services.besluit_wijzig(
            user=consulent, besluit=b, verwijtbaarheid="normaal", financieel_voordeel_beoogd=False
        )
    b = services.besluit_vaststellen(user=consulent, besluit=b)
    if b.status == "ter_review":
        if state == "ter_review":
            return
        b = services.besluit_review(
            user=teamleider, besluit=b, akkoord=True, toelichting="Akkoord."
        )
    if state == "definitief":
        return
    b = services.besluit_verzend(user=consulent, besluit=b)
    if state == "verzonden":
        return
    bz = nazorg.bezwaar_registreer(
        user=consulent,
        besluit=b,
        ontvangen_op=vandaag - timedelta(days=10),
        gronden="Ik was in die tijd opgenomen in het ziekenhuis en kon niets regelen.",
    )
    if state == "bezwaar":
        return
    bz = nazorg.bezwaar_hoorzitting(
        user=consulent, bezwaar=bz, op=vandaag - timedelta(days=2), verslag="Cliënt licht toe."
    )
    nazorg.bezwaar_beslis(
        user=consulent,
        bezwaar=bz,
        uitkomst=rng.choice(["ongegrond", "deels_gegrond"]),
        toelichting="Na heroverweging met de opname in het ziekenhuis meegewogen.",
    )


def _wet(client: Client, pleegdatum: date) -> str | None:
    uitkering = uitkering_op(client.uitkeringen.all(), pleegdatum)
    return None if uitkering is None else uitkering.wet
