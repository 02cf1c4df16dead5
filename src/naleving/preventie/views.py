# SPDX-License-Identifier: EUPL-1.2
"""Staff pages: the personal overview, information moments, change reports and the inbox."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.selectors import client_for_user, may
from naleving.core.forms import apply_validation_error
from naleving.core.pdf import render_pdf
from naleving.preventie import selectors, services
from naleving.preventie.forms import AfhandelForm, InformatiemomentForm, StaffWijzigingForm
from naleving.preventie.models import Instelling, MeldingStatus
from naleving.preventie.views_inwoner import download_response

WERKLIJST_LIMIET = 100


def _post(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@login_required
def rechten_en_plichten(request: HttpRequest, clientnummer: str) -> HttpResponse:
    """'Uw rechten en plichten' fitted to the client's situation; printable (the browser's print to
    PDF)."""
    user = staff_user(request)
    client = client_for_user(
        user=user,
        clientnummer=clientnummer,
        reden="Overzicht rechten en plichten",
    )
    if not may(user, "preventie.informeren", client):
        raise PermissionDenied("Uw rol maakt geen overzicht van rechten en plichten.")
    peildatum = timezone.localdate()
    werk = request.GET.get("werk") == "1"
    situatie = selectors.situatie_van(client=client, peildatum=peildatum, werk=werk)
    context = {
        "client": client,
        "situatie": situatie,
        "peildatum": peildatum,
        "overzicht": selectors.overzicht_rechten_en_plichten(
            situatie=situatie, peildatum=peildatum
        ),
        "organisatie_naam": settings.NALEVING_ORGANISATIE,
    }
    if request.GET.get("formaat") == "pdf":
        response = HttpResponse(
            render_pdf("preventie/rechten_en_plichten_pdf.html", context),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="rechten-en-plichten-{client.clientnummer}.pdf"'
        )
        return response
    return render(request, "preventie/rechten_en_plichten.html", context)


def _informatie_form(client: Any, data: Any = None) -> InformatiemomentForm:
    peildatum = timezone.localdate()
    wetten = selectors.situatie_van(client=client, peildatum=peildatum, werk=True).wetten
    return InformatiemomentForm(
        data,
        initial={"datum": peildatum.strftime("%d-%m-%Y")},
        verplichtingen=selectors.verplichtingen_geldig_op(peildatum=peildatum).filter(
            wet__in=wetten
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def informatiemoment(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = client_for_user(user=user, clientnummer=clientnummer, reden="Informatiemoment")
    if not may(user, "preventie.informeren", client):
        raise PermissionDenied("Uw rol legt geen informatiemomenten vast.")
    form = _informatie_form(client, _post(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.informatiemoment_vastleggen(user=user, client=client, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het informatiemoment is vastgelegd.")
            return redirect("clienten:dossier", clientnummer=client.clientnummer)
    return render(
        request,
        "preventie/informatiemoment.html",
        {"client": client, "form": form, "momenten": selectors.informatiemomenten(client=client)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["POST"])
def code_maken(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = client_for_user(user=user, clientnummer=clientnummer, reden="Eenmalige code maken")
    code = services.eenmalige_code_maken(user=user, client=client)

    return render(
        request,
        "preventie/code.html",
        {"client": client, "code": code, "minuten": Instelling.huidig().code_geldig_minuten},
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijziging_vastleggen(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = client_for_user(user=user, clientnummer=clientnummer, reden="Wijziging vastleggen")
    if not may(user, "preventie.melding_vastleggen", client):
        raise PermissionDenied("Uw rol legt geen wijzigingen vast.")
    form = StaffWijzigingForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            melding = services.wijziging_doorgeven(
                user=user,
                client=client,
                identificatiemethode="medewerker",
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                f"De wijziging is vastgelegd met ontvangstnummer {melding.ontvangstnummer}.",
            )
            return redirect("preventie:melding", ontvangstnummer=melding.ontvangstnummer)
    return render(
        request,
        "preventie/wijziging_staff.html",
        {"client": client, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def melding(request: HttpRequest, ontvangstnummer: str) -> HttpResponse:
    user = staff_user(request)
    obj = selectors.melding_for_user(user=user, ontvangstnummer=ontvangstnummer)
    form = AfhandelForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.melding_verplaats(
                user=user,
                melding=obj,
                naar=request.POST.get("naar", ""),
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "De status van de wijziging is bijgewerkt.")
            return redirect("preventie:melding", ontvangstnummer=obj.ontvangstnummer)
        obj.refresh_from_db()
    return render(
        request,
        "preventie/melding.html",
        {
            "melding": obj,
            "stappen": obj.stappen.select_related("door"),
            "form": form,
            "mag_behandelen": may(user, "preventie.inbox", obj.client),
            "Status": MeldingStatus,
        },
        status=400 if form.errors else 200,
    )


@login_required
def melding_download(request: HttpRequest, ontvangstnummer: str) -> HttpResponse:
    obj = selectors.melding_for_user(user=staff_user(request), ontvangstnummer=ontvangstnummer)
    return download_response(obj, pdf=request.GET.get("formaat") == "pdf")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not has_right(user, "preventie.inbox"):
        raise PermissionDenied("Uw rol heeft geen inbox met wijzigingen.")
    alleen_eigen = request.GET.get("alle") != "1"
    qs = selectors.inbox(user=user)
    if alleen_eigen:
        qs = qs.filter(client__consulent=user)
    meldingen = list(qs[:WERKLIJST_LIMIET])
    vandaag = timezone.localdate()
    audit_log(
        user=user,
        actie=Actie.BEKIJKEN,
        object_type="preventie.wijzigingsmelding",
        velden={"inbox": [m.ontvangstnummer for m in meldingen]},
        reden="Inbox wijzigingen",
    )
    return render(
        request,
        "preventie/inbox.html",
        {
            "meldingen": meldingen,
            "alleen_eigen": alleen_eigen,
            "termijn": timedelta(days=Instelling.huidig().reactietermijn_dagen),
            "nu": timezone.now(),
            "kpi": selectors.reactietijden(van=date(vandaag.year, 1, 1), tot=vandaag),
            "jaar": vandaag.year,
            "herinneringen": selectors.open_herinneringen(user=user),
        },
    )


@login_required
def werklijst(request: HttpRequest) -> HttpResponse:
    """Clients whose periodic information moment is due (pillar 1)."""
    user = staff_user(request)
    if not has_right(user, "preventie.informeren"):
        raise PermissionDenied("Uw rol heeft geen werklijst informatiemomenten.")
    alleen_eigen = request.GET.get("alle") != "1"
    qs = selectors.periodiek_due(
        user=user,
        peildatum=timezone.localdate(),
        langst_geleden_eerst=alleen_eigen,
    )
    if alleen_eigen:
        qs = qs.filter(consulent=user)
    clienten = list(qs[:WERKLIJST_LIMIET])
    audit_log(
        user=user,
        actie=Actie.BEKIJKEN,
        object_type="clienten.client",
        velden={"werklijst_informatiemoment": [c.clientnummer for c in clienten]},
        reden="Werklijst informatiemomenten",
    )
    return render(
        request,
        "preventie/werklijst.html",
        {
            "clienten": clienten,
            "totaal": qs.count(),
            "alleen_eigen": alleen_eigen,
            "interval": Instelling.huidig().periodiek_interval_dagen,
            "limiet": WERKLIJST_LIMIET,
            "herinneringen": selectors.open_herinneringen(user=user),
        },
    )
