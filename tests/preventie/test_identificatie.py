# SPDX-License-Identifier: EUPL-1.2
"""INTERIM identification of residents: client number + date of birth + one-time code (hashed,
short-lived, single use, void after 5 wrong attempts). Replaceable by DigiD through the backend
setting."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.preventie import identificatie, services
from naleving.preventie.models import EenmaligeCode

pytestmark = pytest.mark.django_db


def _gegevens(client, code: str, geboortedatum: date = date(1980, 5, 17)) -> dict:
    return {
        "clientnummer": client.clientnummer.lower(),
        "geboortedatum": geboortedatum,
        "code": code,
    }


def test_a_code_works_once_and_is_stored_only_as_a_hash(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    code = services.eenmalige_code_maken(user=consulent, client=client)
    assert len(code) == 8 and set(code) <= set(identificatie.ALFABET)
    assert code not in EenmaligeCode.objects.get().code_hash
    backend = identificatie.backend()
    gevonden = backend.identificeer(None, _gegevens(client, f"{code[:4]}-{code[4:].lower()}"))  # type: ignore[arg-type]
    assert (gevonden.client, gevonden.methode) == (client, "interim-code")
    with pytest.raises(identificatie.IdentificatieFout) as exc:
        backend.identificeer(None, _gegevens(client, code))  # type: ignore[arg-type]
    assert exc.value.bericht == identificatie.FOUT


def test_a_wrong_birth_date_or_an_expired_code_fails(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    code = services.eenmalige_code_maken(user=consulent, client=client)
    backend = identificatie.backend()
    with pytest.raises(identificatie.IdentificatieFout):
        backend.identificeer(None, _gegevens(client, code, geboortedatum=date(1980, 5, 18)))  # type: ignore[arg-type]
    later = timezone.now() + timedelta(minutes=31)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        pytest.raises(identificatie.IdentificatieFout),
    ):
        backend.identificeer(None, _gegevens(client, code))  # type: ignore[arg-type]


def test_five_wrong_codes_make_the_code_useless(make_client, consulent) -> None:
    client = make_client(consulent=consulent)
    code = services.eenmalige_code_maken(user=consulent, client=client)
    backend = identificatie.backend()
    for _ in range(5):
        with pytest.raises(identificatie.IdentificatieFout):
            backend.identificeer(None, _gegevens(client, "AAAAAAAA"))  # type: ignore[arg-type]
    with pytest.raises(identificatie.IdentificatieFout):
        backend.identificeer(None, _gegevens(client, code))  # type: ignore[arg-type]
    assert EenmaligeCode.objects.get().mislukte_pogingen == 5
    assert (
        AuditEntry.objects.filter(actie="geweigerd", clientnummer=client.clientnummer).count() == 6
    )


def test_only_staff_with_the_right_make_codes(make_client, make_user) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.eenmalige_code_maken(user=make_user("handhaver"), client=make_client())


class NepDigiD:
    methode = "digid"
    interim = False
    omschrijving = "DigiD"

    def identificeer(self, request, gegevens):
        from naleving.clienten.models import Client

        return identificatie.Identificatie(
            client=Client.objects.get(bsn=gegevens["bsn"]), methode="digid"
        )


@override_settings(NALEVING_INWONER_IDENTIFICATIE="tests.preventie.test_identificatie.NepDigiD")
def test_the_backend_is_replaceable(make_client) -> None:
    client = make_client()
    backend = identificatie.backend()
    assert backend.interim is False
    assert backend.identificeer(None, {"bsn": client.bsn}).client == client  # type: ignore[arg-type]
