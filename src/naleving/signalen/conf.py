# SPDX-License-Identifier: EUPL-1.2
"""Policy parameters of signal intake, from the environment (functioneel beheer sets them per
deployment).

The defaults are the team's working agreements (uitvoeringsplan handhaving, UNCERTAIN: no legal term
applies to triage itself); the 365-day retention of reporter contact data follows the issue (pillar
3, privacy).
"""

from __future__ import annotations

from naleving.config import env


def triagetermijn_dagen() -> int:
    """Days from receipt to the triage deadline."""
    return env.integer("NALEVING_SIGNAAL_TRIAGETERMIJN_DAGEN", 14)


def groepvenster_dagen() -> int:
    """Signals of the same client and product within this many days form one group."""
    return env.integer("NALEVING_SIGNAAL_GROEPVENSTER_DAGEN", 90)


def melder_bewaar_dagen() -> int:
    """After this many days the reporter's name and contact data are wiped."""
    return env.integer("NALEVING_MELDER_BEWAARTERMIJN_DAGEN", 365)


def vervolglink_dagen() -> int:
    """How long a resident's follow-up link works."""
    return env.integer("NALEVING_VERVOLGLINK_DAGEN", 90)


def meldingen_per_uur() -> int:
    """Reports accepted per sender per hour at /melden (in-memory rate limit)."""
    return env.integer("NALEVING_MELDINGEN_PER_UUR", 5)
