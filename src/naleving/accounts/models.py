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
    oidc_sub = models.CharField(
        "identiteit bij de identity provider",
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=(
            "De 'sub' (subject) van deze medewerker bij de identity provider van de organisatie (single "
            "sign-on). Naleving herkent een medewerker alleen hieraan, nooit aan het e-mailadres."
        ),
    )

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def rol_code(self) -> str:
        return self.rol_id or ""


class SsoInstelling(models.Model):
    """Single sign-on with the organisation's identity provider (OpenID Connect): one record, edited by the
    functioneel beheerder in /beheer/ (accounts.oidc reads it at each login; docs/beheer.md)."""

    actief = models.BooleanField(
        "single sign-on aan",
        default=False,
        help_text="Toon de knop en sta inloggen via de provider toe.",
    )
    authorization_endpoint = models.URLField("authorization endpoint", max_length=500, blank=True)
    token_endpoint = models.URLField("token endpoint", max_length=500, blank=True)
    userinfo_endpoint = models.URLField("userinfo endpoint", max_length=500, blank=True)
    jwks_endpoint = models.URLField(
        "JWKS endpoint",
        max_length=500,
        blank=True,
        help_text="De sleutels waarmee de provider tekent.",
    )
    end_session_endpoint = models.URLField(
        "end session endpoint",
        max_length=500,
        blank=True,
        help_text="Leeg: uitloggen beëindigt alleen de sessie in Naleving, niet die bij de provider.",
    )
    client_id = models.CharField("client-ID", max_length=255, blank=True)
    client_secret = models.CharField("client-secret", max_length=255, blank=True)
    scopes = models.CharField(max_length=255, default="openid profile email")
    sign_algo = models.CharField("tekenalgoritme", max_length=10, default="RS256")
    rollen_claim = models.CharField(
        "claim met de rollen",
        max_length=100,
        default="naleving_rollen",
        help_text="Naam van de claim (met punten voor een geneste claim, bijvoorbeeld realm_access.roles).",
    )
    gemeenten_claim = models.CharField(
        "claim met de gemeenten", max_length=100, default="naleving_gemeenten", blank=True
    )
    nieuwe_medewerkers_aanmaken = models.BooleanField(
        default=False,
        help_text=(
            "Aan: een onbekende medewerker krijgt bij de eerste keer inloggen een account. Uit: alleen "
            "medewerkers die u hier met hun 'sub' heeft vastgelegd kunnen inloggen."
        ),
    )

    class Meta:
        verbose_name = "single sign-on"
        verbose_name_plural = "single sign-on"

    def __str__(self) -> str:
        return "Single sign-on (OpenID Connect)"

    @classmethod
    def huidige(cls) -> SsoInstelling:
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def bruikbaar(self) -> bool:
        return bool(
            self.actief
            and self.authorization_endpoint
            and self.token_endpoint
            and self.client_id
            and (self.jwks_endpoint or not self.sign_algo.startswith(("RS", "ES")))
        )


class ClaimKoppeling(models.Model):
    """One value of the identity provider's roles or municipalities claim, and what it means in Naleving.

    The claims only name a role or a municipality; what a role may do stays the role's data (Rol.rechten).
    """

    class Soort(models.TextChoices):
        ROL = "rol", "Rol"
        GEMEENTE = "gemeente", "Gemeente"

    soort = models.CharField(max_length=10, choices=Soort.choices)
    waarde = models.CharField(
        "waarde in de claim",
        max_length=200,
        help_text="Zoals de identity provider hem stuurt, bijvoorbeeld de naam van een groep.",
    )
    rol = models.ForeignKey(
        Rol, on_delete=models.CASCADE, null=True, blank=True, related_name="claimkoppelingen"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, null=True, blank=True, related_name="claimkoppelingen"
    )

    class Meta:
        verbose_name = "claimkoppeling (single sign-on)"
        verbose_name_plural = "claimkoppelingen (single sign-on)"
        ordering = ["soort", "waarde"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "waarde"], name="claimkoppeling_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort="rol", rol__isnull=False, gemeente__isnull=True)
                | models.Q(soort="gemeente", rol__isnull=True, gemeente__isnull=False),
                name="claimkoppeling_rol_of_gemeente",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.waarde} → {self.rol or self.gemeente}"


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
