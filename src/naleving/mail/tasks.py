# SPDX-License-Identifier: EUPL-1.2
"""Background jobs of the outbox: send one mail (with retries and a growing pause on a worker), the queue
job every ten minutes, and the daily digest for staff at 07:00 (Europe/Amsterdam). `naleving mail-wachtrij`
and `naleving mail-dagoverzicht` run the same by hand or from cron. With the embedded default (eager tasks)
a mail is sent in the process that planned it; a failure then waits for the queue job, never for the
request."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.schedules import crontab


@shared_task(bind=True, name="mail.versturen", max_retries=4)  # type: ignore[untyped-decorator]
def mail_versturen_taak(self: Any, *, mail_id: int) -> bool:
    from naleving.mail.services import mail_versturen

    gelukt = mail_versturen(mail_id=mail_id)
    if not gelukt and not self.request.is_eager and self.request.retries < self.max_retries:
        # 1, 2, 4, 8 minutes; after that the queue job and the beheerder take over.
        raise self.retry(countdown=60 * 2**self.request.retries)
    return gelukt


@shared_task(name="mail.wachtrij")  # type: ignore[untyped-decorator]
def wachtrij_taak() -> dict[str, int]:
    from naleving.mail.services import wachtrij_verwerken

    return wachtrij_verwerken()


@shared_task(name="mail.dagoverzicht")  # type: ignore[untyped-decorator]
def dagoverzicht_taak() -> int:
    from naleving.mail.dagoverzicht import dagoverzicht_versturen

    return dagoverzicht_versturen()


def register_schedule() -> None:
    from naleving.config.celery import app

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        "mail-wachtrij": {"task": "mail.wachtrij", "schedule": 600.0},
        "mail-dagoverzicht": {
            "task": "mail.dagoverzicht",
            "schedule": crontab(hour=7, minute=0),
        },
    }
