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

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed, ParseError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.signalen.importeren import Importresultaat, Rij, Rijfout, _schrijf, valideer
from naleving.signalen.models import PartnerToken, Product, Signaalimport

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


class SignaalIn(serializers.Serializer):  # type: ignore[type-arg]
    """One signal; extra fields are kept as payload."""

    extern_id = serializers.CharField(
        max_length=100, help_text="Uniek per ketenpartner; opnieuw sturen voegt niets toe."
    )
    product = serializers.ChoiceField(choices=Product.choices)
    bsn = serializers.CharField(help_text="Negen cijfers, voldoet aan de elfproef.")
    datum = serializers.DateField(help_text="jjjj-mm-dd, niet in de toekomst.")
    omschrijving = serializers.CharField(required=False, allow_blank=True)


class SignalenAanleveren(APIView):
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [MagSignalenAanleveren]

    @extend_schema(
        summary="Signalen aanleveren",
        description="Eén signaal (object) of een lijst van hoogstens 1000. "
        "Alles of niets: bij één fout "
        "wordt niets opgeslagen en krijgt u per record het veld en het probleem terug.",
        request=SignaalIn(many=True),
        responses={
            201: inline_serializer(
                "Ontvangen",
                {"nieuw": serializers.IntegerField(), "bestaand": serializers.IntegerField()},
            ),
            400: OpenApiResponse(description="Fouten per record: {record, veld, probleem}."),
            409: OpenApiResponse(
                description="Niets opgeslagen: een gelijktijdige aanroep leverde dezelfde "
                "signalen aan. Opnieuw sturen is veilig: wat al binnen is, wordt overgeslagen."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        partner: Partner = request.user  # type: ignore[assignment]
        try:
            data = request.data
        except ParseError:
            return self._fout([Rijfout(0, "", "De inhoud is geen geldige JSON.")])
        records = data if isinstance(data, list) else [data]
        if not records or len(records) > MAX_RECORDS:
            return self._fout([Rijfout(0, "", f"Stuur 1 tot {MAX_RECORDS} signalen per aanroep.")])
        vandaag = timezone.localdate()
        goed: list[Rij] = []
        fouten: list[Rijfout] = []
        gezien: dict[str, int] = {}
        for nummer, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                fouten.append(Rijfout(nummer, "", "Dit record is geen object met velden."))
                continue
            uitkomst = valideer(nummer, record, vandaag)
            if isinstance(uitkomst, list):
                fouten.extend(uitkomst)
            elif uitkomst.extern_id in gezien:
                fouten.append(
                    Rijfout(
                        nummer,
                        "extern_id",
                        f"extern_id '{uitkomst.extern_id}' staat al in "
                        f"record {gezien[uitkomst.extern_id]} van deze aanroep.",
                        uitkomst.extern_id,
                    )
                )
            else:
                gezien[uitkomst.extern_id] = nummer
                goed.append(uitkomst)
        if fouten:
            return self._fout(fouten)
        try:
            with transaction.atomic():
                run = Signaalimport.objects.create(
                    bron_naam=partner.organisatie, bestandsnaam="API"
                )
                resultaat = Importresultaat(run)
                _schrijf(run, goed, resultaat, resultaat.fouten.append)
                run.aantal_nieuw, run.aantal_bestaand = resultaat.nieuw, resultaat.bestaand
                run.save(update_fields=["aantal_nieuw", "aantal_bestaand"])
                audit_log(
                    user=partner,
                    actie=Actie.AANMAKEN,
                    obj=run,
                    velden={"nieuw": resultaat.nieuw, "bestaand": resultaat.bestaand},
                    reden="Signalen via API",
                )
        except IntegrityError:
            # A concurrent call stored some of these external ids first; nothing of this call
            # is stored, and sending it again is safe (idempotent).
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
            ref = (body.get("items") or body).get("$ref", "")
            velden = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}) if ref else {}
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
