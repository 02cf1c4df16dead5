# SPDX-License-Identifier: EUPL-1.2
"""Liveness (/gezondheid/) and readiness (/gereed/): JSON, 200 or 503, without an account, without personal
data, never in the audit log; a database that does not answer gives 503 within 2 s; with Redis down the pages
keep serving and the cache and the broker are reported not ready."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading

import pytest
from django.test import override_settings

from naleving.audit.models import AuditEntry
from naleving.config import gezondheid
from naleving.config.celery import app as celery_app

ALLES_OK = {
    "status": "gereed",
    "controles": {
        "database": "ok",
        "migraties": "ok",
        "cache": "ok",
        "broker": "ok",
        "schijfruimte": "ok",
    },
}


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(autouse=True)
def _migraties_opnieuw(monkeypatch):
    monkeypatch.setattr(gezondheid, "_migraties_bijgewerkt", False)


@pytest.mark.django_db
def test_liveness_answers_ok_without_an_account_and_without_the_database(
    client, django_assert_num_queries
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/gezondheid/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_is_200_and_names_every_check_when_all_pass(client) -> None:
    response = client.get("/gereed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == ALLES_OK


@pytest.mark.django_db
def test_probes_are_never_written_to_the_audit_log(client, make_user) -> None:
    """They read no personal data, and a probe every few seconds would bury the log (AVG art. 32 log of
    access to personal data, not of the load balancer)."""
    client.get("/gezondheid/")
    client.get("/gereed/")
    client.force_login(make_user("privacy"))  # the login itself is logged (accounts.signals)
    voor = AuditEntry.objects.count()
    client.get("/gezondheid/")
    client.get("/gereed/")
    assert AuditEntry.objects.count() == voor
    assert AuditEntry.objects.filter(actie="inloggen").count() == voor


@pytest.mark.django_db
def test_readiness_is_503_while_a_migration_is_not_applied(client, monkeypatch) -> None:
    monkeypatch.setattr(
        "django.db.migrations.executor.MigrationExecutor.migration_plan",
        lambda self, targets: [("signalen", "9999_nieuw")],
    )
    response = client.get("/gereed/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "niet gereed",
        "controles": {
            **ALLES_OK["controles"],
            "migraties": "1 migratie(s) nog niet uitgevoerd: voer 'naleving migrate' uit",
        },
    }


@pytest.mark.django_db
def test_readiness_is_503_when_the_var_dir_is_nearly_full(client, monkeypatch) -> None:
    monkeypatch.setenv("NALEVING_MIN_VRIJ_MB", str(10**12))
    response = client.get("/gereed/")
    assert response.status_code == 503
    staat = response.json()["controles"]["schijfruimte"]
    assert staat.endswith(f"MB vrij, minimaal {10**12} MB nodig")


@pytest.mark.django_db
def test_with_redis_down_pages_keep_serving_and_cache_and_broker_are_not_ready(
    client, make_user, monkeypatch, settings
) -> None:
    """Production shape: the shared cache and the broker on a Redis that is not there. Sessions live in the
    database, so a signed-in member of staff keeps working; only /gereed/ says what is missing."""
    dood = f"redis://127.0.0.1:{_vrije_poort()}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(celery_app.conf, "broker_url", f"{dood}/0")
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{dood}/1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=redis_cache):
        response = client.get("/gereed/")
        assert response.status_code == 503
        assert response.json() == {
            "status": "niet gereed",
            "controles": {
                **ALLES_OK["controles"],
                "cache": "niet bereikbaar",
                "broker": "niet bereikbaar",
            },
        }
        assert client.get("/inloggen/").status_code == 200
        client.force_login(make_user("inkomensconsulent"))
        assert client.get("/start/").status_code == 200


def test_readiness_with_a_database_that_does_not_answer_is_503_within_two_seconds(
    tmp_path,
) -> None:
    """A server that accepts the connection and then says nothing: the worst case, since the operating system
    does not refuse it. The probe must not hang on it."""
    stil = socket.socket()
    stil.bind(("127.0.0.1", 0))
    stil.listen(16)
    poort = stil.getsockname()[1]
    open_verbindingen: list[socket.socket] = []

    def aannemen() -> None:
        while True:
            try:
                verbinding, _ = stil.accept()
            except OSError:
                return
            open_verbindingen.append(verbinding)

    threading.Thread(target=aannemen, daemon=True).start()
    script = (
        "import json, time\n"
        "import django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "browser = Client(HTTP_HOST='localhost')\n"
        "assert browser.get('/gezondheid/').status_code == 200  # a running process: URLs loaded\n"
        "begin = time.monotonic()\n"
        "r = browser.get('/gereed/')\n"
        "print(json.dumps({'status': r.status_code, 'seconden': time.monotonic() - begin,"
        " 'body': r.json()}))\n"
    )
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{poort}/naleving",
        "NALEVING_VAR_DIR": str(tmp_path),
    }
    try:
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        stil.close()
        for verbinding in open_verbindingen:
            verbinding.close()
    assert result.returncode == 0, result.stderr
    uitkomst = json.loads(result.stdout.strip().splitlines()[-1])
    assert uitkomst["status"] == 503
    assert uitkomst["seconden"] < 2.0
    assert uitkomst["body"] == {
        "status": "niet gereed",
        "controles": {
            **ALLES_OK["controles"],
            "database": "niet bereikbaar",
            "migraties": "niet bereikbaar",
        },
    }


def test_in_production_the_probes_answer_plain_http_while_pages_redirect_to_https(tmp_path) -> None:
    """The load balancer probes the instance itself over HTTP; every page still goes to HTTPS."""
    script = (
        "import json, django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "b = Client(HTTP_HOST='naleving.example.nl')\n"
        "print(json.dumps([b.get(p).status_code for p in ('/gezondheid/', '/inloggen/')]))\n"
    )
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "NALEVING_ENV": "production",
        "NALEVING_SECRET_KEY": "k" * 20 + "-x7Qp!9zLm#2vB8nR4tY6wE1uI3oP5aSdFgHjKl",
        "NALEVING_ALLOWED_HOSTS": "naleving.example.nl",
        "NALEVING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [200, 301]
