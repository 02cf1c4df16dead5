# SPDX-License-Identifier: EUPL-1.2
"""`naleving serve`: gunicorn with the repository's configuration; the access log is JSON without personal
data; production refuses to start without its secrets."""

from __future__ import annotations

import datetime
import importlib
import os
import subprocess
import sys
from types import SimpleNamespace

from naleving.config import gunicorn_conf
from naleving.config.gunicorn_log import regel


def test_serve_refuses_to_start_in_production_without_a_secret_key(tmp_path) -> None:
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "NALEVING_SECRET_KEY"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "NALEVING_ENV": "production",
        "NALEVING_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "naleving.cli", "serve", "--bind", "127.0.0.1:0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 4
    assert result.stderr.startswith(
        "Naleving kan niet starten: NALEVING_SECRET_KEY is verplicht in productie"
    )
    assert "Traceback" not in result.stderr


def test_workers_default_to_two_per_core_plus_one_and_follow_the_environment(monkeypatch) -> None:
    try:
        monkeypatch.delenv("NALEVING_WEB_WORKERS", raising=False)
        assert importlib.reload(gunicorn_conf).workers == 2 * len(os.sched_getaffinity(0)) + 1
        monkeypatch.setenv("NALEVING_WEB_WORKERS", "3")
        conf = importlib.reload(gunicorn_conf)
        assert conf.workers == 3
        assert conf.preload_app is True
        assert conf.logger_class == "naleving.config.gunicorn_log.JsonLogger"
        assert conf.timeout == 60
    finally:
        monkeypatch.undo()
        importlib.reload(gunicorn_conf)


def test_an_access_log_line_is_json_without_query_string_or_secret_link() -> None:
    """A search by BSN is a GET with the BSN in the query string; a reporter's follow-up link carries a
    secret token in the path. Neither belongs in a log."""
    resp = SimpleNamespace(
        status="200 OK", sent=512, headers=[("X-Correlation-ID", "abc123def456")]
    )
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/melden/aanvullen/Zk3vQ9xLm2pR7tY4wE1uI3oP5aSd/",
        "QUERY_STRING": "q=123456782",
        "REMOTE_ADDR": "127.0.0.1",
    }
    line = regel(resp, environ, datetime.timedelta(milliseconds=12.34))
    assert {k: v for k, v in line.items() if k != "tijd"} == {
        "soort": "toegang",
        "methode": "GET",
        "pad": "/melden/aanvullen/[token]/",
        "status": 200,
        "bytes": 512,
        "duur_ms": 12.3,
        "adres": "127.0.0.1",
        "correlation_id": "abc123def456",
    }


def test_in_production_sessions_and_cache_are_shared_by_every_instance(tmp_path) -> None:
    """Sessions in the database, the cache in Redis: nothing a user needs lives in one process."""
    skip = {
        "DATABASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "CELERY_BROKER_URL",
        "NALEVING_CACHE_URL",
        "NALEVING_TAKEN_DIRECT",
    }
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "NALEVING_ENV": "production",
        "NALEVING_SECRET_KEY": "k" * 20 + "-x7Qp!9zLm#2vB8nR4tY6wE1uI3oP5aSdFgHjKl",
        "NALEVING_VAR_DIR": str(tmp_path),
    }
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings as s\n"
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'],"
        " s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.contrib.sessions.backends.db",
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
        "redis://127.0.0.1:6379/0",
        "False",
    ]
