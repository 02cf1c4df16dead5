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
