# SPDX-License-Identifier: EUPL-1.2
"""Rechtenverzoeken: the second person (another functioneel beheerder or the privacy officer) approves or
rejects a grant of rights on personal data. The page shows names of staff and roles, never client data."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from naleving.accounts import services
from naleving.accounts.models import Rechtenverzoek
from naleving.accounts.requests import staff_user
from naleving.accounts.selectors import rechtenverzoeken, verzoek_omschrijving


class BeslissingForm(forms.Form):
    besluit = forms.ChoiceField(
        choices=[("goedkeuren", "Goedkeuren"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
        label="Uw besluit",
        error_messages={"required": "Kies goedkeuren of afwijzen."},
    )
    toelichting = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        label="Toelichting",
        help_text="Verplicht bij afwijzen.",
    )


def _require_beslisser(request: HttpRequest) -> None:
    if not services.mag_beslissen(user=staff_user(request)):
        raise PermissionDenied(
            "Alleen een functioneel beheerder of de privacy officer beslist over rechtenverzoeken."
        )


@login_required
def verzoeken(request: HttpRequest) -> HttpResponse:
    _require_beslisser(request)
    open_ = list(rechtenverzoeken(open_=True)[:100])
    beslist = list(rechtenverzoeken(open_=False)[:25])
    return render(
        request,
        "accounts/rechtenverzoeken.html",
        {
            "open": [(v, verzoek_omschrijving(verzoek=v)) for v in open_],
            "beslist": [(v, verzoek_omschrijving(verzoek=v)) for v in beslist],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def verzoek(request: HttpRequest, pk: int) -> HttpResponse:
    _require_beslisser(request)
    user = staff_user(request)
    item = get_object_or_404(
        Rechtenverzoek.objects.select_related("rol", "medewerker", "aangevraagd_door"), pk=pk
    )
    form = BeslissingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rechtenverzoek_beslissen(
                door=user,
                verzoek=item,
                goedkeuren=form.cleaned_data["besluit"] == "goedkeuren",
                toelichting=form.cleaned_data["toelichting"],
            )
        except services.RechtenGeweigerd as exc:
            form.add_error(None, str(exc.args[0]))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Uw besluit over verzoek {item.pk} is vastgelegd.")
            return redirect("rechten:verzoeken")
    return render(
        request,
        "accounts/rechtenverzoek.html",
        {
            "verzoek": item,
            "omschrijving": verzoek_omschrijving(verzoek=item),
            "form": form,
            "eigen": item.aangevraagd_door_id == user.pk,
        },
        status=400 if request.method == "POST" else 200,
    )
