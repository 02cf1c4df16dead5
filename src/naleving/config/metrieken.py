# SPDX-License-Identifier: EUPL-1.2
"""Prometheus metrics at `/metrics`, for the monitoring of operations and the team lead's dashboard.

What is measured: the duration of every request per view (the URL's name, never its path), the database queries
per request, the outcomes of the background jobs (`naleving_achtergrondtaken`, counted in config/celery.py), and the work waiting per municipality (signals waiting for
triage and past their term, investigations past their term, fines waiting for the four-eyes check). Labels are
names of views, tasks, outcomes and municipalities: never a person, a number of a case or a path.

Reachable only from the addresses in NALEVING_METRICS_TOEGESTAAN (default the machine itself); any other caller,
and any request that came through the proxy (it carries X-Forwarded-For), gets the plain 404 of an unknown page.
The endpoint reads no personal data and is never written to the audit log.

Several gunicorn workers: `naleving serve` gives each instance a directory for prometheus-client's multiprocess
mode (PROMETHEUS_MULTIPROC_DIR), so a scrape adds up the counters of every worker, also of workers that were
replaced. The domain figures are counted from the database at each scrape, so they are the same whichever
worker answers. See docs/beheer.md, "Monitoring".
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)

disable_created_metrics()  # type: ignore[no-untyped-call]  # no `_created` twin of every counter: half the lines, nothing lost

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network

VERZOEK_DUUR = Histogram(
    "naleving_verzoek_duur_seconden",
    "Duur van een verzoek, per view (de naam van de URL), methode en status.",
    ["view", "methode", "status"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
DATABASE_QUERIES = Histogram(
    "naleving_database_queries_per_verzoek",
    "Aantal databasequeries van een verzoek, per view.",
    ["view"],
    buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500),
)
ONBEKEND = "onbekend"  # a request that matched no URL (a 404 for an unknown path)


def toegestane_netwerken(waarde: str) -> tuple[Netwerk, ...]:
    """`127.0.0.1,::1,10.0.5.0/24` -> networks; raises ValueError on a malformed entry."""
    return tuple(
        ipaddress.ip_network(d.strip(), strict=False) for d in waarde.split(",") if d.strip()
    )


def _toegestaan(request: HttpRequest) -> bool:
    if "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_FORWARDED" in request.META:
        return False  # through the proxy: from outside, even when the proxy runs on this machine
    try:
        adres = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(adres in netwerk for netwerk in settings.NALEVING_METRICS_TOEGESTAAN)


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not _toegestaan(request):
        raise Http404
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = CollectorRegistry()
        registry.register(_Proces())
    registry.register(Werkvoorraad())
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response


class _Proces(Collector):
    """This process's own metrics (one process: the demo, development, the tests)."""

    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()


class Werkvoorraad(Collector):
    """The work waiting per municipality, counted at each scrape (four grouped queries). With the database
    out of reach the scrape still answers, with `naleving_werkvoorraad_gelezen 0` instead of the figures."""

    def collect(self) -> Iterator[Metric]:
        gelezen = GaugeMetricFamily(
            "naleving_werkvoorraad_gelezen",
            "1 als de werkvoorraad hieronder uit de database is geteld, 0 als dat niet lukte.",
        )
        try:
            reeksen = list(self._reeksen())
        except DatabaseError as exc:
            logger.warning("Werkvoorraad voor de metrieken niet geteld: %s", type(exc).__name__)
            gelezen.add_metric([], 0)
            yield gelezen
            return
        gelezen.add_metric([], 1)
        yield gelezen
        yield from reeksen

    def _reeksen(self) -> Iterator[Metric]:
        from django.db.models import Count

        from naleving.besluiten.models import Besluit
        from naleving.besluiten.statemachine import Status as BStatus
        from naleving.onderzoek.models import Onderzoek
        from naleving.onderzoek.statemachine import OPEN
        from naleving.signalen.models import Signaal, Status

        vandaag = timezone.localdate()
        wachtend = Signaal.objects.filter(status__in=(Status.ONTVANGEN, Status.IN_TRIAGE))
        reeksen: list[tuple[str, str, Any, str]] = [
            (
                "naleving_signalen_wachtend_op_triage",
                "Signalen die wachten op triage (ontvangen of in triage).",
                wachtend,
                "gemeente__naam",
            ),
            (
                "naleving_signalen_over_triagetermijn",
                "Signalen die wachten op triage en over hun triagetermijn zijn.",
                wachtend.filter(termijn__lt=vandaag),
                "gemeente__naam",
            ),
            (
                "naleving_onderzoeken_over_termijn",
                "Lopende onderzoeken over de termijn van hun huidige stap.",
                Onderzoek.objects.filter(status__in=OPEN, termijn__lt=vandaag),
                "gemeente__naam",
            ),
            (
                "naleving_besluiten_wachtend_op_vier_ogen",
                "Besluiten met een boete die wachten op de vier-ogencontrole.",
                Besluit.objects.filter(status=BStatus.TER_REVIEW),
                "client__gemeente__naam",
            ),
        ]
        for naam, uitleg, qs, veld in reeksen:
            metriek = GaugeMetricFamily(naam, uitleg, labels=["gemeente"])
            for rij in qs.order_by().values(veld).annotate(aantal=Count("pk")):
                metriek.add_metric([rij[veld] or ONBEKEND], rij["aantal"])
            yield metriek


class MetriekenMiddleware:
    """Measures each request's duration and database queries under the name of the view that answered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        queries = [0]

        def tel(execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
            queries[0] += 1
            return execute(sql, params, many, context)

        begin = time.perf_counter()
        with connection.execute_wrapper(tel):
            response = self.get_response(request)
        duur = time.perf_counter() - begin
        match = getattr(request, "resolver_match", None)
        view = (match.view_name if match else "") or ONBEKEND
        VERZOEK_DUUR.labels(view, request.method or "", str(response.status_code)).observe(duur)
        DATABASE_QUERIES.labels(view).observe(queries[0])
        return response
