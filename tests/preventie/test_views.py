# SPDX-License-Identifier: EUPL-1.2
"""The pages, through the real views: resident report with receipt, staff form, inbox, worklist,
overview, campaigns and the catalogue's preview."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client as Browser
from django.urls import reverse

from naleving.audit.models import AuditEntry
from naleving.clienten.models import Relatie
from naleving.preventie import services
from naleving.preventie.models import Campagne, Verplichting, Wijzigingsmelding

pytestmark = pytest.mark.django_db


def _browser(user=None) -> Browser:
    browser = Browser()
    if user is not None:
        browser.force_login(user)
    return browser


def _identificeer(browser: Browser, client, code: str):
    return browser.post(
        reverse("preventie:inwoner_identificeren"),
        {"clientnummer": client.clientnummer, "geboortedatum": "17-05-1980", "code": code},
    )


def test_a_resident_reports_a_change_and_gets_a_receipt_only_in_their_own_session(
    make_client, consulent
) -> None:
    client = make_client(consulent=consulent)
    code = services.eenmalige_code_maken(user=consulent, client=client)
    inwoner = _browser()
    page = inwoner.get(reverse("preventie:inwoner_identificeren")).content.decode()
    assert "Tijdelijke manier van inloggen." in page
    assert _identificeer(inwoner, client, code)["Location"] == reverse(
        "preventie:inwoner_formulier"
    )
    response = inwoner.post(
        reverse("preventie:inwoner_formulier"),
        {
            "onderwerp": "wonen_huishouden",
            "ingangsdatum": "01-12-2026",
            "tekst": "Mijn zoon komt bij mij wonen.",
        },
        follow=True,
    )
    melding = Wijzigingsmelding.objects.get()
    page = response.content.decode()
    assert "Wij hebben uw wijziging ontvangen." in page
    assert melding.inhoud_hash in page and melding.ontvangstnummer in page
    download = inwoner.get(reverse("preventie:inwoner_download", args=[melding.ontvangstnummer]))
    assert download["Content-Disposition"] == (
        f'attachment; filename="ontvangstbewijs-{melding.ontvangstnummer}.txt"'
    )
    tekst = download.content.decode()
    assert f"Controlecode (SHA-256 van de inhoud): {melding.inhoud_hash}" in tekst
    assert "Mijn zoon komt bij mij wonen." in tekst
    assert list(
        AuditEntry.objects.filter(
            object_type="preventie.wijzigingsmelding",
            object_id=str(melding.pk),
            gebruiker="systeem",
        ).values_list("reden", flat=True)
    ) == [
        "Inwoner downloadde ontvangstbewijs",
        "Inwoner bekeek eigen ontvangstbewijs",
        "Wijziging doorgegeven door de inwoner",
    ]
    assert (melding.kanaal, melding.identificatie, melding.vastgelegd_door) == (
        "portaal",
        "interim-code",
        None,
    )
    # Someone else, without that session, gets nothing.
    assert (
        _browser()
        .get(reverse("preventie:inwoner_ontvangstbewijs", args=[melding.ontvangstnummer]))
        .status_code
        == 404
    )


def test_identification_failure_is_one_dutch_message_and_the_form_needs_a_session(
    make_client,
) -> None:
    client = make_client()
    inwoner = _browser()
    page = _identificeer(inwoner, client, "ABCDEFGH").content.decode()
    assert "Deze gegevens kloppen niet, of de code is verlopen of al gebruikt." in page
    response = inwoner.get(reverse("preventie:inwoner_formulier"))
    assert response["Location"] == reverse("preventie:inwoner_identificeren")
    page = inwoner.post(reverse("preventie:inwoner_identificeren"), {}).content.decode()
    assert "Vul uw cliëntnummer in." in page and "Vul de eenmalige code in." in page


def test_the_consultant_records_a_change_from_the_file_and_sees_it_in_the_inbox(
    make_client, consulent
) -> None:
    client = make_client(consulent=consulent, achternaam="Visser")
    browser = _browser(consulent)
    dossier = browser.get(reverse("clienten:dossier", args=[client.clientnummer])).content.decode()
    assert "Nog geen wijzigingen doorgegeven." in dossier
    assert "Laatst geïnformeerd over rechten en plichten: nog nooit vastgelegd." in dossier
    response = browser.post(
        reverse("preventie:wijziging", args=[client.clientnummer]),
        {
            "onderwerp": "buitenland",
            "ingangsdatum": "",
            "tekst": "Gaat 3 weken naar familie in Polen.",
            "kanaal": "telefoon",
        },
        follow=True,
    )
    melding = Wijzigingsmelding.objects.get()
    assert (
        f"De wijziging is vastgelegd met ontvangstnummer {melding.ontvangstnummer}."
        in response.content.decode()
    )
    inbox = browser.get(reverse("preventie:inbox")).content.decode()
    assert "Open wijzigingen, oudste eerst (1)" in inbox and "Anna Visser" in inbox
    dossier = browser.get(reverse("clienten:dossier", args=[client.clientnummer])).content.decode()
    assert melding.ontvangstnummer in dossier
    browser.post(
        reverse("preventie:melding", args=[melding.ontvangstnummer]),
        {"naar": "afgehandeld", "toelichting": "Binnen 4 weken, geen gevolgen."},
    )
    assert (
        "Open wijzigingen, oudste eerst (0)"
        in browser.get(reverse("preventie:inbox")).content.decode()
    )


def test_a_handhaver_without_a_ground_cannot_open_a_report(
    make_client, make_user, consulent
) -> None:
    client = make_client(consulent=consulent)
    melding = services.wijziging_doorgeven(
        client=client,
        onderwerp="vermogen",
        tekst="Erfenis ontvangen.",
        ingangsdatum=None,
        kanaal="balie",
        identificatiemethode="medewerker",
        user=consulent,
    )
    handhaver = _browser(make_user("handhaver"))
    assert (
        handhaver.get(reverse("preventie:melding", args=[melding.ontvangstnummer])).status_code
        == 404
    )
    assert handhaver.get(reverse("preventie:inbox")).status_code == 403


def test_the_overview_page_fits_the_household(make_client, consulent, add_lid) -> None:
    client = make_client(consulent=consulent)
    add_lid(client, Relatie.PARTNER)
    page = (
        _browser(consulent)
        .get(reverse("preventie:rechten_en_plichten", args=[client.clientnummer]))
        .content
    )
    text = page.decode()
    assert "Veranderingen bij uw partner" in text and "Als u gaat samenwonen" not in text
    assert "Uw loonstrook" not in text
    met_werk = (
        _browser(consulent)
        .get(reverse("preventie:rechten_en_plichten", args=[client.clientnummer]), {"werk": "1"})
        .content.decode()
    )
    assert "Uw loonstrook" in met_werk


def test_recording_an_information_moment_and_the_worklist(make_client, consulent) -> None:
    client = make_client(consulent=consulent, achternaam="Smits")
    browser = _browser(consulent)
    assert "1 cliënt." in browser.get(reverse("preventie:werklijst")).content.decode()
    buitenland = Verplichting.objects.get(code="pw-buitenland", versie=1)
    response = browser.post(
        reverse("preventie:informatiemoment", args=[client.clientnummer]),
        {
            "datum": date.today().strftime("%d-%m-%Y"),
            "soort": "aanvraag",
            "kanaal": "gesprek",
            "verplichtingen": [buitenland.pk],
            "toelichting": "Vakantieregels uitgelegd.",
        },
        follow=True,
    )
    assert "Het informatiemoment is vastgelegd." in response.content.decode()
    assert "0 cliënten." in browser.get(reverse("preventie:werklijst")).content.decode()
    fout = browser.post(
        reverse("preventie:informatiemoment", args=[client.clientnummer]), {"soort": "aanvraag"}
    )
    assert fout.status_code == 400
    assert "Kies minstens één verplichting die u heeft uitgelegd." in fout.content.decode()


def test_the_code_page_shows_the_code_once(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    page = (
        _browser(consulent)
        .post(reverse("preventie:code", args=[client.clientnummer]))
        .content.decode()
    )
    code = re.search(r'id="eenmalige-code">([A-Z0-9]{8})<', page)
    assert code is not None
    assert _identificeer(_browser(), client, code.group(1)).status_code == 302


def test_policy_staff_plan_a_campaign_through_the_page(make_user, gemeenten, make_client) -> None:
    make_client("Heusden")
    beleid = _browser(make_user("beleidsmedewerker", "Heusden"))
    response = beleid.post(
        reverse("preventie:campagnes"),
        {
            "naam": "Zomer",
            "doel": "",
            "start": "01-05-2026",
            "einde": "30-06-2026",
            "uitvoeringsplan_jaar": "2026",
            "uitvoeringsplan_actie": "1.2",
            "wetten": ["PW"],
            "gemeenten": [gemeenten["Heusden"].pk],
            "verplichtingen": [Verplichting.objects.get(code="pw-buitenland", versie=1).pk],
            "nationaliteit": "x",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "De campagne is gepland." in page and "1 huishoudens" in page
    assert Campagne.objects.get().wetten == ["PW"]
    assert (
        _browser(make_user("inkomensconsulent")).get(reverse("preventie:campagnes")).status_code
        == 403
    )


def test_the_beheerder_previews_before_saving_a_new_version(make_user) -> None:
    browser = _browser(make_user("beheerder"))
    vorige = Verplichting.objects.get(code="pw-detentie")
    data = {
        "titel": "Als u vastzit",
        "wat": "Nieuwe uitleg in B1.",
        "wanneer": "Meteen.",
        "hoe": "Bel ons.",
        "grondslag": "PW art. 13 lid 1 onder a",
        "voorwaarde": "altijd",
        "geldig_vanaf": "01-01-2027",
    }
    url = reverse("preventie:nieuwe_versie", args=[vorige.pk])
    preview = browser.post(url, {**data, "voorbeeld": ""}).content.decode()
    assert "Voorbeeld: zo ziet de cliënt het" in preview and "Nieuwe uitleg in B1." in preview
    assert Verplichting.objects.filter(code="pw-detentie").count() == 1
    browser.post(url, {**data, "opslaan": ""})
    assert list(
        Verplichting.objects.filter(code="pw-detentie")
        .order_by("versie")
        .values_list("versie", flat=True)
    ) == [1, 2]
    assert _browser(make_user("inkomensconsulent")).get(url).status_code == 403


def test_the_inbox_marks_reports_waiting_too_long_and_shows_the_reminder(
    make_client, consulent
) -> None:
    from datetime import UTC, datetime, timedelta
    from unittest import mock

    client = make_client(consulent=consulent, achternaam="Kok")
    oud = datetime.now(UTC) - timedelta(days=6)
    with mock.patch("django.utils.timezone.now", return_value=oud):
        services.wijziging_doorgeven(
            client=client,
            onderwerp="giften",
            tekst="Geld van mijn moeder gekregen.",
            ingangsdatum=None,
            kanaal="brief",
            identificatiemethode="medewerker",
            user=consulent,
        )
    services.maak_herinneringen()
    page = _browser(consulent).get(reverse("preventie:inbox")).content.decode()
    assert "Herinnering: 1 van uw cliënten wacht langer dan 5 dagen op een reactie." in page
    assert '<span class="utrecht-status-badge">te lang</span>' in page


@pytest.mark.parametrize(
    ("pagina", "tekst"),
    [
        ("preventie:inbox", "Open wijzigingen, oudste eerst (6)"),
        ("preventie:werklijst", "6 cliënten."),
    ],
)
def test_list_pages_use_a_fixed_number_of_queries(make_client, consulent, pagina, tekst) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def meld(n: int) -> None:
        for _ in range(n):
            services.wijziging_doorgeven(
                client=make_client(consulent=consulent),
                onderwerp="overig",
                tekst="Iets veranderd.",
                ingangsdatum=None,
                kanaal="balie",
                identificatiemethode="medewerker",
                user=consulent,
            )

    browser = _browser(consulent)
    meld(1)
    browser.get(reverse(pagina))
    with CaptureQueriesContext(connection) as een:
        browser.get(reverse(pagina))
    meld(5)
    with CaptureQueriesContext(connection) as zes:
        page = browser.get(reverse(pagina)).content.decode()
    assert tekst in page
    assert len(zes) == len(een)
