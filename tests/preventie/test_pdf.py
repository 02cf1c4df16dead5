# SPDX-License-Identifier: EUPL-1.2
"""The documents a resident keeps: the overview of rights and obligations and the receipt, as tagged PDF."""

from __future__ import annotations

import io

from django.test import Client as Browser
from django.urls import reverse
from pypdf import PdfReader

from naleving.clienten.models import Relatie
from naleving.preventie.models import Wijzigingsmelding
from tests.pdfua import assert_pdf_ua


def _text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _browser(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


def test_overview_pdf_fits_the_situation(make_client, consulent, add_lid) -> None:
    client = make_client(consulent=consulent, achternaam="Kok")
    add_lid(client, Relatie.PARTNER)
    response = _browser(consulent).get(
        reverse("preventie:rechten_en_plichten", args=[client.clientnummer]), {"formaat": "pdf"}
    )
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="rechten-en-plichten-{client.clientnummer}.pdf"'
    )
    text = _text(response)
    assert "Uw rechten en plichten" in text and f"Anna Kok ({client.clientnummer})" in text
    assert "Veranderingen bij uw partner" in text and "Uw loonstrook" not in text
    assert_pdf_ua(response.content, titel="Uw rechten en plichten — Anna Kok")


def test_receipt_pdf_holds_number_time_contents_and_hash(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    browser = _browser(consulent)
    browser.post(
        reverse("preventie:wijziging", args=[client.clientnummer]),
        {
            "onderwerp": "buitenland",
            "ingangsdatum": "",
            "tekst": "Drie weken naar familie.",
            "kanaal": "balie",
        },
    )
    melding = Wijzigingsmelding.objects.get()
    response = browser.get(
        reverse("preventie:melding_download", args=[melding.ontvangstnummer]), {"formaat": "pdf"}
    )
    text = _text(response)
    assert "Ontvangstbewijs" in text and melding.ontvangstnummer in text
    assert "Drie weken naar familie." in text
    assert melding.inhoud_hash[:16] in text.replace(" ", "")
    assert_pdf_ua(response.content, titel=f"Ontvangstbewijs {melding.ontvangstnummer}")
