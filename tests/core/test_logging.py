# SPDX-License-Identifier: EUPL-1.2
"""The application's log (issue 15, item 3): in production one JSON object a line, readable in development;
every line carries the correlation id of its request, and a background job carries the id of the request that
queued it; the last safety net masks BSN-shaped numbers and long tokens."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading

import pytest
from celery.contrib.testing.worker import start_worker
from django.test import override_settings

from naleving.config.celery import app as celery_app
from naleving.core.context import get_correlation_id, set_correlation_id
from naleving.core.logging import formatter, maskeer

VEILIG_ID = "abcdef12-3456-7890"


def _regel(record_bericht: str, *, json_: bool) -> str:
    record = logging.LogRecord(
        "naleving.test", logging.WARNING, __file__, 1, record_bericht, (), None
    )
    return formatter(json=json_).format(record)


def test_a_production_line_is_one_json_object_with_the_correlation_id() -> None:
    set_correlation_id(VEILIG_ID)
    try:
        gegevens = json.loads(_regel("Signaal 17 getrieerd", json_=True))
    finally:
        set_correlation_id(None)
    assert gegevens["soort"] == "applicatie"
    assert gegevens["niveau"] == "warning"
    assert gegevens["logger"] == "naleving.test"
    assert gegevens["bericht"] == "Signaal 17 getrieerd"
    assert gegevens["correlation_id"] == VEILIG_ID
    assert gegevens["tijd"].endswith("Z")


def test_a_development_line_is_readable_and_names_the_correlation_id() -> None:
    set_correlation_id(VEILIG_ID)
    try:
        regel = _regel("Signaal 17 getrieerd", json_=False)
    finally:
        set_correlation_id(None)
    assert "Signaal 17 getrieerd" in regel
    assert f"correlation_id={VEILIG_ID}" in regel
    assert not regel.startswith("{")


def test_the_safety_net_masks_a_valid_bsn_and_a_long_token_but_not_other_numbers() -> None:
    assert maskeer("Key (bsn)=(111222333) already exists.") == "Key (bsn)=([bsn]) already exists."
    assert maskeer("Onderzoek 123456789 en bedrag 1234567890") == (
        "Onderzoek 123456789 en bedrag 1234567890"  # 123456789 fails the 11-proef; ten digits
    )
    assert maskeer("Not Found: /melden/aanvullen/Zk3v9Qm2LpXr8TnYb4Hc6WdJ1sAeFgUo/") == (
        "Not Found: /melden/aanvullen/[token]/"
    )
    taak = "Task naleving.ping[ef0fc743-4faa-4c04-bc69-42099109fbaa] succeeded"
    assert maskeer(taak) == taak


@pytest.mark.parametrize(
    ("omgeving", "json_"),
    [({"NALEVING_ENV": "production", "NALEVING_SECRET_KEY": "s" * 60}, True), ({}, False)],
)
def test_production_logs_json_and_development_a_readable_line(omgeving, json_, tmp_path) -> None:
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('naleving.proef').warning('Onderzoek %s afgerond', 'O000017')"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NALEVING_")}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
            "NALEVING_VAR_DIR": str(tmp_path),
            **omgeving,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    regel = result.stderr.strip().splitlines()[-1]
    if json_:
        gegevens = json.loads(regel)
        assert gegevens["bericht"] == "Onderzoek O000017 afgerond"
        assert len(gegevens["correlation_id"]) == 32
    else:
        assert regel.startswith("20") and "Onderzoek O000017 afgerond" in regel


class _Vanger(logging.Handler):
    """Formats each record when it is written, as the console handler does."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(formatter(json=True))
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(self.format(record))


@pytest.mark.django_db
def test_a_requests_log_line_carries_its_correlation_id(client) -> None:
    vanger = _Vanger()
    logging.getLogger("django.request").addHandler(vanger)
    try:
        response = client.get("/bestaat-niet/", HTTP_X_CORRELATION_ID=VEILIG_ID)
    finally:
        logging.getLogger("django.request").removeHandler(vanger)
    assert response.status_code == 404
    assert response["X-Correlation-ID"] == VEILIG_ID
    assert [json.loads(r)["correlation_id"] for r in vanger.regels] == [VEILIG_ID]


gezien: list[str] = []


@celery_app.task(name="naleving.test.correlatie")  # type: ignore[untyped-decorator]
def _correlatie_taak() -> None:
    gezien.append(get_correlation_id())


@override_settings(CELERY_TASK_ALWAYS_EAGER=False)
def test_a_job_on_a_worker_carries_the_correlation_id_of_the_request_that_queued_it() -> None:
    gezien.clear()
    eerder = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            set_correlation_id(VEILIG_ID)
            _correlatie_taak.apply_async()
            set_correlation_id("tweede-verzoek-1")
            _correlatie_taak.apply_async()
            set_correlation_id(None)
            klaar = threading.Event()
            for _ in range(100):
                if len(gezien) == 2:
                    break
                klaar.wait(0.1)
    finally:
        celery_app.conf.task_always_eager = eerder
    assert gezien == [VEILIG_ID, "tweede-verzoek-1"]
    assert get_correlation_id() not in gezien  # the worker's ids did not stay in this context
