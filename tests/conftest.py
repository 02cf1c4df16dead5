# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import importlib
import itertools
from datetime import date

import pytest

from naleving.accounts.models import Gemeente, Rol, User
from naleving.clienten.models import Client, Uitkering, Wet
from naleving.core.bsn import BsnGenerator

_numbers = itertools.count(1)


#: Reference data that migrations create. A test that commits (transaction=True, the browser tests) ends with
#: Django flushing every table, and the serialized copy it should restore is not reliably there under the live
#: server; so the fixtures put this data back when it is missing. An app whose migration adds rights adds it here.
REFERENCE_DATA = (
    "naleving.accounts.migrations.0002_rollen:add_roles",
    "naleving.accounts.migrations.0004_rechten_goedkeuren:add",
    "naleving.onderzoek.migrations.0002_rechten:add",
    "naleving.preventie.migrations.0002_catalogus:load",
    "naleving.preventie.migrations.0003_rechten:add",
    "naleving.signalen.migrations.0002_rechten:add",
    "naleving.besluiten.migrations.0002_rechten:add",
    "naleving.beleid.migrations.0002_rechten:add",
)


@pytest.fixture(autouse=True)
def _audit_anker(settings, tmp_path):
    """Each test its own checkpoint file: checkpoints of a committed test must not outlive its data."""
    settings.NALEVING_AUDIT_ANKER = tmp_path / "audit-anker.jsonl"


@pytest.fixture(scope="session", autouse=True)
def _flush_past_the_audit_trigger():
    """Django empties the tables after a test that commits with one TRUNCATE, which the audit log's trigger
    refuses on PostgreSQL (migration audit 0003). The test database is thrown away anyway, so the flush runs
    as a replica session, in which no trigger fires, as a database administrator would."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        sql = original(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        return ["SET LOCAL session_replication_role = replica", *sql] if sql else sql

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = original


def ensure_reference_data() -> None:
    if Rol.objects.exists():
        return
    from django.apps import apps

    for spec in REFERENCE_DATA:
        module, function = spec.split(":")
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def gemeenten(db) -> dict[str, Gemeente]:
    return {
        naam: Gemeente.objects.get_or_create(cbs_code=code, defaults={"naam": naam})[0]
        for naam, code in (("Waalwijk", "0867"), ("Heusden", "0797"), ("Loon op Zand", "0809"))
    }


@pytest.fixture
def make_user(db, gemeenten):
    def make(rol: str, *gemeente_namen: str, username: str | None = None) -> User:
        ensure_reference_data()
        user = User.objects.create_user(
            username=username or f"{rol}-{next(_numbers)}",
            password="een-lang-wachtwoord-123",
            rol=Rol.objects.get(code=rol),
        )
        user.gemeenten.set([gemeenten[n] for n in (gemeente_namen or ("Waalwijk",))])
        return user

    return make


@pytest.fixture
def bsns():
    import random

    return BsnGenerator(random.Random(7))


@pytest.fixture
def make_client(db, gemeenten, bsns):
    def make(
        gemeente: str = "Waalwijk",
        consulent: User | None = None,
        achternaam: str = "Jansen",
        **extra,
    ) -> Client:
        n = next(_numbers)
        voornamen = extra.pop("voornamen", "Anna")
        client = Client.objects.create(
            clientnummer=f"C{n:07d}",
            bsn=extra.pop("bsn", next(bsns)),
            voornamen=voornamen,
            achternaam=achternaam,
            zoeknaam=Client.make_zoeknaam(
                achternaam=achternaam, tussenvoegsel="", voornamen=voornamen
            ),
            geboortedatum=date(1980, 5, 17),
            straat="Kerkstraat",
            huisnummer="12",
            postcode="5141 AB",
            woonplaats="Waalwijk",
            gemeente=gemeenten[gemeente],
            consulent=consulent,
            **extra,
        )
        Uitkering.objects.create(
            client=client,
            wet=Wet.PW,
            ingangsdatum=date(2024, 1, 1),
            norm_cent=140_000,
            gemeente=gemeenten[gemeente],
        )
        return client

    return make
