# SPDX-License-Identifier: EUPL-1.2
"""The audit log's own retention (bewaartermijn_toegangslog_jaren): its oldest entries are cut off its start,
and the chain stays verifiable from a signed beginning (an HMAC with the checkpoints' key, not in the
database). A cut that nobody signed, a cut-off head or tail, and a broken chain are still detected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection, transaction

from naleving.audit.models import Actie, AuditEntry, AuditInkorting
from naleving.audit.selectors import verify_chain
from naleving.audit.services import InkortenFout, audit_inkorten, audit_log
from naleving.cli import main

committed = pytest.mark.django_db(transaction=True)
BEGIN = datetime(2014, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def oud_log(monkeypatch):
    """Entries 1-6, one a year from 2014 (so 1-3 are from before 2017), then back to the real clock."""
    from naleving.audit import services

    for jaar in range(6):
        moment = BEGIN.replace(year=BEGIN.year + jaar)
        monkeypatch.setattr(services.timezone, "now", lambda m=moment: m)
        audit_log(user=None, actie=Actie.SYSTEEM, object_type="test", object_id=str(jaar))
    monkeypatch.undo()


GRENS = datetime(2016, 6, 1, tzinfo=UTC)


def _tamper(sql: str, params: list[object]) -> None:
    """What someone with write access to the database alone can do (on PostgreSQL past the triggers)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


@committed
def test_a_cut_removes_the_entries_before_the_boundary_and_the_chain_still_verifies(
    oud_log, capsys
) -> None:
    assert audit_inkorten(grens=GRENS) == 3
    # Entries 4-6 remain, and the cut's own system entry 7.
    assert list(AuditEntry.objects.order_by("volgnummer").values_list("volgnummer", flat=True)) == [
        4,
        5,
        6,
        7,
    ]
    cut = AuditInkorting.objects.get()
    assert (cut.tot_en_met, cut.aantal) == (3, 3)
    assert AuditEntry.objects.get(volgnummer=4).vorige_hash == cut.hash
    assert AuditEntry.objects.get(volgnummer=7).velden == {"tot_en_met": 3, "aantal": 3}
    result = verify_chain()
    assert (result.ok, result.checked, result.problem) == (True, 4, "")
    assert main(["audit", "verify"]) == 0
    assert "Toegangslog in orde: 4 logregels gecontroleerd." in capsys.readouterr().out
    # Nothing left before the boundary: a second cut removes nothing and records nothing.
    assert audit_inkorten(grens=GRENS) == 0
    assert AuditInkorting.objects.count() == 1


@committed
def test_after_a_cut_a_removed_first_entry_is_still_detected(oud_log) -> None:
    audit_inkorten(grens=GRENS)
    _tamper("DELETE FROM audit_auditentry WHERE volgnummer = %s", [4])
    result = verify_chain()
    assert (result.ok, result.first_broken, result.problem) == (
        False,
        4,
        "logregel ontbreekt (verwijderd?)",
    )


@committed
def test_after_a_cut_a_cut_off_tail_is_still_detected_by_the_checkpoints(oud_log) -> None:
    audit_inkorten(grens=GRENS)
    last = AuditEntry.objects.get(volgnummer=5)
    _tamper("DELETE FROM audit_auditentry WHERE volgnummer > %s", [5])
    _tamper("UPDATE audit_audithead SET volgnummer = %s, hash = %s WHERE id = 1", [5, last.hash])
    result = verify_chain()
    assert (result.ok, result.first_broken) == (False, 6)
    assert result.problem.startswith("logregels 6 t/m 7 ontbreken")


@committed
def test_a_cut_made_in_the_database_alone_is_refused(oud_log) -> None:
    """Delete entries 1-4 and record a cut after 4 without the key: verify rejects the beginning."""
    vierde = AuditEntry.objects.get(volgnummer=4)
    _tamper("DELETE FROM audit_auditentry WHERE volgnummer <= %s", [4])
    AuditInkorting.objects.create(
        tot_en_met=4,
        hash=vierde.hash,
        grens=GRENS,
        aantal=4,
        uitgevoerd_op=datetime.now(UTC).replace(microsecond=0),
        handtekening="0" * 64,
    )
    result = verify_chain()
    assert (result.ok, result.first_broken) == (False, 5)
    assert "het beginpunt van het ingekorte log (na logregel 4) is vervalst" in result.problem


@committed
def test_moving_the_beginning_past_a_signed_cut_is_detected(oud_log) -> None:
    """Delete the first entry after a signed cut: the chain no longer starts where the cut says."""
    audit_inkorten(grens=GRENS)
    _tamper("DELETE FROM audit_auditinkorting", [])
    result = verify_chain()
    assert (result.ok, result.first_broken) == (False, 1)


@committed
def test_a_broken_chain_is_never_cut(oud_log) -> None:
    _tamper("UPDATE audit_auditentry SET reden = %s WHERE volgnummer = %s", ["anders", 2])
    with pytest.raises(InkortenFout, match="logregel 2: inhoud gewijzigd"):
        audit_inkorten(grens=GRENS)
    assert AuditEntry.objects.count() == 6 and not AuditInkorting.objects.exists()


@pytest.mark.django_db
def test_postgresql_lets_only_a_recorded_cut_delete_entries(oud_log) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only")
    with (
        pytest.raises(DatabaseError, match="alleen-toevoegen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditentry WHERE volgnummer = 1")
    audit_inkorten(grens=GRENS)
    for sql in (
        "DELETE FROM audit_auditentry WHERE volgnummer = 4",
        "UPDATE audit_auditinkorting SET tot_en_met = 4",
        "DELETE FROM audit_auditinkorting",
    ):
        with (
            pytest.raises(DatabaseError, match="alleen-toevoegen"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert verify_chain().ok


def test_grens_is_before_the_fourth_entry() -> None:
    assert BEGIN.replace(year=2016) < GRENS < BEGIN.replace(year=2017) - timedelta(days=1)
