# SPDX-License-Identifier: EUPL-1.2
"""Thin views for decisions: parse, call one service or selector, render."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten import advies, beleidstoets, brieven, nazorg, selectors, services
from naleving.besluiten.afzender import afzender
from naleving.besluiten.forms import (
    BeslisForm,
    BezwaarForm,
    CbsForm,
    EindeForm,
    HorenForm,
    InvorderingsadviesForm,
    NieuwForm,
    OordeelForm,
    RegelingForm,
    ReviewForm,
    SjabloonForm,
    ToetsForm,
    euro_initial,
)
from naleving.besluiten.models import Besluit, Bezwaar, Brief, Vordering
from naleving.besluiten.statemachine import Status
from naleving.clienten.selectors import client_for_user, may, object_for_user
from naleving.core.forms import apply_validation_error
from naleving.core.locking import VerouderdeVersie
from naleving.core.spreadsheet import CSV_CONTENT_TYPE
from naleving.regels import FeitenFout, Invorderingsadvies


def _load(request: HttpRequest, pk: int, reden: str = "") -> tuple[User, Besluit]:
    user = staff_user(request)
    return user, selectors.besluit_voor_user(user=user, pk=pk, reden=reden)


@login_required
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not has_right(user, "besluit.bekijken"):
        if has_right(user, "sjabloon.beheren"):
            return redirect("besluiten:sjablonen")
        if has_right(user, "vordering.exporteren"):
            return redirect("besluiten:cbs")
        raise PermissionDenied("Uw rol heeft geen werkvoorraad van besluiten.")
    return render(request, "besluiten/werkvoorraad.html", {"wv": selectors.werkvoorraad(user=user)})


@login_required
def nieuw(request: HttpRequest, clientnummer: str) -> HttpResponse:
    user = staff_user(request)
    client = client_for_user(user=user, clientnummer=clientnummer, reden="Besluit openen")
    if not may(user, "besluit.nemen", client):
        raise PermissionDenied("Alleen de inkomensconsulent neemt een besluit.")
    form = NieuwForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            besluit = services.besluit_open(user=user, client=client, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Besluit {besluit.nummer} is geopend.")
            return redirect("besluiten:detail", pk=besluit.pk)
    return render(
        request,
        "besluiten/nieuw.html",
        {"client": client, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def uit_onderzoek(request: HttpRequest, onderzoek: int) -> HttpResponse:
    from naleving.onderzoek.selectors import onderzoek_voor_user

    user = staff_user(request)
    o = onderzoek_voor_user(user=user, pk=onderzoek, reden="Besluit openen")
    try:
        besluit = services.besluit_open_uit_onderzoek(user=user, onderzoek=o)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("clienten:dossier", o.client.clientnummer)
    messages.success(request, f"Besluit {besluit.nummer} is geopend met de feiten uit het rapport.")
    return redirect("besluiten:detail", pk=besluit.pk)


def _detail(
    request: HttpRequest, besluit: Besluit, status: int = 200, **extra: Any
) -> HttpResponse:
    user = staff_user(request)
    pagina = selectors.besluit_pagina(user=user, besluit=besluit, live=extra.pop("live", None))
    form = extra.pop("form", None)
    if form is None and pagina["concept"] and pagina["mag_nemen"]:
        form = OordeelForm(initial=OordeelForm.initial_van(besluit) | {"versie": besluit.versie})
    context = {
        **pagina,
        "form": form,
        "review_form": extra.pop("review_form", None) or ReviewForm(),
        "bezwaar_form": extra.pop("bezwaar_form", None) or BezwaarForm(),
        "horen_form": extra.pop("horen_form", None) or HorenForm(),
        "beslis_form": extra.pop("beslis_form", None) or BeslisForm(),
        **extra,
    }
    return render(request, "besluiten/detail.html", context, status=status)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the decision; POST (concept) saves the judgements and recalculates — works without JS."""
    user, besluit = _load(request, pk)
    if request.method != "POST":
        return _detail(request, besluit)
    form = OordeelForm(request.POST)
    if not form.is_valid():
        return _detail(request, besluit, status=400, form=form)
    try:
        besluit = services.besluit_wijzig(
            user=user, besluit=besluit, versie=form.cleaned_data["versie"], **form.velden()
        )
    except VerouderdeVersie as exc:
        form.add_error(None, exc.bericht)
        return _detail(request, besluit, status=409, form=form)
    except ValidationError as exc:
        apply_validation_error(form, form.vertaal(exc))
        return _detail(request, besluit, status=400, form=form)
    if "vaststellen" in request.POST:
        return _vaststellen(request, user, besluit)
    messages.success(request, "Opgeslagen. Het advies is opnieuw berekend.")
    return redirect("besluiten:detail", pk=besluit.pk)


def _vaststellen(request: HttpRequest, user: User, besluit: Besluit) -> HttpResponse:
    try:
        besluit = services.besluit_vaststellen(user=user, besluit=besluit)
    except ValidationError as exc:
        form = OordeelForm(initial=OordeelForm.initial_van(besluit) | {"versie": besluit.versie})
        form.is_bound = False
        besluit.refresh_from_db()
        return _detail(request, besluit, status=400, fouten=exc.messages, form=form)
    if besluit.status == Status.TER_REVIEW:
        messages.success(request, "Het besluit ligt ter review bij de teamleider (vier ogen).")
    else:
        messages.success(request, "Het besluit is definitief. De beschikking is gemaakt.")
    return redirect("besluiten:detail", pk=besluit.pk)


@login_required
@require_POST
def advies_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the advice for what is in the form now, without saving anything."""
    user, besluit = _load(request, pk, "Advies herberekenen")
    if besluit.status != Status.CONCEPT or not may(user, "besluit.nemen", besluit.client):
        raise PermissionDenied("Dit besluit kan niet meer worden gewijzigd.")
    form = OordeelForm(request.POST)
    voorbeeld = copy.copy(besluit)
    if form.is_valid():
        for naam, waarde in form.velden().items():
            setattr(voorbeeld, naam, waarde)
    live = advies.bereken(voorbeeld)
    antwoord = render(
        request, "besluiten/_advies.html", {"besluit": besluit, "live": live, "snapshot": None}
    )
    # The departure-from-policy flag follows the choice in the form too (an out-of-band swap).
    antwoord.content += render_to_string(
        "besluiten/_beleidsafwijking.html",
        {
            "oob": True,
            "besluit": voorbeeld,
            "concept": True,
            **beleidstoets.stand(voorbeeld, advies=live.get("advies")),
        },
        request=request,
    ).encode()
    return antwoord


def _post(
    request: HttpRequest, besluit: Besluit, action: Callable[[], object], success: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        besluit.refresh_from_db()
        return _detail(request, besluit, status=400, fouten=exc.messages)
    messages.success(request, success)
    return redirect("besluiten:detail", pk=besluit.pk)


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, besluit, status=400, review_form=form)
    akkoord = form.cleaned_data["besluit"] == "akkoord"
    return _post(
        request,
        besluit,
        lambda: services.besluit_review(
            user=user,
            besluit=besluit,
            akkoord=akkoord,
            toelichting=form.cleaned_data["toelichting"],
        ),
        "Goedgekeurd. Het besluit is definitief en de beschikking is gemaakt."
        if akkoord
        else "Het besluit is teruggestuurd naar de inkomensconsulent.",
    )


@login_required
@require_POST
def verzenden(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    return _post(
        request,
        besluit,
        lambda: services.besluit_verzend(user=user, besluit=besluit),
        "De beschikking is als verzonden vastgelegd.",
    )


@login_required
def toets(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk, "Omgekeerde Toets")
    if besluit.status != Status.CONCEPT:
        # The toets belongs to taking the decision; once it is fixed it is shown, never offered.
        messages.error(
            request,
            "De Omgekeerde Toets hoort bij het nemen van het besluit. Dit besluit is al vastgesteld: "
            "de toets kan niet meer worden ingevuld of gewijzigd.",
        )
        return redirect("besluiten:detail", pk=besluit.pk)
    bestaand = getattr(besluit, "omgekeerde_toets", None)
    initial = {n: getattr(bestaand, n) for n in bestaand.STAPPEN} if bestaand else {}
    form = ToetsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.toets_opslaan(user=user, besluit=besluit, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "De Omgekeerde Toets is vastgelegd.")
            return redirect("besluiten:detail", pk=besluit.pk)
    return render(
        request,
        "besluiten/toets.html",
        {"besluit": besluit, "form": form},
        status=400 if form.errors else 200,
    )


def _brief(request: HttpRequest, pk: int, brief_pk: int) -> tuple[Besluit, Brief]:
    user, besluit = _load(request, pk, "Beschikking inzien")
    brief = Brief.objects.filter(pk=brief_pk, besluit=besluit).select_related("sjabloon").first()
    if brief is None:
        raise Http404("Brief niet gevonden")
    audit_log(user=user, actie=Actie.BEKIJKEN, obj=brief, client=besluit.client)
    return besluit, brief


@login_required
def brief_html(request: HttpRequest, pk: int, brief: int) -> HttpResponse:
    besluit, b = _brief(request, pk, brief)
    return render(request, "besluiten/brief.html", {"besluit": besluit, "brief": b})


@login_required
def brief_pdf(request: HttpRequest, pk: int, brief: int) -> HttpResponse:
    besluit, b = _brief(request, pk, brief)
    response = HttpResponse(brieven.pdf(b), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="beschikking-{besluit.nummer}.pdf"'
    return response


@login_required
@require_POST
def bezwaar(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    form = BezwaarForm(request.POST)
    if not form.is_valid():
        return _detail(request, besluit, status=400, bezwaar_form=form)
    return _post(
        request,
        besluit,
        lambda: nazorg.bezwaar_registreer(user=user, besluit=besluit, **form.cleaned_data),
        "Het bezwaar is vastgelegd.",
    )


@login_required
@require_POST
def heroverwegen(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    return _post(
        request,
        besluit,
        lambda: nazorg.maatregel_heroverwegen(
            user=user, besluit=besluit, uitkomst=request.POST.get("heroverweging", "")
        ),
        "De heroverweging is vastgelegd.",
    )


@login_required
@require_POST
def horen(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    form = HorenForm(request.POST)
    b = Bezwaar.objects.filter(besluit=besluit).first()
    if b is None:
        raise Http404("Geen bezwaar")
    if not form.is_valid():
        return _detail(request, besluit, status=400, horen_form=form)
    d = form.cleaned_data
    return _post(
        request,
        besluit,
        lambda: nazorg.bezwaar_hoorzitting(
            user=user, bezwaar=b, op=d["op"], verslag=d["hoorverslag"]
        ),
        "De hoorzitting is vastgelegd.",
    )


@login_required
@require_POST
def beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    user, besluit = _load(request, pk)
    form = BeslisForm(request.POST)
    b = Bezwaar.objects.filter(besluit=besluit).first()
    if b is None or not form.is_valid():
        raise Http404("Geen bezwaar")
    return _post(
        request,
        besluit,
        lambda: nazorg.bezwaar_beslis(user=user, bezwaar=b, **form.cleaned_data),
        "Op het bezwaar is beslist.",
    )


def _vordering(user: User, pk: int) -> Vordering:
    return object_for_user(
        user=user,
        queryset=Vordering.objects.select_related("client", "besluit"),
        recht="vordering.beheren",
        weigerreden="Geen toegang tot vordering",
        niet_gevonden="Vordering niet gevonden",
        pk=pk,
    )


@login_required
@require_POST
def einde(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the end of collection (nazorg.vordering_beeindig); from that day the claim's retention runs."""
    user = staff_user(request)
    vordering = _vordering(user, pk)
    einde_form = EindeForm(request.POST)
    if einde_form.is_valid():
        try:
            nazorg.vordering_beeindig(user=user, vordering=vordering, **einde_form.cleaned_data)
        except VerouderdeVersie as exc:
            einde_form.add_error(None, exc.bericht)
        except ValidationError as exc:
            apply_validation_error(einde_form, exc)
        else:
            messages.success(request, "Het einde van de invordering is vastgelegd.")
            return redirect("besluiten:detail", pk=vordering.besluit_id)
    return _regeling_pagina(request, vordering, einde_form=einde_form)


@login_required
def regeling(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    vordering = _vordering(user, pk)
    form = RegelingForm(
        request.POST or None,
        initial={
            "versie": vordering.versie,
            "verrekenen": vordering.verrekenen,
            **{
                n: euro_initial(getattr(vordering, n))
                for n in ("maandinkomen_cent", "beslagvrije_voet_cent", "aflossing_cent")
            },
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            nazorg.vordering_regeling(user=user, vordering=vordering, **form.cleaned_data)
        except VerouderdeVersie as exc:
            form.add_error(None, exc.bericht)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "De betalingsregeling is vastgelegd.")
            return redirect("besluiten:detail", pk=vordering.besluit_id)
    return _regeling_pagina(request, vordering, form=form)


def _regeling_pagina(
    request: HttpRequest,
    vordering: Vordering,
    *,
    form: RegelingForm | None = None,
    einde_form: EindeForm | None = None,
) -> HttpResponse:
    if form is None:
        form = RegelingForm(
            initial={
                "versie": vordering.versie,
                "verrekenen": vordering.verrekenen,
                **{
                    n: euro_initial(getattr(vordering, n))
                    for n in ("maandinkomen_cent", "beslagvrije_voet_cent", "aflossing_cent")
                },
            }
        )
    if einde_form is None:
        einde_form = EindeForm(initial={"versie": vordering.versie, "op": timezone.localdate()})
    advies_form, invorderingsadvies = _invorderingsadvies(request, vordering)
    return render(
        request,
        "besluiten/regeling.html",
        {
            "vordering": vordering,
            "form": form,
            "einde_form": einde_form,
            "advies_form": advies_form,
            "advies": invorderingsadvies,
        },
        status=400 if form.errors or einde_form.errors else 200,
    )


def _invorderingsadvies(
    request: HttpRequest, vordering: Vordering
) -> tuple[InvorderingsadviesForm, Invorderingsadvies | None]:
    """The collection advice for the facts in the query string (GET, nothing stored)."""
    gebonden = "advies-norm_cent" in request.GET
    form = InvorderingsadviesForm(
        request.GET if gebonden else None,
        prefix="advies",
        initial={
            "netto_inkomen_cent": euro_initial(vordering.maandinkomen_cent),
            "uitkering_lopend": vordering.verrekenen,
            "zorgtoeslag": True,
            "huurtoeslag": True,
        },
    )
    if not gebonden or not form.is_valid():
        return form, None
    try:
        return form, selectors.vordering_invorderingsadvies(
            vordering=vordering, op=timezone.localdate(), **form.cleaned_data
        )
    except FeitenFout as exc:
        form.add_error(None, exc.bericht[:1].upper() + exc.bericht[1:] + ".")
        return form, None


@login_required
def cbs(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not has_right(user, "vordering.exporteren"):
        raise PermissionDenied("U mag de CBS-levering niet maken.")
    form = CbsForm(request.GET or None)
    if form.is_valid():
        peil = form.cleaned_data["maand"]
        response = HttpResponse(
            nazorg.cbs_export(user=user, maand=peil), content_type=CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="bdfs-{peil:%Y-%m}.csv"'
        return response
    jaar = timezone.localdate().year
    return render(
        request,
        "besluiten/cbs.html",
        {"form": form, "jaar": jaar, "afzien": selectors.afzien_per_jaar(user=user, jaar=jaar)},
        status=400 if form.errors else 200,
    )


@login_required
def sjablonen(request: HttpRequest) -> HttpResponse:
    """The beheerder edits the letter template: 'Voorbeeld bekijken' shows the letter for an example decision
    without saving (a plain submit button, so it works without JavaScript); 'Nieuwe versie opslaan' saves."""
    user = staff_user(request)
    if not has_right(user, "sjabloon.beheren"):
        raise PermissionDenied("Alleen de functioneel beheerder beheert briefsjablonen.")
    actief = brieven.sjabloon_actief()
    form = SjabloonForm(request.POST or None, initial={"inhoud": actief.inhoud})
    voorbeeld = ""
    if request.method == "POST" and "voorbeeld" in request.POST:
        if form.is_valid():
            try:
                voorbeeld = brieven.sjabloon_voorbeeld(
                    user=user, inhoud=form.cleaned_data["inhoud"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
    elif request.method == "POST" and form.is_valid():
        try:
            nieuw_ = brieven.sjabloon_nieuwe_versie(user=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"Versie {nieuw_.versie} van het sjabloon is opgeslagen.")
            return redirect("besluiten:sjablonen")
    from naleving.besluiten.models import Briefsjabloon

    return render(
        request,
        "besluiten/sjablonen.html",
        {
            "form": form,
            "actief": actief,
            "voorbeeld": voorbeeld,
            "versies": Briefsjabloon.objects.select_related("door"),
            "plaatshouders": brieven.plaatshouders_uitleg(),
            "filters": brieven.filters_uitleg(),
            "afzender": afzender(),
        },
        status=400 if form.errors else 200,
    )
