# SPDX-License-Identifier: EUPL-1.2
"""Staff, their roles and the municipalities they work for. Roles and municipalities are data, not code."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Gemeente(models.Model):
    """A municipality the organisation serves; every case belongs to exactly one."""

    cbs_code = models.CharField("CBS-code", max_length=4, unique=True)
    naam = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Rol(models.Model):
    """A role and the actions it may take (see naleving.accounts.permissions.ACTIES for the codes)."""

    code = models.SlugField(primary_key=True, max_length=40)
    naam = models.CharField(max_length=100)
    omschrijving = models.TextField(blank=True)
    rechten = models.JSONField(
        default=list, help_text="Lijst van actiecodes die deze rol mag uitvoeren."
    )
    toegang_op_grond = models.BooleanField(
        default=False,
        help_text="Ziet alleen cliënten waarvoor een grond is: een open signaal of onderzoek van het team.",
    )

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def rechten_omschrijvingen(self) -> list[str]:
        """The role's rights as the functioneel beheerder reads them (ACTIES), never as codes."""
        from naleving.accounts.permissions import ACTIES

        return [ACTIES.get(code, code) for code in self.rechten]


class User(AbstractUser):
    """A staff member. Residents and reporters never have an account here."""

    rol = models.ForeignKey(
        Rol, on_delete=models.PROTECT, null=True, blank=True, related_name="medewerkers"
    )
    gemeenten = models.ManyToManyField(Gemeente, blank=True, related_name="medewerkers")
    is_demo_account = models.BooleanField(
        default=False,
        help_text="Demo-account: kan alleen inloggen als Naleving in demomodus draait.",
    )

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def rol_code(self) -> str:
        return self.rol_id or ""


class Rechtenverzoek(models.Model):
    """A grant of rights that open personal data, waiting for a second person (accounts.services).

    `wijziging` holds only what is granted, never what is withdrawn (that applies at once):
    for a role {"rechten": [...], "zonder_grond": true}; for a staff member {"rol": code|null,
    "rol_was": code|null, "gemeenten": [cbs codes], "activeren": true, "superuser": true} (each key optional).
    """

    class Status(models.TextChoices):
        OPEN = "open", "Wacht op goedkeuring"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd en toegepast"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    rol = models.ForeignKey(
        Rol, on_delete=models.CASCADE, null=True, blank=True, related_name="rechtenverzoeken"
    )
    medewerker = models.ForeignKey(
        User, on_delete=models.CASCADE, null=True, blank=True, related_name="rechtenverzoeken"
    )
    wijziging = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    aangevraagd_door = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="aangevraagde_rechtenverzoeken"
    )
    aangevraagd_op = models.DateTimeField()
    beslist_door = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beslist_rechtenverzoeken",
    )
    beslist_op = models.DateTimeField(null=True, blank=True)
    toelichting = models.TextField(blank=True, help_text="Waarom goedgekeurd of afgewezen.")

    class Meta:
        verbose_name = "rechtenverzoek"
        verbose_name_plural = "rechtenverzoeken"
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rol__isnull=False, medewerker__isnull=True)
                | models.Q(rol__isnull=True, medewerker__isnull=False),
                name="rechtenverzoek_rol_of_medewerker",
            )
        ]

    def __str__(self) -> str:
        doel = self.rol or self.medewerker
        return f"Rechtenverzoek {self.pk} voor {doel} ({self.get_status_display()})"
