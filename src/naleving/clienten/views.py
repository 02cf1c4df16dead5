# SPDX-License-Identifier: EUPL-1.2
"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right, may
from naleving.clienten import selectors, services
from naleving.clienten.forms import AdresForm, ContactmomentForm
from naleving.core.forms import apply_validation_error
from naleving.core.locking import VerouderdeVersie


@login_required
def zoeken(request: HttpRequest) -> HttpResponse:
    if not has_right(request.user, "client.zoeken"):
        raise PermissionDenied("Uw rol mag geen cliënten zoeken.")
    term = request.GET.get("q", "").strip()[:100]
    result = selectors.client_search(user=request.user, zoekterm=term) if term else None  # type: ignore[arg-type]
    template = "clienten/_resultaten.html" if request.htmx else "clienten/zoeken.html"  # type: ignore[attr-defined]
    return render(request, template, {"term": term, "resultaat": result})


@login_required
def dossier(request: HttpRequest, clientnummer: str) -> HttpResponse:
    client = selectors.client_for_user(user=request.user, clientnummer=clientnummer)  # type: ignore[arg-type]
    return render(
        request,
        "clienten/dossier.html",
        {
            "client": client,
            "contactmomenten": selectors.contactmomenten(client),
            "mag_wijzigen": may(request.user, "client.wijzigen", client),  # type: ignore[arg-type]
            "mag_contact": may(request.user, "contactmoment.toevoegen", client),  # type: ignore[arg-type]
            "contact_form": ContactmomentForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def adres_wijzigen(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = request.user
    client = selectors.client_for_user(user=user, clientnummer=clientnummer, reden="Adres wijzigen")  # type: ignore[arg-type]
    if not may(user, "client.wijzigen", client):  # type: ignore[arg-type]
        raise PermissionDenied("Alleen de inkomensconsulent van deze cliënt kan het adres wijzigen.")
    if request.method == "POST":
        form = AdresForm(request.POST)
        if form.is_valid():
            try:
                services.client_wijzig_adres(
                    user=user,  # type: ignore[arg-type]
                    client=client,
                    versie=form.cleaned_data.pop("versie"),
                    adres=services.AdresWijziging(**form.cleaned_data),
                )
            except VerouderdeVersie as exc:
                form.add_error(None, exc.bericht)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Het adres is gewijzigd.")
                return redirect("clienten:dossier", clientnummer=client.clientnummer)
    else:
        form = AdresForm(
            initial={
                "versie": client.versie,
                "straat": client.straat,
                "huisnummer": client.huisnummer,
                "postcode": client.postcode,
                "woonplaats": client.woonplaats,
            }
        )
    return render(request, "clienten/adres.html", {"client": client, "form": form})


@login_required
@require_http_methods(["POST"])
def contactmoment_toevoegen(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = request.user
    client = selectors.client_for_user(user=user, clientnummer=clientnummer, reden="Contactmoment vastleggen")  # type: ignore[arg-type]
    form = ContactmomentForm(request.POST)
    if form.is_valid():
        try:
            services.contactmoment_vastleggen(user=user, client=client, **form.cleaned_data)  # type: ignore[arg-type]
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het contactmoment is vastgelegd.")
            return redirect("clienten:dossier", clientnummer=client.clientnummer)
    return render(
        request,
        "clienten/dossier.html",
        {
            "client": client,
            "contactmomenten": selectors.contactmomenten(client),
            "mag_wijzigen": may(user, "client.wijzigen", client),  # type: ignore[arg-type]
            "mag_contact": True,
            "contact_form": form,
        },
        status=400,
    )
