# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template

from naleving.core.database import database_onbereikbaar, technische_reden

logger = logging.getLogger(__name__)

#: Seconds a client is asked to wait before trying again when the database is down.
OPNIEUW_NA_SECONDEN = 30


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Rendered without the request: a request refused for its host name would fail again in the context.
    return HttpResponse(_zonder_request("400.html"), status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"exception": message}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # An unreachable database raised outside a view (in a middleware, saving the session) ends up here.
    exc = sys.exc_info()[1]
    if exc is not None and database_onbereikbaar(exc):
        return database_niet_bereikbaar(request, exc)
    # No context processors: whatever failed must not fail again while we explain it.
    return HttpResponse(get_template("500.html").render(), status=500)


def database_niet_bereikbaar(request: HttpRequest, exc: BaseException) -> HttpResponse:
    """503 with Retry-After: the page (or, under /api/, JSON) says to try again shortly. Rendered without
    context processors, which would ask the database again."""
    logger.warning("Database niet bereikbaar bij %s: %s", request.path, technische_reden(exc))
    bericht = (
        "Naleving kan de database nu niet bereiken. Er is niets opgeslagen. "
        f"Probeer het over {OPNIEUW_NA_SECONDEN} seconden opnieuw."
    )
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": bericht}, status=503)
    else:
        response = HttpResponse(_zonder_request("503.html", bericht=bericht), status=503)
    response["Retry-After"] = str(OPNIEUW_NA_SECONDEN)
    return response


def _zonder_request(template: str, **context: object) -> str:
    """A page on the base layout without context processors (which read the session and the database)."""
    return get_template(template).render(
        {
            "organisatie_naam": settings.NALEVING_ORGANISATIE,
            "demo_mode": settings.NALEVING_DEMO,
            **context,
        }
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (toegankelijkheidsverklaring, after the Dutch model of
    toegankelijkheidsverklaring.nl; Besluit digitale toegankelijkheid overheid, art. 3), made from the summary
    the browser tests write (core/toegankelijkheid.json): what was checked, on how many pages, when, and what
    was found."""
    import json
    from datetime import date
    from pathlib import Path

    data = json.loads((Path(__file__).parent / "toegankelijkheid.json").read_text(encoding="utf-8"))
    onderdelen = data.get("onderdelen", {})
    totaal = {e: sum(o["per_ernst"][e] for o in onderdelen.values()) for e in ERNST}
    return render(
        request,
        "core/toegankelijkheid.html",
        {
            "datum": date.fromisoformat(data["datum"]) if "datum" in data else None,
            "axe": data.get("axe", ""),
            "paginas": sum(o["paginas"] for o in onderdelen.values()),
            "rijen": [
                (ONDERDEEL_NAAM.get(naam, naam), o["paginas"], [o["per_ernst"][e] for e in ERNST])
                for naam, o in sorted(onderdelen.items(), key=lambda item: item[0] != "publiek")
            ],
            "totaal": [totaal[e] for e in ERNST],
            "ernstig": totaal["critical"] + totaal["serious"],
        },
    )


#: axe's impact levels, most severe first, and their Dutch names on the statement.
ERNST = ("critical", "serious", "moderate", "minor")
ONDERDEEL_NAAM = {
    "publiek": "Openbare pagina's en foutpagina's",
    "inkomensconsulent": "Medewerker: inkomensconsulent",
    "trajectbegeleider": "Medewerker: trajectbegeleider",
    "handhaver": "Medewerker: handhaver",
    "teamleider": "Medewerker: teamleider",
    "beleidsmedewerker": "Medewerker: beleidsmedewerker",
    "beheerder": "Medewerker: functioneel beheerder",
    "privacy": "Medewerker: privacy officer",
}
