# SPDX-License-Identifier: EUPL-1.2
"""A legal hold on a client's case, and the log of what the retention run destroyed (counts only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.clienten.models import Client


class StopReden(models.TextChoices):
    BEZWAAR = "bezwaar", "Bezwaar loopt"
    BEROEP = "beroep", "Beroep of hoger beroep loopt"
    KLACHT = "klacht", "Klacht of verzoek bij de Autoriteit Persoonsgegevens of de ombudsman loopt"


class Bewaarstop(models.Model):
    """While a hold is active nothing of the client is destroyed or anonymised: the records may be needed in
    the objection or court case (Awb art. 7:4 and 8:42: the authority hands over the documents of the case)."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="bewaarstops")
    reden = models.CharField(max_length=20, choices=StopReden.choices)
    toelichting = models.CharField(
        max_length=300, help_text="Bijvoorbeeld het zaaknummer van de rechtbank."
    )
    geplaatst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geplaatst_op = models.DateTimeField()
    opgeheven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opgeheven_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bewaarstop"
        verbose_name_plural = "bewaarstops"
        ordering = ["-geplaatst_op", "-pk"]

    def __str__(self) -> str:
        return f"Bewaarstop {self.pk} ({self.get_reden_display()})"

    @property
    def actief(self) -> bool:
        return self.opgeheven_op is None


class Vernietiging(models.Model):
    """One line of the destruction log: what kind, how many, which rule, when. Never what was destroyed."""

    uitgevoerd_op = models.DateTimeField(db_index=True)
    soort = models.CharField(max_length=40)
    aantal = models.PositiveIntegerField()
    handeling = models.CharField(max_length=20, help_text="'vernietigd' of 'geanonimiseerd'.")
    regel = models.CharField(max_length=80, help_text="De parameter met de termijn.")
    termijn = models.CharField(max_length=40, help_text="De termijn zoals die gold, in woorden.")
    grens = models.DateField(help_text="Wat vóór deze datum eindigde, was aan de beurt.")
    bron = models.TextField()
    tegengehouden = models.PositiveIntegerField(
        default=0, help_text="Zoveel waren aan de beurt maar vallen onder een bewaarstop."
    )

    class Meta:
        verbose_name = "vernietiging"
        verbose_name_plural = "vernietigingslog"
        ordering = ["-uitgevoerd_op", "soort"]

    def __str__(self) -> str:
        return f"{self.uitgevoerd_op:%Y-%m-%d} {self.soort}: {self.aantal}"
