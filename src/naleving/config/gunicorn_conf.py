# SPDX-License-Identifier: EUPL-1.2
"""Gunicorn's configuration for `naleving serve` (`gunicorn -c python:naleving.config.gunicorn_conf`).

Every value comes from the environment, with a default that fits one instance behind a load balancer. The
application is loaded once in the master before the workers fork (`preload_app`): a wrong configuration (a
missing secret in production) stops the master with its Dutch message instead of every worker in a loop, and
the workers share the loaded code's memory.
"""

from __future__ import annotations

import os
from typing import Any

from naleving.config import env


def _standaard_workers() -> int:
    """2 x cores + 1, gunicorn's rule of thumb for a sync worker that waits on the database."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return 2 * cores + 1


bind = [env.text("NALEVING_BIND", "127.0.0.1:8000")]
workers = env.integer("NALEVING_WEB_WORKERS", _standaard_workers())
threads = env.integer("NALEVING_WEB_THREADS", 1)
# A request that takes longer than this is cut off and its worker replaced; long jobs belong on Celery.
timeout = env.integer("NALEVING_WEB_TIMEOUT", 60)
graceful_timeout = env.integer("NALEVING_WEB_GRACEFUL_TIMEOUT", 30)
keepalive = env.integer("NALEVING_WEB_KEEPALIVE", 5)
# A worker is replaced after this many requests (with jitter, so not all at once): memory stays flat.
max_requests = env.integer("NALEVING_WEB_MAX_REQUESTS", 2000)
max_requests_jitter = max(1, max_requests // 10) if max_requests else 0
preload_app = True
# The proxy in front (TLS offloading) may set X-Forwarded-For and X-Forwarded-Proto.
forwarded_allow_ips = env.text("NALEVING_PROXY_IPS", "127.0.0.1")
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"  # the heartbeat file; a slow disk must not make workers look dead

accesslog = env.text("NALEVING_ACCESS_LOG", "-")
errorlog = "-"
loglevel = env.text("NALEVING_LOG_LEVEL", "INFO").lower()
logger_class = "naleving.config.gunicorn_log.JsonLogger"
proc_name = "naleving"
# Gunicorn's control socket (one fixed path in the home directory) would be shared by several instances
# on one machine; the process manager's signals do what it offers.
control_socket_disable = True


def child_exit(_server: Any, worker: Any) -> None:
    """A replaced worker's live gauges no longer count (its counters do). `naleving serve` sets
    PROMETHEUS_MULTIPROC_DIR before the app is loaded (naleving.config.metrieken)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
