# SPDX-License-Identifier: EUPL-1.2
"""NALEVING_DEMO_SSO: the demo connects to the local provider, and a staff member of the provider gets an
account with the mapped role at the first login."""

from __future__ import annotations

from django.test import Client

from naleving.accounts.models import User
from naleving.accounts.oidc import instelling
from naleving.demodata.sso import sso_inrichten
from tests.accounts.test_oidc import _sso
from tests.conftest import ensure_reference_data
from tests.oidc_idp import HANDHAVER, Idp
from tests.oidc_idp import idp_testserver as idp_testserver


def test_the_demo_connects_to_the_local_provider(db, gemeenten, idp_testserver: Idp) -> None:
    ensure_reference_data()
    sso_inrichten(issuer=idp_testserver.issuer)
    assert instelling() is not None
    client = Client()
    assert client.get(_sso(client, idp_testserver, HANDHAVER))["Location"] == "/start/"
    user = User.objects.get(oidc_sub=HANDHAVER)
    assert user.rol_id == "handhaver"
    assert sorted(user.gemeenten.values_list("naam", flat=True)) == ["Heusden", "Waalwijk"]
