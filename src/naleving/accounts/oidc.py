# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on for staff with the organisation's identity provider (OpenID Connect).

The protocol is mozilla-django-oidc's (authorization code flow with PKCE, state and nonce, the ID token's
signature checked against the provider's keys). The provider's endpoints, the client and the claim mapping are
data (SsoInstelling, ClaimKoppeling) that the functioneel beheerder edits in /beheer/. What is Naleving's own:

- a staff member is recognised by the `sub` claim alone (User.oidc_sub), never by e-mail or name;
- the role and the municipalities come from two configurable claims, each value mapped onto a Rol or a
  Gemeente by a ClaimKoppeling; what a role may do stays the role's data. No mapped role: the "geen rol" page;
- a `sub` Naleving does not know is refused, unless the setting allows creating new staff;
- every login, failed login and logout is in the hash-chained audit log (accounts.services, signals);
- logging out also ends the session at the provider when it has an end_session_endpoint.

mozilla-django-oidc-db (the same library with its configuration in the database) was the first choice; its
models use PostgreSQL's ArrayField, and Naleving runs on SQLite too (the demo, the tests), so the few fields it
would hold are on SsoInstelling here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from naleving.accounts import services
from naleving.accounts.backends import MedewerkerBackend
from naleving.accounts.models import ClaimKoppeling, SsoInstelling, User

SESSIE_FOUT = "naleving_oidc_fout"

#: Why a single sign-on failed, as the staff member reads it (B1). Keys are logged in the audit log.
FOUTEN = {
    "state": (
        "De inlogpoging hoort niet bij deze browser of is al afgerond. Dat gebeurt als u een oude link "
        "of de terugknop gebruikt. Begin opnieuw bij de inlogpagina."
    ),
    "code": (
        "Het inloggen bij uw organisatie is verlopen of al gebruikt. Begin opnieuw bij de inlogpagina."
    ),
    "onbekend": (
        "U bent bij uw organisatie ingelogd, maar Naleving kent uw account niet. Vraag de functioneel "
        "beheerder om een account voor u aan te maken."
    ),
    "geweigerd": (
        "Uw organisatie heeft het inloggen niet toegestaan of het inloggen is afgebroken. Probeer het "
        "opnieuw of neem contact op met de servicedesk."
    ),
    "fout": (
        "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw. Lukt het weer niet, neem dan "
        "contact op met de servicedesk."
    ),
}

#: mozilla-django-oidc's setting names -> the field of SsoInstelling that holds it.
_VELDEN = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_endpoint",
    "OIDC_RP_CLIENT_ID": "client_id",
    "OIDC_RP_CLIENT_SECRET": "client_secret",
    "OIDC_RP_SCOPES": "scopes",
    "OIDC_RP_SIGN_ALGO": "sign_algo",
    "OIDC_CREATE_USER": "nieuwe_medewerkers_aanmaken",
}


def instelling() -> SsoInstelling | None:
    """The single sign-on settings, when they are complete and switched on."""
    found = SsoInstelling.objects.filter(pk=1).first()
    return found if found is not None and found.bruikbaar else None


def _setting(found: SsoInstelling | None, attr: str, *args: Any) -> Any:
    if attr in _VELDEN:
        if found is None:
            raise Http404("Single sign-on is niet ingesteld.")
        value = getattr(found, _VELDEN[attr])
        return args[0] if value == "" and args else value
    if attr == "OIDC_RP_IDP_SIGN_KEY":
        return None
    return import_from_settings(attr, *args)


def _claim(claims: dict[str, Any], pad: str) -> list[str]:
    value: Any = claims
    for deel in [p for p in pad.split(".") if p]:
        value = value.get(deel) if isinstance(value, dict) else None
    if not pad or value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


class MedewerkerOidcBackend(OIDCAuthenticationBackend):
    """Staff by their `sub`; role and municipalities from the mapped claims. Records why a login failed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django makes a backend for every session lookup: the settings are read at login only.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()
        self._instelling: SsoInstelling | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        return _setting(self._instelling, attr, *args)

    def __getattr__(self, name: str) -> Any:
        if name in _VELDEN or name == "OIDC_RP_IDP_SIGN_KEY":
            return self.get_settings(name)
        raise AttributeError(name)

    def authenticate(
        self,
        request: HttpRequest | None,
        nonce: str | None = None,
        code_verifier: str | None = None,
    ) -> Any:
        if request is None or "code" not in request.GET:
            return None
        self._instelling = instelling()
        if self._instelling is None:
            _fout(request, "fout", detail="niet ingesteld")
            return None
        try:
            user = super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except requests.HTTPError as exc:
            # The token endpoint refuses an expired, reused or foreign code (invalid_grant).
            status = exc.response.status_code if exc.response is not None else ""
            _fout(request, "code", status=str(status))
            return None
        except (requests.RequestException, SuspiciousOperation) as exc:
            _fout(request, "fout", detail=type(exc).__name__)
            return None
        if user is None:
            _fout(request, "fout")
        return user

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        sub = claims.get("sub")
        return isinstance(sub, str) and bool(sub)

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        """Rule: identity by `sub` only; e-mail addresses and names change hands."""
        return User.objects.filter(oidc_sub=claims["sub"])

    def get_or_create_user(self, access_token: str, id_token: str, payload: Any) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            _fout(self.request, "onbekend", sub=str(payload.get("sub", "")))
        return user

    def create_user(self, claims: dict[str, Any]) -> User:
        user = services.medewerker_uit_idp_aanmaken(sub=claims["sub"])
        return self.update_user(user, claims)

    def update_user(self, user: Any, claims: dict[str, Any]) -> User:
        """Name and e-mail as the provider says; role and municipalities from the mapped claims."""
        assert isinstance(user, User) and self._instelling is not None
        gegevens = {
            veld: claims[claim]
            for veld, claim in (
                ("first_name", "given_name"),
                ("last_name", "family_name"),
                ("email", "email"),
            )
            if isinstance(claims.get(claim), str)
        }
        rollen = _claim(claims, self._instelling.rollen_claim)
        gemeenten = _claim(claims, self._instelling.gemeenten_claim)
        koppelingen = ClaimKoppeling.objects.select_related("rol", "gemeente")
        rol_kandidaten = {
            k.rol
            for k in koppelingen.filter(soort=ClaimKoppeling.Soort.ROL, waarde__in=rollen)
            if k.rol is not None
        }
        # One staff member has one role: claims that map onto several roles give none (the "geen rol"
        # page), so that nobody gets a sum of rights that nobody decided on.
        rol = next(iter(rol_kandidaten)) if len(rol_kandidaten) == 1 else None
        gemeente_lijst = [
            k.gemeente
            for k in koppelingen.filter(soort=ClaimKoppeling.Soort.GEMEENTE, waarde__in=gemeenten)
            if k.gemeente is not None
        ]
        return services.medewerker_rechten_uit_idp(
            medewerker=user,
            gegevens=gegevens,
            rol=rol,
            gemeenten=gemeente_lijst,
            rollen_in_claim=sorted(rollen),
        )

    def get_user(self, user_id: Any) -> Any:
        # The session's user as for a password login: inactive accounts are logged out.
        return MedewerkerBackend().get_user(user_id)


def _fout(request: HttpRequest | None, soort: str, **velden: str) -> None:
    if request is not None and not hasattr(request, "_naleving_oidc_fout"):
        request._naleving_oidc_fout = (soort, velden)  # type: ignore[attr-defined]


class StartView(OIDCAuthenticationRequestView):
    """Sends the browser to the organisation's identity provider (state, nonce and PKCE in the session)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._instelling = instelling()
        super().__init__(*args, **kwargs)

    def get_settings(self, attr: str, *args: Any) -> Any:
        return _setting(getattr(self, "_instelling", None) or instelling(), attr, *args)


class TerugView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code and the state."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        state = request.GET.get("state")
        if "code" in request.GET and state not in (request.session.get("oidc_states") or {}):
            # The state is not one this browser started (a forged, stale or replayed callback).
            return mislukt_pagina(request, "state", status=400)
        try:
            response: HttpResponseBase = super().get(request)
            return response
        except SuspiciousOperation:
            # The state is not one this browser started (a forged or stale callback).
            return mislukt_pagina(request, "state", status=400)

    def login_success(self) -> HttpResponseRedirect:
        self.user._naleving_sso = True  # the user_logged_in signal logs the way in
        return super().login_success()  # type: ignore[no-any-return]

    def login_failure(self) -> HttpResponseRedirect:
        if self.request.GET.get("error"):
            _fout(self.request, "geweigerd", error=self.request.GET.get("error", "")[:100])
        _fout(self.request, "fout")
        soort, velden = self.request._naleving_oidc_fout
        services.inloggen_mislukt(manier="sso", reden=soort, velden=velden)
        self.request.session[SESSIE_FOUT] = soort
        return HttpResponseRedirect(reverse("login_mislukt"))


start = StartView.as_view()
terug = TerugView.as_view()


def mislukt_pagina(request: HttpRequest, soort: str, *, status: int = 200) -> HttpResponse:
    if soort == "state":
        services.inloggen_mislukt(manier="sso", reden="state", velden={})
    return render(
        request,
        "accounts/inloggen_mislukt.html",
        {"melding": FOUTEN.get(soort, FOUTEN["fout"])},
        status=status,
    )


def mislukt(request: HttpRequest) -> HttpResponse:
    """Where a failed single sign-on lands: what went wrong, in Dutch, and the way back."""
    soort = request.session.pop(SESSIE_FOUT, "fout")
    return render(
        request, "accounts/inloggen_mislukt.html", {"melding": FOUTEN.get(soort, FOUTEN["fout"])}
    )


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    """Log out of Naleving and, where the provider supports it, of the provider too (RP-initiated logout)."""
    id_token = request.session.get("oidc_id_token")
    gevonden = instelling() if id_token else None
    auth.logout(request)  # the user_logged_out signal writes the audit entry
    login_url = request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL))
    if gevonden is not None and gevonden.end_session_endpoint:
        query = urlencode(
            {
                "id_token_hint": id_token,
                "post_logout_redirect_uri": login_url,
                "client_id": gevonden.client_id,
            }
        )
        # A page that goes on to the provider, not a redirect: the logout form may only post to Naleving
        # itself (Content-Security-Policy form-action 'self', which browsers apply to redirects too).
        return render(
            request,
            "accounts/uitgelogd.html",
            {"end_session_url": f"{gevonden.end_session_endpoint}?{query}"},
        )
    return HttpResponseRedirect(login_url)
