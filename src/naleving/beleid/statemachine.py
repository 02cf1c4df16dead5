# SPDX-License-Identifier: EUPL-1.2
"""The life of an action in the uitvoeringsplan: one table of allowed moves.

An action that is still open at year end is carried into the next year's plan (domain.md §1: the
evaluation "feeds the next year's plan"); the old row then says so ("doorgeschoven") and the new
row points back to it, so the history of an action over the years stays readable.
"""

from __future__ import annotations

from django.db import models


class ActieStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    AFGEROND = "afgerond", "Afgerond"
    VERVALLEN = "vervallen", "Vervallen"
    DOORGESCHOVEN = "doorgeschoven", "Doorgeschoven naar volgend jaar"


OPEN = (ActieStatus.GEPLAND, ActieStatus.IN_UITVOERING)

#: (van, naar) pairs a beleidsmedewerker may set by hand. DOORGESCHOVEN is set only by the
#: carry-over service, from an open state.
OVERGANGEN: frozenset[tuple[str, str]] = frozenset(
    {
        (ActieStatus.GEPLAND, ActieStatus.IN_UITVOERING),
        (ActieStatus.GEPLAND, ActieStatus.VERVALLEN),
        (ActieStatus.IN_UITVOERING, ActieStatus.AFGEROND),
        (ActieStatus.IN_UITVOERING, ActieStatus.VERVALLEN),
        (ActieStatus.IN_UITVOERING, ActieStatus.GEPLAND),
    }
)


def mag_naar(van: str, naar: str) -> bool:
    return (van, naar) in OVERGANGEN


def volgende(van: str) -> list[str]:
    return [naar for (v, naar) in sorted(OVERGANGEN) if v == van]
