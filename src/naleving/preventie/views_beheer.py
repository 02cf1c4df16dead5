# SPDX-License-Identifier: EUPL-1.2
"""The catalogue of obligations: overview for all staff, new versions with a preview for the
beheerder."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from naleving.accounts.permissions import has_right
from naleving.accounts.requests import staff_user
from naleving.core.forms import apply_validation_error
from naleving.preventie import selectors, services
from naleving.preventie.forms import VerplichtingForm
from naleving.preventie.models import Verplichting


@login_required
def catalogus(request: HttpRequest) -> HttpResponse:
    peildatum = timezone.localdate()
    return render(
        request,
        "preventie/catalogus.html",
        {
            "verplichtingen": selectors.verplichtingen_geldig_op(peildatum=peildatum),
            "telling": selectors.catalogus_telling(peildatum=peildatum),
            "peildatum": peildatum,
            "mag_beheren": has_right(request.user, "preventie.catalogus_beheren"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def nieuwe_versie(request: HttpRequest, pk: int) -> HttpResponse:
    if not has_right(request.user, "preventie.catalogus_beheren"):
        raise PermissionDenied("Uw rol mag de catalogus niet wijzigen.")
    vorige = get_object_or_404(Verplichting, pk=pk)
    initial = {f: getattr(vorige, f) for f in VerplichtingForm.base_fields if f != "geldig_vanaf"}
    form = VerplichtingForm(request.POST if request.method == "POST" else None, initial=initial)
    voorbeeld = None
    if request.method == "POST" and form.is_valid():
        if "opslaan" not in request.POST:
            # Preview: the same template the client sees, nothing saved.
            voorbeeld = Verplichting(
                code=vorige.code, wet=vorige.wet, versie=vorige.versie + 1, **form.cleaned_data
            )
        else:
            try:
                services.verplichting_nieuwe_versie(
                    user=staff_user(request),
                    vorige=vorige,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "De nieuwe versie is opgeslagen.")
                return redirect("preventie:catalogus")
    return render(
        request,
        "preventie/nieuwe_versie.html",
        {"vorige": vorige, "form": form, "voorbeeld": voorbeeld},
    )
