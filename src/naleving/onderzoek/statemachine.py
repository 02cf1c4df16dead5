# SPDX-License-Identifier: EUPL-1.2
"""The investigation's life: one table of allowed moves, and the deadline that each state carries.

Team Handhaving leads the investigation only; the consultant keeps eindregie of the case and takes every
decision (Handhaving in balans 2026-2030; domain.md §1). Hence a teamleider assigns and reviews, a handhaver
executes, and nothing here decides a sanction.
"""

from __future__ import annotations

from django.db import models

from naleving.verloop.machine import Machine, Overgang


class Status(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    TOEGEWEZEN = "toegewezen", "Toegewezen"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    RAPPORT_TER_REVIEW = "rapport_ter_review", "Rapport ter review"
    AFGEROND = "afgerond", "Afgerond"


class Uitkomst(models.TextChoices):
    GEEN_ONRECHTMATIGHEID = "geen_onrechtmatigheid", "Geen onrechtmatigheid"
    ONRECHTMATIGHEID = "onrechtmatigheid_vastgesteld", "Onrechtmatigheid vastgesteld"
    NIET_VAST_TE_STELLEN = "niet_vast_te_stellen", "Niet vast te stellen"


OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(
        Status.AANGEVRAAGD, Status.TOEGEWEZEN, "onderzoek.toewijzen", "Toegewezen aan een handhaver"
    ),
    Overgang(Status.TOEGEWEZEN, Status.TOEGEWEZEN, "onderzoek.toewijzen", "Opnieuw toegewezen"),
    Overgang(Status.TOEGEWEZEN, Status.IN_UITVOERING, "onderzoek.uitvoeren", "Onderzoek gestart"),
    Overgang(
        Status.IN_UITVOERING, Status.IN_UITVOERING, "onderzoek.toewijzen", "Opnieuw toegewezen"
    ),
    Overgang(
        Status.IN_UITVOERING, Status.RAPPORT_TER_REVIEW, "onderzoek.uitvoeren", "Rapport ingediend"
    ),
    Overgang(
        Status.RAPPORT_TER_REVIEW,
        Status.IN_UITVOERING,
        "onderzoek.reviewen",
        "Rapport teruggestuurd",
    ),
    Overgang(
        Status.RAPPORT_TER_REVIEW, Status.AFGEROND, "onderzoek.reviewen", "Rapport goedgekeurd"
    ),
)

MACHINE = Machine(
    soort="onderzoek",
    overgangen=OVERGANGEN,
    statussen=Status,
    historie="onderzoek.OnderzoekOvergang",
    veld="onderzoek",
    melding="Dit kan niet: een onderzoek met status '{van}' kan niet naar '{naar}'.",
    naam="het onderzoek",
)

OPEN = (Status.AANGEVRAAGD, Status.TOEGEWEZEN, Status.IN_UITVOERING, Status.RAPPORT_TER_REVIEW)

#: The states that carry a term: calendar days, a working agreement of team Handhaving (not law), in the
#: organisation's parameter file as onderzoek_termijn_<state>_dagen. Settings may override them with
#: NALEVING_ONDERZOEK_TERMIJNEN.
MET_TERMIJN = (
    Status.AANGEVRAAGD,
    Status.TOEGEWEZEN,
    Status.IN_UITVOERING,
    Status.RAPPORT_TER_REVIEW,
)
