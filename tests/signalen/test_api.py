# SPDX-License-Identifier: EUPL-1.2
"""Partner API: a token per organisation, scoped; idempotent; 400 with precise messages, never 500;
audited."""

from __future__ import annotations

import json

import pytest
from django.test import Client as Browser

from naleving.audit.models import AuditEntry
from naleving.signalen.api import maak_partnertoken
from naleving.signalen.models import PartnerToken, Signaal

BSN = "999990019"


@pytest.fixture
def token(db):
    return maak_partnertoken("Inlichtingenbureau")[1]


def _post(payload, token=None, raw=None):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    body = raw if raw is not None else json.dumps(payload)
    return Browser().post("/api/signalen/", body, content_type="application/json", **headers)


def test_partner_delivers_signals_idempotently(token) -> None:
    record = {
        "extern_id": "IB-9",
        "product": "detentie",
        "bsn": BSN,
        "datum": "2026-02-01",
        "inrichting": "PI",
    }
    first = _post([record], token)
    assert (first.status_code, first.json()) == (201, {"nieuw": 1, "bestaand": 0})
    again = _post(record, token)
    assert (again.status_code, again.json()) == (201, {"nieuw": 0, "bestaand": 1})
    s = Signaal.objects.get()
    assert (s.bron_naam, s.payload) == ("Inlichtingenbureau", {"inrichting": "PI"})
    assert (
        AuditEntry.objects.filter(gebruiker="partner:Inlichtingenbureau", actie="aanmaken").count()
        == 2
    )
    assert PartnerToken.objects.get().token_hash != token


def test_a_clash_with_a_concurrent_call_gets_409_and_stores_nothing(token, monkeypatch) -> None:
    """Never 500, never half-written: when the database refuses a record the checks let through
    (a concurrent call stored it first), the call gets 409 and may simply be sent again."""
    record = {"extern_id": "IB-1", "product": "detentie", "bsn": BSN, "datum": "2026-02-01"}
    assert _post([record], token).status_code == 201
    monkeypatch.setattr("naleving.signalen.importeren._bestaand", lambda bron, ids: {})
    nieuw = {**record, "extern_id": "IB-2"}
    antwoord = _post([nieuw, record], token)
    assert antwoord.status_code == 409
    assert antwoord.json()["fout"].startswith("Er is niets opgeslagen: een gelijktijdige aanroep")
    assert list(Signaal.objects.values_list("extern_id", flat=True)) == ["IB-1"]
    assert AuditEntry.objects.filter(actie="geweigerd", object_type="signalen.api").exists()


def test_bad_payload_gets_400_with_field_and_problem_and_stores_nothing(token) -> None:
    response = _post(
        [
            {"extern_id": "A", "product": "detentie", "bsn": "123", "datum": "morgen"},
            {"extern_id": "B"},
            "tekst",
        ],
        token,
    )
    assert response.status_code == 400
    assert response.json() == {
        "fouten": [
            {
                "record": 1,
                "veld": "bsn",
                "probleem": "Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor).",
            },
            {
                "record": 1,
                "veld": "datum",
                "probleem": "'morgen' is geen geldige datum; gebruik jjjj-mm-dd.",
            },
            {"record": 2, "veld": "product", "probleem": "Het veld product ontbreekt."},
            {"record": 2, "veld": "bsn", "probleem": "Het veld bsn ontbreekt."},
            {"record": 2, "veld": "datum", "probleem": "Het veld datum ontbreekt."},
            {"record": 3, "veld": "", "probleem": "Dit record is geen object met velden."},
        ]
    }
    assert Signaal.objects.count() == 0
    kapot = _post(None, token, raw="{kapot")
    assert (kapot.status_code, kapot.json()) == (
        400,
        {
            "fouten": [
                {
                    "record": 0,
                    "veld": "",
                    "probleem": "De invoer is geen geldige JSON (regel 1, kolom 2).",
                }
            ]
        },
    )
    assert _post([], token).json() == {
        "fouten": [{"record": 0, "veld": "", "probleem": "Stuur 1 tot 1000 signalen per aanroep."}]
    }


def test_without_or_with_a_wrong_token_nothing_gets_in(token) -> None:
    assert _post({"extern_id": "A"}).status_code == 401
    assert _post({"extern_id": "A"}, "nlv_fout").status_code == 401
    PartnerToken.objects.update(scope="iets.anders")
    assert _post({"extern_id": "A"}, token).status_code == 403
    assert AuditEntry.objects.filter(actie="geweigerd", object_type="signalen.api").count() == 3


def test_openapi_schema_and_docs(db) -> None:
    schema = Browser().get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/signalen/" in schema.content.decode()
    docs = Browser().get("/api/docs/").content.decode()
    assert "POST /api/signalen/" in docs and "<code>extern_id</code> (verplicht)" in docs


def test_token_command_prints_the_token_once_and_stores_its_hash(db, capsys) -> None:
    from django.core.management import call_command

    call_command("signalen_partnertoken", "UWV")
    token = capsys.readouterr().out.splitlines()[-1]
    assert token.startswith("nlv_")
    assert (
        _post(
            {"extern_id": "U1", "product": "overig", "bsn": BSN, "datum": "2026-01-01"}, token
        ).status_code
        == 201
    )
    assert not PartnerToken.objects.filter(token_hash=token).exists()
