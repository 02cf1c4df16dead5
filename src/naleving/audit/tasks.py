# SPDX-License-Identifier: EUPL-1.2
"""The audit log's scheduled jobs: a signed checkpoint every five minutes and a nightly check of the chain."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.schedules import crontab

from naleving.audit.selectors import verify_chain
from naleving.audit.services import audit_anker_schrijven
from naleving.config.celery import app

logger = logging.getLogger(__name__)


@shared_task(name="audit.verify_chain")  # type: ignore[untyped-decorator]
def verify_chain_task() -> dict[str, object]:
    """Nightly check of the audit hash chain; the result is what `naleving audit verify` prints."""
    result = verify_chain()
    if not result.ok:
        logger.error(
            "Toegangslog niet in orde: logregel %s: %s", result.first_broken, result.problem
        )
    return {"ok": result.ok, "checked": result.checked, "first_broken": result.first_broken}


@shared_task(name="audit.anker")  # type: ignore[untyped-decorator]
def anker_task() -> int:
    """A checkpoint of the head outside the database. Each commit that appends entries writes one already;
    this one covers a process that stopped between its commit and its checkpoint."""
    return audit_anker_schrijven()


#: By celery beat: a checkpoint every five minutes, the full check nightly at 02:45 (Europe/Amsterdam).
app.conf.beat_schedule = {
    **(app.conf.beat_schedule or {}),
    "audit-anker": {"task": "audit.anker", "schedule": 300.0},
    "audit-verify": {"task": "audit.verify_chain", "schedule": crontab(hour=2, minute=45)},
}
