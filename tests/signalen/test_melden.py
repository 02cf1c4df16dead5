# SPDX-License-Identifier: EUPL-1.2
"""The public report form: no login, honeypot, rate limit, magic bytes, sizes, follow-up link,
anonymisation."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.signalen import melden, views_publiek
from naleving.signalen.models import Aanvulling, Bijlage, Melding, Signaal

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _fresh_limit():
    views_publiek.begrenzer.reset()


def _post(gemeenten, browser=None, **extra):
    data = {
        "wat": "Er woont al maanden een man in.",
        "over_naam": "J. de Vries",
        "over_adres": "Dorpsstraat 1",
        "gemeente": gemeenten["Heusden"].pk,
        "sinds": "maart 2026",
        **extra,
    }
    return (browser or Browser(enforce_csrf_checks=False)).post(reverse("signalen:melden"), data)


def test_page_explains_and_needs_no_login(db) -> None:
    page = Browser().get(reverse("signalen:melden")).content.decode()
    assert "Een melding is <strong>geen bewijs</strong>." in page
    assert "Wij slaan uw IP-adres niet op." in page


def test_report_gives_reference_and_follow_up_link_stored_only_hashed(gemeenten) -> None:
    response = _post(gemeenten, bijlagen=[SimpleUploadedFile("brief.pdf", PDF, "application/pdf")])
    assert response.status_code == 200
    page = response.content.decode()
    referentie = re.search(r'id="referentie">(M-[A-Z0-9]{8})<', page).group(1)
    link = re.search(
        r'id="vervolglink" href="http://testserver(/melden/aanvullen/[^"]+/)"', page
    ).group(1)
    melding = Melding.objects.get()
    assert melding.referentie_hash == melden.hash_geheim(referentie)
    assert referentie not in str(Melding.objects.values().get())
    s = melding.signaal
    assert (s.anoniem, s.gemeente, s.bron) == (True, gemeenten["Heusden"], "melder")
    bijlage = Bijlage.objects.get()
    assert bijlage.content_type == "application/pdf"
    pad = Path(settings.MEDIA_ROOT) / bijlage.bestand
    assert pad.read_bytes() == PDF
    # No IP address or user agent anywhere in the stored report.
    stored = str(Signaal.objects.values().get()) + str(Melding.objects.values().get())
    assert "127.0.0.1" not in stored and "testserver" not in stored
    follow = Browser().post(link, {"tekst": "Hij heeft ook een auto."})
    assert "Bedankt, uw aanvulling is ontvangen." in follow.content.decode()
    assert Aanvulling.objects.get().tekst == "Hij heeft ook een auto."


def test_a_pdf_that_is_not_one_is_refused(gemeenten) -> None:
    response = _post(
        gemeenten,
        bijlagen=[SimpleUploadedFile("nep.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")],
    )
    assert response.status_code == 400
    assert (
        "nep.pdf is geen PDF, JPEG of PNG (de inhoud klopt niet met het bestandstype)."
        in response.content.decode()
    )
    assert Signaal.objects.count() == 0


def test_oversize_and_too_many_files_are_refused_before_storing(gemeenten, monkeypatch) -> None:
    monkeypatch.setattr("naleving.signalen.forms.MAX_BIJLAGE_BYTES", 10)
    response = _post(gemeenten, bijlagen=[SimpleUploadedFile("groot.pdf", PDF, "application/pdf")])
    assert "groot.pdf is groter dan 10 MB." in response.content.decode()
    many = [SimpleUploadedFile(f"f{i}.png", b"\x89PNG\r\n\x1a\n", "image/png") for i in range(6)]
    monkeypatch.setattr("naleving.signalen.forms.MAX_BIJLAGE_BYTES", 10 * 1024 * 1024)
    response = _post(gemeenten, bijlagen=many)
    assert "U kunt hoogstens 5 bestanden meesturen." in response.content.decode()
    assert Signaal.objects.count() == 0
    assert not (Path(settings.MEDIA_ROOT) / "signalen" / "bijlagen").exists()


def test_honeypot_stores_nothing(gemeenten) -> None:
    assert _post(gemeenten, website="http://spam.example").status_code == 400
    assert Signaal.objects.count() == 0


def test_rate_limit_per_sender_without_storing_the_address(gemeenten) -> None:
    codes = [_post(gemeenten).status_code for _ in range(6)]
    assert codes == [200, 200, 200, 200, 200, 429]
    keys = list(views_publiek.begrenzer._tellers)
    assert len(keys) == 1 and "127.0.0.1" not in keys[0] and len(keys[0]) == 64


def test_the_secret_rotates_so_old_keys_cannot_be_linked(db) -> None:
    from naleving.signalen.ratelimit import Snelheidsbegrenzer

    b = Snelheidsbegrenzer(limiet=1)
    assert b.toegestaan("10.0.0.1", nu=0) and not b.toegestaan("10.0.0.1", nu=10)
    first_key = next(iter(b._tellers))
    assert b.toegestaan("10.0.0.1", nu=3600)
    assert next(iter(b._tellers)) != first_key


def test_wrong_or_expired_follow_up_link(gemeenten) -> None:
    response = Browser().get(reverse("signalen:aanvullen", args=["verkeerd"]))
    assert response.status_code == 404
    assert "Deze link klopt niet" in response.content.decode()
    bewijs = melden.melding_ontvang(wat="x", over_naam="y", gemeente=gemeenten["Waalwijk"])
    Melding.objects.update(token_geldig_tot=timezone.now() - timedelta(seconds=1))
    response = Browser().get(reverse("signalen:aanvullen", args=[bewijs.token]))
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
