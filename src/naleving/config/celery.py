# SPDX-License-Identifier: EUPL-1.2
"""The Celery app. A job carries the correlation id of the request that queued it (a message header), so the
worker's log lines and audit entries of that job join the request's; its outcome is counted for /metrics."""

from __future__ import annotations

import logging
import os
import re
from typing import Any

from celery import Celery, signals
from celery.app import trace
from prometheus_client import Counter

from naleving.core.context import get_correlation_id, set_correlation_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")

app = Celery("naleving")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)

# Celery logs a job's return value when it succeeds; a job may return what it read. Its name, id and run time
# are enough for operations.
trace.LOG_SUCCESS = "Task %(name)s[%(id)s] succeeded in %(runtime)ss"

# Not `correlation_id`: Celery's own message property of that name is the job's id.
_HEADER = "naleving_correlation_id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _correlatie_meegeven(headers: dict[str, Any] | None = None, **_kwargs: Any) -> None:
    if headers is not None:
        headers.setdefault(_HEADER, get_correlation_id())


def _correlatie_overnemen(task: Any = None, **_kwargs: Any) -> None:
    request = getattr(task, "request", None)
    if request is None or request.is_eager:
        return  # run in the requesting process itself: the request's id is already the current one
    waarde = getattr(request, _HEADER, None)
    set_correlation_id(waarde if isinstance(waarde, str) and _SAFE_ID.match(waarde) else None)


def _correlatie_loslaten(task: Any = None, **_kwargs: Any) -> None:
    request = getattr(task, "request", None)
    if request is not None and not request.is_eager:
        set_correlation_id(None)


TAKEN = Counter(
    "naleving_achtergrondtaken",
    "Uitkomsten van achtergrondtaken (Celery), per taak: gelukt, mislukt, opnieuw.",
    ["taak", "uitkomst"],
)


def _taak_uitkomst(uitkomst: str) -> Any:
    def handler(sender: Any = None, **_kwargs: Any) -> None:
        TAKEN.labels(getattr(sender, "name", None) or "onbekend", uitkomst).inc()

    return handler


def _metrieken_serveren(**_kwargs: Any) -> Any:
    """The worker's own /metrics (its task outcomes, added up over its pool's processes), on
    NALEVING_WORKER_METRICS_BIND: by default on the machine itself only; empty switches it off."""
    from prometheus_client import REGISTRY, CollectorRegistry, multiprocess, start_http_server

    bind = os.environ.get("NALEVING_WORKER_METRICS_BIND", "127.0.0.1:9808")
    if not bind:
        return None
    host, _, poort = bind.rpartition(":")
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    try:
        server, _thread = start_http_server(
            int(poort), addr=host.strip("[]") or "127.0.0.1", registry=registry
        )
    except (OSError, ValueError) as exc:
        logger.warning("Metrieken van de worker niet op %s: %s", bind, exc)
        return None
    logger.info("Metrieken van de worker op http://%s/metrics", bind)
    return server


signals.before_task_publish.connect(_correlatie_meegeven, weak=False)
signals.task_prerun.connect(_correlatie_overnemen, weak=False)
signals.task_postrun.connect(_correlatie_loslaten, weak=False)
signals.task_success.connect(_taak_uitkomst("gelukt"), weak=False)
signals.task_failure.connect(_taak_uitkomst("mislukt"), weak=False)
signals.task_retry.connect(_taak_uitkomst("opnieuw"), weak=False)
signals.worker_ready.connect(_metrieken_serveren, weak=False)
