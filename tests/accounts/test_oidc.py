# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on for staff (accounts.oidc) against a real OpenID Connect provider (oidc-provider on a loopback
port): the authorization code flow is walked with requests on the provider's side and Django's test client on
Naleving's side; the token, key and userinfo calls are real HTTP from Naleving to the provider."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from django.test import Client

from naleving.accounts.models import User
from naleving.audit.models import Actie, AuditEntry
from tests.conftest import ensure_reference_data
from tests.oidc_idp import (
    CONSULENT,
    HANDHAVER,
    ONBEKEND,
    ZONDER_ROL,
    Idp,
    configure_naleving,
)


@pytest.fixture
def sso(db, idp_testserver: Idp) -> Idp:
    ensure_reference_data()
    configure_naleving(idp_testserver)
    return idp_testserver


def _bij_de_provider_inloggen(idp: Idp, authorize_url: str, sub: str) -> str:
    """The staff member's browser at the provider: the login form, then back to Naleving's callback URL."""
    browser = requests.Session()
    answer = browser.get(authorize_url, allow_redirects=True, timeout=10)
    action = re.search(r'action="([^"]+)"', answer.text)
    assert action, answer.text[:300]
    answer = browser.post(
        urljoin(answer.url, action.group(1)),
        data={"prompt": "login", "login": sub, "password": "iets"},
        allow_redirects=False,
        timeout=10,
    )
    for _ in range(10):
        location = urljoin(idp.issuer, answer.headers["Location"])
        if location.startswith("http://testserver/"):
            return location.removeprefix("http://testserver")
        answer = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("de provider stuurde niet terug naar Naleving")


def _sso(client: Client, idp: Idp, sub: str) -> str:
    start = client.get("/inloggen/sso/")
    assert start.status_code == 302
    return _bij_de_provider_inloggen(idp, start["Location"], sub)


def _entries(actie: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(actie=actie).order_by("volgnummer"))


def test_the_login_page_offers_single_sign_on_once_it_is_configured(sso: Idp) -> None:
    page = Client().get("/inloggen/")
    assert "Inloggen met uw account van de organisatie" in page.content.decode()
    assert 'name="password"' in page.content.decode()


def test_the_authorization_request_uses_pkce_state_and_nonce(sso: Idp) -> None:
    start = Client().get("/inloggen/sso/")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(f"{sso.issuer}/auth?")
    assert query["client_id"] == ["naleving"]
    assert query["redirect_uri"] == ["http://testserver/inloggen/sso/terug/"]
    assert query["code_challenge_method"] == ["S256"]
    assert set(query["scope"][0].split()) == {"openid", "profile", "email", "naleving"}
    assert query["state"] and query["nonce"]


@pytest.mark.parametrize(
    ("sub", "rol", "gemeenten"),
    [(CONSULENT, "inkomensconsulent", ["0867"]), (HANDHAVER, "handhaver", ["0797", "0867"])],
)
def test_the_role_and_municipalities_come_from_the_mapped_claims(
    sso: Idp, sub: str, rol: str, gemeenten: list[str]
) -> None:
    client = Client()
    terug = client.get(_sso(client, sso, sub))
    assert terug.status_code == 302
    assert terug["Location"] == "/start/"
    user = User.objects.get(oidc_sub=sub)
    assert user.rol_id == rol
    assert sorted(user.gemeenten.values_list("cbs_code", flat=True)) == gemeenten
    assert user.is_staff is False and user.is_superuser is False
    assert client.get("/start/").status_code == 200
    (login,) = _entries(Actie.INLOGGEN)
    assert (login.gebruiker, login.rol, login.velden) == (user.username, rol, {"manier": "sso"})
    (wijziging,) = _entries(Actie.WIJZIGEN)
    assert wijziging.velden["rol"] == {"van": None, "naar": rol}
    assert wijziging.velden["gemeenten"] == {"van": [], "naar": gemeenten}


def test_a_second_login_with_the_same_claims_changes_no_rights(sso: Idp) -> None:
    for _ in range(2):
        client = Client()
        client.get(_sso(client, sso, CONSULENT))
    assert len(_entries(Actie.INLOGGEN)) == 2
    assert len(_entries(Actie.WIJZIGEN)) == 1


def test_claims_that_map_onto_no_role_give_the_geen_rol_page(sso: Idp) -> None:
    client = Client()
    terug = client.get(_sso(client, sso, ZONDER_ROL))
    assert terug["Location"] == "/start/"
    assert User.objects.get(oidc_sub=ZONDER_ROL).rol is None
    assert "Nog geen rol" in client.get("/start/").content.decode()


def test_an_unknown_sub_is_refused_on_a_dutch_page_and_logged(sso: Idp) -> None:
    client = Client()
    terug = client.get(_sso(client, sso, ONBEKEND))
    assert terug["Location"] == "/inloggen/mislukt/"
    page = client.get("/inloggen/mislukt/")
    assert "Naleving kent uw account niet" in page.content.decode()
    assert not User.objects.filter(oidc_sub=ONBEKEND).exists()
    assert client.get("/start/").status_code == 302  # not logged in
    (mislukt,) = _entries(Actie.INLOGGEN_MISLUKT)
    assert mislukt.velden == {"manier": "sso", "reden": "onbekend", "sub": ONBEKEND}


def test_the_email_claim_never_identifies_a_staff_member(sso: Idp) -> None:
    """Rule: identity by `sub` only. An account with the provider's e-mail address but without the sub is not
    the person who logs in."""
    User.objects.create_user(username="iemand", email="onbekend@voorbeeld.invalid")
    client = Client()
    assert client.get(_sso(client, sso, ONBEKEND))["Location"] == "/inloggen/mislukt/"
    assert User.objects.get(username="iemand").oidc_sub is None


def test_a_new_staff_member_is_created_when_the_client_allows_it(db, idp_testserver: Idp) -> None:
    ensure_reference_data()
    configure_naleving(idp_testserver, nieuwe_medewerkers=True)
    client = Client()
    assert client.get(_sso(client, idp_testserver, ONBEKEND))["Location"] == "/start/"
    user = User.objects.get(oidc_sub=ONBEKEND)
    assert (user.username, user.rol_id, user.has_usable_password()) == (
        f"sso-{ONBEKEND}",
        "handhaver",
        False,
    )


def test_a_wrong_state_ends_on_a_dutch_error_page(sso: Idp) -> None:
    client = Client()
    terug = _sso(client, sso, CONSULENT)
    vervalst = re.sub(r"state=[^&]+", "state=vervalst", terug)
    page = client.get(vervalst)
    assert page.status_code == 400
    assert "De inlogpoging hoort niet bij deze browser" in page.content.decode()
    assert _entries(Actie.INLOGGEN) == []
    (mislukt,) = _entries(Actie.INLOGGEN_MISLUKT)
    assert mislukt.velden["reden"] == "state"


def test_a_reused_code_is_refused_by_the_provider_and_ends_on_a_dutch_page(sso: Idp) -> None:
    client = Client()
    eerste = _sso(client, sso, CONSULENT)
    assert client.get(eerste)["Location"] == "/start/"
    client.post("/uitloggen/")
    # A new login started in the same browser, answered with the code of the first one.
    tweede = _sso(client, sso, CONSULENT)
    oude_code = parse_qs(urlsplit(eerste).query)["code"][0]
    hergebruikt = re.sub(r"code=[^&]+", f"code={oude_code}", tweede)
    assert client.get(hergebruikt)["Location"] == "/inloggen/mislukt/"
    assert "verlopen of al gebruikt" in client.get("/inloggen/mislukt/").content.decode()
    assert _entries(Actie.INLOGGEN_MISLUKT)[-1].velden["reden"] == "code"


def test_logout_ends_the_session_at_the_provider_too(sso: Idp) -> None:
    client = Client()
    client.get(_sso(client, sso, HANDHAVER))
    uit = client.post("/uitloggen/")
    assert uit.status_code == 200  # a page that goes on to the provider (CSP form-action 'self')
    location = re.search(r'url=([^"]+)"', uit.content.decode()).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    assert location.startswith(f"{sso.issuer}/session/end?")
    query = parse_qs(urlsplit(location).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/inloggen/"]
    assert query["id_token_hint"][0].count(".") == 2
    # The provider accepts the request (its sign-out confirmation, no error).
    answer = requests.get(location, timeout=10)
    assert answer.status_code == 200
    assert "logout" in answer.text.lower()
    assert client.get("/start/").status_code == 302
    (uitlog,) = _entries(Actie.UITLOGGEN)
    assert uitlog.gebruiker == User.objects.get(oidc_sub=HANDHAVER).username


def test_password_login_and_its_failures_are_logged(make_user) -> None:
    user = make_user("inkomensconsulent")
    client = Client()
    client.post("/inloggen/", {"username": user.username, "password": "fout-wachtwoord-1"})
    client.post("/inloggen/", {"username": user.username, "password": "een-lang-wachtwoord-123"})
    client.post("/uitloggen/")
    (mislukt,) = _entries(Actie.INLOGGEN_MISLUKT)
    assert mislukt.velden == {
        "manier": "wachtwoord",
        "reden": "wachtwoord",
        "gebruikersnaam": user.username,
    }
    (login,) = _entries(Actie.INLOGGEN)
    assert (login.gebruiker, login.velden) == (user.username, {"manier": "wachtwoord"})
    assert [e.gebruiker for e in _entries(Actie.UITLOGGEN)] == [user.username]


def test_password_login_can_be_switched_off(settings, make_user) -> None:
    settings.NALEVING_LOKAAL_INLOGGEN = False
    user = make_user("inkomensconsulent")
    client = Client()
    page = client.get("/inloggen/")
    assert 'name="password"' not in page.content.decode()
    client.post("/inloggen/", {"username": user.username, "password": "een-lang-wachtwoord-123"})
    assert client.get("/start/").status_code == 302
