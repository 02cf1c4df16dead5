# SPDX-License-Identifier: EUPL-1.2
"""Information moments and the worklist of clients whose periodic moment is due (pillar 1:
information at the application and regularly after it; interval configurable, default 365 days)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naleving.preventie import services
from naleving.preventie.models import Herinnering, Informatiemoment, Instelling, Verplichting
from naleving.preventie.selectors import geinformeerd_over, periodiek_due

pytestmark = pytest.mark.django_db
PEILDATUM = date(2026, 11, 28)


def _moment(client, datum: date, codes=("pw-werk-inkomen",)) -> Informatiemoment:
    moment = Informatiemoment.objects.create(
        client=client, datum=datum, soort="periodiek", kanaal="gesprek", toelichting="Uitgelegd."
    )
    moment.verplichtingen.set(Verplichting.objects.filter(code__in=codes))
    return moment


@pytest.fixture
def situatie(make_client, consulent, zet_wet):
    lang_geleden = make_client(consulent=consulent, achternaam="Aalbers")
    _moment(lang_geleden, PEILDATUM - timedelta(days=400))
    recent = make_client(consulent=consulent, achternaam="Bakker")
    _moment(recent, PEILDATUM - timedelta(days=100))
    nooit = make_client(consulent=consulent, achternaam="Claassen")
    gestopt = make_client(consulent=consulent, achternaam="Dekker")
    zet_wet(gestopt, "PW", ingangsdatum=date(2020, 1, 1), einddatum=date(2025, 1, 1))
    grens = make_client(consulent=consulent, achternaam="Evers")
    _moment(grens, PEILDATUM - timedelta(days=365))
    elders = make_client("Heusden", achternaam="Franken")
    return {
        "lang": lang_geleden,
        "recent": recent,
        "nooit": nooit,
        "grens": grens,
        "elders": elders,
    }


def test_due_are_running_benefits_not_informed_within_the_interval_never_informed_first(
    situatie, consulent
) -> None:
    due = list(periodiek_due(user=consulent, peildatum=PEILDATUM))
    assert [c.achternaam for c in due] == ["Claassen", "Aalbers", "Evers"]
    assert [c.laatst_geinformeerd for c in due] == [
        None,
        PEILDATUM - timedelta(days=400),
        PEILDATUM - timedelta(days=365),
    ]


def test_the_interval_is_configurable(situatie, consulent) -> None:
    Instelling.objects.update_or_create(id=1, defaults={"periodiek_interval_dagen": 90})
    assert [c.achternaam for c in periodiek_due(user=consulent, peildatum=PEILDATUM)] == [
        "Claassen",
        "Aalbers",
        "Evers",
        "Bakker",
    ]


def test_the_system_job_sees_every_municipality_and_the_query_is_one_statement(situatie) -> None:
    with CaptureQueriesContext(connection) as queries:
        due = list(periodiek_due(user=None, peildatum=PEILDATUM, interval_dagen=365))
    assert len(queries) == 1
    assert {c.achternaam for c in due} == {"Aalbers", "Claassen", "Evers", "Franken"}


def test_the_scheduled_job_makes_one_reminder_per_due_client_and_recording_a_moment_closes_it(
    situatie, consulent
) -> None:
    assert services.maak_herinneringen(peildatum=PEILDATUM)["informatie_nodig"] == 4
    assert services.maak_herinneringen(peildatum=PEILDATUM)["informatie_nodig"] == 0
    services.informatiemoment_vastleggen(
        user=consulent,
        client=situatie["nooit"],
        datum=date.today(),
        soort="periodiek",
        kanaal="telefoon",
        toelichting="Wijzigingen doorgeven en vakantieregels uitgelegd.",
        verplichtingen=Verplichting.objects.filter(code__in=["pw-buitenland", "pw-werk-inkomen"]),
    )
    assert Herinnering.objects.filter(gesloten_op__isnull=True).count() == 3


def test_investigations_can_see_whether_and_when_the_client_was_informed(situatie) -> None:
    client = situatie["lang"]
    _moment(client, date(2026, 6, 1), codes=("pw-buitenland",))
    assert geinformeerd_over(client=client, code="pw-buitenland") == [date(2026, 6, 1)]
    assert geinformeerd_over(client=client, code="pw-buitenland", voor=date(2026, 5, 31)) == []
    assert geinformeerd_over(client=client, code="pw-werk-inkomen") == [
        PEILDATUM - timedelta(days=400)
    ]


def test_an_information_moment_needs_an_obligation_and_cannot_lie_in_the_future(
    make_client, consulent
) -> None:
    client = make_client(consulent=consulent)
    args = {
        "user": consulent,
        "client": client,
        "soort": "aanvraag",
        "kanaal": "balie",
        "toelichting": "x",
    }
    with pytest.raises(ValidationError) as exc:
        services.informatiemoment_vastleggen(datum=date.today(), verplichtingen=[], **args)
    assert exc.value.message_dict == {
        "verplichtingen": ["Kies minstens één verplichting die u heeft uitgelegd."]
    }
    with pytest.raises(ValidationError) as exc:
        services.informatiemoment_vastleggen(
            datum=date.today() + timedelta(days=1),
            verplichtingen=Verplichting.objects.all()[:1],
            **args,
        )
    assert exc.value.message_dict == {
        "datum": ["Een informatiemoment kan niet in de toekomst liggen."]
    }
    assert Informatiemoment.objects.count() == 0


def test_wide_lists_are_sorted_by_client_number(situatie, consulent) -> None:
    due = periodiek_due(user=consulent, peildatum=PEILDATUM, langst_geleden_eerst=False)
    assert [c.achternaam for c in due] == ["Aalbers", "Claassen", "Evers"]
