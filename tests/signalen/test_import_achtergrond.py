# SPDX-License-Identifier: EUPL-1.2
"""In production a batch file is read on a Celery worker, not in the web request (a large file would outlast
the web worker's timeout); the upload page lists the latest imports with their outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from kombu.exceptions import OperationalError

from naleving.signalen.models import Signaal, Signaalimport
from naleving.signalen.tasks import WACHTRIJ, importeer_bestand_taak

INHOUD = (
    b"extern_id,product,bsn,datum,omschrijving\n"
    b"U1,overig,999990019,2026-01-01,\nU2,overig,1,2026-01-01,\n"
)


@pytest.fixture
def teamleider(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    browser = Browser()
    browser.force_login(make_user("teamleider", "Waalwijk"))
    return browser


def test_the_upload_is_handed_to_a_worker_and_its_result_listed_when_done(
    teamleider, monkeypatch
) -> None:
    opdrachten: list[dict[str, object]] = []
    monkeypatch.setattr(
        importeer_bestand_taak, "apply_async", lambda kwargs: opdrachten.append(kwargs)
    )
    response = teamleider.post(
        reverse("signalen:importeren"),
        {"bron": "UWV", "bestand": SimpleUploadedFile("uwv.csv", INHOUD, "text/csv")},
    )
    assert response.status_code == 200
    assert "Het bestand wordt op de achtergrond ingelezen." in response.content.decode()
    assert not Signaal.objects.exists()
    [opdracht] = opdrachten
    wachtend = Path(settings.MEDIA_ROOT) / str(opdracht["pad"])
    assert wachtend.parent.name == WACHTRIJ and wachtend.read_bytes() == INHOUD

    run_id = importeer_bestand_taak.run(**opdracht)  # what the worker does

    assert not wachtend.exists()
    run = Signaalimport.objects.get(pk=run_id)
    assert (run.bron_naam, run.bestandsnaam, run.aantal_nieuw, run.aantal_fout) == (
        "UWV",
        "uwv.csv",
        1,
        1,
    )
    page = teamleider.get(reverse("signalen:importeren")).content.decode()
    assert "<h2>Laatste imports</h2>" in page
    assert (
        f'<a href="/signalen/importeren/{run_id}/fouten.csv">Foutrapport {run_id} (CSV)</a>' in page
    )


def test_a_file_the_worker_cannot_use_is_listed_with_its_reason(teamleider, monkeypatch) -> None:
    opdrachten: list[dict[str, object]] = []
    monkeypatch.setattr(
        importeer_bestand_taak, "apply_async", lambda kwargs: opdrachten.append(kwargs)
    )
    teamleider.post(
        reverse("signalen:importeren"),
        {
            "bron": "UWV",
            "bestand": SimpleUploadedFile("vreemd.csv", b"kolom,andere\nx,y\n", "text/csv"),
        },
    )
    run = Signaalimport.objects.get(pk=importeer_bestand_taak.run(**opdrachten[0]))
    assert run.bestandsfout
    page = teamleider.get(reverse("signalen:importeren")).content.decode()
    assert f"Niet ingelezen: {run.bestandsfout}" in page


def test_with_the_broker_down_nothing_is_kept_and_the_page_says_so_in_dutch(
    teamleider, monkeypatch
) -> None:
    def broker_weg(kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(importeer_bestand_taak, "apply_async", broker_weg)
    response = teamleider.post(
        reverse("signalen:importeren"),
        {"bron": "UWV", "bestand": SimpleUploadedFile("uwv.csv", INHOUD, "text/csv")},
    )
    assert response.status_code == 400
    assert "De achtergrondtaken zijn nu niet bereikbaar, dus er is niets ingelezen." in (
        response.content.decode()
    )
    assert list((Path(settings.MEDIA_ROOT) / WACHTRIJ).iterdir()) == []
    assert not Signaalimport.objects.exists()
