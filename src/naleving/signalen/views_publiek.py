# SPDX-License-Identifier: EUPL-1.2
"""Public pages for residents: no login. The client address is used only, hashed with a rotating
secret and in memory, for the rate limit; it is never stored with a report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from naleving.core.forms import apply_validation_error
from naleving.signalen import conf, melden
from naleving.signalen.forms import AanvulForm, MeldForm
from naleving.signalen.ratelimit import Snelheidsbegrenzer

begrenzer = Snelheidsbegrenzer(limiet=conf.meldingen_per_uur())


@require_http_methods(["GET", "POST"])
def melden_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "signalen/melden.html", {"form": MeldForm()})
    if not begrenzer.toegestaan(request.META.get("REMOTE_ADDR", "")):
        return render(request, "signalen/melden_te_vaak.html", status=429)
    form = MeldForm(request.POST, request.FILES)
    if request.POST.get("website"):
        # A robot filled the hidden field: refuse without telling which check failed; nothing is
        # stored.
        return render(request, "signalen/melden_te_vaak.html", status=400)
    if form.is_valid():
        data = form.cleaned_data
        data.pop("website")
        try:
            bewijs = melden.melding_ontvang(**data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            link = request.build_absolute_uri(reverse("signalen:aanvullen", args=[bewijs.token]))
            return render(
                request,
                "signalen/melden_bedankt.html",
                {"referentie": bewijs.referentie, "link": link, "dagen": conf.vervolglink_dagen()},
            )
    return render(request, "signalen/melden.html", {"form": form}, status=400)


@require_http_methods(["GET", "POST"])
def aanvullen_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        melden.melding_voor_token(token)
    except melden.VervolgOngeldig:
        return render(request, "signalen/aanvullen_ongeldig.html", {"verlopen": False}, status=404)
    except melden.VervolgVerlopen:
        return render(request, "signalen/aanvullen_ongeldig.html", {"verlopen": True}, status=410)
    form = AanvulForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            melden.melding_aanvullen(token=token, tekst=form.cleaned_data["tekst"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return render(
                request, "signalen/aanvullen.html", {"form": AanvulForm(), "ontvangen": True}
            )
    return render(
        request, "signalen/aanvullen.html", {"form": form}, status=400 if form.errors else 200
    )
