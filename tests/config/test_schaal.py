# SPDX-License-Identifier: EUPL-1.2
"""Scale-out: two web instances (`naleving serve`, gunicorn) on different ports and one Celery worker
(`naleving worker`) on the real Redis, one PostgreSQL database, one shared var directory. A teamleider logs
in on instance A, goes on with the same session on instance B, uploads a batch file on A that the worker
reads, and sees its result (the import and its error report) on B. So nothing a user needs lives in one
process: sessions are in the database, the cache and the broker in Redis, files in the var directory."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from http.client import HTTPConnection, HTTPResponse
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.db import connection

from naleving.signalen.models import Signaal, Signaalimport

WACHTWOORD = "een-lang-wachtwoord-voor-schaal-123"
INHOUD = (
    b"extern_id,product,bsn,datum,omschrijving\n"
    b"S1,overig,999990019,2026-01-01,\nS2,overig,1,2026-01-01,\n"
)


def _redis_bereikbaar() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").split(":", 1)[0] not in {"postgres", "postgresql"},
        reason="needs PostgreSQL: two web instances and a worker share one database server; the "
        "SQLite test database is private to the test process (runs in the PostgreSQL leg)",
    ),
    pytest.mark.skipif(not _redis_bereikbaar(), reason="no Redis at 127.0.0.1:6379"),
]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Sessie:
    """A browser's cookie jar, sent to whichever instance is asked."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def vraag(
        self,
        poort: int,
        methode: str,
        pad: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[HTTPResponse, str]:
        verbinding = HTTPConnection("127.0.0.1", poort, timeout=30)
        alle = {"Host": "localhost"} | (headers or {})
        if self.cookies:
            alle["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        verbinding.request(methode, pad, body=body, headers=alle)
        antwoord = verbinding.getresponse()
        tekst = antwoord.read().decode("utf-8", "replace")
        for kop, waarde in antwoord.getheaders():
            if kop.lower() == "set-cookie":
                naam, _, rest = waarde.partition("=")
                self.cookies[naam] = rest.split(";", 1)[0]
        verbinding.close()
        return antwoord, tekst

    def csrf(self, poort: int, pad: str) -> str:
        antwoord, tekst = self.vraag(poort, "GET", pad)
        assert antwoord.status == 200, (pad, antwoord.status)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', tekst)
        assert match, pad
        return match.group(1)


def _database_url() -> str:
    d = connection.settings_dict
    wachtwoord = f":{quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return (
        f"postgres://{quote(d['USER'])}{wachtwoord}@{d['HOST'] or '127.0.0.1'}:"
        f"{d['PORT'] or 5432}/{d['NAME']}"
    )


def _wacht_tot_gereed(poort: int, proces: subprocess.Popen[bytes], log: Path) -> None:
    einde = time.monotonic() + 240
    while time.monotonic() < einde:
        if proces.poll() is not None:
            pytest.fail(f"instantie op {poort} stopte:\n{log.read_text()[-3000:]}")
        try:
            antwoord, _ = Sessie().vraag(poort, "GET", "/gereed/")
            if antwoord.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"instantie op {poort} werd niet gereed:\n{log.read_text()[-3000:]}")


@pytest.fixture
def productie(tmp_path) -> Iterator[dict[str, object]]:
    """A, B and the worker, each its own process, with the production settings."""
    wachtrij = f"schaal-{uuid.uuid4().hex[:8]}"
    skip = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in skip} | {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "NALEVING_ENV": "production",
        "NALEVING_SECRET_KEY": "schaal-" + "x7Qp9zLm2vB8nR4tY6wE1uI3oP5aSdFgHjKlZ" * 2,
        "NALEVING_AUDIT_SLEUTEL": "schaal-audit-" + "q" * 32,
        "NALEVING_ALLOWED_HOSTS": "localhost",
        "NALEVING_SSL_REDIRECT": "0",
        "DATABASE_URL": _database_url(),
        "NALEVING_VAR_DIR": str(tmp_path / "var"),
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "NALEVING_CACHE_URL": "redis://127.0.0.1:6379/1",
        "NALEVING_TAKEN_WACHTRIJ": wachtrij,
        "NALEVING_WEB_WORKERS": "2",
        "NALEVING_MIN_VRIJ_MB": "1",
    }
    naleving = [sys.executable, "-m", "naleving.cli"]
    poorten = {"A": _vrije_poort(), "B": _vrije_poort()}
    processen: list[subprocess.Popen[bytes]] = []

    def start(naam: str, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
        log = tmp_path / f"{naam}.log"
        with log.open("wb") as uit:
            proces = subprocess.Popen(
                [*naleving, *args], env=env, stdout=uit, stderr=subprocess.STDOUT
            )
        processen.append(proces)
        return proces, log

    try:
        # A collects the static files into the shared var directory; B uses what A collected.
        a, log_a = start("A", "serve", "--bind", f"127.0.0.1:{poorten['A']}")
        _wacht_tot_gereed(poorten["A"], a, log_a)
        b, log_b = start(
            "B", "serve", "--zonder-collectstatic", "--bind", f"127.0.0.1:{poorten['B']}"
        )
        start("worker", "worker", "--pool", "solo", "--without-gossip", "--without-mingle")
        _wacht_tot_gereed(poorten["B"], b, log_b)
        yield {"poorten": poorten, "logs": tmp_path}
    finally:
        for proces in processen:
            proces.terminate()
        for proces in processen:
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


@pytest.mark.django_db(transaction=True)
def test_a_session_and_a_background_job_cross_two_instances_and_a_worker(
    make_user, settings, productie
) -> None:
    # The production password hasher, so the instances can check the password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    teamleider = make_user("teamleider", "Waalwijk", username="teamleider-schaal")
    teamleider.set_password(WACHTWOORD)
    teamleider.save()
    a, b = productie["poorten"]["A"], productie["poorten"]["B"]  # type: ignore[index]
    browser = Sessie()

    # Log in on A.
    token = browser.csrf(a, "/inloggen/")
    antwoord, _ = browser.vraag(
        a,
        "POST",
        "/inloggen/",
        body=urlencode(
            {"username": "teamleider-schaal", "password": WACHTWOORD, "csrfmiddlewaretoken": token}
        ).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert antwoord.status == 302 and antwoord.getheader("Location") == "/start/"
    assert "sessionid" in browser.cookies

    # The same session on B.
    antwoord, pagina = browser.vraag(b, "GET", "/signalen/importeren/")
    assert antwoord.status == 200
    assert "Batchbestand met signalen inlezen" in pagina

    # Upload on A: handed to the worker, not read in the request.
    token = browser.csrf(a, "/signalen/importeren/")
    grens = uuid.uuid4().hex
    body = (
        (
            f'--{grens}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
            f'--{grens}\r\nContent-Disposition: form-data; name="bron"\r\n\r\nUWV\r\n'
            f'--{grens}\r\nContent-Disposition: form-data; name="bestand"; filename="uwv.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + INHOUD
        + f"\r\n--{grens}--\r\n".encode()
    )
    antwoord, pagina = browser.vraag(
        a,
        "POST",
        "/signalen/importeren/",
        body=body,
        headers={"Content-Type": f"multipart/form-data; boundary={grens}"},
    )
    assert antwoord.status == 200, pagina[-2000:]
    assert "Het bestand wordt op de achtergrond ingelezen." in pagina

    # The worker's result, seen on B.
    einde = time.monotonic() + 90
    link = None
    while time.monotonic() < einde and link is None:
        _, pagina = browser.vraag(b, "GET", "/signalen/importeren/")
        link = re.search(r'href="(/signalen/importeren/(\d+)/fouten\.csv)"', pagina)
        time.sleep(0.5)
    assert link, (productie["logs"] / "worker.log").read_text()[-3000:]  # type: ignore[operator]
    antwoord, csv = browser.vraag(b, "GET", link.group(1))
    assert antwoord.status == 200
    assert csv.lstrip("\ufeff").splitlines() == [  # the one CSV dialect (core/spreadsheet.py)
        "rij;extern_id;veld;probleem",
        "3;S2;bsn;Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor).",
    ]
    run = Signaalimport.objects.get(pk=int(link.group(2)))
    assert (run.door_id, run.aantal_nieuw, run.aantal_fout) == (teamleider.pk, 1, 1)
    assert Signaal.objects.filter(signaalimport=run).count() == 1
