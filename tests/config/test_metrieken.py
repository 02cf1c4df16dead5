# SPDX-License-Identifier: EUPL-1.2
"""Prometheus metrics at /metrics (issue 15, item 3): only from NALEVING_METRICS_TOEGESTAAN (others, and
anything through the proxy, get a 404), never in the audit log, no personal data in a label; request latency
per view, queries per request, job outcomes and the work a team lead watches per municipality; the counters of
several gunicorn workers add up (multiprocess mode)."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.db.models import Count
from django.test import Client as Browser
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from naleving.accounts.models import User
from naleving.audit.models import AuditEntry
from naleving.besluiten.models import Besluit
from naleving.besluiten.statemachine import Status as BStatus
from naleving.clienten.models import Client
from naleving.config import metrieken
from naleving.core.tasks import ping
from naleving.demodata.demo import ensure_demo_accounts
from naleving.demodata.seed import ensure_gemeenten, seed_database
from naleving.onderzoek.models import Onderzoek
from naleving.onderzoek.statemachine import OPEN
from naleving.signalen.models import Signaal, Status


def _waarden(tekst: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for familie in text_string_to_metric_families(tekst)
        for s in familie.samples
    }


def _scrape(**extra: str) -> tuple[int, str]:
    response = Browser(**extra).get("/metrics")
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_metrics_answer_the_machine_itself_without_an_account_and_write_no_audit_entry() -> None:
    voor = AuditEntry.objects.count()
    status, tekst = _scrape()
    assert status == 200
    assert "# TYPE naleving_verzoek_duur_seconden histogram" in tekst
    assert AuditEntry.objects.count() == voor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "extra",
    [
        {"REMOTE_ADDR": "10.1.2.3"},
        {"REMOTE_ADDR": "2001:db8::1"},
        # Through a proxy on this very machine: from outside, whatever REMOTE_ADDR says.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_FORWARDED": "for=203.0.113.9"},
    ],
)
def test_metrics_are_a_plain_404_for_any_other_caller(extra: dict[str, str]) -> None:
    status, tekst = _scrape(**extra)
    assert status == 404
    assert "naleving_" not in tekst


@pytest.mark.django_db
def test_the_configured_network_may_scrape(settings) -> None:
    settings.NALEVING_METRICS_TOEGESTAAN = metrieken.toegestane_netwerken("10.0.5.0/24")
    assert _scrape(REMOTE_ADDR="10.0.5.17")[0] == 200
    assert _scrape(REMOTE_ADDR="10.0.6.1")[0] == 404
    assert _scrape(REMOTE_ADDR="127.0.0.1")[0] == 404


def test_the_allowed_addresses_are_parsed_and_a_wrong_one_stops_the_start() -> None:
    assert metrieken.toegestane_netwerken(" 127.0.0.1, ::1 ,10.0.0.0/8") == (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("::1/128"),
        ipaddress.ip_network("10.0.0.0/8"),
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
            "NALEVING_METRICS_TOEGESTAAN": "127.0.0.1,intern",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "NALEVING_METRICS_TOEGESTAAN moet een lijst van IP-adressen of netwerken zijn" in (
        result.stderr
    )


@pytest.mark.django_db
def test_request_latency_and_queries_are_counted_per_view_by_its_name_never_its_path(
    settings,
) -> None:
    settings.NALEVING_DEMO = True
    ensure_gemeenten()
    ensure_demo_accounts()
    voor = _waarden(_scrape()[1])
    browser = Browser()
    browser.force_login(User.objects.get(username="inkomensconsulent"))
    assert browser.get("/start/").status_code == 200
    assert browser.get("/start/").status_code == 200
    assert browser.get("/bestaat/niet/123456782/").status_code == 404
    na = _waarden(_scrape()[1])

    def verschil(naam: str, **labels: str) -> float:
        sleutel = (naam, tuple(sorted(labels.items())))
        return na.get(sleutel, 0.0) - voor.get(sleutel, 0.0)

    assert (
        verschil("naleving_verzoek_duur_seconden_count", view="start", methode="GET", status="200")
        == 2
    )
    assert (
        verschil(
            "naleving_verzoek_duur_seconden_count", view="onbekend", methode="GET", status="404"
        )
        == 1
    )
    assert verschil("naleving_database_queries_per_verzoek_count", view="start") == 2
    assert verschil("naleving_database_queries_per_verzoek_sum", view="start") >= 2
    alle_labels = {waarde for (_n, labels) in na for (_k, waarde) in labels}
    assert not any("/" in w or "123456782" in w for w in alle_labels), alle_labels


@pytest.mark.django_db
def test_job_outcomes_are_counted_per_task() -> None:
    sleutel = (
        "naleving_achtergrondtaken_total",
        (("taak", "naleving.ping"), ("uitkomst", "gelukt")),
    )
    voor = _waarden(_scrape()[1]).get(sleutel, 0.0)
    ping.delay("a")
    ping.delay("b")
    assert _waarden(_scrape()[1])[sleutel] == voor + 2


@pytest.mark.django_db
def test_the_team_leads_figures_per_municipality_match_the_cases_and_name_nobody(settings) -> None:
    settings.NALEVING_DEMO = True
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(clients=80, years=1, seed_value=2026, peildatum=date(2026, 11, 2), progress=False)
    vandaag = timezone.localdate()
    # One signal waiting far past its term, so each figure has something to count whatever the seed made.
    Signaal.objects.filter(status=Status.ONTVANGEN).update(termijn=vandaag - timedelta(days=30))
    status, tekst = _scrape()
    assert status == 200
    waarden = _waarden(tekst)

    def per_gemeente(naam: str) -> dict[str, float]:
        return {dict(labels)["gemeente"]: v for (n, labels), v in waarden.items() if n == naam}

    def verwacht(qs, veld: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
        return {
            (r[veld] or "onbekend"): float(r["n"])
            for r in qs.order_by().values(veld).annotate(n=Count("pk"))
        }

    wachtend = Signaal.objects.filter(status__in=(Status.ONTVANGEN, Status.IN_TRIAGE))
    assert per_gemeente("naleving_signalen_wachtend_op_triage") == verwacht(
        wachtend, "gemeente__naam"
    )
    assert per_gemeente("naleving_signalen_over_triagetermijn") == verwacht(
        wachtend.filter(termijn__lt=vandaag), "gemeente__naam"
    )
    assert per_gemeente("naleving_onderzoeken_over_termijn") == verwacht(
        Onderzoek.objects.filter(status__in=OPEN, termijn__lt=vandaag), "gemeente__naam"
    )
    assert per_gemeente("naleving_besluiten_wachtend_op_vier_ogen") == verwacht(
        Besluit.objects.filter(status=BStatus.TER_REVIEW), "client__gemeente__naam"
    )
    assert sum(per_gemeente("naleving_signalen_over_triagetermijn").values()) > 0
    assert set(per_gemeente("naleving_signalen_wachtend_op_triage")) <= {
        "Waalwijk",
        "Heusden",
        "Loon op Zand",
        "onbekend",
    }
    for c in Client.objects.all():
        assert c.bsn not in tekst and c.naam not in tekst


MULTIPROCESS = textwrap.dedent(
    """
    import os, sys
    import django
    django.setup()
    from django.test.utils import setup_test_environment
    setup_test_environment()
    from django.test import Client

    def werker():
        for _ in range(3):
            assert Client().get("/gezondheid/").status_code == 200
        os._exit(0)

    kinderen = []
    for _ in range(2):  # two workers, forked from the loaded app as gunicorn does with preload_app
        pid = os.fork()
        if pid == 0:
            werker()
        kinderen.append(pid)
    for pid in kinderen:
        os.waitpid(pid, 0)
    sys.stdout.write(Client().get("/metrics").content.decode())
    """
)


def test_the_counts_of_several_worker_processes_add_up_in_multiprocess_mode(tmp_path) -> None:
    (tmp_path / "metrieken").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", MULTIPROCESS],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
            "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrieken"),
            "NALEVING_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    waarden = _waarden(result.stdout)
    sleutel = (
        "naleving_verzoek_duur_seconden_count",
        (("methode", "GET"), ("status", "200"), ("view", "gezondheid")),
    )
    assert waarden[sleutel] == 6


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_naleving_serve_with_two_workers_adds_up_every_workers_counts_and_logs_json(
    tmp_path,
) -> None:
    """The real thing: `naleving serve` with 2 workers; 30 requests spread over both, then each scrape
    (whichever worker answers) counts all 30; every line gunicorn and the app write is JSON. (Development
    settings with the production log format: production would need collectstatic first, ~40 s, for the
    404 page.)"""
    poort = _vrije_poort()
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    (tmp_path / "metrieken").mkdir()
    (tmp_path / "metrieken" / "histogram_1.db").write_bytes(b"van een vorige start")
    env = {k: v for k, v in os.environ.items() if k not in skip and not k.startswith("CELERY")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "NALEVING_ENV": "development",
        "NALEVING_LOG_JSON": "1",
        "NALEVING_VAR_DIR": str(tmp_path),
        "NALEVING_WEB_WORKERS": "2",
        "NALEVING_ACCESS_LOG": "-",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrieken"),
    }
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "naleving.cli",
            "serve",
            "--zonder-collectstatic",
            "--bind",
            f"127.0.0.1:{poort}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(150):
            try:
                # A refused connection fails at once; a slow first answer must not be asked twice (it counts).
                urllib.request.urlopen(f"{basis}/gezondheid/", timeout=60).read()
                break
            except OSError:
                time.sleep(0.2)

        def vraag(_n: int) -> None:
            with urllib.request.urlopen(f"{basis}/gezondheid/", timeout=10) as antwoord:
                antwoord.read()

        with ThreadPoolExecutor(max_workers=4) as pool:  # side by side: both workers get some
            list(pool.map(vraag, range(29)))
        sleutel = (
            "naleving_verzoek_duur_seconden_count",
            (("methode", "GET"), ("status", "200"), ("view", "gezondheid")),
        )
        for _ in range(4):
            with urllib.request.urlopen(f"{basis}/metrics", timeout=5) as antwoord:
                waarden = _waarden(antwoord.read().decode())
            assert waarden[sleutel] == 30
        with pytest.raises(urllib.error.HTTPError) as fout:
            urllib.request.urlopen(
                urllib.request.Request(f"{basis}/metrics", headers={"X-Forwarded-For": "1.2.3.4"}),
                timeout=5,
            )
        assert fout.value.code == 404
        # Both workers answered some of the requests (one file per process); the last start's file is gone.
        bestanden = sorted(p.name for p in (tmp_path / "metrieken").glob("histogram_*.db"))
        assert len(bestanden) == 2 and "histogram_1.db" not in bestanden, bestanden
    finally:
        proces.send_signal(signal.SIGTERM)
        uitvoer, _ = proces.communicate(timeout=60)
    regels = [r for r in uitvoer.splitlines() if r.strip()]
    assert len(regels) > 30
    soorten = {json.loads(r)["soort"] for r in regels}  # every line one JSON object
    assert soorten == {"toegang", "applicatie"}


def test_the_worker_serves_its_job_outcomes_on_its_own_loopback_port(monkeypatch) -> None:
    from naleving.config.celery import _metrieken_serveren

    poort = _vrije_poort()
    monkeypatch.setenv("NALEVING_WORKER_METRICS_BIND", f"127.0.0.1:{poort}")
    ping.delay("c")
    server = _metrieken_serveren()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{poort}/metrics", timeout=5) as antwoord:
            waarden = _waarden(antwoord.read().decode())
        assert (
            waarden[
                (
                    "naleving_achtergrondtaken_total",
                    (("taak", "naleving.ping"), ("uitkomst", "gelukt")),
                )
            ]
            >= 1
        )
        assert server.server_address[0] == "127.0.0.1"
        # A second worker on the same port: a warning, the worker itself goes on.
        assert _metrieken_serveren() is None
    finally:
        server.shutdown()
        server.server_close()
    monkeypatch.setenv("NALEVING_WORKER_METRICS_BIND", "")
    assert _metrieken_serveren() is None
