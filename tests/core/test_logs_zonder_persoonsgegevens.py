# SPDX-License-Identifier: EUPL-1.2
"""No BSN, name or free text of a signal in any log line (issue 15, item 3; AVG art. 5(1)(c) and (f)).

A realistic run with every line of every logger captured in the production format (JSON): the demo data is
built, each demo role opens its start page and the detail pages of its cases, a consultant searches a client by
BSN and by name and opens a file, somebody asks for a path with a BSN in it, a resident reports with free text
naming the client, somebody tries to log in with a name as user name, and a background job is given a BSN.
Then the captured log is searched for every demo client's BSN and name and for the report's text. Every line
must also be one JSON object with the correlation id of its request.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date

import pytest
from django.apps import apps
from django.test import Client as Browser
from django.urls import reverse

from naleving.clienten.models import Client
from naleving.core.logging import formatter
from naleving.core.tasks import ping
from naleving.demodata.demo import DEMO_ROLLEN, ensure_demo_accounts
from naleving.demodata.seed import ensure_gemeenten, seed_database
from naleving.signalen import views_publiek
from tests.core.test_schermen_zonder_codes import _detailpaginas

VRIJE_TEKST = "Zij werkt elke zaterdag zwart bij de bakkerij aan de Kerkstraat"


class Vanger(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(formatter(json=True))
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(self.format(record))


@pytest.fixture
def logboek() -> Iterator[Vanger]:
    """Every logger's lines, at DEBUG (more than production writes), in the production format."""
    vanger = Vanger()
    eigen = [
        lg
        for lg in logging.root.manager.loggerDict.values()
        if isinstance(lg, logging.Logger) and not lg.propagate
    ]
    niveau = logging.root.level
    logging.root.addHandler(vanger)
    logging.root.setLevel(logging.DEBUG)
    for lg in eigen:
        lg.addHandler(vanger)
    try:
        yield vanger
    finally:
        logging.root.removeHandler(vanger)
        logging.root.setLevel(niveau)
        for lg in eigen:
            lg.removeHandler(vanger)


@pytest.mark.django_db
def test_a_realistic_run_logs_no_bsn_name_or_free_text(logboek: Vanger, settings) -> None:
    settings.NALEVING_DEMO = True
    views_publiek.begrenzer.reset()
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(clients=60, years=1, seed_value=2026, peildatum=date(2026, 11, 2), progress=False)
    clienten = list(Client.objects.select_related("gemeente"))
    eerste = clienten[0]
    User = apps.get_model("accounts", "User")

    for code, _first, _last in DEMO_ROLLEN:
        browser = Browser()
        user = User.objects.get(username=code)
        browser.force_login(user)
        assert browser.get("/start/").status_code == 200
        for url in _detailpaginas(user)[:8]:
            browser.get(url)

    consulent = Browser()
    consulent.force_login(User.objects.get(username="inkomensconsulent"))
    assert consulent.get("/clienten/", {"q": eerste.bsn}).status_code == 200
    assert consulent.get("/clienten/", {"q": eerste.achternaam}).status_code == 200
    consulent.get(reverse("clienten:dossier", args=[eerste.clientnummer]))
    # A path with a BSN where a client number belongs: the 404 is logged, the BSN is not.
    niet_gevonden = consulent.get(f"/clienten/{eerste.bsn}/")
    assert niet_gevonden.status_code == 404

    melding = Browser().post(
        reverse("signalen:melden"),
        {
            "wat": f"{VRIJE_TEKST}; BSN {eerste.bsn}.",
            "over_naam": eerste.naam,
            "over_adres": "Kerkstraat 4",
            "gemeente": eerste.gemeente.pk,
            "sinds": "maart 2026",
        },
    )
    assert melding.status_code == 200
    Browser().post("/inloggen/", {"username": eerste.naam, "password": "geen-wachtwoord-12"})
    ping.delay(eerste.bsn)

    regels = logboek.regels
    loggers = {json.loads(r)["logger"]: json.loads(r)["bericht"] for r in regels}
    regel_404 = next(json.loads(r) for r in regels if "Not Found" in r)
    assert regel_404["correlation_id"] == niet_gevonden["X-Correlation-ID"]
    # The run did log: the 404 (its BSN masked by the last safety net), the failed login, the job.
    assert loggers["django.request"] == "Not Found: /clienten/[bsn]/"
    assert "AXES: New login failure" in loggers["axes.handlers.database"]
    assert loggers["celery.app.trace"].startswith("Task naleving.ping[")
    lekken = [
        (wat, regel)
        for regel in regels
        for wat in (VRIJE_TEKST, *(c.bsn for c in clienten), *(c.naam for c in clienten))
        if wat in regel
    ]
    assert not lekken, "\n".join(f"{wat}: {regel}" for wat, regel in lekken[:20])
    for regel in regels:
        gegevens = json.loads(regel)
        assert set(gegevens) >= {"tijd", "niveau", "logger", "bericht", "correlation_id"}, regel
        assert len(gegevens["correlation_id"]) == 32, regel
