# SPDX-License-Identifier: EUPL-1.2
"""A real OpenID Connect provider for the tests: the `oidc-provider` npm package (scripts/oidc-provider.mjs),
started on a loopback port. Import the fixtures into a conftest.py."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "oidc-provider.mjs"
CLIENT_ID = "naleving"
CLIENT_SECRET = "naleving-lokaal-geheim-alleen-voor-test-en-demo"

#: The provider's static accounts (scripts/oidc-provider.mjs): their `sub`.
CONSULENT = "a1f0c3e2-consulent"
HANDHAVER = "b2e1d4f3-handhaver"
ZONDER_ROL = "c3f2e5a4-zonder-rol"
ONBEKEND = "d4a3f6b5-onbekend"


@dataclass(frozen=True)
class Idp:
    issuer: str

    def discovery(self) -> dict[str, str]:
        answer = requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=5)
        answer.raise_for_status()
        result: dict[str, str] = answer.json()
        return result


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_idp(naleving_url: str) -> Iterator[Idp]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").is_dir():
        message = "node of het npm-pakket oidc-provider ontbreekt: draai scripts/setup"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port()
    env = {**os.environ, "OIDC_PORT": str(port), "NALEVING_URL": naleving_url}
    process = subprocess.Popen(
        [node, str(SCRIPT)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the script prints one line when it listens
        assert line.startswith("oidc-provider klaar"), f"oidc-provider startte niet: {line!r}"
        yield Idp(issuer=line.split()[-1])
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure_naleving(idp: Idp, *, nieuwe_medewerkers: bool = False) -> None:
    """What the functioneel beheerder enters in /beheer/: the provider, the client, the claim mapping; and the
    two staff members the organisation registered (by their sub)."""
    from naleving.accounts.models import ClaimKoppeling, Gemeente, Rol, SsoInstelling, User

    found = idp.discovery()
    SsoInstelling.objects.update_or_create(
        pk=1,
        defaults={
            "actief": True,
            "authorization_endpoint": found["authorization_endpoint"],
            "token_endpoint": found["token_endpoint"],
            "userinfo_endpoint": found["userinfo_endpoint"],
            "jwks_endpoint": found["jwks_uri"],
            "end_session_endpoint": found["end_session_endpoint"],
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "scopes": "openid profile email naleving",
            "sign_algo": "RS256",
            "rollen_claim": "naleving_rollen",
            "gemeenten_claim": "naleving_gemeenten",
            "nieuwe_medewerkers_aanmaken": nieuwe_medewerkers,
        },
    )
    gemeenten = {
        naam: Gemeente.objects.get_or_create(cbs_code=code, defaults={"naam": naam})[0]
        for naam, code in (("Waalwijk", "0867"), ("Heusden", "0797"))
    }
    for waarde, rol in (
        ("NAL-Inkomensconsulent", "inkomensconsulent"),
        ("NAL-Handhaver", "handhaver"),
    ):
        ClaimKoppeling.objects.update_or_create(
            soort=ClaimKoppeling.Soort.ROL,
            waarde=waarde,
            defaults={"rol": Rol.objects.get(code=rol)},
        )
    for waarde, naam in (("NAL-Waalwijk", "Waalwijk"), ("NAL-Heusden", "Heusden")):
        ClaimKoppeling.objects.update_or_create(
            soort=ClaimKoppeling.Soort.GEMEENTE,
            waarde=waarde,
            defaults={"gemeente": gemeenten[naam]},
        )
    for sub, username in (
        (CONSULENT, "i.consulent"),
        (HANDHAVER, "h.handhaver"),
        (ZONDER_ROL, "z.zonderrol"),
    ):
        user, _ = User.objects.get_or_create(username=username, defaults={"oidc_sub": sub})
        user.set_unusable_password()
        user.save()


@pytest.fixture(scope="session")
def idp_testserver() -> Iterator[Idp]:
    """The provider, with Naleving's redirect URI at http://testserver (Django's test client)."""
    yield from start_idp("http://testserver")


@pytest.fixture(scope="session")
def idp_live(live_server) -> Iterator[Idp]:
    """The provider, with Naleving's redirect URI at the live server (the browser tests)."""
    yield from start_idp(live_server.url)
