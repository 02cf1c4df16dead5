# SPDX-License-Identifier: EUPL-1.2
"""Background jobs: in-process in the embedded default; a real worker on Redis in production."""

from __future__ import annotations

import socket

import pytest

from naleving.audit.services import audit_log
from naleving.audit.tasks import verify_chain_task


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.django_db
def test_embedded_default_runs_tasks_in_process() -> None:
    audit_log(user=None, actie="systeem", object_type="test")
    assert verify_chain_task.delay().get(timeout=5) == {"ok": True, "checked": 1, "first_broken": None}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not _redis_reachable(), reason="no Redis at 127.0.0.1:6379")
def test_a_real_worker_runs_the_task_through_redis() -> None:
    """The production shape: a message on Redis, a separate worker thread, the result back through Redis."""
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    audit_log(user=None, actie="systeem", object_type="test")
    redis_app = Celery("naleving-test", broker="redis://127.0.0.1:6379/15", backend="redis://127.0.0.1:6379/15")
    redis_app.task(name="audit.verify_chain")(verify_chain_task.run)
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = redis_app.send_task("audit.verify_chain")
        assert result.get(timeout=20) == {"ok": True, "checked": 1, "first_broken": None}
