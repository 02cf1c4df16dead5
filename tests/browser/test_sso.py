# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on end to end in Chromium, through a real OpenID Connect provider (oidc-provider on a loopback
port, scripts/oidc-provider.mjs): each staff member lands on their own start page with their own rights; a
wrong state, a reused code and an unknown sub each end on a Dutch error page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie, AuditEntry
from tests.conftest import ensure_reference_data
from tests.oidc_idp import CONSULENT, HANDHAVER, ONBEKEND, Idp, configure_naleving

#: Menu items and the right each needs (core/templates/base.html).
MENU = {
    "Cliënten": "client.zoeken",
    "Onderzoeken": "onderzoek.bekijken",
    "Wijzigingen": "preventie.inbox",
    "Toegangslog": "audit.bekijken",
    "Beheer": "beheer.gebruikers",
}


@pytest.fixture
def sso(transactional_db, idp_live: Idp) -> Idp:
    ensure_reference_data()
    configure_naleving(idp_live)
    return idp_live


def _bij_de_provider(page, sub: str) -> None:
    page.locator("input[name=login]").fill(sub)
    page.locator("input[name=password]").fill("iets")
    page.get_by_role("button", name="Sign-in").click()


def _inloggen(page, sub: str) -> None:
    page.goto("/inloggen/")
    page.get_by_role("link", name="Inloggen met uw account van de organisatie").click()
    _bij_de_provider(page, sub)


def _menu(page) -> set[str]:
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    return {naam for naam in MENU if nav.get_by_role("link", name=naam, exact=True).count()}


@pytest.mark.django_db(transaction=True)
def test_consultant_and_handhaver_each_land_on_their_own_start_page(page, sso: Idp) -> None:
    gezien = {}
    for sub, kop in ((CONSULENT, "Goedendag Iris"), (HANDHAVER, "Handhaving")):
        _inloggen(page, sub)
        page.wait_for_url("**/start/")
        assert page.get_by_role("heading", level=1).inner_text() == kop
        user = User.objects.get(oidc_sub=sub)
        gezien[sub] = _menu(page)
        assert gezien[sub] == {naam for naam, recht in MENU.items() if has_right(user, recht)}
        # Out of Naleving, then the provider's own sign-out confirmation (RP-initiated logout), then back.
        _uitloggen(page, sso)
    assert gezien[CONSULENT] != gezien[HANDHAVER]
    assert AuditEntry.objects.filter(actie=Actie.INLOGGEN).count() == 2
    assert AuditEntry.objects.filter(actie=Actie.UITLOGGEN).count() == 2


@pytest.mark.django_db(transaction=True)
def test_an_unknown_sub_ends_on_a_dutch_page(page, sso: Idp) -> None:
    _inloggen(page, ONBEKEND)
    page.wait_for_url("**/inloggen/mislukt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen is niet gelukt"
    assert page.get_by_role("alert").inner_text().startswith("U bent bij uw organisatie ingelogd")


def _adressen(page) -> list[str]:
    """Every URL the browser requests, redirects included."""
    gezien: list[str] = []
    page.on("request", lambda request: gezien.append(request.url))
    return gezien


def _uitloggen(page, idp: Idp) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{idp.issuer}/session/end**")
    page.get_by_role("button", name=re.compile("yes", re.I)).click()
    page.wait_for_url("**/inloggen/")


@pytest.mark.django_db(transaction=True)
def test_a_wrong_state_ends_on_a_dutch_page(page, sso: Idp) -> None:
    gezien = _adressen(page)
    _inloggen(page, CONSULENT)
    page.wait_for_url("**/start/")
    _uitloggen(page, sso)
    (terug,) = [url for url in gezien if "/inloggen/sso/terug/" in url]
    # The provider's answer arrives with a state this browser never started.
    page.goto(re.sub(r"state=[^&]+", "state=vervalst", terug))
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen is niet gelukt"
    assert "hoort niet bij deze browser" in page.get_by_role("alert").inner_text()


@pytest.mark.django_db(transaction=True)
def test_a_reused_code_ends_on_a_dutch_page(page, sso: Idp) -> None:
    gezien = _adressen(page)
    _inloggen(page, CONSULENT)
    page.wait_for_url("**/start/")
    _uitloggen(page, sso)
    (terug,) = [url for url in gezien if "/inloggen/sso/terug/" in url]
    oude_code = parse_qs(urlsplit(terug).query)["code"][0]
    # A new login in the same browser (it reaches the provider's form), answered with the first code.
    page.goto("/inloggen/sso/")
    page.locator("input[name=login]").wait_for()
    nieuw = [url for url in gezien if url.startswith(f"{sso.issuer}/auth?")][-1]
    state = parse_qs(urlsplit(nieuw).query)["state"][0]
    page.goto(f"/inloggen/sso/terug/?code={oude_code}&state={state}")
    page.wait_for_url("**/inloggen/mislukt/")
    assert "verlopen of al gebruikt" in page.get_by_role("alert").inner_text()
