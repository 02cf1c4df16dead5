# SPDX-License-Identifier: EUPL-1.2
"""The outbox: every e-mail is a row here before it is sent, so a relay that is down or refuses a mail never
loses the record it is about (that record was committed before, in its own transaction), and the functioneel
beheerder sees what waits, what failed and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.clienten.models import Client


class Soort(models.TextChoices):
    ONTVANGSTBEWIJS = "ontvangstbewijs", "Ontvangstbewijs van een wijziging (aan de inwoner)"
    DAGOVERZICHT = "dagoverzicht", "Dagelijks overzicht van taken (aan de medewerker)"


class Status(models.TextChoices):
    WACHT = "wacht", "Wacht op verzending"
    BEZIG = "bezig", "Wordt verzonden"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt"


class Mail(models.Model):
    """One e-mail. Address and content are kept only until the mail is sent (or, when it keeps failing, for
    NALEVING_MAIL_BEWAAR_DAGEN days); the subject never holds a BSN, a name or the text of a signal."""

    soort = models.CharField(max_length=20, choices=Soort.choices)
    #: What the mail is about, once: a second attempt to plan the same mail finds this row.
    sleutel = models.CharField(max_length=100, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WACHT)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De medewerker aan wie de e-mail is (leeg bij een inwoner).",
    )
    # CASCADE: the resident's mail belongs to the client file and goes with it (domain.md §10).
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    aan = models.CharField("e-mailadres", max_length=254, blank=True)
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField(blank=True)
    html = models.TextField(blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_fout = models.CharField(max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField()
    laatste_poging_op = models.DateTimeField(null=True, blank=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    inhoud_gewist_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "e-mail"
        verbose_name_plural = "e-mails"
        ordering = ["-aangemaakt_op", "-pk"]
        indexes = [models.Index(fields=["status", "laatste_poging_op"])]

    def __str__(self) -> str:
        return f"{Soort(self.soort).label} ({Status(self.status).label})"
