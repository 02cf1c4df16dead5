# SPDX-License-Identifier: EUPL-1.2
"""The partner API keeps to its OpenAPI document (/api/schema/): schemathesis generates requests
from the document (its example, boundary cases, then random ones) and checks every answer against
it. Bounded and deterministic (a fixed number of examples, derandomized), through the WSGI
application: no network, no server to start. It runs in the test suite, so scripts/test and CI run
it on SQLite and on PostgreSQL.

Checks: no server error; every status code, content type and body is one the document names."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from naleving.signalen.api import MAX_RECORDS, maak_partnertoken

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Loaded through the application itself, as a partner would read it.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


@pytest.fixture
def token(db):
    """The calls go to the WSGI application itself, not through Django's test client; like that
    client, keep the application from closing the test's database connection after each request
    (PostgreSQL: the test runs in one transaction on that connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield maak_partnertoken("Inlichtingenbureau")[1]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_openapi_document_says(case, token) -> None:
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


def test_the_document_is_honest_about_what_the_api_accepts_and_answers(db) -> None:
    """One object or a list of 1 to 1000; required texts not empty; every refusal documented,
    401 included, with the shape of its JSON body."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    post = document["paths"]["/api/signalen/"]["post"]
    onderdelen = document["components"]["schemas"]
    aanlevering = onderdelen["Aanlevering"]["oneOf"]
    assert aanlevering == [
        {"$ref": "#/components/schemas/SignaalIn"},
        {
            "type": "array",
            "items": {"$ref": "#/components/schemas/SignaalIn"},
            "minItems": 1,
            "maxItems": MAX_RECORDS,
        },
    ]
    assert post["requestBody"]["required"] is True
    assert list(post["requestBody"]["content"]) == ["application/json"]
    signaal = onderdelen["SignaalIn"]
    assert {n: signaal["properties"][n].get("minLength") for n in ("extern_id", "bsn")} == {
        "extern_id": 1,
        "bsn": 1,
    }
    assert set(signaal["required"]) == {"extern_id", "product", "bsn", "datum"}
    assert "nationaliteit" not in signaal["properties"]
    assert sorted(post["responses"]) == ["201", "400", "401", "403", "406", "409", "413", "415"]
    for code in ("401", "403", "406", "409", "413", "415"):
        assert post["responses"][code]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Fout"
        }
