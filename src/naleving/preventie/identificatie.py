# SPDX-License-Identifier: EUPL-1.2
"""How a resident proves who they are before reporting a change: a replaceable backend.

The interface is `InwonerIdentificatie`; the active backend is the dotted path in the setting
`NALEVING_INWONER_IDENTIFICATIE` (default: the interim code backend below). A DigiD backend
implements the same interface: its `identificeer` reads the SAML answer from DigiD and maps the
BSN to a client.

INTERIM: until DigiD is connected, a resident identifies with client number + date of birth + a
one-time code that the consultant generates in the client file. The code is stored only as a hash,
lives `Instelling.code_geldig_minuten` minutes, works once, and dies after `MAX_POGINGEN` wrong
attempts."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.module_loading import import_string

from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client
from naleving.preventie.models import EenmaligeCode

MAX_POGINGEN = 5
ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read out and type
CODE_LENGTE = 8
FOUT = (
    "Deze gegevens kloppen niet, of de code is verlopen of al gebruikt. "
    "Controleer wat u invulde of vraag uw consulent om een nieuwe code."
)


class IdentificatieFout(Exception):
    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


@dataclass(frozen=True)
class Identificatie:
    client: Client
    methode: str  # stored on the change report: 'interim-code', later 'digid'


class InwonerIdentificatie(Protocol):
    methode: str
    interim: bool
    #: a human-readable name of the method, shown on the public page
    omschrijving: str

    def identificeer(self, request: HttpRequest, gegevens: dict[str, Any]) -> Identificatie: ...


def backend() -> InwonerIdentificatie:
    path = getattr(
        settings,
        "NALEVING_INWONER_IDENTIFICATIE",
        "naleving.preventie.identificatie.InterimCodeIdentificatie",
    )
    return import_string(path)()  # type: ignore[no-any-return]


def nieuwe_code() -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(CODE_LENGTE))


def normaliseer_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


class InterimCodeIdentificatie:
    """Client number + date of birth + one-time code. Interim: replace by DigiD when it is
    connected."""

    methode = "interim-code"
    interim = True
    omschrijving = (
        "Tijdelijke inlog met cliëntnummer, geboortedatum en een eenmalige code van uw consulent"
    )

    def identificeer(self, request: HttpRequest, gegevens: dict[str, Any]) -> Identificatie:
        clientnummer = str(gegevens.get("clientnummer", "")).strip().upper()
        geboortedatum = gegevens.get("geboortedatum")
        code = normaliseer_code(str(gegevens.get("code", "")))
        if not clientnummer or not isinstance(geboortedatum, date) or not code:
            raise IdentificatieFout(FOUT)
        nu = timezone.now()
        with transaction.atomic():
            client = Client.objects.filter(
                clientnummer=clientnummer, geboortedatum=geboortedatum
            ).first()
            kandidaat = (
                EenmaligeCode.objects.select_for_update()
                .filter(client=client, gebruikt_op__isnull=True, geldig_tot__gt=nu)
                .filter(mislukte_pogingen__lt=MAX_POGINGEN)
                .order_by("-aangemaakt_op")
                .first()
                if client is not None
                else None
            )
            geldig = kandidaat is not None and check_password(code, kandidaat.code_hash)
            if not geldig:
                if kandidaat is not None:
                    EenmaligeCode.objects.filter(pk=kandidaat.pk).update(
                        mislukte_pogingen=kandidaat.mislukte_pogingen + 1
                    )
                audit_log(
                    user=None,
                    actie=Actie.GEWEIGERD,
                    object_type="preventie.eenmaligecode",
                    object_id=clientnummer[:64],
                    client=client,
                    reden="Inwoner niet geïdentificeerd (interim-code)",
                )
            else:
                assert kandidaat is not None
                kandidaat.gebruikt_op = nu
                kandidaat.save(update_fields=["gebruikt_op"])
                audit_log(
                    user=None,
                    actie=Actie.BEKIJKEN,
                    obj=kandidaat,
                    client=client,
                    reden="Inwoner geïdentificeerd met interim-code om een wijziging door te geven",
                )
        if not geldig:
            # Raised after the block, so the failed attempt and its log entry are kept.
            raise IdentificatieFout(FOUT)
        return Identificatie(client=client, methode=self.methode)  # type: ignore[arg-type]


def code_opslaan(*, client: Client, code: str, door: Any, geldig_minuten: int) -> EenmaligeCode:
    nu = timezone.now()
    return EenmaligeCode.objects.create(
        client=client,
        code_hash=make_password(code),
        aangemaakt_op=nu,
        geldig_tot=nu + timedelta(minutes=geldig_minuten),
        aangemaakt_door=door,
    )
