# SPDX-License-Identifier: EUPL-1.2
"""Telling "the database cannot be reached" apart from every other database error.

The command line (exit code 3) and the web pages (503 with Retry-After) both ask this one question, so that a
database that is down never looks like a broken audit chain, refused rows or a bug.
"""

from __future__ import annotations

import sqlite3

from django.conf import settings
from django.db import InterfaceError, OperationalError

#: PostgreSQL error classes that mean the server or the connection is gone: class 08 (connection exception),
#: 57P01-57P03 (admin/crash shutdown, cannot connect now). Source: PostgreSQL documentation, appendix A.
_POSTGRES_WEG = ("08", "57P01", "57P02", "57P03")
#: SQLite's words when the database file cannot be opened (missing directory, no permission).
_SQLITE_WEG = ("unable to open database file",)


def database_onbereikbaar(exc: BaseException) -> bool:
    if isinstance(exc, InterfaceError):  # the connection is closed or unusable
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        return any(woorden in str(cause) for woorden in _SQLITE_WEG)
    import psycopg

    if not isinstance(cause, psycopg.Error):
        return False
    # psycopg gives no SQLSTATE when it never reached the server or lost the connection.
    return cause.sqlstate is None or cause.sqlstate.startswith(_POSTGRES_WEG)


def database_omschrijving() -> str:
    """Which database it is, without the password."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite-bestand {db['NAME']}"
    return f"database {db['NAME']} op {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


def technische_reden(exc: BaseException) -> str:
    """The driver's first line, for the administrator."""
    tekst = str(exc.__cause__ or exc).strip()
    return tekst.splitlines()[0] if tekst else type(exc).__name__
