# SPDX-License-Identifier: EUPL-1.2
"""Every environment, the demo included, runs with DEBUG off: errors show the project's own Dutch pages (never
Django's English debug page with the URL patterns), the Content-Security-Policy is enforced (not report-only),
and WhiteNoise serves the static files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from django.test import Client as Browser
from django.urls import reverse

_DEMO = """
import django, json, re
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
browser = Client(raise_request_exception=False)
uit = {"debug": settings.DEBUG}
for pad in ("/bestaat-niet/", "/inloggen/"):
    r = browser.get(pad)
    uit[pad] = [r.status_code, dict(r.headers), r.content.decode()]
css = re.search(r'href="(/static/naleving/naleving[^"]*\\.css)"', uit["/inloggen/"][2]).group(1)
r = browser.get(css)
uit["css"] = [css, r.status_code, r["Content-Type"], r["Cache-Control"]]
print(json.dumps(uit))
"""


def test_the_demo_runs_without_debug_with_dutch_error_pages_an_enforced_csp_and_static_files(
    tmp_path,
) -> None:
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "NALEVING_ENV": "demo",
        "NALEVING_VAR_DIR": str(tmp_path),
        "NALEVING_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", _DEMO], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    uit = json.loads(result.stdout.strip().splitlines()[-1])
    assert uit["debug"] is False
    status, headers, html = uit["/bestaat-niet/"]
    assert status == 404
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert "URLconf" not in html and "DEBUG = True" not in html
    for pad in ("/bestaat-niet/", "/inloggen/"):
        headers = uit[pad][1]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "Content-Security-Policy-Report-Only" not in headers
    css, status, soort, cache = uit["css"]
    assert re.fullmatch(r"/static/naleving/naleving\.[0-9a-f]{12}\.css", css)  # the manifest's name
    assert (status, soort) == (200, 'text/css; charset="utf-8"')
    assert cache == "max-age=315360000, public, immutable"


@pytest.mark.django_db
def test_unknown_page_is_the_dutch_404(client) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "<h1>Pagina niet gevonden</h1>" in response.content.decode()


def test_a_refused_host_gets_the_dutch_400() -> None:
    response = Browser(HTTP_HOST="aanvaller.example").get("/inloggen/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Verzoek niet begrepen</h1>" in html
    assert "Naleving kon dit verzoek niet verwerken. Er is niets opgeslagen." in html


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_the_dutch_page() -> None:
    response = Browser(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    assert "<h1>Formulier verlopen</h1>" in response.content.decode()
