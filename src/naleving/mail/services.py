# SPDX-License-Identifier: EUPL-1.2
"""Every write of the outbox: plan a mail (a row, in its own transaction, after the record it is about was
committed), send one (a background job), send failed ones again, and clean up.

A mail is sent outside any database transaction: the row is claimed first (status `bezig`), so two workers
never send it twice and no lock is held while the relay answers. Only a sent mail is in the audit log, with
its kind and its recipient's id, never its content."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client
from naleving.mail.models import Mail, Soort, Status

logger = logging.getLogger(__name__)

#: A mail the broker lost (a worker that stopped, Redis down at the time) is picked up after this long.
VERLOREN_NA = timedelta(minutes=5)
#: A claim (`bezig`) older than this belongs to a worker that stopped while sending.
BEZIG_TOT = timedelta(minutes=15)


def adres_controleren(adres: str, *, veld: str = "email") -> str:
    """The address as it will be used, or a Dutch error on the field."""
    adres = (adres or "").strip()
    try:
        validate_email(adres)
    except ValidationError:
        raise ValidationError(
            {veld: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat het leeg."}
        ) from None
    return adres


def mail_inhoud(*, sjabloon: str, onderwerp: str, context: dict[str, Any]) -> tuple[str, str]:
    """The plain text and the HTML part of a mail, from `sjabloon`.txt and `sjabloon`.html."""
    inhoud = {
        "organisatie": settings.NALEVING_ORGANISATIE,
        "basis_url": settings.NALEVING_BASIS_URL,
        "onderwerp": onderwerp,
        **context,
    }
    return (
        render_to_string(f"{sjabloon}.txt", inhoud),
        render_to_string(f"{sjabloon}.html", inhoud),
    )


def mail_plannen(
    *,
    soort: str,
    sleutel: str,
    aan: str,
    onderwerp: str,
    sjabloon: str,
    context: dict[str, Any],
    ontvanger: User | None = None,
    client: Client | None = None,
) -> Mail:
    """Render `sjabloon`.txt and `sjabloon`.html into an outbox row and hand it to a worker after commit.

    Idempotent per `sleutel`: planning the same mail again returns the existing row. The subject is the
    caller's: it must not hold a BSN, a name or the text of a signal (the tests of each kind check it)."""
    if soort not in Soort.values:
        raise ValueError(f"onbekende soort e-mail: {soort}")
    tekst, html = mail_inhoud(sjabloon=sjabloon, onderwerp=onderwerp, context=context)
    with transaction.atomic():
        mail, nieuw = Mail.objects.get_or_create(
            sleutel=sleutel,
            defaults={
                "soort": soort,
                "aan": aan,
                "onderwerp": onderwerp,
                "tekst": tekst,
                "html": html,
                "ontvanger": ontvanger,
                "client": client,
                "aangemaakt_op": timezone.now(),
            },
        )
        if nieuw:
            transaction.on_commit(lambda: aanbieden(mail_id=mail.pk), robust=True)
    return mail


def aanbieden(*, mail_id: int) -> None:
    """Hand one mail to a worker. With the broker down it stays `wacht`; the queue job picks it up."""
    from naleving.mail.tasks import mail_versturen_taak

    try:
        mail_versturen_taak.apply_async(kwargs={"mail_id": mail_id})
    except Exception as exc:  # the broker (Redis) is not reachable; the row waits
        logger.warning("E-mail %s wacht: achtergrondtaken niet bereikbaar (%s)", mail_id, exc)


def foutmelding(exc: BaseException) -> str:
    """What the beheerder reads: the relay's code and answer, never the recipient's address."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        antwoorden = [
            f"{code} {bericht.decode('utf-8', 'replace') if isinstance(bericht, bytes) else bericht}"
            for code, bericht in exc.recipients.values()
        ]
        return ("Ontvanger geweigerd: " + "; ".join(antwoorden))[:500]
    if isinstance(exc, smtplib.SMTPResponseException):
        bericht = exc.smtp_error
        tekst = bericht.decode("utf-8", "replace") if isinstance(bericht, bytes) else str(bericht)
        return f"Mailserver weigerde ({exc.smtp_code}): {tekst}"[:500]
    if isinstance(exc, smtplib.SMTPException | OSError):
        return f"Mailserver niet bereikbaar of fout: {type(exc).__name__}: {exc}"[:500]
    return f"{type(exc).__name__}: {exc}"[:500]


def mail_versturen(*, mail_id: int, nu: datetime | None = None) -> bool:
    """Send one mail: True when sent (or sent before), False when it failed (the row says why).

    Never raises for a relay that fails or refuses: the row is `mislukt` with its attempt and error."""
    nu = nu or timezone.now()
    geclaimd = (
        Mail.objects.filter(pk=mail_id)
        .filter(
            Q(status__in=[Status.WACHT, Status.MISLUKT])
            | Q(status=Status.BEZIG, laatste_poging_op__lt=nu - BEZIG_TOT)
        )
        .exclude(inhoud_gewist_op__isnull=False)
        .update(status=Status.BEZIG, laatste_poging_op=nu)
    )
    if not geclaimd:
        return Mail.objects.filter(pk=mail_id, status=Status.VERZONDEN).exists()
    mail = Mail.objects.get(pk=mail_id)
    bericht = EmailMultiAlternatives(
        subject=mail.onderwerp,
        body=mail.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.aan],
    )
    bericht.attach_alternative(mail.html, "text/html")
    try:
        bericht.send(fail_silently=False)
    except Exception as exc:  # every failure of the relay or the network stays on the row
        Mail.objects.filter(pk=mail_id).update(
            status=Status.MISLUKT, pogingen=mail.pogingen + 1, laatste_fout=foutmelding(exc)
        )
        logger.warning(
            "E-mail %s (%s) niet verzonden, poging %s: %s",
            mail_id,
            mail.soort,
            mail.pogingen + 1,
            type(exc).__name__,
        )
        return False
    with transaction.atomic():
        # Sent: the address and the content are no longer needed (AVG art. 5 lid 1 onder c en e).
        Mail.objects.filter(pk=mail_id).update(
            status=Status.VERZONDEN,
            pogingen=mail.pogingen + 1,
            laatste_fout="",
            verzonden_op=timezone.now(),
            aan="",
            tekst="",
            html="",
            inhoud_gewist_op=timezone.now(),
        )
        audit_log(
            user=None,
            actie=Actie.SYSTEEM,
            obj=mail,
            client=mail.client,
            velden={
                "soort": mail.soort,
                "ontvanger": (
                    f"medewerker {mail.ontvanger_id}"
                    if mail.ontvanger_id
                    else f"cliënt {mail.client_id}"
                ),
            },
            reden="E-mail verzonden",
        )
    return True


def mail_opnieuw(*, user: User, mails: Iterable[Mail]) -> int:
    """The functioneel beheerder sends failed mails again, now; returns how many were handed to a worker.
    A mail whose content was wiped (sent, or failed too long ago) cannot be sent again."""
    if not (user.is_superuser or has_right(user, "beheer.gebruikers")):
        raise PermissionDenied("U mag e-mails niet opnieuw versturen.")
    ids = [m.pk for m in mails if m.status == Status.MISLUKT and m.inhoud_gewist_op is None]
    with transaction.atomic():
        Mail.objects.filter(pk__in=ids).update(status=Status.WACHT)
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            object_type="mail.mail",
            velden={"opnieuw": ids},
            reden="Mislukte e-mails opnieuw versturen",
        )
        for mail_id in ids:
            transaction.on_commit(lambda i=mail_id: aanbieden(mail_id=i), robust=True)  # type: ignore[misc]
    return len(ids)


def wachtrij_verwerken(*, nu: datetime | None = None) -> dict[str, int]:
    """The queue job: hand over what the broker lost, try failed mails again with a growing pause (2, 4, 8...
    minutes) up to NALEVING_MAIL_MAX_POGINGEN, and wipe address and content of mails that failed for good
    longer than NALEVING_MAIL_BEWAAR_DAGEN ago. Sends in this process; returns the counts."""
    nu = nu or timezone.now()
    maximum = settings.NALEVING_MAIL_MAX_POGINGEN
    kandidaten = Mail.objects.filter(inhoud_gewist_op__isnull=True).filter(
        Q(status=Status.WACHT, aangemaakt_op__lt=nu - VERLOREN_NA)
        | Q(status=Status.BEZIG, laatste_poging_op__lt=nu - BEZIG_TOT)
        | Q(status=Status.MISLUKT, pogingen__lt=maximum)
    )
    verzonden = mislukt = 0
    for mail in kandidaten.order_by("aangemaakt_op", "pk").iterator():
        if mail.status == Status.MISLUKT and mail.laatste_poging_op is not None:
            pauze = timedelta(minutes=2 ** min(mail.pogingen, 10))
            if mail.laatste_poging_op > nu - pauze:
                continue
        if mail_versturen(mail_id=mail.pk, nu=nu):
            verzonden += 1
        else:
            mislukt += 1
    gewist = Mail.objects.filter(
        status=Status.MISLUKT,
        pogingen__gte=maximum,
        inhoud_gewist_op__isnull=True,
        laatste_poging_op__lt=nu - timedelta(days=settings.NALEVING_MAIL_BEWAAR_DAGEN),
    ).update(aan="", tekst="", html="", inhoud_gewist_op=nu)
    return {"verzonden": verzonden, "mislukt": mislukt, "gewist": gewist}
