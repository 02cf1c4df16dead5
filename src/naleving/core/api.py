# SPDX-License-Identifier: EUPL-1.2
"""Every answer under /api/ is JSON with a Dutch message and the right status, whatever the input.

Three layers, each for what the one inside it cannot see:
- `JSONParser`: the only parser of the REST API; bounded nesting (regels.jsoninvoer), so no body
  makes the decoder fail with a RecursionError; NaN and Infinity are no JSON.
- `exception_handler`: DRF's errors (401, 403, 405, 406, 415, 429, a body over
  DATA_UPLOAD_MAX_MEMORY_SIZE as 413) become `{"fout": "..."}` in Dutch.
- `ApiJsonMiddleware`: what happens outside DRF (an unknown path under /api/, Django's own 400 or
  500 pages) is answered as JSON too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions, parsers, status
from rest_framework.response import Response

from naleving.regels import jsoninvoer

API_PREFIX = "/api/"


def _zin(fragment: str) -> str:
    return fragment[:1].upper() + fragment[1:] + "."


def te_groot_bericht() -> str:
    grens = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    mb = f"{grens / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")
    return (
        f"De inhoud is groter dan {mb} MB, de grens voor één aanroep. "
        "Stuur minder signalen per aanroep."
    )


#: Per status, the message when the error brings none of our own.
BERICHTEN: dict[int, str] = {
    400: "De aanvraag is niet goed opgebouwd. Controleer de inhoud en probeer opnieuw.",
    401: "Geef een geldig token mee: 'Authorization: Token <token>'.",
    403: "U mag dit niet met dit token.",
    404: "Dit adres bestaat niet in de API. De beschrijving staat op /api/docs/.",
    405: "Deze methode kan hier niet. De beschrijving staat op /api/docs/.",
    406: "De API antwoordt alleen in JSON (Accept: application/json).",
    413: "",  # te_groot_bericht(): it names the current limit
    415: "Stuur de inhoud als JSON, met de kop 'Content-Type: application/json'.",
    429: "Te veel aanroepen. Wacht even en probeer het dan opnieuw.",
    500: "Er ging iets mis aan onze kant; er is niets half opgeslagen. Probeer het later "
    "opnieuw. Blijft het misgaan, geef dan de waarde van de kop X-Correlation-ID door.",
}


def bericht(status_code: int) -> str:
    if status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE:
        return te_groot_bericht()
    return BERICHTEN.get(status_code) or BERICHTEN[500 if status_code >= 500 else 400]


class JSONParser(parsers.JSONParser):
    """JSON only, read with the bound on nesting of regels.jsoninvoer."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        data = stream.read() if stream is not None else b""
        try:
            tekst = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise exceptions.ParseError("De inhoud is geen UTF-8.") from None
        try:
            return jsoninvoer.laad(tekst)
        except jsoninvoer.JsonFout as fout:
            raise exceptions.ParseError(_zin(fout.bericht)) from None


#: Errors whose detail we write ourselves; DRF's own texts (translated word by word) are replaced.
EIGEN_BERICHT = (
    exceptions.AuthenticationFailed,
    exceptions.PermissionDenied,
    exceptions.ParseError,
)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's errors as `{"fout": "..."}` in Dutch; our own Dutch detail is kept."""
    # Imported here: rest_framework.views reads the API settings, which name this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, RequestDataTooBig):
        return Response({"fout": te_groot_bericht()}, status=413)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response  # not an API error: Django's 500, which ApiJsonMiddleware answers
    eigen = str(exc.detail) if isinstance(exc.detail, str) else ""
    if isinstance(exc, EIGEN_BERICHT) and eigen and eigen != str(exc.default_detail):
        tekst = eigen  # written by us, in Dutch (the token check, the permission, the parser)
    elif isinstance(exc, exceptions.MethodNotAllowed):
        methode = getattr(context.get("request"), "method", "")
        wel = [m for m in getattr(context.get("view"), "allowed_methods", []) if m != "OPTIONS"]
        tekst = f"De methode {methode} kan hier niet. Gebruik {' of '.join(wel) or 'een andere'}."
    else:
        tekst = bericht(response.status_code)
    response.data = {"fout": tekst}
    return response


class ApiJsonMiddleware:
    """Under /api/, an error answer that is not JSON (a 404 for an unknown path, Django's 400 for
    a request it refuses before any view, the 500 page) is replaced by JSON in Dutch with the same
    status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(API_PREFIX)
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        return self._json(response.status_code, response)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path.startswith(API_PREFIX) and isinstance(exception, RequestDataTooBig):
            return JsonResponse({"fout": te_groot_bericht()}, status=413)
        return None

    @staticmethod
    def _json(status_code: int, oud: HttpResponse) -> HttpResponse:
        nieuw = JsonResponse({"fout": bericht(status_code)}, status=status_code)
        for kop in ("Allow", "WWW-Authenticate", "Retry-After"):
            if kop in oud:
                nieuw[kop] = oud[kop]
        return nieuw
