# SPDX-License-Identifier: EUPL-1.2
"""The retention pages: the privacy officer reads the schedule, the destruction log and the holds; the
functioneel beheerder places and lifts a legal hold."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from naleving.accounts.permissions import has_right
from naleving.bewaren import selectors
from naleving.bewaren.forms import BewaarstopForm
from naleving.bewaren.schema import naam, schema
from naleving.bewaren.services import BewaarstopFout, bewaarstop_hef_op, bewaarstop_plaats


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    if not has_right(request.user, "bewaren.bekijken"):
        raise PermissionDenied("Alleen de privacy officer ziet de bewaartermijnen.")
    log = [(regel, naam(regel.soort)) for regel in selectors.vernietigingslog()]
    return render(
        request,
        "bewaren/overzicht.html",
        {
            "termijnen": schema(nu=timezone.now()),
            "log": log,
            "stops": selectors.bewaarstops(alleen_actief=True),
        },
    )


@login_required
def bewaarstops(request: HttpRequest) -> HttpResponse:
    if not has_right(request.user, "bewaren.bewaarstop"):
        raise PermissionDenied("Alleen de functioneel beheerder plaatst een bewaarstop.")
    form = BewaarstopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            stop = bewaarstop_plaats(
                user=request.user,  # type: ignore[arg-type]
                clientnummer=form.cleaned_data["clientnummer"],
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
            )
        except BewaarstopFout as exc:
            form.add_error(None, exc.bericht)
        else:
            messages.success(
                request,
                f"Bewaarstop geplaatst voor cliënt {stop.client.clientnummer}. Er wordt niets van "
                "deze cliënt vernietigd tot u de stop opheft.",
            )
            return redirect("bewaren:bewaarstops")
    return render(
        request, "bewaren/bewaarstops.html", {"form": form, "stops": selectors.bewaarstops()}
    )


@login_required
@require_POST
def opheffen(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        stop = bewaarstop_hef_op(user=request.user, bewaarstop_id=pk)  # type: ignore[arg-type]
    except BewaarstopFout as exc:
        if not has_right(request.user, "bewaren.bewaarstop"):
            raise PermissionDenied(exc.bericht) from exc
        messages.error(request, exc.bericht)
    else:
        messages.success(
            request,
            f"Bewaarstop voor cliënt {stop.client.clientnummer} is opgeheven. Wat over zijn termijn "
            "is, gaat bij de volgende nachtelijke run.",
        )
    return redirect("bewaren:bewaarstops")
