# SPDX-License-Identifier: EUPL-1.2
"""Login, search, the client file and the denials, through the real pages."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from naleving.audit.models import AuditEntry


@pytest.fixture
def consulent(make_user):
    return make_user("inkomensconsulent", "Waalwijk", username="ilse")


def _browser(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def test_login_with_the_standard_flow_lands_on_the_role_start_page(consulent) -> None:
    browser = Browser()
    response = browser.post(
        reverse("login"), {"username": "ilse", "password": "een-lang-wachtwoord-123"}, follow=True
    )
    assert response.redirect_chain == [(reverse("start"), 302)]
    assert "Goedendag" in response.content.decode()
    assert "U heeft de regie over 0 cliënten." in response.content.decode()


def test_wrong_password_gets_a_dutch_message(consulent) -> None:
    response = Browser().post(reverse("login"), {"username": "ilse", "password": "fout"})
    assert response.status_code == 200
    assert "De combinatie van gebruikersnaam en wachtwoord klopt niet." in response.content.decode()


def test_five_failures_block_the_login(consulent) -> None:
    browser = Browser()
    for _ in range(5):
        browser.post(reverse("login"), {"username": "ilse", "password": "fout"})
    response = browser.post(
        reverse("login"), {"username": "ilse", "password": "een-lang-wachtwoord-123"}
    )
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()


def test_pages_need_a_login() -> None:
    response = Browser().get(reverse("clienten:zoeken"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_search_by_name_bsn_and_number_within_the_municipality(consulent, make_client) -> None:
    own = make_client("Waalwijk", achternaam="Visser")
    make_client("Heusden", achternaam="Visser")
    browser = _browser(consulent)
    for term in (
        "viss",
        own.bsn,
        f"{own.bsn[:4]}.{own.bsn[4:6]}.{own.bsn[6:]}",
        own.clientnummer.lower(),
    ):
        page = browser.get(reverse("clienten:zoeken"), {"q": term}).content.decode()
        assert "1 cliënt gevonden" in page, term
        assert own.clientnummer in page
    searches = AuditEntry.objects.filter(actie="zoeken", gebruiker="ilse")
    assert searches.count() == 4
    assert searches.first().velden["getoond"] == [own.clientnummer]


def test_search_without_results_explains_what_to_try(consulent) -> None:
    page = _browser(consulent).get(reverse("clienten:zoeken"), {"q": "Onbekend"}).content.decode()
    assert "Geen cliënten gevonden voor “Onbekend” in uw gemeenten." in page


def test_client_file_shows_benefits_household_and_contacts_and_is_audited(
    consulent, make_client
) -> None:
    client = make_client("Waalwijk", consulent=consulent, achternaam="Bakker")
    page = (
        _browser(consulent)
        .get(reverse("clienten:dossier", args=[client.clientnummer]))
        .content.decode()
    )
    assert "Anna Bakker" in page
    assert "Participatiewet" in page
    assert "€ 1.400,00" in page
    assert "Alleenstaand" in page
    assert "Nog geen contactmomenten." in page
    entry = AuditEntry.objects.get(actie="bekijken")
    assert (entry.gebruiker, entry.client_id, entry.object_type) == (
        "ilse",
        client.pk,
        "clienten.client",
    )


def test_client_outside_the_municipality_is_a_404_and_a_denial_is_logged(
    consulent, make_client
) -> None:
    other = make_client("Heusden")
    response = _browser(consulent).get(reverse("clienten:dossier", args=[other.clientnummer]))
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert "Heusden" not in response.content.decode()
    denial = AuditEntry.objects.get(actie="geweigerd")
    assert (denial.gebruiker, denial.client_id) == ("ilse", other.pk)


def test_unknown_client_number_looks_the_same_as_a_forbidden_one(consulent) -> None:
    response = _browser(consulent).get(reverse("clienten:dossier", args=["C9999999"]))
    assert response.status_code == 404
    assert AuditEntry.objects.get(actie="geweigerd").object_id == "C9999999"


def test_unknown_url_gets_a_dutch_404(consulent) -> None:
    response = _browser(consulent).get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_address_form_refuses_bad_postcode_and_saves_nothing(consulent, make_client) -> None:
    client = make_client(consulent=consulent)
    response = _browser(consulent).post(
        reverse("clienten:adres", args=[client.clientnummer]),
        {
            "versie": 1,
            "straat": "Grotestraat",
            "huisnummer": "1",
            "postcode": "12345",
            "woonplaats": "Waalwijk",
        },
    )
    assert response.status_code == 200
    assert "Vul een Nederlandse postcode in, zoals 5141 AB." in response.content.decode()
    client.refresh_from_db()
    assert (client.straat, client.versie) == ("Kerkstraat", 1)


def test_stale_address_form_shows_the_conflict(consulent, make_client) -> None:
    client = make_client(consulent=consulent)
    browser = _browser(consulent)
    url = reverse("clienten:adres", args=[client.clientnummer])
    data = {
        "versie": 1,
        "straat": "Grotestraat",
        "huisnummer": "1",
        "postcode": "5141 AB",
        "woonplaats": "Waalwijk",
    }
    assert browser.post(url, data).status_code == 302
    response = browser.post(url, {**data, "straat": "Molenstraat"})
    assert "Iemand anders heeft deze gegevens gewijzigd" in response.content.decode()
    client.refresh_from_db()
    assert (client.straat, client.versie) == ("Grotestraat", 2)


def test_contact_moment_form_with_missing_fields_saves_nothing(consulent, make_client) -> None:
    client = make_client(consulent=consulent)
    response = _browser(consulent).post(
        reverse("clienten:contactmoment", args=[client.clientnummer]),
        {"kanaal": "telefoon", "onderwerp": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul het onderwerp in." in page and "Beschrijf wat is besproken." in page
    assert client.contactmomenten.count() == 0


@pytest.mark.parametrize("rol", ["beleidsmedewerker", "beheerder", "privacy"])
def test_roles_without_casework_cannot_search(make_user, rol) -> None:
    response = _browser(make_user(rol)).get(reverse("clienten:zoeken"), {"q": "jansen"})
    assert response.status_code == 403
    assert "Uw rol mag geen cliënten zoeken." in response.content.decode()


def test_privacy_officer_filters_and_exports_the_log(make_user, consulent, make_client) -> None:
    client = make_client(consulent=consulent)
    _browser(consulent).get(reverse("clienten:dossier", args=[client.clientnummer]))
    privacy = _browser(make_user("privacy"))
    page = privacy.get(reverse("audit:log"), {"clientnummer": client.clientnummer}).content.decode()
    assert "1 logregel." in page and "ilse" in page
    export = privacy.get(reverse("audit:export"), {"clientnummer": client.clientnummer})
    body = b"".join(export.streaming_content).decode()
    lines = body.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("Volgnummer;Tijdstip;Medewerker;Rol;Handeling")
    assert len(lines) == 2 and ";ilse;inkomensconsulent;Bekeken;clienten.client;" in lines[1]
    assert AuditEntry.objects.filter(actie="exporteren").count() == 1


def test_audit_filter_with_bad_dates_gets_dutch_errors(make_user) -> None:
    page = (
        _browser(make_user("privacy"))
        .get(reverse("audit:log"), {"van": "gisteren"})
        .content.decode()
    )
    assert "Vul een geldige datum in, zoals 2026-11-28." in page


def test_consultant_cannot_read_the_audit_log(consulent) -> None:
    assert _browser(consulent).get(reverse("audit:log")).status_code == 403
