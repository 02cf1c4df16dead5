# SPDX-License-Identifier: EUPL-1.2
"""Terms of signal intake: the organisation's working agreements in its parameter file
(regels/parameters/organisaties/, read on today's date, each with its source; no legal term applies
to triage itself, so they are marked UNCERTAIN there).

A deployment may still tune one with its environment variable (README, "Configuratie"): that is an
explicit override of the parameter file, and it is logged once per process.
"""

from __future__ import annotations

import logging
import os

from django.utils import timezone

from naleving import regels
from naleving.config import env

logger = logging.getLogger(__name__)
_gemeld: set[tuple[str, int]] = set()


def _werkafspraak(naam: str, variabele: str) -> int:
    if os.environ.get(variabele):
        waarde = env.integer(variabele, 0)
        if (variabele, waarde) not in _gemeld:
            _gemeld.add((variabele, waarde))
            logger.warning(
                "%s=%s overschrijft parameter %s uit het parameterbestand van de organisatie",
                variabele,
                waarde,
                naam,
            )
        return waarde
    return regels.getal(naam, op=timezone.localdate())


def triagetermijn_dagen() -> int:
    """Days from receipt to the triage deadline."""
    return _werkafspraak("signaal_triagetermijn_dagen", "NALEVING_SIGNAAL_TRIAGETERMIJN_DAGEN")


def groepvenster_dagen() -> int:
    """Signals of the same client and product within this many days form one group."""
    return _werkafspraak("signaal_groepvenster_dagen", "NALEVING_SIGNAAL_GROEPVENSTER_DAGEN")


def melder_bewaar_dagen() -> int:
    """After this many days the reporter's name and contact data are wiped."""
    return _werkafspraak("melder_bewaartermijn_dagen", "NALEVING_MELDER_BEWAARTERMIJN_DAGEN")


def vervolglink_dagen() -> int:
    """How long a resident's follow-up link works."""
    return _werkafspraak("vervolglink_dagen", "NALEVING_VERVOLGLINK_DAGEN")


def meldingen_per_uur() -> int:
    """Reports accepted per sender per hour at /melden (in-memory rate limit)."""
    return _werkafspraak("meldingen_per_uur", "NALEVING_MELDINGEN_PER_UUR")
