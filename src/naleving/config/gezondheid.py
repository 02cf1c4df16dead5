# SPDX-License-Identifier: EUPL-1.2
"""Liveness (`/gezondheid/`) and readiness (`/gereed/`) for the load balancer and the orchestrator.

Both answer JSON without an account, carry no personal data (only the names of the checks and a short Dutch
state) and are never written to the audit log: they read no personal data. Liveness only says that the process
answers, so a restart is never caused by the database. Readiness runs the checks of django-health-check side by
side, each within a short budget, so that a database that does not answer gives 503 within 2 seconds instead
of a hanging probe. What went wrong in detail goes to the server's log, never into the public answer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import logging
import shutil
import typing
import uuid
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from health_check import checks
from health_check.base import HealthCheck, HealthCheckResult
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from naleving.config import env
from naleving.config.celery import app as celery_app

logger = logging.getLogger(__name__)

#: Each check's wall-clock budget; the library adds one second for the check's own client timeout to
#: report first, so a check that hangs is cut off after 1.5 s.
BUDGET = datetime.timedelta(seconds=0.5)
MIN_VRIJ_MB_STANDAARD = 1024


class Melding(ServiceUnavailable):
    """A check's own Dutch message, fit for the public answer (no names, addresses or credentials)."""


@require_GET
def gezondheid(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches neither the database nor Redis."""
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


@dataclasses.dataclass
class Database(checks.Database):
    """`SELECT 1` on a fresh connection (the library's check), within the budget."""

    timeout = BUDGET

    def run(self) -> None:
        try:
            super().run()
        finally:
            connections[self.alias].close()  # this thread's connection; the thread does not live on


_migraties_bijgewerkt = False


@dataclasses.dataclass
class Migraties(HealthCheck):
    """Every migration this code knows is applied. Once true it stays true for this process (its code does
    not change), so later probes do not load the migration graph again."""

    timeout = BUDGET

    def run(self) -> None:
        global _migraties_bijgewerkt
        if _migraties_bijgewerkt:
            return
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()
        if plan:
            raise Melding(
                f"{len(plan)} migratie(s) nog niet uitgevoerd: voer 'naleving migrate' uit"
            )
        _migraties_bijgewerkt = True


@dataclasses.dataclass
class Cache(HealthCheck):
    """Write, read and remove one key in the shared cache, within the budget. (The library's own cache
    check uses its time budget as the key's lifetime too, and half a second rounds down to none.)"""

    timeout = BUDGET

    def run(self) -> None:
        cache = caches["default"]
        sleutel = f"gereed:{uuid.uuid4().hex}"
        try:
            cache.set(sleutel, "ok", timeout=10)
            gelezen = cache.get(sleutel)
            cache.delete(sleutel)
        except Exception as exc:
            raise ServiceUnavailable("niet bereikbaar") from exc
        if gelezen != "ok":
            raise ServiceUnavailable("leest niet terug wat erin is gezet")


@dataclasses.dataclass
class Broker(HealthCheck):
    """The broker that hands background jobs to the workers can be reached. In the embedded default the jobs
    run in the process itself, without a broker."""

    timeout = BUDGET

    def run(self) -> None:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            return
        try:
            with celery_app.connection_for_write() as verbinding:
                verbinding.ensure_connection(max_retries=1, interval_start=0, timeout=1)
        except Exception as exc:
            raise Melding("niet bereikbaar") from exc


@dataclasses.dataclass
class Schijfruimte(HealthCheck):
    """Enough free space where Naleving writes: NALEVING_VAR_DIR (uploaded evidence, letters, the audit
    log's checkpoints, the SQLite database of the embedded default)."""

    timeout = BUDGET

    def run(self) -> None:
        minimum_mb = env.integer("NALEVING_MIN_VRIJ_MB", MIN_VRIJ_MB_STANDAARD)
        try:
            vrij_mb = shutil.disk_usage(settings.VAR_DIR).free // (1024 * 1024)
        except OSError as exc:
            raise Melding("map niet leesbaar") from exc
        if vrij_mb < minimum_mb:
            raise Melding(f"{vrij_mb} MB vrij, minimaal {minimum_mb} MB nodig")


#: The public name of each check in the answer of /gereed/.
CONTROLES: dict[str, type[HealthCheck]] = {
    "database": Database,
    "migraties": Migraties,
    "cache": Cache,
    "broker": Broker,
    "schijfruimte": Schijfruimte,
}
_NAMEN = {cls: naam for naam, cls in CONTROLES.items()}


class Gereed(HealthCheckView):
    """Readiness: 200 when every check passes, else 503; the body names each check and its state."""

    checks = tuple(CONTROLES.values())

    def get_executor(self) -> contextlib.AbstractContextManager[Executor | None]:
        return _eigen_threads()

    async def get(
        self, request: HttpRequest, *args: typing.Any, **kwargs: typing.Any
    ) -> JsonResponse:
        import asyncio

        with self.get_executor() as executor:
            self.results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        controles = {_NAMEN[type(r.check)]: _staat(r) for r in self.results}
        gereed = all(staat == "ok" for staat in controles.values())
        return JsonResponse(
            {"status": "gereed" if gereed else "niet gereed", "controles": controles},
            status=200 if gereed else 503,
            json_dumps_params={"ensure_ascii": False},
        )


def _staat(result: HealthCheckResult) -> str:
    if result.error is None:
        return "ok"
    naam = _NAMEN[type(result.check)]
    logger.warning("Gereedheidscontrole %s: %s", naam, result.error)
    if isinstance(result.error, Melding):
        return str(result.error.message)
    return "niet bereikbaar"


@contextlib.contextmanager
def _eigen_threads() -> Iterator[Executor]:
    """Threads of this probe only; a check that hangs (a database that does not answer) is left behind to
    time out on its own instead of holding the answer."""
    executor = ThreadPoolExecutor(max_workers=len(CONTROLES), thread_name_prefix="gereed")
    try:
        yield executor
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


gereed = Gereed.as_view()
