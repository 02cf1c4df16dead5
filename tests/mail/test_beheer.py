# SPDX-License-Identifier: EUPL-1.2
"""Issue 18 part 4, end to end: a resident leaves an address on the public change form; the relay refuses the
mail; the report and its receipt on screen are there all the same; the functioneel beheerder sees the failed mail
in /beheer/ (kind, 'inwoner', status, attempts, error; never the address or the content) and sends it again."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from naleving.mail.models import Mail, Status
from naleving.preventie import services
from naleving.preventie.models import Wijzigingsmelding

pytestmark = pytest.mark.django_db

ADRES = "bewoner@example.org"


def test_resident_form_refused_mail_is_visible_to_the_beheerder_and_sent_again(
    smtp, make_user, make_client, django_capture_on_commit_callbacks
) -> None:
    consulent = make_user("inkomensconsulent")
    client = make_client(consulent=consulent)
    code = services.eenmalige_code_maken(user=consulent, client=client)
    inwoner = Browser()
    inwoner.post(
        reverse("preventie:inwoner_identificeren"),
        {"clientnummer": client.clientnummer, "geboortedatum": "17-05-1980", "code": code},
    )
    formulier = inwoner.get(reverse("preventie:inwoner_formulier")).content.decode()
    assert "Uw e-mailadres (niet verplicht)" in formulier
    assert "Wij bewaren uw e-mailadres alleen tot de e-mail is verstuurd." in formulier

    smtp.postbus.weiger = "550 5.1.1 Mailbox unavailable"
    with django_capture_on_commit_callbacks(execute=True):
        response = inwoner.post(
            reverse("preventie:inwoner_formulier"),
            {"onderwerp": "vermogen", "tekst": "Ik heb een auto geërfd.", "email": ADRES},
            follow=True,
        )
    melding = Wijzigingsmelding.objects.get()
    bewijs = response.content.decode()
    assert "Wij hebben uw wijziging ontvangen." in bewijs
    assert "Wij sturen dit ontvangstbewijs ook naar uw e-mailadres." in bewijs
    mail = Mail.objects.get()
    assert (mail.status, mail.pogingen) == (Status.MISLUKT, 1)

    beheerder = make_user("beheerder")
    beheerder.is_staff = True
    beheerder.save()
    beheer = Browser()
    beheer.force_login(beheerder)
    lijst = beheer.get(reverse("admin:mail_mail_changelist")).content.decode()
    assert "Ontvangstbewijs van een wijziging (aan de inwoner)" in lijst
    assert "Mislukt" in lijst
    assert "Ontvanger geweigerd: 550 5.1.1 Mailbox unavailable" in lijst
    assert "inwoner" in lijst
    assert ADRES not in lijst
    detail = beheer.get(reverse("admin:mail_mail_change", args=[mail.pk])).content.decode()
    assert ADRES not in detail and melding.inhoud_hash not in detail

    smtp.postbus.weiger = None
    with django_capture_on_commit_callbacks(execute=True):
        beheer.post(
            reverse("admin:mail_mail_changelist"),
            {"action": "opnieuw_versturen", "_selected_action": [str(mail.pk)]},
        )
    [ontvangen] = smtp.postbus.ontvangen
    assert ontvangen.aan == [ADRES]
    assert ontvangen.onderwerp == f"Ontvangstbewijs van uw wijziging {melding.ontvangstnummer}"
    mail.refresh_from_db()
    assert (mail.status, mail.pogingen, mail.aan) == (Status.VERZONDEN, 2, "")


def test_a_consultant_does_not_enter_the_outbox(make_user) -> None:
    consulent = make_user("inkomensconsulent")
    consulent.is_staff = True
    consulent.save()
    browser = Browser()
    browser.force_login(consulent)
    assert browser.get(reverse("admin:mail_mail_changelist")).status_code == 403
