# SPDX-License-Identifier: EUPL-1.2
"""Thin views for investigations: parse, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.meldingen import meldingen_in_periode
from naleving.clienten.selectors import client_for_user, may
from naleving.core.forms import apply_validation_error
from naleving.core.locking import VerouderdeVersie
from naleving.onderzoek import selectors, services
from naleving.onderzoek.activiteiten import VELDEN, Soort
from naleving.onderzoek.cautie import boete_mogelijk, standaard_cautie
from naleving.onderzoek.forms import (
    AanvraagForm,
    BeoordeelForm,
    BewijsForm,
    MeldcheckForm,
    PlanForm,
    RapportForm,
    ToewijsForm,
    activiteit_form,
    perioden_als_tekst,
)
from naleving.onderzoek.models import Bewijsstuk, Onderzoek, Rapport
from naleving.signalen.bevestiging import anonieme_grond, bron_keuzes


def _detail(
    request: HttpRequest, onderzoek: Onderzoek, status: int = 200, **extra: Any
) -> HttpResponse:
    user = staff_user(request)
    pagina = selectors.onderzoek_pagina(user=user, onderzoek=onderzoek)
    toewijs = None
    if pagina.mag_toewijzen:
        toewijs = extra.pop("toewijs_form", None) or ToewijsForm(
            initial={"versie": onderzoek.versie}
        )
        _choices(toewijs, "handhaver").choices = [("", "— kies —")] + [
            (str(h.pk), str(h)) for h in selectors.handhavers_voor(client=onderzoek.client)
        ]
    context = {
        **vars(pagina),
        "onderzoek": onderzoek,
        "client": onderzoek.client,
        "soorten": Soort.choices,
        "toewijs_form": toewijs,
        "beoordeel_form": extra.pop("beoordeel_form", None) or BeoordeelForm(),
        "bewijs_form": extra.pop("bewijs_form", None) or _bewijs_form(onderzoek),
        **extra,
    }
    return render(request, "onderzoek/detail.html", context, status=status)


def _choices(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def _bewijs_form(onderzoek: Onderzoek, data: Any = None, files: Any = None) -> BewijsForm:
    form = BewijsForm(data, files)
    _choices(form, "activiteit").choices = [("", "— geen —")] + [
        (str(a.pk), f"{a.get_soort_display()} ({a.vastgelegd_op:%d-%m-%Y})")
        for a in onderzoek.activiteiten.all()
    ]
    _choices(form, "vervangt").choices = [("", "— nieuw bewijsstuk —")] + [
        (str(b.pk), b.omschrijving)
        for b in onderzoek.bewijsstukken.filter(vervangen_door__isnull=True)
    ]
    return form


def _load(request: HttpRequest, pk: int, reden: str = "") -> tuple[User, Onderzoek]:
    user = staff_user(request)
    return user, selectors.onderzoek_voor_user(user=user, pk=pk, reden=reden)


@login_required
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not has_right(user, "onderzoek.bekijken"):
        raise PermissionDenied("Uw rol heeft geen werkvoorraad van onderzoeken.")
    return render(request, "onderzoek/werkvoorraad.html", {"wv": selectors.werkvoorraad(user=user)})


@login_required
def aanvragen(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = client_for_user(user=user, clientnummer=clientnummer, reden="Onderzoek aanvragen")
    if not may(user, "onderzoek.aanvragen", client):
        raise PermissionDenied("U mag voor deze cliënt geen onderzoek aanvragen.")
    anoniem = anonieme_grond(client)
    form = AanvraagForm(
        request.POST or None,
        bron_keuzes=bron_keuzes(user=user, client=client) if anoniem else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            onderzoek = services.onderzoek_vraag_aan(user=user, client=client, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                f"Onderzoek {onderzoek.nummer} is aangevraagd. De teamleider wijst het toe.",
            )
            return redirect("onderzoek:detail", pk=onderzoek.pk)
    return render(
        request,
        "onderzoek/aanvragen.html",
        {"client": client, "form": form, "anonieme_grond": anoniem},
        status=400 if form.errors else 200,
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    _user, onderzoek = _load(request, pk)
    return _detail(request, onderzoek)


def _post_action(
    request: HttpRequest, onderzoek: Onderzoek, action: Callable[[], object], success: str
) -> HttpResponse:
    try:
        action()
    except (ValidationError, VerouderdeVersie) as exc:
        text = exc.bericht if isinstance(exc, VerouderdeVersie) else " ".join(exc.messages)
        messages.error(request, text)
        return _detail(request, Onderzoek.objects.get(pk=onderzoek.pk), status=400)
    messages.success(request, success)
    return redirect("onderzoek:detail", pk=onderzoek.pk)


@login_required
@require_POST
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk, "Onderzoek toewijzen")
    form = ToewijsForm(request.POST)
    _choices(form, "handhaver").choices = [
        (str(h.pk), str(h)) for h in selectors.handhavers_voor(client=onderzoek.client)
    ]
    if not form.is_valid():
        return _detail(request, onderzoek, status=400, toewijs_form=form)
    handhaver = User.objects.get(pk=form.cleaned_data["handhaver"])
    return _post_action(
        request,
        onderzoek,
        lambda: services.onderzoek_wijs_toe(
            user=user, onderzoek=onderzoek, handhaver=handhaver, versie=form.cleaned_data["versie"]
        ),
        f"Toegewezen aan {handhaver}.",
    )


@login_required
@require_POST
def starten(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk)
    return _post_action(
        request,
        onderzoek,
        lambda: services.onderzoek_start(user=user, onderzoek=onderzoek),
        "Het onderzoek is gestart.",
    )


@login_required
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk, "Onderzoeksplan")
    bestaand = getattr(onderzoek, "plan", None)
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            stappen = [
                services.StapInvoer(
                    soort, d[f"noodzaak_{soort}"], d.get(f"subsidiariteit_{soort}", "")
                )
                for soort, _ in Soort.choices
                if d[f"gepland_{soort}"]
            ]
            try:
                services.plan_opslaan(
                    user=user,
                    onderzoek=onderzoek,
                    vragen=d["vragen"],
                    feiten=d["feiten"],
                    stappen=stappen,
                )
            except VerouderdeVersie as exc:
                form.add_error(None, exc.bericht)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Het onderzoeksplan is opgeslagen.")
                return redirect("onderzoek:detail", pk=onderzoek.pk)
    else:
        initial: dict[str, Any] = {}
        if bestaand:
            initial = {"vragen": bestaand.vragen, "feiten": bestaand.feiten}
            for stap in bestaand.stappen.all():
                initial |= {
                    f"gepland_{stap.soort}": True,
                    f"noodzaak_{stap.soort}": stap.noodzaak,
                    f"subsidiariteit_{stap.soort}": stap.subsidiariteit,
                }
        form = PlanForm(initial=initial)
    return render(request, "onderzoek/plan.html", {"onderzoek": onderzoek, "form": form})


@login_required
def activiteit(request: HttpRequest, pk: int, soort: str) -> HttpResponse:
    if soort not in VELDEN:
        raise Http404("Onbekende activiteit")
    user, onderzoek = _load(request, pk, "Activiteit vastleggen")
    gesprek = soort == Soort.GESPREK
    form = activiteit_form(
        soort,
        request.POST or None,
        cautie=standaard_cautie(op=timezone.localdate()) if gesprek else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            _act, warnings = services.activiteit_vastleggen(
                user=user, onderzoek=onderzoek, soort=soort, gegevens=form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "De activiteit is vastgelegd.")
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("onderzoek:detail", pk=onderzoek.pk)
    return render(
        request,
        "onderzoek/activiteit.html",
        {
            "onderzoek": onderzoek,
            "form": form,
            "soort_label": Soort(soort).label,
            "gesprek": gesprek,
            "boete_mogelijk": boete_mogelijk(onderzoek),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def bewijs(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk, "Bewijs toevoegen")
    form = _bewijs_form(onderzoek, request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.bewijs_toevoegen(
                user=user,
                onderzoek=onderzoek,
                bestand=d["bestand"],
                omschrijving=d["omschrijving"],
                activiteit=onderzoek.activiteiten.filter(pk=d["activiteit"]).first()
                if d["activiteit"]
                else None,
                vervangt=onderzoek.bewijsstukken.filter(pk=d["vervangt"]).first()
                if d["vervangt"]
                else None,
                reden_vervanging=d["reden_vervanging"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Het bewijsstuk is toegevoegd.")
            return redirect("onderzoek:detail", pk=onderzoek.pk)
    return _detail(request, onderzoek, status=400, bewijs_form=form)


@login_required
def bewijs_download(request: HttpRequest, pk: int, stuk: int) -> FileResponse:
    user, onderzoek = _load(request, pk, "Bewijsstuk openen")
    item = Bewijsstuk.objects.filter(pk=stuk, onderzoek=onderzoek).first()
    if item is None:
        raise Http404("Bewijsstuk niet gevonden")
    audit_log(
        user=user,
        actie=Actie.BEKIJKEN,
        obj=item,
        client=onderzoek.client,
        reden=f"Bewijsstuk gedownload ({item.sha256[:12]})",
    )
    path = Path(settings.MEDIA_ROOT) / item.pad
    return FileResponse(
        open(path, "rb"),
        as_attachment=True,
        filename=item.bestandsnaam,
        content_type=item.content_type,
    )


@login_required
def meldcheck(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk, "Meldcheck: alle meldingen in de periode")
    form = MeldcheckForm(request.POST or request.GET or None)
    meldingen = None
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        meldingen = (
            meldingen_in_periode(onderzoek.client, d["van"], d["tot"])
            if d["van"] <= d["tot"]
            else []
        )
        if request.method == "POST":
            try:
                services.meldcheck_vastleggen(
                    user=user,
                    onderzoek=onderzoek,
                    van=d["van"],
                    tot=d["tot"],
                    conclusie=d["conclusie"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "De meldcheck is vastgelegd.")
                return redirect("onderzoek:detail", pk=onderzoek.pk)
    return render(
        request,
        "onderzoek/meldcheck.html",
        {"onderzoek": onderzoek, "form": form, "meldingen": meldingen},
    )


@login_required
def rapport(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk, "Rapport")
    bestaand = Rapport.objects.filter(onderzoek=onderzoek).first()
    if request.method == "POST":
        form = RapportForm(request.POST)
        if form.is_valid():
            d = dict(form.cleaned_data)
            versie = d.pop("versie")
            try:
                services.rapport_opslaan(user=user, onderzoek=onderzoek, versie=versie, **d)
            except VerouderdeVersie as exc:
                form.add_error(None, exc.bericht)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Het rapport is opgeslagen.")
                return redirect("onderzoek:detail", pk=onderzoek.pk)
    else:
        initial: dict[str, Any] = {}
        if bestaand:
            initial = {f: getattr(bestaand, f) for f in services.RAPPORT_VELDEN} | {
                "versie": bestaand.versie,
                "perioden": perioden_als_tekst(bestaand.perioden),
                "aangifte_gedaan": {True: "ja", False: "nee", None: ""}[bestaand.aangifte_gedaan],
            }
        form = RapportForm(initial=initial)
    return render(
        request,
        "onderzoek/rapport.html",
        {"onderzoek": onderzoek, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def indienen(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk)
    return _post_action(
        request,
        onderzoek,
        lambda: services.rapport_indienen(user=user, onderzoek=onderzoek),
        "Het rapport is ingediend bij de teamleider.",
    )


@login_required
@require_POST
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    user, onderzoek = _load(request, pk)
    form = BeoordeelForm(request.POST)
    if not form.is_valid():
        return _detail(request, onderzoek, status=400, beoordeel_form=form)
    d = form.cleaned_data
    return _post_action(
        request,
        onderzoek,
        lambda: services.rapport_beoordeel(
            user=user,
            onderzoek=onderzoek,
            akkoord=d["besluit"] == "akkoord",
            toelichting=d["toelichting"],
            uitkomst=d["uitkomst"],
        ),
        "Het onderzoek is afgerond."
        if d["besluit"] == "akkoord"
        else "Het rapport is teruggestuurd naar de handhaver.",
    )
