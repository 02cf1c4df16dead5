# SPDX-License-Identifier: EUPL-1.2
"""Security baseline: `check --deploy` is clean for production settings; secrets are required there."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client as Browser
from django.test import override_settings
from django.urls import reverse

PROD_ENV = {
    "NALEVING_ENV": "production",
    "NALEVING_SECRET_KEY": "k" * 20 + "-x7Qp!9zLm#2vB8nR4tY6wE1uI3oP5aSdFgHjKl",
    "NALEVING_ALLOWED_HOSTS": "naleving.example.nl",
    "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
}


def _run(*args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into what we check as production.
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | PROD_ENV | (extra or {})
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_for_production_settings() -> None:
    result = _run("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _run("check", extra={"NALEVING_SECRET_KEY": ""})
    assert result.returncode != 0
    assert "NALEVING_SECRET_KEY is verplicht in productie" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("key", ["", "te-kort"])
def test_naleving_stops_with_a_dutch_message_and_exit_4_without_a_good_secret_key(key) -> None:
    """Production without NALEVING_SECRET_KEY (or with one under 50 characters): one Dutch line, no
    traceback, and exit 4 ('configuratie onjuist'), not 1, which `audit verify` uses for a broken chain."""
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | PROD_ENV
    env["NALEVING_SECRET_KEY"] = key
    result = subprocess.run(
        [sys.executable, "-m", "naleving.cli", "audit", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 4
    assert result.stderr == (
        "Naleving kan niet starten: NALEVING_SECRET_KEY is verplicht in productie (minstens 50 "
        "tekens). Maak een sleutel met: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
    )


@pytest.mark.django_db
def test_demo_accounts_cannot_log_in_outside_demo_mode(make_user) -> None:
    user = make_user("inkomensconsulent", username="inkomensconsulent")
    user.is_demo_account = True
    user.save()
    credentials = {"username": "inkomensconsulent", "password": "een-lang-wachtwoord-123"}
    response = Browser().post(reverse("login"), credentials)
    assert response.status_code == 200
    assert "De combinatie van gebruikersnaam en wachtwoord klopt niet." in response.content.decode()
    with override_settings(NALEVING_DEMO=True):
        assert Browser().post(reverse("login"), credentials).status_code == 302


def test_passwords_are_hashed_with_argon2_outside_tests() -> None:
    result = _run(
        "shell", "-c", "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"
    )
    assert (
        result.stdout.strip().splitlines()[-1] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_responses_carry_a_content_security_policy_and_a_correlation_id(db, client) -> None:
    response = client.get(reverse("login"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert len(response["X-Correlation-ID"]) == 32
