# SPDX-License-Identifier: EUPL-1.2
"""The what-if page for the beleidsmedewerker: how the advices of the open cases would change if a draft
rule set were switched on. Aggregates only, small numbers suppressed, scoped to the viewer's municipalities."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.beleid import onderdrukking, rapport, watals
from naleving.beleid.forms import WatAlsForm
from naleving.beleid.views import _require
from naleving.core import weergave


@login_required
@require_GET
def wat_als(request: HttpRequest) -> HttpResponse:
    _require(request)
    concepten = watals.concepten()
    form = WatAlsForm(request.GET or None, concepten=concepten)
    context: dict[str, object] = {"form": form, "kolommen": watals.KOLOMMEN}
    if form.is_valid():
        n = onderdrukking.drempel()
        gemeenten = [pk for pk, _naam in rapport.gemeenten_van(request.user)]
        vergelijking = watals.wat_als(
            activeringen={form.cleaned_data["concept"]: form.cleaned_data["datum"]},
            gemeenten=gemeenten,
            vandaag=timezone.localdate(),
        )
        # The comparison reads the facts of every open case in the viewer's municipalities (it shows only
        # aggregates): the run is logged like an export of policy figures.
        audit_log(
            user=request.user,
            actie=Actie.BEKIJKEN,
            object_type="beleid.wat_als",
            object_id=form.cleaned_data["concept"],
            velden={"datum": form.cleaned_data["datum"].isoformat(), "zaken": vergelijking.aantal},
        )
        context |= {
            "vergelijking": vergelijking,
            "op": weergave.datum(vergelijking.beoordelingsdatum),
            "concept_naam": dict(concepten)[form.cleaned_data["concept"]],
            "rijen": watals.tabel(vergelijking, n=n),
            "onderdrukking": onderdrukking.uitleg(n),
        }
    return render(request, "beleid/wat_als.html", context)
