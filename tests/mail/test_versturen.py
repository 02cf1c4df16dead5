# SPDX-License-Identifier: EUPL-1.2
"""Issue 18 part 4: e-mail through an outbox, against a real SMTP server (aiosmtpd on a loopback port).

The rules checked: the record is committed before its mail is planned, and a relay that refuses (5xx) or is
down leaves the outbox row failed, with the record intact, until a retry sends it; no BSN, name or text of the
report is in the subject, no BSN in the body; a sent mail loses its address and content and is in the audit
log with its kind and its recipient's id only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.clienten.models import Kanaal
from naleving.mail.models import Mail, Soort, Status
from naleving.mail.services import mail_opnieuw, wachtrij_verwerken
from naleving.preventie.models import Onderwerp, Wijzigingsmelding
from naleving.preventie.services import wijziging_doorgeven

TEKST = "Ik werk sinds maandag 20 uur per week bij bakkerij De Korenschoof."
ADRES = "a.jansen@example.org"


def _doorgeven(client, *, email: str = ADRES) -> Wijzigingsmelding:
    return wijziging_doorgeven(
        client=client,
        onderwerp=Onderwerp.WERK_INKOMEN,
        tekst=TEKST,
        ingangsdatum=None,
        kanaal=Kanaal.PORTAAL,
        identificatiemethode="interim-code",
        email=email,
    )


def test_the_receipt_goes_to_the_residents_address_with_exact_subject_and_both_parts(
    smtp, make_client, django_capture_on_commit_callbacks
) -> None:
    client = make_client(achternaam="Jansen", voornamen="Anna")
    with django_capture_on_commit_callbacks(execute=True):
        melding = _doorgeven(client)

    [ontvangen] = smtp.postbus.ontvangen
    assert ontvangen.aan == [ADRES]
    assert ontvangen.afzender == "noreply@baanbrekers.example"
    assert ontvangen.onderwerp == f"Ontvangstbewijs van uw wijziging {melding.ontvangstnummer}"
    tekst, html = ontvangen.deel("plain"), ontvangen.deel("html")
    for deel in (tekst, html):
        assert melding.ontvangstnummer in deel
        assert melding.inhoud_hash in deel
        assert "Werk en inkomen" in deel
        assert "Wij bewaren uw e-mailadres alleen om deze e-mail te sturen." in deel
        assert client.bsn not in deel
        assert TEKST not in deel  # what was reported stays in Naleving
        assert "Jansen" not in deel
    assert tekst.startswith("Goedendag,\n\nWij hebben uw wijziging ontvangen.")
    assert '<html lang="nl">' in html
    assert "Wij hebben uw wijziging ontvangen</h1>" in html
    for verboden in (client.bsn, "Anna", "Jansen", "bakkerij"):
        assert verboden not in ontvangen.onderwerp

    mail = Mail.objects.get()
    assert (mail.soort, mail.status, mail.pogingen, mail.client_id) == (
        Soort.ONTVANGSTBEWIJS,
        Status.VERZONDEN,
        1,
        client.pk,
    )
    # Sent: the address and the content are gone, the subject (no personal data) stays for the beheerder.
    assert (mail.aan, mail.tekst, mail.html) == ("", "", "")
    assert mail.inhoud_gewist_op is not None
    entry = AuditEntry.objects.get(reden="E-mail verzonden")
    assert (entry.gebruiker, entry.object_type, entry.object_id, entry.client_id) == (
        "systeem",
        "mail.mail",
        str(mail.pk),
        client.pk,
    )
    assert entry.velden == {"soort": "ontvangstbewijs", "ontvanger": f"cliënt {client.pk}"}


def test_no_address_no_mail(smtp, make_client, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _doorgeven(make_client(), email="")
    assert smtp.postbus.ontvangen == []
    assert not Mail.objects.exists()


def test_an_invalid_address_is_refused_in_dutch_before_anything_is_stored(make_client) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        _doorgeven(make_client(), email="geen-adres")
    assert fout.value.message_dict == {
        "email": ["Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat het leeg."]
    }
    assert not Wijzigingsmelding.objects.exists()
    assert not Mail.objects.exists()


def test_a_5xx_refusal_leaves_the_row_failed_and_the_report_intact_and_a_retry_sends_it(
    smtp, make_client, make_user, django_capture_on_commit_callbacks
) -> None:
    smtp.postbus.weiger = "550 5.1.1 Mailbox unavailable"
    with django_capture_on_commit_callbacks(execute=True):
        melding = _doorgeven(make_client())

    assert smtp.postbus.ontvangen == []
    assert Wijzigingsmelding.objects.get().ontvangstnummer == melding.ontvangstnummer
    mail = Mail.objects.get()
    assert (mail.status, mail.pogingen, mail.aan) == (Status.MISLUKT, 1, ADRES)
    assert mail.laatste_fout == "Ontvanger geweigerd: 550 5.1.1 Mailbox unavailable"
    assert ADRES not in mail.laatste_fout
    assert not AuditEntry.objects.filter(reden="E-mail verzonden").exists()

    smtp.postbus.weiger = None
    beheerder = make_user("beheerder")
    with django_capture_on_commit_callbacks(execute=True):
        assert mail_opnieuw(user=beheerder, mails=Mail.objects.all()) == 1

    [ontvangen] = smtp.postbus.ontvangen
    assert ontvangen.onderwerp == f"Ontvangstbewijs van uw wijziging {melding.ontvangstnummer}"
    mail.refresh_from_db()
    assert (mail.status, mail.pogingen, mail.laatste_fout, mail.aan) == (
        Status.VERZONDEN,
        2,
        "",
        "",
    )
    assert AuditEntry.objects.filter(reden="E-mail verzonden").count() == 1


def test_a_stopped_server_leaves_the_row_failed_and_the_queue_job_sends_it_when_it_is_back(
    smtp, make_client, django_capture_on_commit_callbacks
) -> None:
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        melding = _doorgeven(make_client())

    mail = Mail.objects.get()
    assert (mail.status, mail.pogingen) == (Status.MISLUKT, 1)
    assert mail.laatste_fout.startswith(
        "Mailserver niet bereikbaar of fout: ConnectionRefusedError"
    )
    assert Wijzigingsmelding.objects.filter(pk=melding.pk).exists()

    # Too early for the next attempt (a pause of 2 minutes after the first): nothing happens.
    assert wachtrij_verwerken(nu=timezone.now()) == {"verzonden": 0, "mislukt": 0, "gewist": 0}
    smtp.start()
    later = timezone.now() + timedelta(minutes=3)
    assert wachtrij_verwerken(nu=later) == {"verzonden": 1, "mislukt": 0, "gewist": 0}
    [ontvangen] = smtp.postbus.ontvangen
    assert ontvangen.aan == [ADRES]
    mail.refresh_from_db()
    assert (mail.status, mail.pogingen) == (Status.VERZONDEN, 2)
    # Sent once: the queue job does not send it again.
    assert wachtrij_verwerken(nu=later + timedelta(hours=1)) == {
        "verzonden": 0,
        "mislukt": 0,
        "gewist": 0,
    }
    assert len(smtp.postbus.ontvangen) == 1


def test_a_mail_that_keeps_failing_loses_address_and_content_after_the_retention_days(
    smtp, make_client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.NALEVING_MAIL_MAX_POGINGEN = 1
    smtp.postbus.weiger = "550 5.1.1 Mailbox unavailable"
    with django_capture_on_commit_callbacks(execute=True):
        _doorgeven(make_client())
    nu = timezone.now() + timedelta(days=settings.NALEVING_MAIL_BEWAAR_DAGEN, minutes=1)
    assert wachtrij_verwerken(nu=nu) == {"verzonden": 0, "mislukt": 0, "gewist": 1}
    mail = Mail.objects.get()
    assert (mail.status, mail.aan, mail.tekst, mail.html) == (Status.MISLUKT, "", "", "")
    assert Wijzigingsmelding.objects.count() == 1


def test_only_the_functioneel_beheerder_sends_again(make_user, make_client) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        mail_opnieuw(user=make_user("inkomensconsulent"), mails=[])
