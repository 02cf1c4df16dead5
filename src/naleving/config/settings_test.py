# SPDX-License-Identifier: EUPL-1.2
"""Settings for the test suite: the real settings, with a fast password hasher (argon2 costs ~50 ms a hash)."""

from naleving.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's default in-memory test database: with an in-memory database the live server's
    # threads and the test share one connection, and two requests at once (htmx, a download) can break its
    # transaction state for every later test. With a file each thread has its own connection and SQLite's
    # own locking (IMMEDIATE, WAL, a timeout) keeps them apart, as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-naleving.sqlite3")}  # noqa: F405
