# SPDX-License-Identifier: EUPL-1.2
"""Background jobs: in-process in the embedded default; a real worker on Redis in production."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid

import pytest

from naleving.audit.services import audit_log
from naleving.audit.tasks import verify_chain_task

REDIS = "redis://127.0.0.1:6379/15"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.django_db
def test_embedded_default_runs_tasks_in_process() -> None:
    audit_log(user=None, actie="systeem", object_type="test")
    assert verify_chain_task.delay().get(timeout=5) == {
        "ok": True,
        "checked": 1,
        "first_broken": None,
    }


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis at 127.0.0.1:6379")
def test_a_real_worker_process_runs_a_task_through_redis(tmp_path) -> None:
    """The production shape: `celery -A naleving.config worker` in its own process, messages and results on
    Redis. The task is the workers' health check, so the test needs no shared database with the worker."""
    from celery import Celery

    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = os.environ | {
        "CELERY_BROKER_URL": REDIS,
        "CELERY_RESULT_BACKEND": REDIS,
        "NALEVING_TAKEN_DIRECT": "0",
        "NALEVING_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
    }
    env.pop("DATABASE_URL", None)
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "naleving.config",
            "worker",
            "--pool",
            "solo",
            "-Q",
            queue,
            "--concurrency",
            "1",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    client = Celery("naleving-test-client", broker=REDIS, backend=REDIS, fixups=[])
    try:
        result = client.send_task("naleving.ping", args=["hallo"], queue=queue)
        assert result.get(timeout=60) == {"payload": "hallo", "host": socket.gethostname()}
    finally:
        worker.terminate()
        worker.wait(timeout=30)
