# SPDX-License-Identifier: EUPL-1.2
"""The life of an action in the uitvoeringsplan: one table of allowed moves.

An action that is still open at year end is carried into the next year's plan (domain.md §1: the
evaluation "feeds the next year's plan"); the old row then says so ("doorgeschoven") and the new
row points back to it, so the history of an action over the years stays readable.

The machine is the one of every case (`naleving.verloop`), with what sets a plan action apart
declared: no client (the right `beleid.plannen` is checked for the role), no personal data (no
audit entry; the plan's own change log is `PlanWijziging`), no "since" column, and the refusal
belongs to the form's status field. Each move leaves an `ActieOvergang` row.
"""

from __future__ import annotations

from django.db import models

from naleving.verloop.machine import Machine, Overgang


class ActieStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    AFGEROND = "afgerond", "Afgerond"
    VERVALLEN = "vervallen", "Vervallen"
    DOORGESCHOVEN = "doorgeschoven", "Doorgeschoven naar volgend jaar"


OPEN = (ActieStatus.GEPLAND, ActieStatus.IN_UITVOERING)

_RECHT = "beleid.plannen"

#: The moves a beleidsmedewerker may set by hand, and DOORGESCHOVEN, which only the carry-over
#: service sets (`handmatig=False`), from an open state.
OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(ActieStatus.GEPLAND, ActieStatus.IN_UITVOERING, _RECHT),
    Overgang(ActieStatus.GEPLAND, ActieStatus.VERVALLEN, _RECHT),
    Overgang(ActieStatus.IN_UITVOERING, ActieStatus.AFGEROND, _RECHT),
    Overgang(ActieStatus.IN_UITVOERING, ActieStatus.VERVALLEN, _RECHT),
    Overgang(ActieStatus.IN_UITVOERING, ActieStatus.GEPLAND, _RECHT),
    *(Overgang(van, ActieStatus.DOORGESCHOVEN, _RECHT, handmatig=False) for van in OPEN),
)

MACHINE = Machine(
    soort="actie",
    overgangen=OVERGANGEN,
    statussen=ActieStatus,
    historie="beleid.ActieOvergang",
    veld="actie",
    melding="Een actie met status '{van}' kan niet naar '{naar}'.",
    naam="de actie",
    foutveld="status",
    client=None,
    sinds=None,
    persoonsgegevens=False,
)


def volgende(van: str) -> list[str]:
    return MACHINE.volgende(van)
