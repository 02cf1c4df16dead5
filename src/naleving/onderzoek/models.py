# SPDX-License-Identifier: EUPL-1.2
"""Investigations under Awb title 5.2: the plan, the activities, the evidence, the "was it reported?" check, the
rapport with findings and the preliminary advice. The consultant owns the case; this records the investigation."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.accounts.models import Gemeente
from naleving.clienten.models import Client
from naleving.core.locking import Versioned
from naleving.onderzoek.activiteiten import Soort, als_tekst
from naleving.onderzoek.statemachine import Status, Uitkomst
from naleving.verloop.historie import Overgangshistorie


class Aanleiding(models.TextChoices):
    SIGNAAL = "signaal", "Signaal"
    AANVRAAG_UITKERING = "aanvraag_uitkering", "Onderzoek bij een aanvraag"
    LOPENDE_UITKERING = "lopende_uitkering", "Onderzoek tijdens de uitkering"


class Onderzoek(Versioned):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="onderzoeken")
    #: the client's municipality when the investigation started: every case belongs to one, and worklists and
    #: reports are cut by it without a join over all clients (and a national deployment can shard on it)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="onderzoeken")
    aanleiding = models.CharField(max_length=30, choices=Aanleiding.choices)
    signaal_id = models.BigIntegerField(
        null=True, blank=True, help_text="Het signaal dat tot dit onderzoek leidde."
    )
    vraag = models.TextField(help_text="Wat wil de inkomensconsulent weten?")
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="aangevraagde_onderzoeken"
    )
    aangevraagd_op = models.DateTimeField()
    handhaver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="onderzoeken",
    )
    status = models.CharField(
        max_length=30, choices=Status.choices, default=Status.AANGEVRAAGD, db_index=True
    )
    status_sinds = models.DateTimeField()
    termijn = models.DateField(help_text="Uiterste datum voor de huidige stap.", db_index=True)
    uitkomst = models.CharField(max_length=40, choices=Uitkomst.choices, blank=True)
    afgerond_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"
        ordering = ["termijn", "pk"]
        indexes = [
            models.Index(fields=["status", "handhaver", "termijn"]),
            models.Index(fields=["gemeente", "status", "termijn"]),
        ]

    def __str__(self) -> str:
        return f"Onderzoek {self.pk} ({self.get_status_display()})"

    @property
    def nummer(self) -> str:
        return f"O{self.pk:06d}"


class OnderzoekOvergang(Overgangshistorie):
    """Append-only history: every move of the state machine, by whom, when and why."""

    statussen = Status
    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="overgangen")


class Onderzoeksplan(Versioned):
    onderzoek = models.OneToOneField(Onderzoek, on_delete=models.CASCADE, related_name="plan")
    vragen = models.TextField(help_text="Welke vragen moet het onderzoek beantwoorden?")
    feiten = models.TextField(help_text="Welke concrete, objectieve feiten geven twijfel?")
    bijgewerkt_op = models.DateTimeField()

    def __str__(self) -> str:
        return f"Plan bij {self.onderzoek}"


class PlanStap(models.Model):
    plan = models.ForeignKey(Onderzoeksplan, on_delete=models.CASCADE, related_name="stappen")
    soort = models.CharField(max_length=30, choices=Soort.choices)
    noodzaak = models.TextField(help_text="Waarom is deze stap nodig?")
    subsidiariteit = models.TextField(blank=True, help_text="Waarom volstaat niets lichters?")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_soort_display()


class Activiteit(models.Model):
    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="activiteiten")
    soort = models.CharField(max_length=30, choices=Soort.choices)
    gegevens = models.JSONField(default=dict)
    plan_stap = models.ForeignKey(PlanStap, on_delete=models.PROTECT, null=True, blank=True)
    #: A home visit with consent after a refusal in the same investigation points to that refusal, set by the
    #: service, so the record shows the consent followed a "no" (Awb 5:15; art. 8 EVRM: consent must be free).
    eerdere_weigering = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="latere_bezoeken",
    )
    uitgevoerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    vastgelegd_op = models.DateTimeField()

    class Meta:
        ordering = ["vastgelegd_op", "pk"]

    def __str__(self) -> str:
        return self.get_soort_display()

    @property
    def gegevens_als_tekst(self) -> list[tuple[str, str]]:
        """The recorded fields with their Dutch labels and readable values (never `met_wie`, `True`)."""
        return als_tekst(self.soort, self.gegevens)


class Bewijsstuk(models.Model):
    """Evidence is never changed: a new version supersedes it, with a reason; both stay."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="bewijsstukken")
    activiteit = models.ForeignKey(Activiteit, on_delete=models.PROTECT, null=True, blank=True)
    omschrijving = models.CharField(max_length=300)
    bestandsnaam = models.CharField(max_length=255)
    pad = models.CharField(max_length=300, help_text="Pad onder de bestandsmap, buiten de webroot.")
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    op = models.DateTimeField()
    vervangt = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="vervangen_door"
    )
    reden_vervanging = models.TextField(blank=True)

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return self.omschrijving


class Meldcheck(models.Model):
    """The record that every contact and change report of the period was looked at (CRvB 2023:1967)."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.CASCADE, related_name="meldchecks")
    van = models.DateField()
    tot = models.DateField()
    getoond = models.JSONField(
        default=list, help_text="De meldingen die bij de controle zijn getoond."
    )
    conclusie = models.TextField(help_text="Wat blijkt uit de meldingen over de periode?")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    op = models.DateTimeField()

    class Meta:
        ordering = ["-op"]

    def __str__(self) -> str:
        return f"Meldcheck {self.van} – {self.tot}"


class Overtreding(models.TextChoices):
    GEEN = "", "Geen overtreding vastgesteld"
    INLICHTINGENPLICHT = "inlichtingenplicht", "Inlichtingenplicht (PW art. 17 lid 1)"
    ARBEIDSVERPLICHTING = "arbeidsverplichting", "Arbeidsverplichting (PW art. 18 lid 4)"
    TEKORTSCHIETEND_BESEF = (
        "tekortschietend_besef",
        "Tekortschietend besef van verantwoordelijkheid",
    )
    MEDEWERKINGSPLICHT = "medewerkingsplicht", "Medewerkingsplicht (PW art. 17 lid 2)"
    OVERIGE_VERPLICHTING = (
        "overige_verplichting",
        "Andere verplichting bij de uitkering (PW art. 9 lid 1, art. 55)",
    )


class Gemeld(models.TextChoices):
    NVT = "", "Niet van toepassing"
    NIET_GEMELD = "niet_gemeld", "Niet gemeld"
    TE_LAAT = "te_laat", "Te laat gemeld"
    WEL_GEMELD = "wel_gemeld", "Wel op tijd gemeld"


class Rapport(Versioned):
    onderzoek = models.OneToOneField(Onderzoek, on_delete=models.CASCADE, related_name="rapport")
    bevindingen = models.TextField()
    overtreding = models.CharField(max_length=30, choices=Overtreding.choices, blank=True)
    periode_van = models.DateField(null=True, blank=True)
    periode_tot = models.DateField(null=True, blank=True)
    pleegdatum = models.DateField(
        null=True,
        blank=True,
        help_text="Wanneer had gemeld moeten worden (of: wanneer de verplichting is geschonden).",
    )
    perioden = models.JSONField(default=list, help_text="Per maand: ontvangen en recht, in centen.")
    gemeld = models.CharField(max_length=20, choices=Gemeld.choices, blank=True)
    aanwijzingen_verwijtbaarheid = models.TextField(blank=True)
    omstandigheden = models.TextField(
        blank=True, help_text="Omstandigheden van de persoon (menselijke maat)."
    )
    awb_feiten = models.TextField(blank=True, help_text="Awb 5:48: de feiten van de overtreding.")
    awb_voorschrift = models.TextField(
        blank=True, help_text="Awb 5:48: het overtreden voorschrift."
    )
    advies = models.TextField(
        blank=True, help_text="Advies van de handhaver aan de inkomensconsulent."
    )
    # Una via (Awb art. 5:44): above the prosecution threshold whether a fine applies depends on this
    # answer (as on the decision, Besluit.aangifte_gedaan); null while not yet known.
    aangifte_gedaan = models.BooleanField(
        null=True, blank=True, help_text="Is aangifte gedaan bij het Openbaar Ministerie?"
    )
    regels_advies = models.JSONField(
        null=True, blank=True, help_text="Voorlopig advies van de regels."
    )
    ingediend_op = models.DateTimeField(null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beoordeling = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Rapport bij {self.onderzoek}"

    @property
    def benadelingsbedrag_cent(self) -> int:
        return sum(max(0, p["ontvangen_cent"] - p["recht_cent"]) for p in self.perioden)
