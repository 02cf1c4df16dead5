# SPDX-License-Identifier: EUPL-1.2
"""The uitvoeringsplan of a year (domain.md §1, 'van beleid naar praktijk'): goals, priority themes
and actions per pillar of the Cirkel van Naleving (domain.md §2), evaluated at year end.

History is kept in `PlanWijziging`: one append-only row per write, with the state after it; the
moves of an action's state are also in `ActieOvergang`, the history every state machine keeps. No
personal data lives here: the plan is about the organisation, the figures are aggregates.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from naleving.beleid.statemachine import ActieStatus
from naleving.core.locking import Versioned
from naleving.verloop.historie import Overgangshistorie


class Pijler(models.TextChoices):
    """The four pillars of the Cirkel van Naleving (domain.md §2)."""

    COMMUNICATIE = "communicatie", "1. Communicatie"
    DIENSTVERLENING = "dienstverlening", "2. Dienstverlening"
    CONTROLEREN = "controleren", "3. Controleren op maat"
    SANCTIONEREN = "sanctioneren", "4. Sanctioneren"


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    GEEVALUEERD = "geevalueerd", "Geëvalueerd"


#: A plan moves one way: concept → vastgesteld → geëvalueerd.
PLAN_VOLGORDE = (PlanStatus.CONCEPT, PlanStatus.VASTGESTELD, PlanStatus.GEEVALUEERD)


def volgende_plan_status(status: str) -> PlanStatus | None:
    i = PLAN_VOLGORDE.index(PlanStatus(status))
    return PLAN_VOLGORDE[i + 1] if i + 1 < len(PLAN_VOLGORDE) else None


class Uitvoeringsplan(Versioned):
    jaar = models.PositiveSmallIntegerField(unique=True)
    doelen = models.TextField(help_text="Wat wil de organisatie dit jaar bereiken?")
    themas = models.TextField("prioriteiten", help_text="De thema's met voorrang, één per regel.")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.CONCEPT)
    evaluatie = models.TextField("evaluatie van het jaar", blank=True)
    aangemaakt_op = models.DateTimeField()

    class Meta:
        verbose_name = "uitvoeringsplan"
        verbose_name_plural = "uitvoeringsplannen"
        ordering = ["-jaar"]

    def __str__(self) -> str:
        return f"Uitvoeringsplan {self.jaar}"

    @property
    def themalijst(self) -> list[str]:
        return [t.strip() for t in self.themas.splitlines() if t.strip()]


class Actie(Versioned):
    plan = models.ForeignKey(Uitvoeringsplan, on_delete=models.PROTECT, related_name="acties")
    pijler = models.CharField(max_length=20, choices=Pijler.choices)
    titel = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    eigenaar = models.CharField(
        max_length=100, help_text="Het team of de functie die de actie trekt (geen cliënt)."
    )
    deadline = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActieStatus.choices, default=ActieStatus.GEPLAND
    )
    resultaat = models.TextField(blank=True)
    evaluatie = models.TextField("evaluatie aan het eind van het jaar", blank=True)
    overgenomen_van = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="overgenomen_door"
    )
    campagnes = models.ManyToManyField("preventie.Campagne", blank=True, related_name="+")

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["pijler", "deadline", "pk"]

    def __str__(self) -> str:
        return self.titel

    def alle_campagnes(self) -> list[Any]:
        """Campaigns linked here, plus those whose own link field (Campagne.uitvoeringsplan_jaar
        and uitvoeringsplan_actie, filled in by the preventie app) names this action."""
        from naleving.preventie.models import Campagne

        gekoppeld = set(self.campagnes.values_list("pk", flat=True))
        return list(
            Campagne.objects.filter(
                models.Q(pk__in=gekoppeld)
                | models.Q(uitvoeringsplan_jaar=self.plan.jaar, uitvoeringsplan_actie=self.titel)
            ).order_by("start", "pk")
        )


class ActieOvergang(Overgangshistorie):
    """Append-only history of an action's state: one row per move, and its first state."""

    statussen = ActieStatus
    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="overgangen")


class PijlerEvaluatie(models.Model):
    plan = models.ForeignKey(Uitvoeringsplan, on_delete=models.CASCADE, related_name="pijlers")
    pijler = models.CharField(max_length=20, choices=Pijler.choices)
    tekst = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "pijler"], name="pijlerevaluatie_uniek")
        ]
        ordering = ["pijler"]

    def __str__(self) -> str:
        return f"{self.get_pijler_display()} ({self.plan.jaar})"


class PlanWijziging(models.Model):
    """Append-only history: who changed what in the plan, when, and the state after the change."""

    plan = models.ForeignKey(Uitvoeringsplan, on_delete=models.CASCADE, related_name="wijzigingen")
    actie = models.ForeignKey(
        Actie, on_delete=models.CASCADE, null=True, blank=True, related_name="wijzigingen"
    )
    omschrijving = models.CharField(max_length=200)
    gegevens = models.JSONField(default=dict)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField()

    class Meta:
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def status_label(self) -> str:
        """The action's status after the change, as its Dutch label (the record keeps the code)."""
        code = self.gegevens.get("status")
        return ActieStatus(code).label if code in ActieStatus.values else (code or "")
