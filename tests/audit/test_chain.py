# SPDX-License-Identifier: EUPL-1.2
"""The audit log is append-only and hash-chained; `naleving audit verify` names the first broken entry."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from naleving.audit.models import Actie, AppendOnlyError, AuditEntry
from naleving.audit.selectors import verify_chain
from naleving.audit.services import audit_log
from naleving.cli import main


def _log(n: int, user=None) -> None:
    for i in range(n):
        audit_log(
            user=user, actie=Actie.SYSTEEM, object_type="test", object_id=str(i), reden=f"regel {i}"
        )


@pytest.mark.django_db
def test_each_entry_holds_the_hash_of_the_previous_one(make_user) -> None:
    user = make_user("privacy")
    _log(3, user)
    entries = list(AuditEntry.objects.order_by("volgnummer"))
    assert [e.volgnummer for e in entries] == [1, 2, 3]
    assert entries[0].vorige_hash == "0" * 64
    assert entries[1].vorige_hash == entries[0].hash
    assert entries[2].vorige_hash == entries[1].hash
    assert entries[0].gebruiker == user.username and entries[0].rol == "privacy"
    assert verify_chain().ok is True
    assert verify_chain().checked == 3


@pytest.mark.django_db
def test_code_cannot_change_or_delete_entries() -> None:
    _log(1)
    entry = AuditEntry.objects.get()
    entry.reden = "anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(volgnummer=1).update(reden="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def _tamper(sql: str, params: list[object]) -> None:
    """What someone with direct database access could do, bypassing the code (and on PostgreSQL the trigger)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


@pytest.mark.django_db
def test_verify_names_the_first_tampered_entry(capsys) -> None:
    _log(5)
    _tamper("UPDATE audit_auditentry SET reden = %s WHERE volgnummer = %s", ["verborgen", 3])
    result = verify_chain()
    assert (result.ok, result.first_broken, result.checked) == (False, 3, 2)
    assert result.problem == "inhoud gewijzigd: hash klopt niet"
    assert main(["audit", "verify"]) == 1
    assert "logregel 3: inhoud gewijzigd" in capsys.readouterr().err


@pytest.mark.django_db
def test_verify_detects_a_removed_entry_in_the_middle_and_at_the_end(capsys) -> None:
    _log(4)
    _tamper("DELETE FROM audit_auditentry WHERE volgnummer = %s", [4])
    assert (verify_chain().ok, verify_chain().first_broken) == (False, 4)
    _tamper("DELETE FROM audit_auditentry WHERE volgnummer = %s", [2])
    result = verify_chain()
    assert (result.ok, result.first_broken, result.problem) == (
        False,
        2,
        "logregel ontbreekt (verwijderd?)",
    )


@pytest.mark.django_db
def test_verify_command_reports_an_intact_log(capsys) -> None:
    _log(2)
    assert main(["audit", "verify"]) == 0
    assert "Toegangslog in orde: 2 logregels gecontroleerd." in capsys.readouterr().out


@pytest.mark.django_db
def test_postgresql_trigger_refuses_update_and_delete() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "the trigger exists on PostgreSQL only; SQLite relies on the code path and the hash chain"
        )
    _log(1)
    for sql in ("UPDATE audit_auditentry SET reden = 'x'", "DELETE FROM audit_auditentry"):
        with (
            pytest.raises(DatabaseError, match="alleen-toevoegen"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEntry.objects.get().reden == "regel 0"
