# SPDX-License-Identifier: EUPL-1.2
"""Reading configuration from the environment, with clear errors for values that cannot work."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigFout(SystemExit):
    """A setting that cannot work stops the program with this Dutch message and exit status 1, without a
    traceback: wherever the settings are loaded (`naleving`, `django-admin`, the WSGI server, a Celery
    worker), Python prints a SystemExit's message to stderr and exits. `naleving` exits with 4."""

    def __init__(self, reden: str) -> None:
        super().__init__(f"Naleving kan niet starten: {reden}")


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "ja", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "nee", "off"}:
        return False
    raise ConfigFout(f"{name} moet 1 of 0 zijn, niet {value!r}")


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def integer(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigFout(f"{name} moet een geheel getal zijn, niet {value!r}") from exc


def local_secret_key(var_dir: Path) -> str:
    """Outside production a key is made once and kept in var/, so sessions survive a restart."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
