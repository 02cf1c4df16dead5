# SPDX-License-Identifier: EUPL-1.2
"""The decision's life: one table of allowed moves. A definitive decision is never changed; an objection leads
to a new decision on objection that refers to the original (Awb 7:11: heroverweging, the original stays)."""

from __future__ import annotations

from django.db import models

from naleving.verloop.machine import Machine, Overgang


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_REVIEW = "ter_review", "Ter review (vier ogen)"
    DEFINITIEF = "definitief", "Definitief"
    VERZONDEN = "verzonden", "Verzonden"
    BEZWAAR = "bezwaar", "In bezwaar"
    BESLIST_OP_BEZWAAR = "beslist_op_bezwaar", "Beslist op bezwaar"


OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(Status.CONCEPT, Status.TER_REVIEW, "besluit.nemen", "Ter review aangeboden"),
    Overgang(Status.CONCEPT, Status.DEFINITIEF, "besluit.nemen", "Besluit vastgesteld"),
    Overgang(Status.TER_REVIEW, Status.DEFINITIEF, "besluit.reviewen", "Goedgekeurd (vier ogen)"),
    Overgang(Status.TER_REVIEW, Status.CONCEPT, "besluit.reviewen", "Teruggestuurd"),
    Overgang(Status.DEFINITIEF, Status.VERZONDEN, "besluit.nemen", "Beschikking verzonden"),
    Overgang(Status.VERZONDEN, Status.BEZWAAR, "besluit.bezwaar", "Bezwaar ontvangen"),
    Overgang(Status.BEZWAAR, Status.BESLIST_OP_BEZWAAR, "besluit.bezwaar", "Beslist op bezwaar"),
)

MACHINE = Machine(
    soort="besluit",
    overgangen=OVERGANGEN,
    statussen=Status,
    historie="besluiten.BesluitOvergang",
    veld="besluit",
    melding="Dit kan niet: een besluit met status '{van}' kan niet naar '{naar}'.",
    naam="het besluit",
)

#: States in which nothing about the decision itself may change any more.
VASTGESTELD = (
    Status.DEFINITIEF,
    Status.VERZONDEN,
    Status.BEZWAAR,
    Status.BESLIST_OP_BEZWAAR,
)
