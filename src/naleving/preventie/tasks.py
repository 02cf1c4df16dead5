# SPDX-License-Identifier: EUPL-1.2
"""Scheduled jobs: reminders for change reports that wait too long, and for clients whose periodic
information moment is due. Celery beat runs them in production; `naleving preventie-taken` runs them
from cron or by hand, and with the embedded default (eager tasks) they run in-process."""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab


@shared_task(name="preventie.herinneringen")  # type: ignore[untyped-decorator]
def herinneringen() -> dict[str, int]:
    from naleving.preventie.services import maak_herinneringen

    return maak_herinneringen()


def register_schedule() -> None:
    from naleving.config.celery import app

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        "preventie-herinneringen": {
            "task": "preventie.herinneringen",
            "schedule": crontab(hour=6, minute=15),
        },
    }
