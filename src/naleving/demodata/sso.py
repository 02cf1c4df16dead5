# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on in the demo: connects Naleving to the local OpenID Connect provider of
scripts/oidc-provider.mjs when NALEVING_DEMO_SSO names its address (docs/beheer.md, "Single sign-on")."""

from __future__ import annotations

import requests

from naleving.accounts.models import ClaimKoppeling, Gemeente, Rol, SsoInstelling

#: The group names the local provider sends (scripts/oidc-provider.mjs) and what they mean in Naleving.
ROLLEN = {"NAL-Inkomensconsulent": "inkomensconsulent", "NAL-Handhaver": "handhaver"}
GEMEENTEN = {"NAL-Waalwijk": "Waalwijk", "NAL-Heusden": "Heusden"}
CLIENT_ID = "naleving"
CLIENT_SECRET = "naleving-lokaal-geheim-alleen-voor-test-en-demo"


def sso_inrichten(*, issuer: str) -> None:
    """What the functioneel beheerder would enter in /beheer/, from the provider's discovery document. New
    staff are created at their first login in the demo (the provider's accounts are not seeded)."""
    found = requests.get(f"{issuer.rstrip('/')}/.well-known/openid-configuration", timeout=5).json()
    SsoInstelling.objects.update_or_create(
        pk=1,
        defaults={
            "actief": True,
            "authorization_endpoint": found["authorization_endpoint"],
            "token_endpoint": found["token_endpoint"],
            "userinfo_endpoint": found["userinfo_endpoint"],
            "jwks_endpoint": found["jwks_uri"],
            "end_session_endpoint": found.get("end_session_endpoint", ""),
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "scopes": "openid profile email naleving",
            "nieuwe_medewerkers_aanmaken": True,
        },
    )
    for waarde, code in ROLLEN.items():
        ClaimKoppeling.objects.update_or_create(
            soort=ClaimKoppeling.Soort.ROL,
            waarde=waarde,
            defaults={"rol": Rol.objects.get(code=code)},
        )
    for waarde, naam in GEMEENTEN.items():
        gemeente = Gemeente.objects.filter(naam=naam).first()
        if gemeente is not None:
            ClaimKoppeling.objects.update_or_create(
                soort=ClaimKoppeling.Soort.GEMEENTE, waarde=waarde, defaults={"gemeente": gemeente}
            )
