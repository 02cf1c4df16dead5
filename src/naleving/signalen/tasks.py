# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from celery import shared_task

from naleving.signalen.melden import anonimiseer_melders


@shared_task(name="signalen.anonimiseer_melders")  # type: ignore[untyped-decorator]
def anonimiseer_melders_taak() -> int:
    """Daily (celery beat, see docs/signalen.md): wipe reporter contact data older than the
    retention period."""
    return anonimiseer_melders()
