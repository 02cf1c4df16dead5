# SPDX-License-Identifier: EUPL-1.2
"""Change reports: the receipt and its hash, the state machine, the 'was it reported?' selector,
response times and reminders."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.audit.models import AuditEntry
from naleving.clienten.meldingen import meldingen_in_periode
from naleving.preventie import services
from naleving.preventie.models import Herinnering, MeldingStap, MeldingStatus, Wijzigingsmelding
from naleving.preventie.selectors import reactietijden

pytestmark = pytest.mark.django_db


def _melding(
    client, *, user=None, tekst: str = "Ik werk vanaf 1 december 12 uur per week bij de bakker."
):
    return services.wijziging_doorgeven(
        client=client,
        onderwerp="werk_inkomen",
        tekst=tekst,
        ingangsdatum=date(2026, 12, 1),
        kanaal="portaal",
        identificatiemethode="interim-code" if user is None else "medewerker",
        user=user,
    )


def test_the_receipt_hash_is_the_sha256_of_the_canonical_content(make_client) -> None:
    client = make_client()
    melding = _melding(client)
    inhoud = {
        "ontvangstnummer": melding.ontvangstnummer,
        "clientnummer": client.clientnummer,
        "ontvangen_op": melding.ontvangen_op.astimezone(UTC).isoformat(),
        "kanaal": "portaal",
        "onderwerp": "werk_inkomen",
        "ingangsdatum": "2026-12-01",
        "tekst": "Ik werk vanaf 1 december 12 uur per week bij de bakker.",
    }
    verwacht = hashlib.sha256(
        json.dumps(inhoud, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()
    opgeslagen = Wijzigingsmelding.objects.get(pk=melding.pk)
    assert opgeslagen.inhoud_hash == verwacht
    assert services.inhoud_hash(melding=opgeslagen) == verwacht
    opgeslagen.tekst = "Ik werk niet."
    assert services.inhoud_hash(melding=opgeslagen) != verwacht


def test_a_report_gets_a_receipt_number_history_and_audit_entry_at_once(make_client) -> None:
    client = make_client()
    melding = _melding(client)
    assert melding.ontvangstnummer.startswith("W") and len(melding.ontvangstnummer) == 18
    assert melding.status == MeldingStatus.ONTVANGEN
    assert list(MeldingStap.objects.filter(melding=melding).values_list("van", "naar")) == [
        ("", "ontvangen")
    ]
    entry = AuditEntry.objects.filter(object_type="preventie.wijzigingsmelding").get()
    assert (entry.gebruiker, entry.actie, entry.clientnummer) == (
        "systeem",
        "aanmaken",
        client.clientnummer,
    )


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"tekst": "  "}, {"tekst": ["Beschrijf wat er is veranderd."]}),
        ({"onderwerp": "nationaliteit"}, {"onderwerp": ["Kies waar de wijziging over gaat."]}),
        (
            {"ingangsdatum": date(2099, 1, 1)},
            {"ingangsdatum": ["Vul een datum in binnen een jaar vanaf vandaag."]},
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_and_writes_nothing(make_client, velden, fout) -> None:
    args = {
        "client": make_client(),
        "onderwerp": "buitenland",
        "tekst": "Ik ga drie weken naar Marokko.",
        "ingangsdatum": None,
        "kanaal": "balie",
        "identificatiemethode": "medewerker",
        **velden,
    }
    with pytest.raises(ValidationError) as exc:
        services.wijziging_doorgeven(**args)
    assert exc.value.message_dict == fout
    assert Wijzigingsmelding.objects.count() == 0


def test_was_it_reported_finds_every_report_in_the_period_inclusive(make_client, consulent) -> None:
    """CRvB 10-10-2023, ECLI:NL:CRVB:2023:1967: a report to any part of the organisation counts."""
    client = make_client(consulent=consulent)
    momenten = [
        datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 21, 30, tzinfo=UTC),
        datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
    ]
    for moment in momenten:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            _melding(client, user=consulent)
    _melding(make_client())  # another client
    gevonden = [
        m
        for m in meldingen_in_periode(client, date(2026, 3, 1), date(2026, 3, 31))
        if m.bron == "wijzigingsmelding"
    ]
    # 31 March 21:30 UTC is 31 March 23:30 in Amsterdam: still in March.
    assert [m.tijdstip for m in gevonden] == momenten[:2]


def test_the_state_machine_records_who_handled_it_and_when(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    melding = _melding(client)
    with pytest.raises(ValidationError) as exc:
        services.melding_verplaats(user=consulent, melding=melding, naar="afgehandeld")
    assert exc.value.message_dict == {
        "toelichting": ["Schrijf op wat u met de wijziging heeft gedaan."]
    }
    services.melding_verplaats(user=consulent, melding=melding, naar="in_behandeling")
    services.melding_verplaats(
        user=consulent, melding=melding, naar="afgehandeld", toelichting="Inkomen verrekend."
    )
    melding.refresh_from_db()
    assert (melding.status, melding.afgehandeld_door) == ("afgehandeld", consulent)
    assert list(melding.stappen.values_list("van", "naar")) == [
        ("", "ontvangen"),
        ("ontvangen", "in_behandeling"),
        ("in_behandeling", "afgehandeld"),
    ]
    with pytest.raises(ValidationError) as exc:
        services.melding_verplaats(user=consulent, melding=melding, naar="ontvangen")
    assert exc.value.message_dict == {
        "status": ["Een melding met status 'Afgehandeld' kan niet naar 'ontvangen'."]
    }


def test_a_handhaver_and_a_consultant_elsewhere_cannot_handle_reports(
    make_client, make_user
) -> None:
    melding = _melding(make_client("Waalwijk"))
    for user in (make_user("handhaver", "Waalwijk"), make_user("inkomensconsulent", "Heusden")):
        with pytest.raises(PermissionDenied):
            services.melding_verplaats(user=user, melding=melding, naar="in_behandeling")
    with pytest.raises(PermissionDenied):
        _melding(make_client("Waalwijk"), user=make_user("handhaver", "Waalwijk"))


def test_response_times_and_reminders_after_five_days(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    start = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=start):
        snel, traag = _melding(client), _melding(client)
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(hours=30)):
        services.melding_verplaats(
            user=consulent, melding=snel, naar="afgehandeld", toelichting="Verwerkt."
        )
    # Five days is the term: at 4 days 23 hours no reminder, after 5 days one, and only one.
    assert (
        services.maak_herinneringen(
            nu=start + timedelta(days=4, hours=23), peildatum=date(2026, 5, 8)
        )["melding_wacht"]
        == 0
    )
    assert (
        services.maak_herinneringen(
            nu=start + timedelta(days=5, hours=1), peildatum=date(2026, 5, 9)
        )["melding_wacht"]
        == 1
    )
    assert (
        services.maak_herinneringen(nu=start + timedelta(days=6), peildatum=date(2026, 5, 10))[
            "melding_wacht"
        ]
        == 0
    )
    herinnering = Herinnering.objects.get(soort="melding_wacht")
    assert (herinnering.melding, herinnering.consulent) == (traag, consulent)
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(days=7)):
        services.melding_verplaats(
            user=consulent, melding=traag, naar="afgehandeld", toelichting="Verwerkt."
        )
    herinnering.refresh_from_db()
    assert herinnering.gesloten_op == start + timedelta(days=7)
    kpi = reactietijden(van=date(2026, 5, 1), tot=date(2026, 5, 31))
    assert (kpi.afgehandeld, kpi.open, kpi.binnen_termijn, kpi.mediaan_uren) == (2, 0, 1, 99.0)


def test_the_celery_task_runs_eagerly_in_the_embedded_default(make_client) -> None:
    from naleving.preventie.tasks import herinneringen

    _melding(make_client())
    result = herinneringen.delay()  # eager: runs in-process, no broker
    assert result.get() == {"melding_wacht": 0, "informatie_nodig": 1}
