# SPDX-License-Identifier: EUPL-1.2
"""Issue 18 part 4: the mail jobs are on celery beat (the queue every ten minutes, the digest daily at 07:00),
and a mail that cannot even be planned never costs the resident their change report."""

from __future__ import annotations

import pytest
from celery.schedules import crontab

from naleving.clienten.models import Kanaal
from naleving.mail.models import Mail
from naleving.preventie.models import Onderwerp, Wijzigingsmelding
from naleving.preventie.services import wijziging_doorgeven


@pytest.mark.django_db
def test_the_beat_schedule_runs_the_queue_every_ten_minutes_and_the_digest_at_seven() -> None:
    from naleving.config.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["mail-wachtrij"] == {"task": "mail.wachtrij", "schedule": 600.0}
    assert schedule["mail-dagoverzicht"]["task"] == "mail.dagoverzicht"
    assert schedule["mail-dagoverzicht"]["schedule"] == crontab(hour=7, minute=0)
    assert {"mail.versturen", "mail.wachtrij", "mail.dagoverzicht"} <= set(app.tasks)


def test_a_mail_that_cannot_be_planned_leaves_the_report_stored(
    make_client, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    def kapot(**_kwargs: object) -> None:
        raise RuntimeError("sjabloon onleesbaar")

    monkeypatch.setattr("naleving.preventie.services.mail_plannen", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        melding = wijziging_doorgeven(
            client=make_client(),
            onderwerp=Onderwerp.VERMOGEN,
            tekst="Ik heb een auto geërfd.",
            ingangsdatum=None,
            kanaal=Kanaal.PORTAAL,
            identificatiemethode="interim-code",
            email="bewoner@example.org",
        )
    assert Wijzigingsmelding.objects.get().pk == melding.pk
    assert not Mail.objects.exists()


class _Opnieuw(Exception):
    pass


def test_on_a_worker_a_failed_mail_is_retried_after_one_two_four_eight_minutes(
    smtp, make_client, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    from naleving.mail.models import Status
    from naleving.mail.tasks import mail_versturen_taak

    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        wijziging_doorgeven(
            client=make_client(),
            onderwerp=Onderwerp.VERMOGEN,
            tekst="Ik heb een auto geërfd.",
            ingangsdatum=None,
            kanaal=Kanaal.PORTAAL,
            identificatiemethode="interim-code",
            email="bewoner@example.org",
        )
    mail = Mail.objects.get()
    pauzes: list[int] = []

    def retry(*, countdown: int) -> _Opnieuw:
        pauzes.append(countdown)
        return _Opnieuw()

    monkeypatch.setattr(mail_versturen_taak, "retry", retry)
    for poging in range(5):
        mail_versturen_taak.push_request(is_eager=False, retries=poging)
        try:
            if poging < 4:
                with pytest.raises(_Opnieuw):
                    mail_versturen_taak.run(mail_id=mail.pk)
            else:  # the worker gives up; the queue job and the beheerder take over
                assert mail_versturen_taak.run(mail_id=mail.pk) is False
        finally:
            mail_versturen_taak.pop_request()
    assert pauzes == [60, 120, 240, 480]
    mail.refresh_from_db()
    assert (mail.status, mail.pogingen) == (Status.MISLUKT, 6)
