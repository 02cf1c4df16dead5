# SPDX-License-Identifier: EUPL-1.2
"""Campaigns (beleidsmedewerker): plan, link to the execution plan, record reach. Aggregates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.core.forms import apply_validation_error
from naleving.preventie import selectors, services
from naleving.preventie.forms import BereikForm, CampagneForm
from naleving.preventie.models import Campagne


def _require(request: HttpRequest) -> None:
    if not has_right(request.user, "preventie.campagnes"):
        raise PermissionDenied("Uw rol plant geen campagnes.")


@login_required
@require_http_methods(["GET", "POST"])
def campagnes(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = CampagneForm(
        request.POST if request.method == "POST" else None,
        verplichtingen=selectors.verplichtingen_geldig_op(peildatum=timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campagne = services.campagne_plannen(
                user=staff_user(request),
                naam=data["naam"],
                doel=data["doel"],
                start=data["start"],
                einde=data["einde"],
                uitvoeringsplan_jaar=data["uitvoeringsplan_jaar"],
                uitvoeringsplan_actie=data["uitvoeringsplan_actie"],
                doelgroep=services.Doelgroep(
                    wetten=tuple(data["wetten"]),
                    gemeenten=tuple(g.pk for g in data["gemeenten"]),
                    verplichtingen=tuple(v.pk for v in data["verplichtingen"]),
                ),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "De campagne is gepland.")
            return redirect("preventie:campagne", pk=campagne.pk)
    lijst = Campagne.objects.prefetch_related("gemeenten").order_by("-start")
    return render(
        request,
        "preventie/campagnes.html",
        {"campagnes": lijst, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def campagne(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    obj = get_object_or_404(Campagne.objects.prefetch_related("gemeenten", "verplichtingen"), pk=pk)
    form = BereikForm(
        request.POST if request.method == "POST" else None,
        initial={
            "brieven_verstuurd": obj.brieven_verstuurd,
            "bijeenkomsten": obj.bijeenkomsten,
            "deelnemers": obj.deelnemers,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.campagne_bereik_vastleggen(
                user=staff_user(request),
                campagne=obj,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het bereik is vastgelegd.")
            return redirect("preventie:campagne", pk=obj.pk)
    return render(
        request,
        "preventie/campagne.html",
        {
            "campagne": obj,
            "form": form,
            "doelgroep_omvang": selectors.campagne_doelgroep(campagne=obj).count(),
        },
    )
