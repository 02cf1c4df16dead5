# SPDX-License-Identifier: EUPL-1.2
"""The daily retention run (celery beat); `naleving bewaartermijnen` runs the same by hand."""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from naleving.bewaren.services import vernietig
from naleving.config.celery import app


@shared_task(name="bewaren.vernietig")  # type: ignore[untyped-decorator]
def vernietig_taak() -> dict[str, int]:
    """Destroy or anonymise what is past its term; returns the count per kind (no personal data)."""
    return {r.termijn.soort.code: r.aantal for r in vernietig()}


#: Daily at 03:15 (Europe/Amsterdam), before the nightly check of the audit chain is long past: the check
#: of the next night covers the run's own entry.
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "bewaren-vernietig": {"task": "bewaren.vernietig", "schedule": crontab(hour=3, minute=15)},
}
