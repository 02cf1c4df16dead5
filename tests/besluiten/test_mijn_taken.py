# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 item 4: 'Mijn taken' on the start page of the consultant and the teamleider shows what needs them now,
within their municipalities, each item linked to where the work is done; the page reads a fixed number of
queries however much work there is."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from naleving.besluiten import services
from naleving.clienten.taken import mijn_taken
from naleving.onderzoek import services as oservices
from naleving.onderzoek.models import Onderzoek
from naleving.signalen.models import Signaal, Taak
from naleving.signalen.services import NieuwSignaal, signaal_maak


def _taken(user) -> dict[str, list[tuple[str, str, bool]]]:
    return {
        g.soort: [(t.soort, t.url, t.te_laat) for t in g.taken] + [("aantal", str(g.aantal), False)]
        for g in mijn_taken(user=user)
    }


def _boete(casus):
    b = casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Werkte bewust zwart.",
        financieel_voordeel_beoogd=True,
        zienswijze="Ik wist het niet.",
        zienswijze_ontvangen_op=date(2026, 5, 1),
    )
    return services.besluit_vaststellen(user=casus.consulent, besluit=b)


def _aanvraag(casus) -> Onderzoek:
    return oservices.onderzoek_vraag_aan(
        user=casus.consulent, client=casus.client, aanleiding="lopende_uitkering", vraag="Werk?"
    )


def test_consultant_is_asked_to_prepare_then_finish_the_decision(casus) -> None:
    o = casus.onderzoek()
    assert _taken(casus.consulent) == {
        "Besluit voorbereiden na onderzoek": [
            ("Besluit voorbereiden", f"/onderzoek/{o.pk}/", False),
            ("aantal", "1", False),
        ]
    }
    b = services.besluit_open_uit_onderzoek(user=casus.consulent, onderzoek=o)
    assert _taken(casus.consulent) == {
        "Besluiten afmaken": [
            ("Concept afmaken", f"/besluiten/{b.pk}/", False),
            ("aantal", "1", False),
        ]
    }


def test_teamleader_sees_assignments_late_investigations_and_four_eyes(casus) -> None:
    b = _boete(casus)
    o = _aanvraag(casus)
    Onderzoek.objects.filter(pk=o.pk).update(termijn=timezone.localdate() - timedelta(days=1))
    taken = _taken(casus.teamleider)
    assert taken == {
        "Onderzoeken toewijzen": [
            ("Toewijzen aan een handhaver", f"/onderzoek/{o.pk}/", True),
            ("aantal", "1", False),
        ],
        "Onderzoeken over de termijn": [
            ("Termijn verstreken", f"/onderzoek/{o.pk}/", True),
            ("aantal", "1", False),
        ],
        "Vier-ogencontrole op boetes": [
            ("Besluit controleren", f"/besluiten/{b.pk}/", False),
            ("aantal", "1", False),
        ],
    }


def test_consultant_sees_triage_tasks_and_late_investigations_of_own_clients(casus) -> None:
    s = signaal_maak(
        user=None,
        nieuw=NieuwSignaal(
            bron="ketenpartner",
            bron_naam="Inlichtingenbureau",
            product="inkomstenverhouding",
            datum=date(2026, 1, 5),
            bsn=casus.client.bsn,
            omschrijving="Nieuwe werkgever",
        ),
    )
    Taak.objects.create(
        signaal=s,
        client=casus.client,
        consulent=casus.consulent,
        soort=Taak.Soort.INFORMEREN,
        omschrijving="Uitleg geven",
        aangemaakt_op=timezone.now(),
    )
    o = _aanvraag(casus)
    Onderzoek.objects.filter(pk=o.pk).update(termijn=timezone.localdate() - timedelta(days=2))
    assert _taken(casus.consulent) == {
        "Taken uit de triage van signalen": [
            (
                "Cliënt informeren (preventief contact)",
                f"/clienten/{casus.client.clientnummer}/#signalen",
                False,
            ),
            ("aantal", "1", False),
        ],
        "Onderzoeken bij uw cliënten over de termijn": [
            ("Termijn verstreken", f"/onderzoek/{o.pk}/", True),
            ("aantal", "1", False),
        ],
    }


def test_teamleader_sees_signals_past_the_triage_term_of_their_municipalities_only(
    casus, make_user
) -> None:
    s = signaal_maak(
        user=None,
        nieuw=NieuwSignaal(
            bron="ketenpartner",
            bron_naam="Inlichtingenbureau",
            product="voertuig",
            datum=date(2026, 1, 5),
            bsn=casus.client.bsn,
            omschrijving="Auto",
        ),
    )
    Signaal.objects.filter(pk=s.pk).update(termijn=timezone.localdate() - timedelta(days=1))
    assert _taken(casus.teamleider)["Signalen over de triagetermijn"] == [
        ("Triage te laat", "/signalen/overzicht/", True),
        ("aantal", "1", False),
    ]
    heusden = make_user("teamleider", "Heusden", username="thea")
    assert _taken(heusden) == {}


def test_the_start_pages_show_the_list_and_read_a_fixed_number_of_queries(casus, client) -> None:
    casus.onderzoek()
    client.force_login(casus.consulent)
    page = client.get("/start/").content.decode()
    assert '<h2 id="kop-taken">Mijn taken</h2>' in page
    assert "<h3>Besluit voorbereiden na onderzoek (1)</h3>" in page
    client.force_login(casus.teamleider)
    client.get("/start/")
    with CaptureQueriesContext(connection) as weinig:
        client.get("/start/")
    for _ in range(7):
        _aanvraag(casus)
    Onderzoek.objects.update(termijn=timezone.localdate() - timedelta(days=1))
    with CaptureQueriesContext(connection) as veel:
        page = client.get("/start/").content.decode()
    assert "<h3>Onderzoeken toewijzen (7)</h3>" in page
    assert "U ziet er 5 van 7." in page
    assert len(veel.captured_queries) == len(weinig.captured_queries)


def test_handhaver_sees_late_triage_and_own_late_investigations(casus) -> None:
    s = signaal_maak(
        user=None,
        nieuw=NieuwSignaal(
            bron="ketenpartner",
            bron_naam="Inlichtingenbureau",
            product="voertuig",
            datum=date(2026, 1, 5),
            bsn=casus.client.bsn,
            omschrijving="Auto",
        ),
    )
    Signaal.objects.filter(pk=s.pk).update(termijn=timezone.localdate() - timedelta(days=3))
    o = oservices.onderzoek_wijs_toe(
        user=casus.teamleider, onderzoek=_aanvraag(casus), handhaver=casus.handhaver
    )
    Onderzoek.objects.filter(pk=o.pk).update(termijn=timezone.localdate() - timedelta(days=1))
    assert _taken(casus.handhaver) == {
        "Triage over de termijn": [
            ("Triage te laat", f"/signalen/{s.pk}/", True),
            ("aantal", "1", False),
        ],
        "Mijn onderzoeken over de termijn": [
            ("Termijn verstreken", f"/onderzoek/{o.pk}/", True),
            ("aantal", "1", False),
        ],
    }
