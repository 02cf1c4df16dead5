# SPDX-License-Identifier: EUPL-1.2
"""The end of the audit log cannot be cut off unseen: signed checkpoints outside the database (an HMAC with a
key that is not in the database) name the head after every commit, and `naleving audit verify` holds the log
against them. On PostgreSQL the database refuses TRUNCATE of the log."""

from __future__ import annotations

import json

import pytest
from django.db import DatabaseError, connection, transaction

from naleving.audit import anker
from naleving.audit.models import Actie, AuditEntry
from naleving.audit.selectors import verify_chain
from naleving.audit.services import audit_log
from naleving.audit.tasks import anker_task
from naleving.cli import main

#: These tests commit, as the application does, so that the checkpoints are written after each commit.
committed = pytest.mark.django_db(transaction=True)


def _log_committed(n: int) -> None:
    """n entries, each in its own committed transaction (so each writes its checkpoint)."""
    for i in range(n):
        audit_log(user=None, actie=Actie.SYSTEEM, object_type="test", object_id=str(i))


def _cut_tail(keep: int) -> None:
    """What someone with write access to the database alone can do: delete the last entries and set the
    head back to the last one kept, so the shorter chain is intact again."""
    last = AuditEntry.objects.get(volgnummer=keep)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute("DELETE FROM audit_auditentry WHERE volgnummer > %s", [keep])
        cursor.execute(
            "UPDATE audit_audithead SET volgnummer = %s, hash = %s WHERE id = 1", [keep, last.hash]
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def _lines(settings) -> list[dict[str, object]]:
    return [json.loads(line) for line in settings.NALEVING_AUDIT_ANKER.read_text().splitlines()]


@pytest.mark.django_db
def test_every_commit_that_appends_entries_writes_one_signed_checkpoint(
    settings, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for i in range(3):  # three entries in one transaction: one checkpoint, of the last
            audit_log(user=None, actie=Actie.SYSTEEM, object_type="test", object_id=str(i))
    assert len(callbacks) == 1
    head = AuditEntry.objects.get(volgnummer=3)
    [line] = _lines(settings)
    assert (line["volgnummer"], line["hash"]) == (3, head.hash)
    assert len(str(line["hmac"])) == 64
    assert settings.NALEVING_AUDIT_ANKER.stat().st_mode & 0o777 == 0o600


@committed
def test_a_normal_run_verifies_clean_against_its_checkpoints(capsys) -> None:
    _log_committed(3)
    assert anker_task() == 3  # the beat task anchors the head as well
    result = verify_chain()
    assert (result.ok, result.checked, result.ankerpunten) == (True, 3, 4)
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == (
        "Toegangslog in orde: 3 logregels gecontroleerd. "
        "4 ankerpunten buiten de database kloppen.\n"
    )


@committed
def test_verify_finds_a_cut_off_tail_with_the_head_set_back(capsys) -> None:
    """Delete entries 4 and 5 and reset the head to 3: the chain itself is intact, the checkpoint is not."""
    _log_committed(5)
    _cut_tail(keep=3)
    result = verify_chain()
    assert (result.ok, result.checked, result.first_broken) == (False, 3, 4)
    assert result.problem.startswith("logregels 4 t/m 5 ontbreken: het ankerpunt van ")
    assert result.problem.endswith(
        "legt logregel 5 vast, maar het log houdt op bij 3 (het einde is afgekapt)"
    )
    assert main(["audit", "verify"]) == 1
    assert "Toegangslog NIET in orde: logregel 4: logregels 4 t/m 5 ontbreken" in (
        capsys.readouterr().err
    )


@committed
def test_verify_finds_a_tail_replaced_by_new_entries(settings, tmp_path) -> None:
    """Cut the tail and write new entries with the same numbers: the checkpoint's hash no longer fits."""
    _log_committed(5)
    _cut_tail(keep=3)
    echt = settings.NALEVING_AUDIT_ANKER
    settings.NALEVING_AUDIT_ANKER = (
        tmp_path / "elders.jsonl"
    )  # the forger cannot write the real file
    _log_committed(3)
    settings.NALEVING_AUDIT_ANKER = echt
    result = verify_chain()
    assert (result.ok, result.checked, result.first_broken) == (False, 6, 4)
    assert result.problem.startswith("hash wijkt af van het ankerpunt van ")


@committed
def test_a_forged_checkpoint_is_detected(settings) -> None:
    """A checkpoint signed without the key (here: with another key) is reported with its line."""
    _log_committed(2)
    settings.NALEVING_AUDIT_SLEUTEL = "een-andere-sleutel-van-de-vervalser-123456"
    anker.schrijf(2, AuditEntry.objects.get(volgnummer=2).hash)
    settings.NALEVING_AUDIT_SLEUTEL = ""
    result = verify_chain()
    assert (result.ok, result.first_broken) == (False, None)
    assert result.problem == (
        f"ankerpunt op regel 3 van {settings.NALEVING_AUDIT_ANKER} is vervalst of beschadigd: "
        "de HMAC klopt niet (of NALEVING_AUDIT_SLEUTEL is veranderd)"
    )


@committed
def test_a_checkpoint_with_a_changed_number_is_detected(settings) -> None:
    """Editing a signed line (moving the checkpoint back to hide a cut tail) breaks its HMAC."""
    _log_committed(2)
    path = settings.NALEVING_AUDIT_ANKER
    lines = path.read_text().splitlines()
    lines[-1] = lines[-1].replace('"volgnummer":2', '"volgnummer":1')
    path.write_text("\n".join(lines) + "\n")
    result = verify_chain()
    assert (result.ok, result.problem.split(":")[0]) == (
        False,
        f"ankerpunt op regel 2 van {path} is vervalst of beschadigd",
    )


@pytest.mark.django_db
def test_without_checkpoints_verify_warns_that_a_cut_tail_cannot_be_seen(capsys) -> None:
    audit_log(user=None, actie=Actie.SYSTEEM, object_type="test")  # never committed: no checkpoint
    assert main(["audit", "verify"]) == 0
    assert "Let op: geen ankerpunten in " in capsys.readouterr().out


@pytest.mark.django_db
def test_the_beat_schedule_anchors_every_five_minutes_and_verifies_nightly() -> None:
    from naleving.config.celery import app

    schedule = app.conf.beat_schedule
    assert schedule["audit-anker"]["task"] == "audit.anker"
    assert schedule["audit-anker"]["schedule"] == 300.0
    assert schedule["audit-verify"]["task"] == "audit.verify_chain"
    assert {"audit.anker", "audit.verify_chain"} <= set(app.tasks)


@pytest.mark.django_db
def test_postgresql_refuses_truncate_of_the_log_and_its_head() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the triggers exist on PostgreSQL only; SQLite relies on the checkpoints")
    audit_log(user=None, actie=Actie.SYSTEEM, object_type="test")
    for sql in (
        "TRUNCATE audit_auditentry",
        "TRUNCATE audit_audithead",
        "TRUNCATE audit_auditentry, audit_audithead",
        "DELETE FROM audit_audithead",
    ):
        with (
            pytest.raises(DatabaseError, match="alleen-toevoegen"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEntry.objects.count() == 1
    assert verify_chain().ok is True
