# SPDX-License-Identifier: EUPL-1.2
"""Partner API: chain partners deliver signals with a token per organisation, scoped to signal
intake.

Every call is in the access log. A bad payload gets 400 with, per record, the field and the Dutch
problem; nothing of such a delivery is stored (all or nothing per call).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, ParseError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.signalen import extravelden, importeren
from naleving.signalen.importeren import Rijfout
from naleving.signalen.models import PartnerToken, Product

SCOPE = "signalen.aanleveren"
MAX_RECORDS = 1000


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def maak_partnertoken(organisatie: str) -> tuple[PartnerToken, str]:
    """A new token; the plain value is returned once and never stored."""
    token = "nlv_" + secrets.token_urlsafe(32)
    obj = PartnerToken.objects.create(
        organisatie=organisatie, token_hash=token_hash(token), prefix=token[:8]
    )
    audit_log(user=None, actie=Actie.AANMAKEN, obj=obj, velden={"organisatie": organisatie})
    return obj, token


@dataclass(frozen=True)
class Partner:
    """The authenticated party of an API call; quacks like a user for the audit log."""

    organisatie: str
    is_authenticated: bool = True
    is_active: bool = True
    rol = None
    rol_id = "ketenpartner"

    def get_username(self) -> str:
        return f"partner:{self.organisatie}"


class PartnerTokenAuthentication(BaseAuthentication):
    keyword = b"token"

    def authenticate(self, request: Request) -> tuple[Partner, PartnerToken] | None:
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() != self.keyword:
            return None
        if len(delen) != 2:
            raise AuthenticationFailed("Geef het token zo mee: 'Authorization: Token <token>'.")
        token = PartnerToken.objects.filter(
            token_hash=token_hash(delen[1].decode(errors="replace")), actief=True
        ).first()
        if token is None:
            raise AuthenticationFailed("Onbekend of ingetrokken token.")
        return Partner(token.organisatie), token

    def authenticate_header(self, request: Request) -> str:
        return "Token"


class PartnerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "naleving.signalen.api.PartnerTokenAuthentication"
    name = "partnerToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token per ketenpartner: `Authorization: Token <token>`.",
        }


class MagSignalenAanleveren(BasePermission):
    message = "Dit token mag geen signalen aanleveren."

    def has_permission(self, request: Request, view: Any) -> bool:
        return isinstance(request.auth, PartnerToken) and request.auth.scope == SCOPE


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "minLength": 1, "maxLength": extravelden.MAX_WAARDE},
            {"type": "number"},
        ]
    }
)
class ExtraVeld(serializers.Field):  # type: ignore[type-arg]
    """One extra field of the allow-list: one text or number (only for the schema)."""


def _extra_velden() -> dict[str, serializers.Field]:  # type: ignore[type-arg]
    producten: dict[str, list[str]] = {}
    for product, lijst in extravelden.KETENPARTNER.items():
        for veld in lijst:
            producten.setdefault(veld.naam, []).append(str(product))
    return {
        naam: ExtraVeld(required=False, help_text=f"Alleen bij product {', '.join(p)}.")
        for naam, p in sorted(producten.items())
    }


class _SignaalKern(serializers.Serializer):  # type: ignore[type-arg]
    extern_id = serializers.CharField(
        min_length=1,
        max_length=100,
        help_text="Uniek per ketenpartner; opnieuw sturen voegt niets toe.",
    )
    product = serializers.ChoiceField(choices=Product.choices)
    bsn = serializers.CharField(min_length=1, help_text="Negen cijfers, voldoet aan de elfproef.")
    datum = serializers.DateField(help_text="jjjj-mm-dd, niet in de toekomst.")
    omschrijving = serializers.CharField(required=False, allow_blank=True, max_length=10_000)


#: One signal: the core fields and the extra fields of the allow-list (extravelden.py); an extra
#: field of another product, or any other field, is refused with 400. Only for the schema: the
#: view hands the records to importeren.lever_aan, which checks them with valideer as the
#: batch import does.
SignaalIn = type(
    "SignaalIn",
    (_SignaalKern,),
    {
        **_extra_velden(),
        "__doc__": "Eén signaal. Extra velden alleen die bij het product horen; "
        "elk ander veld wordt geweigerd (400).",
    },
)

_FOUT = inline_serializer("Fout", {"fout": serializers.CharField()})
_FOUTEN = inline_serializer(
    "Fouten",
    {
        "fouten": inline_serializer(
            "Recordfout",
            {
                "record": serializers.IntegerField(
                    help_text="Het nummer van het record (vanaf 1); 0 voor de aanroep als geheel."
                ),
                "veld": serializers.CharField(allow_blank=True),
                "probleem": serializers.CharField(),
            },
            many=True,
        )
    },
)


class SignalenAanleveren(APIView):
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [MagSignalenAanleveren]

    @extend_schema(
        summary="Signalen aanleveren",
        description="Eén signaal (object) of een lijst van hoogstens 1000. "
        "Alles of niets: bij één fout "
        "wordt niets opgeslagen en krijgt u per record het veld en het probleem terug.",
        examples=[
            OpenApiExample(
                "Eén signaal",
                request_only=True,
                value={
                    "extern_id": "IB-2026-000123",
                    "product": "detentie",
                    "bsn": "999990019",
                    "datum": "2026-01-05",
                    "omschrijving": "Detentie gemeld door DJI",
                    "inrichting": "PI Vught",
                },
            )
        ],
        request=PolymorphicProxySerializer(
            component_name="Aanlevering",
            serializers=[SignaalIn, SignaalIn(many=True)],
            resource_type_field_name=None,
            many=False,
        ),
        responses={
            201: inline_serializer(
                "Ontvangen",
                {"nieuw": serializers.IntegerField(), "bestaand": serializers.IntegerField()},
            ),
            400: OpenApiResponse(
                _FOUTEN, description="Fouten per record: {record, veld, probleem}."
            ),
            401: OpenApiResponse(_FOUT, description="Geen, een onbekend of een ingetrokken token."),
            403: OpenApiResponse(_FOUT, description="Dit token mag geen signalen aanleveren."),
            406: OpenApiResponse(_FOUT, description="De API antwoordt alleen in JSON."),
            409: OpenApiResponse(
                _FOUT,
                description="Niets opgeslagen: een gelijktijdige aanroep leverde dezelfde "
                "signalen aan. Opnieuw sturen is veilig: wat al binnen is, wordt overgeslagen.",
            ),
            413: OpenApiResponse(
                _FOUT, description="De inhoud is groter dan de grens voor één aanroep."
            ),
            415: OpenApiResponse(_FOUT, description="De inhoud is geen JSON."),
        },
    )
    def post(self, request: Request) -> Response:
        partner: Partner = request.user  # type: ignore[assignment]
        try:
            data = request.data
        except ParseError as exc:
            return self._fout([Rijfout(0, "", str(exc.detail))])
        records = data if isinstance(data, list) else [data]
        try:
            resultaat = importeren.lever_aan(
                records=records,
                bron_naam=partner.organisatie,
                user=partner,
                max_records=MAX_RECORDS,
            )
        except importeren.Aanleverfout as fout:
            return self._fout(fout.fouten)
        except importeren.GelijktijdigeAanlevering:
            return Response(
                {
                    "fout": "Er is niets opgeslagen: een gelijktijdige aanroep leverde dezelfde "
                    "signalen aan. Stuur de aanroep opnieuw; wat al binnen is, wordt overgeslagen."
                },
                status=status.HTTP_409_CONFLICT,
            )
        return Response(
            {"nieuw": resultaat.nieuw, "bestaand": resultaat.bestaand},
            status=status.HTTP_201_CREATED,
        )

    def _fout(self, fouten: list[Rijfout]) -> Response:
        return Response(
            {"fouten": [{"record": f.rij, "veld": f.veld, "probleem": f.probleem} for f in fouten]},
            status=status.HTTP_400_BAD_REQUEST,
        )

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        if response.status_code != status.HTTP_201_CREATED:
            user = request.user if isinstance(getattr(request, "_user", None), Partner) else None
            audit_log(
                user=user,
                actie=Actie.GEWEIGERD,
                object_type="signalen.api",
                velden={"status": response.status_code},
                reden="API-aanroep geweigerd",
            )
        return super().finalize_response(request, response, *args, **kwargs)


def schema_aanvullen(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """What drf-spectacular cannot say from the serializers: a list holds 1 to MAX_RECORDS
    signals, and a call without a body is refused."""
    lijst = result["components"]["schemas"]["Aanlevering"]["oneOf"][1]
    lijst.update(minItems=1, maxItems=MAX_RECORDS)
    result["paths"]["/api/signalen/"]["post"]["requestBody"]["required"] = True
    return result


def api_docs(request: HttpRequest) -> HttpResponse:
    """Readable API documentation, rendered on the server from the OpenAPI document (no external
    scripts)."""
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    paden = []
    for pad, methoden in schema.get("paths", {}).items():
        for methode, op in methoden.items():
            body = (
                op.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
            )
            schemas = schema["components"]["schemas"]
            if "$ref" in body:  # one object or a list of them: the fields are those of the object
                body = schemas.get(body["$ref"].rsplit("/", 1)[-1], {})
            ref = next(
                (d.get("$ref", "") for d in [body, *body.get("oneOf", [])] if "$ref" in d), ""
            )
            velden = schemas.get(ref.rsplit("/", 1)[-1], {}) if ref else {}
            paden.append(
                {
                    "pad": pad,
                    "methode": methode.upper(),
                    "op": op,
                    "velden": velden.get("properties", {}),
                    "verplicht": velden.get("required", []),
                    "antwoorden": op.get("responses", {}),
                }
            )
    return render(
        request, "signalen/api_docs.html", {"info": schema.get("info", {}), "paden": paden}
    )
