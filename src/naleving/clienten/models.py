# SPDX-License-Identifier: EUPL-1.2
"""Clients, their household, their benefits and the contact moments with them.

Data minimisation (domain.md §9-10): no nationality, origin, language, gender, health or any other attribute
that could be used to select people. Only what the execution of the law needs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.accounts.models import Gemeente
from naleving.core.locking import Versioned


class Wet(models.TextChoices):
    PW = "PW", "Participatiewet"
    IOAW = "IOAW", "IOAW"
    IOAZ = "IOAZ", "IOAZ"
    BBZ = "BBZ", "Bbz 2004"


class Client(Versioned):
    clientnummer = models.CharField(max_length=12, unique=True)
    bsn = models.CharField("BSN", max_length=9, unique=True)
    voornamen = models.CharField(max_length=200)
    tussenvoegsel = models.CharField(max_length=20, blank=True)
    achternaam = models.CharField(max_length=200)
    #: lower-case "achternaam voornamen", indexed: searching by the start of a name stays fast at national scale
    zoeknaam = models.CharField(max_length=420, db_index=True, editable=False)
    geboortedatum = models.DateField()
    straat = models.CharField(max_length=200)
    huisnummer = models.CharField(max_length=20)
    postcode = models.CharField(max_length=7)
    woonplaats = models.CharField(max_length=100)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="clienten")
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clienten",
        help_text="De inkomensconsulent die de regie over de casus heeft.",
    )

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["zoeknaam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.clientnummer})"

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}"

    @staticmethod
    def make_zoeknaam(*, achternaam: str, tussenvoegsel: str, voornamen: str) -> str:
        return " ".join(p for p in (achternaam, tussenvoegsel, voornamen) if p).lower()


class Relatie(models.TextChoices):
    PARTNER = "partner", "Partner"
    KIND = "kind", "Kind"
    KOSTENDELER = "kostendeler", "Kostendeler (andere volwassene)"


class Huishoudlid(Versioned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="huishoudleden")
    relatie = models.CharField(max_length=20, choices=Relatie.choices)
    naam = models.CharField(max_length=300)
    geboortedatum = models.DateField()
    bsn = models.CharField("BSN", max_length=9, blank=True)

    class Meta:
        verbose_name = "huishoudlid"
        verbose_name_plural = "huishoudleden"
        ordering = ["relatie", "geboortedatum"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_relatie_display()})"


class Uitkering(Versioned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="uitkeringen")
    wet = models.CharField(max_length=4, choices=Wet.choices)
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    norm_cent = models.PositiveIntegerField(
        "toepasselijke norm per maand (cent)",
        help_text="De norm die voor deze cliënt geldt, in centen per maand.",
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="uitkeringen")

    class Meta:
        verbose_name = "uitkering"
        verbose_name_plural = "uitkeringen"
        ordering = ["-ingangsdatum"]
        indexes = [models.Index(fields=["gemeente", "wet"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="uitkering_einde_na_ingang",
            )
        ]

    def __str__(self) -> str:
        return f"{self.wet} vanaf {self.ingangsdatum:%d-%m-%Y}"


class Kanaal(models.TextChoices):
    BALIE = "balie", "Balie"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    BRIEF = "brief", "Brief"
    PORTAAL = "portaal", "Online (portaal)"
    GESPREK = "gesprek", "Gesprek op afspraak"


class Contactmoment(models.Model):
    """A contact with the client. Anything reported here counts as reported to the organisation
    (CRvB 10-10-2023, ECLI:NL:CRVB:2023:1967), so it is never edited away."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contactmomenten")
    tijdstip = models.DateTimeField(db_index=True)
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField()
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contactmomenten",
        null=True,
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contactmoment"
        verbose_name_plural = "contactmomenten"
        ordering = ["-tijdstip"]
        indexes = [models.Index(fields=["client", "-tijdstip"])]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y} {self.onderwerp}"
