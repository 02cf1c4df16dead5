# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse

from naleving.core.context import set_correlation_id
from naleving.core.database import database_onbereikbaar

_SAFE_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class CorrelationIdMiddleware:
    """Give every request a correlation id (or take a well-formed X-Correlation-ID) and echo it back.

    The id is let go when the response is finished (`request_finished`), not when this middleware returns:
    Django logs a 4xx or 5xx answer (`django.request`) after the whole middleware chain, and that line must
    carry the request's id too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Correlation-ID", "")
        value = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        set_correlation_id(value)
        response = self.get_response(request)
        response["X-Correlation-ID"] = value
        return response


def _correlatie_loslaten(**_kwargs: object) -> None:
    set_correlation_id(None)


request_finished.connect(_correlatie_loslaten, dispatch_uid="naleving.correlatie_loslaten")


class DatabaseOnbereikbaarMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After, in Dutch, instead of a 500.
    (Outside a view, `views.server_error` gives the same answer.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_onbereikbaar(exception):
            return None
        from naleving.core.views import database_niet_bereikbaar

        return database_niet_bereikbaar(request, exception)
