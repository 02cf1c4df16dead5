# SPDX-License-Identifier: EUPL-1.2
"""The beschikking: the PDF's text holds the decision, the motivation, the articles and the objection clause
(Awb 6:7); templates are versioned and the letter records its version."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from naleving.besluiten import brieven, services
from naleving.besluiten.models import Brief


def _tekst(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_pdf_letter_states_decision_reasons_articles_and_objection(casus, make_user) -> None:
    b = casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Werkte bewust zonder te melden.",
        financieel_voordeel_beoogd=True,
        zienswijze="Ik had geld nodig.",
        zienswijze_ontvangen_op=casus.client.uitkeringen.first().ingangsdatum,
        motivering="U werkte in maart en april 2026 en gaf dat niet door.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    b = services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    brief = Brief.objects.get(besluit=b)
    assert brief.sjabloon.versie == 1
    tekst = _tekst(brieven.pdf(brief))
    assert "U krijgt een boete van € 1.300,00." in tekst
    assert "U moet € 1.300,00 terugbetalen." in tekst
    assert "U werkte in maart en april 2026 en gaf dat niet door." in tekst
    assert "Artikel 17, eerste lid, van de Participatiewet" in tekst
    assert "Artikel 18a van de Participatiewet" in tekst
    assert "Artikel 58 van de Participatiewet" in tekst
    assert "bezwaar maken. Dat doet u binnen 6 weken" in tekst
    assert "artikel 6:7 van de Algemene wet bestuursrecht" in tekst
    assert f"ons kenmerk {b.nummer}" in tekst


def test_a_template_change_is_a_new_version_and_letters_record_theirs(casus, make_user) -> None:
    beheerder = make_user("beheerder", username="bea")
    eerste = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    inhoud = brieven.standaard_inhoud().replace("Ons besluit", "Ons besluit over uw uitkering")
    with pytest.raises(PermissionDenied):
        brieven.sjabloon_nieuwe_versie(user=casus.consulent, inhoud=inhoud, toelichting="x")
    with pytest.raises(ValidationError) as err:
        brieven.sjabloon_nieuwe_versie(user=beheerder, inhoud="{% if %}", toelichting="Kapot")
    assert list(err.value.message_dict) == ["inhoud"]
    nieuw = brieven.sjabloon_nieuwe_versie(
        user=beheerder, inhoud=inhoud, toelichting="Kop duidelijker"
    )
    assert nieuw.versie == 2
    tweede = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    assert Brief.objects.get(besluit=eerste).sjabloon.versie == 1
    assert Brief.objects.get(besluit=tweede).sjabloon.versie == 2
    assert "Ons besluit over uw uitkering" in Brief.objects.get(besluit=tweede).html
    assert "Ons besluit over uw uitkering" not in Brief.objects.get(besluit=eerste).html


def test_the_letter_is_tagged_pdf_ua_with_language_and_title(casus) -> None:
    """PDF/UA-1: a letter is read aloud in Dutch, in order, under its own title (issue 17)."""
    from tests.pdfua import assert_pdf_ua

    b = casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Werkte bewust zonder te melden.",
        financieel_voordeel_beoogd=True,
        zienswijze="Ik had geld nodig.",
        zienswijze_ontvangen_op=casus.client.uitkeringen.first().ingangsdatum,
        motivering="U werkte in maart en april 2026 en gaf dat niet door.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    b = services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    assert_pdf_ua(brieven.pdf(Brief.objects.get(besluit=b)), titel=f"Beschikking {b.nummer}")
