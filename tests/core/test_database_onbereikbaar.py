# SPDX-License-Identifier: EUPL-1.2
"""A database that cannot be reached is not a broken chain, refused rows or a bug: every `naleving` command
exits with 3 and a Dutch message, pages answer 503 with Retry-After (JSON under /api/) instead of a traceback or an error page."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

#: Nothing listens on port 1: the connection is refused at once.
GESLOTEN = "postgres://postgres@127.0.0.1:1/naleving_weg"
MELDING = (
    "De database is niet bereikbaar (database naleving_weg op 127.0.0.1:1). Controleer DATABASE_URL "
    "en of de databaseserver draait, en probeer het daarna opnieuw.\n"
)


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess[str]:
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "NALEVING_ENV"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "DATABASE_URL": GESLOTEN,
        "NALEVING_VAR_DIR": str(tmp_path),
        "NALEVING_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
    }
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "verify"],
        ["import-signalen", "SIGNALEN.csv", "--bron", "Inlichtingenbureau", "--quiet"],
        ["migrate"],
    ],
)
def test_every_command_exits_3_with_a_dutch_message_when_the_database_is_unreachable(
    command, tmp_path
) -> None:
    bestand = tmp_path / "signalen.csv"
    bestand.write_text("bsn,soort\n")
    args = [str(bestand) if a == "SIGNALEN.csv" else a for a in command]
    result = _run(["-m", "naleving.cli", *args], tmp_path)
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(MELDING)
    assert "Technische melding: connection failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


_PAGINA = """
import django, json
django.setup()
from django.test import Client
browser = Client(raise_request_exception=False)
browser.cookies["sessionid"] = "a" * 32
uitkomst = {}
for pad in ("/start/", "/api/signalen/"):
    r = browser.get(pad)
    uitkomst[pad] = [r.status_code, r["Retry-After"], r["Content-Type"], r.content.decode()]
print(json.dumps(uitkomst))
"""


def test_pages_answer_503_with_retry_after_when_the_database_is_unreachable(tmp_path) -> None:
    result = _run(["-c", _PAGINA], tmp_path)
    assert result.returncode == 0, result.stderr
    uitkomst = json.loads(result.stdout.strip().splitlines()[-1])
    status, retry, soort, html = uitkomst["/start/"]
    assert (status, retry, soort) == (503, "30", "text/html; charset=utf-8")
    assert "<h1>Tijdelijk niet beschikbaar</h1>" in html
    assert "Naleving kan de database nu niet bereiken. Er is niets opgeslagen." in html
    status, retry, soort, body = uitkomst["/api/signalen/"]
    assert (status, retry, soort) == (503, "30", "application/json")
    assert json.loads(body) == {
        "detail": "Naleving kan de database nu niet bereiken. Er is niets opgeslagen. "
        "Probeer het over 30 seconden opnieuw."
    }
    # For the administrator, the log says what happened (the page itself shows no technical detail).
    assert "Database niet bereikbaar bij /start/: connection failed" in result.stderr


def _wrapped(cause: BaseException) -> BaseException:
    from django.db import OperationalError

    exc = OperationalError(str(cause))
    exc.__cause__ = cause
    return exc


def test_only_a_lost_or_refused_connection_counts_as_unreachable() -> None:
    """A missing table, a lock or a cancelled query is a different error and keeps its own handling."""
    import sqlite3

    import psycopg
    from django.db import IntegrityError, InterfaceError
    from psycopg import errors

    from naleving.core.database import database_onbereikbaar

    onbereikbaar = [
        _wrapped(psycopg.OperationalError("connection failed")),
        _wrapped(errors.ConnectionFailure("connection failure")),
        _wrapped(errors.AdminShutdown("terminating connection")),
        _wrapped(sqlite3.OperationalError("unable to open database file")),
        InterfaceError("connection already closed"),
    ]
    anders = [
        _wrapped(errors.QueryCanceled("canceling statement due to statement timeout")),
        _wrapped(errors.LockNotAvailable("could not obtain lock")),
        _wrapped(sqlite3.OperationalError("no such table: audit_auditentry")),
        _wrapped(sqlite3.OperationalError("database is locked")),
        IntegrityError("duplicate key"),
    ]
    assert [database_onbereikbaar(e) for e in onbereikbaar] == [True] * 5
    assert [database_onbereikbaar(e) for e in anders] == [False] * 5
