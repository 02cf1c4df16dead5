# SPDX-License-Identifier: EUPL-1.2
"""Staff pages: the handhaver's queue and triage, the colleague's form, the teamleider's overview
and upload. Thin: parse, call one selector or service, render."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten import selectors as client_selectors
from naleving.clienten.selectors import may
from naleving.core.forms import apply_validation_error
from naleving.signalen import conf, selectors, services
from naleving.signalen.bestanden import Bestandsfout
from naleving.signalen.bevestiging import bron_keuzes
from naleving.signalen.forms import ImportForm, KoppelForm, RegistreerForm, TriageForm
from naleving.signalen.importeren import importeer
from naleving.signalen.models import Signaal, Signaalimport
from naleving.signalen.selectors import ORDENINGEN
from naleving.signalen.tasks import importeer_op_achtergrond


def _user(request: HttpRequest) -> User:
    """Every view here is behind login_required, so the user is a staff member."""
    return cast(User, request.user)


@login_required
def wachtrij(request: HttpRequest) -> HttpResponse:
    gekoppeld = request.GET.get("rij") != "ongekoppeld"
    ordening = request.GET.get("orde", "leeftijd")
    if ordening not in ORDENINGEN:
        ordening = "leeftijd"
    qs = selectors.wachtrij(user=_user(request), gekoppeld=gekoppeld, ordening=ordening)
    vandaag = timezone.localdate()
    signalen = list(qs[: selectors.WACHTRIJ_LIMIET])
    audit_log(
        user=_user(request),
        actie=Actie.BEKIJKEN,
        object_type="signalen.wachtrij",
        velden={"signalen": [s.pk for s in signalen], "gekoppeld": gekoppeld},
    )
    return render(
        request,
        "signalen/wachtrij.html",
        {
            "signalen": signalen,
            "gekoppeld": gekoppeld,
            "ordening": ordening,
            "ordeningen": list(ORDENINGEN),
            "aantal": qs.count(),
            # The triage term (werkafspraak in the parameter file) is stored on each signal at receipt.
            "vandaag": vandaag,
            "te_laat": qs.filter(termijn__lt=vandaag).count(),
            "termijn_dagen": conf.triagetermijn_dagen(),
        },
    )


def _detail(
    request: HttpRequest,
    signaal: Signaal,
    *,
    triage_form: TriageForm | None = None,
    koppel_form: KoppelForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "signalen/signaal.html",
        {
            **selectors.signaal_pagina(signaal=signaal),
            "triage_form": triage_form or _triage_form(request, signaal),
            "koppel_form": koppel_form or KoppelForm(),
        },
        status=status,
    )


def _triage_form(request: HttpRequest, signaal: Signaal, data: object = None) -> TriageForm:
    keuzes = (
        bron_keuzes(user=_user(request), client=signaal.client)
        if signaal.anoniem and signaal.client is not None
        else []
    )
    return TriageForm(data, anoniem=signaal.anoniem, bron_keuzes=keuzes)


@login_required
def signaal(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.signaal_voor_triage(user=_user(request), pk=pk)
    return _detail(request, s)


@login_required
@require_POST
def oppakken(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.signaal_voor_triage(user=_user(request), pk=pk, reden="In behandeling nemen")
    try:
        services.signaal_neem_in_behandeling(user=_user(request), signaal=s)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "U heeft het signaal in behandeling genomen.")
    return redirect("signalen:signaal", pk=s.pk)


@login_required
@require_POST
def koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.signaal_voor_triage(user=_user(request), pk=pk, reden="Koppelen aan cliënt")
    form = KoppelForm(request.POST)
    if form.is_valid():
        try:
            services.signaal_koppel(
                user=_user(request),
                signaal=s,
                bsn_of_clientnummer=form.cleaned_data["client"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het signaal is gekoppeld aan de cliënt.")
            return redirect("signalen:signaal", pk=s.pk)
    return _detail(request, s, koppel_form=form, status=400)


@login_required
@require_POST
def triageren(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.signaal_voor_triage(user=_user(request), pk=pk, reden="Triage")
    form = _triage_form(request, s, request.POST)
    if form.is_valid():
        try:
            services.signaal_triageer(user=_user(request), signaal=s, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            # The investigation capability links the investigation it opened to the stored signal.
            s.refresh_from_db(fields=["onderzoek_ref"])
            ref = s.onderzoek_ref
            messages.success(
                request,
                f"Het triagebesluit is vastgelegd. Onderzoek {ref} is aangevraagd; "
                "de teamleider wijst het toe."
                if ref
                else "Het triagebesluit is vastgelegd.",
            )
            return redirect("signalen:signaal", pk=s.pk)
    return _detail(request, s, triage_form=form, status=400)


@login_required
def bijlage(request: HttpRequest, pk: int) -> FileResponse:
    """Attachments only for staff who may triage the signal; every download is in the access log."""
    b = selectors.bijlage_voor_triage(user=_user(request), pk=pk)
    s = b.signaal
    pad = (Path(settings.MEDIA_ROOT) / b.bestand).resolve()
    if not pad.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) or not pad.is_file():
        raise Http404("Bestand niet gevonden")
    audit_log(
        user=_user(request), actie=Actie.EXPORTEREN, obj=b, client=s.client, velden={"naam": b.naam}
    )
    return FileResponse(
        pad.open("rb"), as_attachment=True, filename=b.naam, content_type=b.content_type
    )


@login_required
@require_http_methods(["GET", "POST"])
def registreren(request: HttpRequest, clientnummer: str) -> HttpResponse:
    client = client_selectors.client_for_user(
        user=_user(request),
        clientnummer=clientnummer,
        reden="Signaal vastleggen",
    )
    if not may(_user(request), "signaal.registreren", client):
        raise PermissionDenied("U mag voor deze cliënt geen signaal vastleggen.")
    form = RegistreerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signaal_registreer(user=_user(request), client=client, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het signaal is vastgelegd. Team Handhaving beoordeelt het.")
            return redirect("clienten:dossier", clientnummer=client.clientnummer)
    return render(
        request,
        "signalen/registreren.html",
        {"client": client, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def taak_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    taak = selectors.taak_voor_user(user=_user(request), pk=pk)
    try:
        services.taak_rond_af(user=_user(request), taak=taak)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "De taak is afgerond.")
    return redirect("clienten:dossier", clientnummer=taak.client.clientnummer)


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    data = selectors.teamoverzicht(user=_user(request))
    return render(request, "signalen/overzicht.html", {"o": data})


@login_required
@require_http_methods(["GET", "POST"])
def importeren(request: HttpRequest) -> HttpResponse:
    if not has_right(_user(request), "signaal.importeren"):
        raise PermissionDenied("Alleen een teamleider leest batchbestanden in.")
    form = ImportForm(request.POST or None, request.FILES or None)
    resultaat, fout, op_achtergrond = None, "", False
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            if settings.CELERY_TASK_ALWAYS_EAGER:  # the embedded default: read it now
                resultaat = importeer(
                    stream=bestand.file,
                    bestandsnaam=bestand.name,
                    bron_naam=form.cleaned_data["bron"],
                    user=_user(request),
                )
            else:
                importeer_op_achtergrond(
                    bestand=bestand, bron_naam=form.cleaned_data["bron"], user=_user(request)
                )
                op_achtergrond = True
        except Bestandsfout as exc:
            fout = exc.bericht
    return render(
        request,
        "signalen/importeren.html",
        {
            "form": form,
            "resultaat": resultaat,
            "fout": fout,
            "op_achtergrond": op_achtergrond,
            "imports": selectors.laatste_imports(),
        },
        status=400 if fout or form.errors else 200,
    )


@login_required
def foutrapport(request: HttpRequest, pk: int) -> FileResponse:
    if not has_right(_user(request), "signaal.importeren"):
        raise PermissionDenied("Alleen een teamleider ziet foutrapporten.")
    run = get_object_or_404(Signaalimport, pk=pk)
    if not run.foutrapport:
        raise Http404("Geen foutrapport")
    audit_log(
        user=_user(request),
        actie=Actie.EXPORTEREN,
        obj=run,
        reden="Foutrapport van import gedownload",
    )
    pad = Path(settings.MEDIA_ROOT) / run.foutrapport
    return FileResponse(
        pad.open("rb"),
        as_attachment=True,
        filename=f"fouten-import-{run.pk}.csv",
        content_type="text/csv; charset=utf-8",
    )
