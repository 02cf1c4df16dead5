# SPDX-License-Identifier: EUPL-1.2
"""Search from every staff page (issue 17, item 3): the page header holds a search field for every role that may
search clients (the right client.zoeken, the same one the client search itself checks), and for no other role.
It is a plain GET form to the client search, so it works without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser
from django.urls import reverse

from naleving.accounts.models import Rol
from tests.conftest import ensure_reference_data

KOPZOEK = 'id="kop-zoekterm"'


def _browser(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def _kopformulier(html: str) -> str:
    match = re.search(r'<form[^>]*class="kop__zoek".*?</form>', html, re.S)
    assert match, "geen zoekveld in de paginakop"
    return match.group(0)


@pytest.mark.django_db
def test_the_header_search_is_on_the_start_page_of_exactly_the_roles_with_client_zoeken(
    make_user,
) -> None:
    ensure_reference_data()
    codes = list(Rol.objects.order_by("code").values_list("code", flat=True))
    assert "beleidsmedewerker" in codes
    zoekers = set()
    for code in codes:
        user = make_user(code, "Waalwijk")
        html = _browser(user).get(reverse("start")).content.decode()
        mag = "client.zoeken" in Rol.objects.get(code=code).rechten
        assert (KOPZOEK in html) is mag, code
        if mag:
            zoekers.add(code)
    assert {"inkomensconsulent", "trajectbegeleider", "handhaver", "teamleider"} <= zoekers
    assert "beleidsmedewerker" not in zoekers


def test_the_header_search_is_a_labelled_get_form_to_the_client_search(make_user) -> None:
    html = _browser(make_user("handhaver")).get(reverse("onderzoek:werkvoorraad")).content.decode()
    form = _kopformulier(html)
    assert 'method="get"' in form
    assert f'action="{reverse("clienten:zoeken")}"' in form
    assert 'role="search"' in form
    assert '<label class="utrecht-form-label" for="kop-zoekterm">Zoek cliënt</label>' in form
    assert 'name="q"' in form
    assert "hx-" not in form  # no JavaScript needed
    assert 'type="submit"' in form


def test_the_policy_officer_sees_no_header_search_on_the_dashboard(make_user) -> None:
    html = (
        _browser(make_user("beleidsmedewerker")).get(reverse("beleid:dashboard")).content.decode()
    )
    assert KOPZOEK not in html


def test_a_client_number_typed_in_the_header_lands_on_that_client(make_user, make_client) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk")
    gezocht = make_client("Waalwijk", achternaam="Visser")
    make_client("Waalwijk", achternaam="Bakker")
    browser = _browser(consulent)
    form = _kopformulier(browser.get(reverse("start")).content.decode())
    action = re.search(r'action="([^"]+)"', form).group(1)
    response = browser.get(action, {"q": gezocht.clientnummer})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("clienten:dossier", args=[gezocht.clientnummer])}"' in html
    assert "Visser" in html
    assert "Bakker" not in html
