# SPDX-License-Identifier: EUPL-1.2
"""The investigation pages: who sees what, and the forms' Dutch errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.onderzoek.models import Onderzoek


def _as(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def test_consultant_requests_an_investigation_from_the_client_file(casus) -> None:
    browser = _as(casus.consulent)
    page = browser.get(
        reverse("clienten:dossier", args=[casus.client.clientnummer])
    ).content.decode()
    assert "Onderzoek aanvragen" in page
    response = browser.post(
        reverse("onderzoek:aanvragen", args=[casus.client.clientnummer]),
        {"aanleiding": "lopende_uitkering", "vraag": "Klopt de woonsituatie?"},
        follow=True,
    )
    onderzoek = Onderzoek.objects.get()
    assert response.redirect_chain == [(reverse("onderzoek:detail", args=[onderzoek.pk]), 302)]
    assert f"Onderzoek {onderzoek.nummer} is aangevraagd." in response.content.decode()


def test_request_without_question_gets_a_dutch_error(casus) -> None:
    response = _as(casus.consulent).post(
        reverse("onderzoek:aanvragen", args=[casus.client.clientnummer]),
        {"aanleiding": "lopende_uitkering", "vraag": ""},
    )
    assert "Beschrijf wat het onderzoek moet uitzoeken." in response.content.decode()
    assert not Onderzoek.objects.exists()


def test_worklist_orders_by_deadline_and_marks_overdue_work(casus, make_client) -> None:
    late = casus.onderzoek()
    Onderzoek.objects.filter(pk=late.pk).update(termijn=timezone.localdate() - timedelta(days=3))
    page = _as(casus.teamleider).get(reverse("onderzoek:werkvoorraad")).content.decode()
    assert late.nummer in page and "te laat" in page
    own = _as(casus.handhaver).get(reverse("onderzoek:werkvoorraad")).content.decode()
    assert "Mijn onderzoeken" in own and late.nummer in own


def test_detail_read_is_audited_with_the_investigation_as_reason(casus) -> None:
    o = casus.onderzoek()
    assert _as(casus.handhaver).get(reverse("onderzoek:detail", args=[o.pk])).status_code == 200
    entry = AuditEntry.objects.filter(actie="bekijken", object_type="onderzoek.onderzoek").latest(
        "volgnummer"
    )
    assert (entry.gebruiker, entry.reden, entry.client_id) == (
        "hanna",
        f"Onderzoek {o.nummer}",
        casus.client.pk,
    )


def test_investigation_outside_scope_is_a_404(casus, make_user) -> None:
    o = casus.onderzoek()
    other = make_user("inkomensconsulent", "Heusden")
    assert _as(other).get(reverse("onderzoek:detail", args=[o.pk])).status_code == 404
    assert AuditEntry.objects.filter(actie="geweigerd", object_id=str(o.pk)).count() == 1


@pytest.mark.parametrize("rol", ["beleidsmedewerker", "privacy", "beheerder", "trajectbegeleider"])
def test_roles_without_investigation_rights_have_no_worklist(make_user, rol) -> None:
    assert _as(make_user(rol)).get(reverse("onderzoek:werkvoorraad")).status_code == 403


def test_activity_form_shows_the_cautie_rule(casus) -> None:
    o = casus.onderzoek()
    begin = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = _as(casus.handhaver).post(
        reverse("onderzoek:activiteit", args=[o.pk, "gesprek"]),
        {
            "met_wie": "Cliënt",
            "gehoorde": "client",
            "begin": begin,
            "verslag": "x",
            "waarom": "y",
        },
    )
    assert response.status_code == 400
    assert "leg eerst vast wanneer de cautie is gegeven" in response.content.decode()


def test_rapport_form_reads_amounts_per_month_the_dutch_way(casus) -> None:
    o = casus.onderzoek()
    response = _as(casus.handhaver).post(
        reverse("onderzoek:rapport", args=[o.pk]),
        {
            "bevindingen": "Werk niet gemeld",
            "overtreding": "inlichtingenplicht",
            "pleegdatum": "2026-03-01",
            "periode_van": "2026-03-01",
            "periode_tot": "2026-03-31",
            "perioden": "2026-03; 1.400,00; 900,00",
            "advies": "Terugvorderen",
        },
    )
    assert response.status_code == 302
    o.rapport.refresh_from_db()
    assert o.rapport.perioden == [
        {"maand": "2026-03", "ontvangen_cent": 140000, "recht_cent": 90000}
    ]
    assert o.rapport.regels_advies["advies"]["benadelingsbedrag_cent"] == 50000
    bad = _as(casus.handhaver).post(
        reverse("onderzoek:rapport", args=[o.pk]),
        {"bevindingen": "x", "perioden": "2026-03; 1400.5; 900"},
    )
    assert (
        "Regel 1: Schrijf een bedrag als 1.234,56 (komma voor de centen)." in bad.content.decode()
    )
