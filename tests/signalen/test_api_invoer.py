# SPDX-License-Identifier: EUPL-1.2
"""Every answer of the partner API is JSON with a Dutch message and a 4xx for bad input, never a
5xx and never an HTML page (naleving.core.api): deep nesting, a body over the upload limit, a
wrong method, media type or path."""

from __future__ import annotations

import json

import pytest
from django.test import Client as Browser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naleving.signalen.api import maak_partnertoken
from naleving.signalen.models import Signaal

DIEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def token(db):
    return maak_partnertoken("Inlichtingenbureau")[1]


def _post(body, token=None, content_type="application/json", **extra):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    return Browser(raise_request_exception=False).post(
        "/api/signalen/", body, content_type=content_type, **headers, **extra
    )


@pytest.mark.parametrize(
    "body",
    [DIEP, '{"a": ' * 40 + "1" + "}" * 40, "[" + "[" * 32 + "]" * 32 + "]"],
    ids=["voorbij-de-recursiegrens", "40-objecten", "33-lijsten"],
)
def test_deeply_nested_json_gets_400_in_dutch_not_a_recursion_error(token, body) -> None:
    antwoord = _post(body, token)
    assert (antwoord.status_code, antwoord["Content-Type"], antwoord.json()) == (
        400,
        "application/json",
        {
            "fouten": [
                {"record": 0, "veld": "", "probleem": "De invoer is dieper genest dan 32 niveaus."}
            ]
        },
    )
    assert Signaal.objects.count() == 0


def test_a_body_over_the_upload_limit_gets_413_in_json(token, settings) -> None:
    """DATA_UPLOAD_MAX_MEMORY_SIZE (Django's default, 2.5 MB) bounds one call; over it Django
    refused with its English 400 page."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    antwoord = _post(json.dumps([{"omschrijving": "x" * 2000}] * 600), token)
    assert (antwoord.status_code, antwoord["Content-Type"], antwoord.json()) == (
        413,
        "application/json",
        {
            "fout": "De inhoud is groter dan 1 MB, de grens voor één aanroep. "
            "Stuur minder signalen per aanroep."
        },
    )


@pytest.mark.parametrize(
    ("verzoek", "status", "fout"),
    [
        (
            lambda t: _post("{}"),
            401,
            "Geef een geldig token mee: 'Authorization: Token <token>'.",
        ),
        (lambda t: _post("{}", "nlv_fout"), 401, "Onbekend of ingetrokken token."),
        (
            lambda t: Browser().get("/api/signalen/", HTTP_AUTHORIZATION=f"Token {t}"),
            405,
            "De methode GET kan hier niet. Gebruik POST.",
        ),
        (
            lambda t: _post("extern_id=A", t, content_type="application/x-www-form-urlencoded"),
            415,
            "Stuur de inhoud als JSON, met de kop 'Content-Type: application/json'.",
        ),
        (
            lambda t: _post("{}", t, HTTP_ACCEPT="text/html"),
            406,
            "De API antwoordt alleen in JSON (Accept: application/json).",
        ),
        (
            lambda t: Browser().get("/api/bestaat-niet/"),
            404,
            "Dit adres bestaat niet in de API. De beschrijving staat op /api/docs/.",
        ),
    ],
    ids=["zonder-token", "fout-token", "methode", "mediatype", "accept", "pad"],
)
def test_every_refusal_is_json_with_a_dutch_message(token, verzoek, status, fout) -> None:
    antwoord = verzoek(token)
    assert (antwoord.status_code, antwoord["Content-Type"], antwoord.json()) == (
        status,
        "application/json",
        {"fout": fout},
    )


def test_an_error_of_ours_is_json_too(token, monkeypatch) -> None:
    def kapot(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr("naleving.signalen.importeren.valideer", kapot)
    antwoord = _post(
        {"extern_id": "A", "product": "overig", "bsn": "999990019", "datum": "2026-01-01"}, token
    )
    assert (antwoord.status_code, antwoord["Content-Type"]) == (500, "application/json")
    assert antwoord.json()["fout"].startswith("Er ging iets mis aan onze kant")
    assert antwoord["X-Correlation-ID"]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda kind: (
        st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=12), kind, max_size=4)
    ),
    max_leaves=20,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "extern_id": st.text(max_size=120),
        "product": st.sampled_from(["detentie", "overig", "onbekend", ""]),
        "bsn": st.sampled_from(["999990019", "123456789", ""]) | st.integers(),
        "datum": st.sampled_from(["2026-01-01", "9999-12-31", "01-01-2026", ""]) | JSON,
        "omschrijving": st.text() | JSON,
        "inrichting": JSON,
        "nationaliteit": JSON,
    },
)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=JSON | RECORD | st.lists(RECORD, max_size=3))
def test_any_json_body_gets_json_and_no_server_error(token, body) -> None:
    """Property: whatever JSON a partner sends, the API answers JSON with a status below 500."""
    antwoord = _post(json.dumps(body), token)
    assert antwoord.status_code < 500
    assert antwoord["Content-Type"] == "application/json"
    antwoord.json()


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=st.binary(max_size=200))
def test_any_bytes_get_json_and_no_server_error(token, body) -> None:
    antwoord = _post(body, token)
    assert antwoord.status_code < 500
    assert antwoord["Content-Type"] == "application/json"
