# SPDX-License-Identifier: EUPL-1.2
"""Thin views: parse the request, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.clienten import selectors, services
from naleving.clienten.dossier import dossier_secties
from naleving.clienten.forms import AdresForm, ContactmomentForm
from naleving.clienten.selectors import may
from naleving.clienten.startpagina import startpagina
from naleving.core.forms import apply_validation_error
from naleving.core.locking import VerouderdeVersie


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """The start page of the logged-in staff member's role."""
    page = startpagina(staff_user(request))
    return render(request, page.template, page.context)


@login_required
def zoeken(request: HttpRequest) -> HttpResponse:
    if not has_right(staff_user(request), "client.zoeken"):
        raise PermissionDenied("Uw rol mag geen cliënten zoeken.")
    term = request.GET.get("q", "").strip()[:100]
    result = selectors.client_search(user=staff_user(request), zoekterm=term) if term else None
    template = (
        "clienten/_resultaten.html" if getattr(request, "htmx", False) else "clienten/zoeken.html"
    )
    return render(request, template, {"term": term, "resultaat": result})


@login_required
def dossier(request: HttpRequest, clientnummer: str) -> HttpResponse:
    client = selectors.client_for_user(user=staff_user(request), clientnummer=clientnummer)
    return render(
        request,
        "clienten/dossier.html",
        {
            "client": client,
            "contactmomenten": selectors.contactmomenten(client=client),
            "secties": dossier_secties(staff_user(request), client),
            "mag_wijzigen": may(staff_user(request), "client.wijzigen", client),
            "mag_contact": may(staff_user(request), "contactmoment.toevoegen", client),
            "contact_form": ContactmomentForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def adres_wijzigen(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = selectors.client_for_user(user=user, clientnummer=clientnummer, reden="Adres wijzigen")
    if not may(user, "client.wijzigen", client):
        raise PermissionDenied(
            "Alleen de inkomensconsulent van deze cliënt kan het adres wijzigen."
        )
    if request.method == "POST":
        form = AdresForm(request.POST)
        if form.is_valid():
            try:
                services.client_wijzig_adres(
                    user=user,
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
    user = staff_user(request)
    client = selectors.client_for_user(
        user=user, clientnummer=clientnummer, reden="Contactmoment vastleggen"
    )
    form = ContactmomentForm(request.POST)
    if form.is_valid():
        try:
            services.contactmoment_vastleggen(user=user, client=client, **form.cleaned_data)
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
            "contactmomenten": selectors.contactmomenten(client=client),
            "secties": dossier_secties(user, client),
            "mag_wijzigen": may(user, "client.wijzigen", client),
            "mag_contact": True,
            "contact_form": form,
        },
        status=400,
    )
