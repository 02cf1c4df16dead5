# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from naleving.config.celery import app
from naleving.signalen.melden import anonimiseer_melders


@shared_task(name="signalen.anonimiseer_melders")  # type: ignore[untyped-decorator]
def anonimiseer_melders_taak() -> int:
    """Wipe reporter contact data older than the retention period (conf.melder_bewaar_dagen)."""
    return anonimiseer_melders()


#: Daily at 03:15 (Europe/Amsterdam) by celery beat; `naleving manage signalen_anonimiseer` also.
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "signalen-anonimiseer-melders": {
        "task": "signalen.anonimiseer_melders",
        "schedule": crontab(hour=3, minute=15),
    },
}
