# SPDX-License-Identifier: EUPL-1.2
"""Public pages for residents: identify, report a change, get the receipt. No staff account
involved."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Kanaal
from naleving.core.forms import apply_validation_error
from naleving.core.pdf import render_pdf
from naleving.preventie import identificatie, services
from naleving.preventie.forms import IdentificatieForm, WijzigingForm
from naleving.preventie.models import Wijzigingsmelding

SESSIE = "preventie_inwoner"
BEWIJZEN = "preventie_ontvangstbewijzen"
SESSIE_MINUTEN = 20


def _ingelogde_client(request: HttpRequest) -> tuple[Client, str] | None:
    data = request.session.get(SESSIE)
    if not data or datetime.fromisoformat(data["tot"]) < timezone.now():
        request.session.pop(SESSIE, None)
        return None
    client = Client.objects.filter(pk=data["client_id"]).first()
    return (client, data["methode"]) if client else None


@require_http_methods(["GET", "POST"])
def identificeren(request: HttpRequest) -> HttpResponse:
    backend = identificatie.backend()
    form = IdentificatieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            gevonden = backend.identificeer(request, form.cleaned_data)
        except identificatie.IdentificatieFout as exc:
            form.add_error(None, exc.bericht)
        else:
            request.session.cycle_key()
            request.session[SESSIE] = {
                "client_id": gevonden.client.pk,
                "methode": gevonden.methode,
                "tot": (timezone.now() + timedelta(minutes=SESSIE_MINUTEN)).isoformat(),
            }
            return redirect("preventie:inwoner_formulier")
    return render(
        request, "preventie/inwoner_identificeren.html", {"form": form, "backend": backend}
    )


@require_http_methods(["GET", "POST"])
def formulier(request: HttpRequest) -> HttpResponse:
    ingelogd = _ingelogde_client(request)
    if ingelogd is None:
        return redirect("preventie:inwoner_identificeren")
    client, methode = ingelogd
    form = WijzigingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            melding = services.wijziging_doorgeven(
                client=client,
                kanaal=Kanaal.PORTAAL,
                identificatiemethode=methode,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            request.session[BEWIJZEN] = [
                *request.session.get(BEWIJZEN, []),
                melding.ontvangstnummer,
            ]
            if form.cleaned_data.get("email"):
                messages.info(
                    request,
                    "Wij sturen dit ontvangstbewijs ook naar uw e-mailadres. Komt er geen e-mail? "
                    "Bewaar dan dit bewijs of download het hieronder.",
                )
            return redirect(
                "preventie:inwoner_ontvangstbewijs", ontvangstnummer=melding.ontvangstnummer
            )
    return render(
        request,
        "preventie/inwoner_formulier.html",
        {
            "form": form,
            "voornaam": client.voornamen.split()[0],
            "interim": methode == "interim-code",
        },
    )


def _eigen_melding(request: HttpRequest, ontvangstnummer: str) -> Wijzigingsmelding:
    """Only the session that made the report may see its receipt."""
    if ontvangstnummer not in request.session.get(BEWIJZEN, []):
        raise Http404("Ontvangstbewijs niet gevonden")
    return Wijzigingsmelding.objects.select_related("client").get(ontvangstnummer=ontvangstnummer)


def ontvangstbewijs(request: HttpRequest, ontvangstnummer: str) -> HttpResponse:
    melding = _eigen_melding(request, ontvangstnummer)
    audit_log(
        user=None, actie=Actie.BEKIJKEN, obj=melding, reden="Inwoner bekeek eigen ontvangstbewijs"
    )
    return render(request, "preventie/ontvangstbewijs.html", {"melding": melding, "inwoner": True})


def ontvangstbewijs_download(request: HttpRequest, ontvangstnummer: str) -> HttpResponse:
    melding = _eigen_melding(request, ontvangstnummer)
    audit_log(
        user=None, actie=Actie.EXPORTEREN, obj=melding, reden="Inwoner downloadde ontvangstbewijs"
    )
    return download_response(melding, pdf=request.GET.get("formaat") == "pdf")


def download_response(melding: Wijzigingsmelding, *, pdf: bool = False) -> HttpResponse:
    """The receipt to keep: plain text (readable anywhere) or a tagged PDF."""
    if pdf:
        response = HttpResponse(
            render_pdf(
                "preventie/ontvangstbewijs_pdf.html",
                {"melding": melding, "organisatie_naam": settings.NALEVING_ORGANISATIE},
            ),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="ontvangstbewijs-{melding.ontvangstnummer}.pdf"'
        )
        return response
    tekst = render_to_string(
        "preventie/ontvangstbewijs.txt",
        {"melding": melding, "organisatie": settings.NALEVING_ORGANISATIE},
    )
    response = HttpResponse(tekst, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="ontvangstbewijs-{melding.ontvangstnummer}.txt"'
    )
    return response


@require_http_methods(["POST"])
def afmelden(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSIE, None)
    return redirect("preventie:inwoner_identificeren")
