# SPDX-License-Identifier: EUPL-1.2
"""The uitvoeringsplan pages: list of years, one plan with its actions, one action. Thin views:
every write goes through naleving.beleid.services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.beleid import services
from naleving.beleid.forms import ActieForm, ActieStatusForm, PijlerEvaluatieForm, PlanForm
from naleving.beleid.models import Actie, Pijler, Uitvoeringsplan, volgende_plan_status
from naleving.beleid.statemachine import OPEN, ActieStatus, volgende
from naleving.core.forms import apply_validation_error
from naleving.core.locking import VerouderdeVersie
from naleving.preventie.models import Campagne


def _require(request: HttpRequest, schrijven: bool = False) -> None:
    if not has_right(request.user, "beleid.plannen" if schrijven else "rapportage.bekijken"):
        raise PermissionDenied("Uw rol werkt niet aan het uitvoeringsplan.")


@login_required
@require_http_methods(["GET", "POST"])
def plannen(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = PlanForm(request.POST or None, initial={"jaar": timezone.localdate().year + 1})
    if request.method == "POST":
        _require(request, schrijven=True)
        if form.is_valid():
            try:
                plan = services.plan_aanmaken(user=staff_user(request), **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"Het uitvoeringsplan {plan.jaar} is aangemaakt.")
                return redirect("beleid:plan", jaar=plan.jaar)
    return render(
        request,
        "beleid/plannen.html",
        {
            "plannen": Uitvoeringsplan.objects.all(),
            "form": form,
            "mag_schrijven": has_right(request.user, "beleid.plannen"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, jaar: int) -> HttpResponse:
    _require(request)
    obj = get_object_or_404(Uitvoeringsplan, jaar=jaar)
    actie_form = ActieForm(request.POST if request.POST.get("doel") == "actie" else None)
    pijler_form = PijlerEvaluatieForm(
        request.POST if request.POST.get("doel") == "pijler" else None
    )
    if request.method == "POST":
        _require(request, schrijven=True)
        doel = request.POST.get("doel")
        try:
            if doel == "actie" and actie_form.is_valid():
                services.actie_toevoegen(
                    user=staff_user(request), plan=obj, **actie_form.cleaned_data
                )
                messages.success(request, "De actie is toegevoegd.")
                return redirect("beleid:plan", jaar=jaar)
            if doel == "pijler" and pijler_form.is_valid():
                services.pijler_evalueren(
                    user=staff_user(request), plan=obj, **pijler_form.cleaned_data
                )
                messages.success(request, "De evaluatie van de pijler is opgeslagen.")
                return redirect("beleid:plan", jaar=jaar)
            if doel == "overnemen":
                n = len(services.acties_overnemen(user=staff_user(request), plan=obj))
                messages.success(request, f"{n} open actie(s) van {jaar - 1} overgenomen.")
                return redirect("beleid:plan", jaar=jaar)
            if doel == "status":
                services.plan_status(
                    user=staff_user(request),
                    plan=obj,
                    versie=int(request.POST.get("versie", 0)),
                    status=request.POST.get("status", ""),
                    evaluatie=request.POST.get("evaluatie", ""),
                )
                messages.success(request, "De status van het plan is gewijzigd.")
                return redirect("beleid:plan", jaar=jaar)
        except ValidationError as exc:
            apply_validation_error(actie_form if doel == "actie" else pijler_form, exc)
            if doel == "status":
                messages.error(request, " ".join(exc.messages))
        except VerouderdeVersie as exc:
            messages.error(request, exc.bericht)
    context = {
        "plan": obj,
        "acties": obj.acties.select_related("overgenomen_van__plan"),
        "pijlers": [(Pijler(e.pijler).label, e.tekst) for e in obj.pijlers.all()],
        "wijzigingen": obj.wijzigingen.select_related("door", "actie").order_by("-op", "-pk")[:50],
        "actie_form": actie_form,
        "pijler_form": pijler_form,
        "volgende_status": volgende_plan_status(obj.status),
        "mag_schrijven": has_right(request.user, "beleid.plannen"),
        "vorig_jaar_open": Actie.objects.filter(plan__jaar=jaar - 1, status__in=OPEN).count(),
    }
    return render(
        request,
        "beleid/plan.html",
        context,
        status=400 if actie_form.errors or pijler_form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def actie(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    obj = get_object_or_404(Actie.objects.select_related("plan"), pk=pk)
    form = ActieStatusForm(
        request.POST if request.POST.get("doel") == "status" else None,
        initial={
            "status": obj.status,
            "resultaat": obj.resultaat,
            "evaluatie": obj.evaluatie,
            "versie": obj.versie,
        },
    )
    status_veld = form.fields["status"]
    assert isinstance(status_veld, forms.ChoiceField)
    status_veld.choices = [(obj.status, obj.get_status_display())] + [
        (s, ActieStatus(s).label) for s in volgende(obj.status)
    ]
    if request.method == "POST":
        _require(request, schrijven=True)
        try:
            if request.POST.get("doel") == "campagnes":
                services.campagnes_koppelen(
                    user=staff_user(request),
                    actie=obj,
                    campagne_ids=[int(c) for c in request.POST.getlist("campagnes") if c.isdigit()],
                )
                messages.success(request, "De campagnes zijn gekoppeld.")
                return redirect("beleid:actie", pk=pk)
            if form.is_valid():
                services.actie_bijwerken(user=staff_user(request), actie=obj, **form.cleaned_data)
                messages.success(request, "De actie is bijgewerkt.")
                return redirect("beleid:plan", jaar=obj.plan.jaar)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        except VerouderdeVersie as exc:
            form.add_error(None, exc.bericht)
    return render(
        request,
        "beleid/actie.html",
        {
            "actie": obj,
            "form": form,
            "campagnes": Campagne.objects.order_by("-start"),
            "gekoppeld": {c.pk for c in obj.alle_campagnes()},
            "geschiedenis": obj.wijzigingen.select_related("door").order_by("-op", "-pk"),
            "mag_schrijven": has_right(request.user, "beleid.plannen"),
        },
        status=400 if form.errors else 200,
    )
