# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer reads the schedule and the destruction log; the functioneel beheerder places and lifts a
legal hold (the authorisation matrix covers who else is refused)."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from naleving.bewaren.models import Bewaarstop
from naleving.bewaren.services import vernietig
from tests.bewaren.conftest import NU

pytestmark = pytest.mark.django_db


def _login(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def test_de_privacy_officer_ziet_termijnen_met_bron_en_het_vernietigingslog(
    make_user, make_client, maker
):
    from tests.bewaren.test_vernietigen import OUD

    client = make_client()
    maker.signaal(client, triage_op=OUD)
    vernietig(nu=NU)
    html = _login(make_user("privacy")).get(reverse("bewaren:overzicht")).content.decode()
    assert "Signaal zonder vervolg" in html
    assert "Selectielijst gemeenten" in html
    assert "Nee, nog te bevestigen door de archivaris" in html
    assert "bewaartermijn_" not in html  # no parameter codes on the screen
    assert "<td>Vernietigd</td>" in html
    assert client.achternaam not in html and client.clientnummer not in html


def test_de_beheerder_plaatst_en_heft_een_bewaarstop_op(make_user, make_client):
    client = make_client()
    browser = _login(make_user("beheerder"))
    antwoord = browser.post(
        reverse("bewaren:bewaarstops"),
        {
            "clientnummer": client.clientnummer.lower(),
            "reden": "beroep",
            "toelichting": "ROT 26/1234",
        },
        follow=True,
    )
    assert f"Bewaarstop geplaatst voor cliënt {client.clientnummer}" in antwoord.content.decode()
    stop = Bewaarstop.objects.get()
    assert (stop.client, stop.reden, stop.actief) == (client, "beroep", True)
    antwoord = browser.post(reverse("bewaren:opheffen", args=[stop.pk]), follow=True)
    assert "is opgeheven" in antwoord.content.decode()
    stop.refresh_from_db()
    assert stop.actief is False


def test_een_onbekend_clientnummer_geeft_een_nederlandse_fout_en_geen_stop(make_user):
    antwoord = _login(make_user("beheerder")).post(
        reverse("bewaren:bewaarstops"),
        {"clientnummer": "C0000000", "reden": "bezwaar", "toelichting": "x"},
    )
    assert "Er is geen cliënt met nummer C0000000." in antwoord.content.decode()
    assert not Bewaarstop.objects.exists()


def test_wie_geen_beheerder_is_kan_geen_stop_opheffen(make_user, make_client):
    stop = Bewaarstop.objects.create(
        client=make_client(),
        reden="bezwaar",
        toelichting="x",
        geplaatst_door=make_user("beheerder"),
        geplaatst_op=NU,
    )
    antwoord = _login(make_user("privacy")).post(reverse("bewaren:opheffen", args=[stop.pk]))
    assert antwoord.status_code == 403
    stop.refresh_from_db()
    assert stop.actief
