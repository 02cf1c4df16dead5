# SPDX-License-Identifier: EUPL-1.2
"""The one access gate (clienten.selectors.object_for_user): fetch in scope, check the right, log the read
or the refusal, 404. A refused object and a missing one look the same to the user and are both logged."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.http import Http404
from django.test import Client as Browser
from django.utils import timezone

from naleving.audit.models import Actie, AuditEntry
from naleving.clienten.models import Client
from naleving.clienten.selectors import object_for_user
from naleving.signalen.models import Bijlage, Taak

BRON = Path(__file__).resolve().parents[2] / "src" / "naleving"


def _poort(user, **lookup):
    return object_for_user(
        user=user,
        queryset=Client.objects.all(),
        recht="client.bekijken",
        reden="Dossier openen",
        weigerreden="Geen toegang",
        niet_gevonden="Cliënt niet gevonden",
        **lookup,
    )


def _laatste():
    e = AuditEntry.objects.order_by("-volgnummer").first()
    assert e is not None
    return e


@pytest.mark.django_db
def test_a_read_in_scope_is_logged_as_bekijken_with_its_reason(make_user, make_client) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk")
    client = make_client("Waalwijk", consulent=consulent)
    assert _poort(consulent, clientnummer=client.clientnummer) == client
    e = _laatste()
    assert (e.actie, e.reden, e.client_id) == (Actie.BEKIJKEN, "Dossier openen", client.pk)


@pytest.mark.django_db
def test_out_of_scope_and_missing_both_give_the_same_404_and_a_logged_refusal(
    make_user, make_client
) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk")
    elders = make_client("Heusden")
    uitkomsten = []
    for nummer in (elders.clientnummer, "C9999999"):
        with pytest.raises(Http404) as fout:
            _poort(consulent, clientnummer=nummer)
        e = _laatste()
        uitkomsten.append((str(fout.value), e.actie, e.object_id, e.client_id))
    assert uitkomsten == [
        ("Cliënt niet gevonden", Actie.GEWEIGERD, elders.clientnummer, elders.pk),
        ("Cliënt niet gevonden", Actie.GEWEIGERD, "C9999999", None),
    ]


@pytest.mark.django_db
def test_an_attachment_outside_the_triage_scope_is_404_and_logged_with_its_client(
    make_user, make_client, make_signaal, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "b.txt").write_bytes(b"synthetisch")
    handhaver = make_user("handhaver", "Waalwijk", username="hanna")
    elders = make_client("Heusden")
    signaal = make_signaal(elders)
    bijlage = Bijlage.objects.create(
        signaal=signaal,
        bestand="b.txt",
        naam="b.txt",
        content_type="text/plain",
        grootte=11,
        sha256="0" * 64,
        ontvangen_op=timezone.now(),
    )
    browser = Browser()
    browser.force_login(handhaver)
    antwoord = browser.get(f"/signalen/bijlagen/{bijlage.pk}/")
    e = _laatste()
    assert (antwoord.status_code, e.actie, e.object_id, e.client_id) == (
        404,
        Actie.GEWEIGERD,
        str(bijlage.pk),
        elders.pk,
    )


@pytest.mark.django_db
def test_completing_a_task_of_a_client_out_of_scope_is_404_not_403(
    make_user, make_client, make_signaal
) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk")
    elders = make_client("Heusden")
    taak = Taak.objects.create(
        signaal=make_signaal(elders),
        client=elders,
        soort=Taak.Soort.INFORMEREN,
        omschrijving="Cliënt informeren",
        aangemaakt_op=timezone.now() - timedelta(days=1),
    )
    browser = Browser()
    browser.force_login(consulent)
    antwoord = browser.post(f"/signalen/taken/{taak.pk}/afronden/")
    taak.refresh_from_db()
    assert (antwoord.status_code, taak.afgerond_op, _laatste().actie) == (
        404,
        None,
        Actie.GEWEIGERD,
    )


#: Models without personal data that a view may fetch itself (the right is checked before).
ZONDER_PERSOONSGEGEVENS = {
    "Rechtenverzoek",
    "Signaalimport",
    "Uitvoeringsplan",
    "Actie",
    "Verplichting",
    "Campagne",
}


def test_no_view_fetches_an_object_itself_but_through_the_gate() -> None:
    """Every view module: get_object_or_404 only on models without personal data."""
    treffers = []
    for pad in sorted(BRON.rglob("views*.py")):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if (
                isinstance(knoop, ast.Call)
                and isinstance(knoop.func, ast.Name)
                and knoop.func.id == "get_object_or_404"
            ):
                eerste = knoop.args[0]
                while isinstance(eerste, ast.Call | ast.Attribute):
                    eerste = eerste.func if isinstance(eerste, ast.Call) else eerste.value
                naam = eerste.id if isinstance(eerste, ast.Name) else "?"
                if naam not in ZONDER_PERSOONSGEGEVENS:
                    treffers.append(f"{pad.relative_to(BRON)}:{knoop.lineno} {naam}")
    assert treffers == []
