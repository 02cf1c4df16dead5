# SPDX-License-Identifier: EUPL-1.2
"""Dashboard, reports and exports for the beleidsmedewerker (`rapportage.bekijken`): aggregates
only, scoped to the viewer's municipalities."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.beleid import export, onderdrukking, rapport, samenhang
from naleving.beleid.filters import KpiFilter
from naleving.beleid.forms import FilterForm
from naleving.core.spreadsheet import CSV_CONTENT_TYPE


def _require(request: HttpRequest) -> None:
    if not has_right(request.user, "rapportage.bekijken"):
        raise PermissionDenied("Uw rol ziet geen cijfers over de handhaving.")


def _filter(
    request: HttpRequest, jaar: int | None = None
) -> tuple[KpiFilter, FilterForm, list[tuple[int, str]]]:
    gemeenten = rapport.gemeenten_van(request.user)
    data = request.GET.copy()
    data.setdefault("jaar", str(jaar or timezone.localdate().year))
    if jaar is not None:
        data["jaar"] = str(jaar)
    form = FilterForm(data, gemeenten=gemeenten)
    if not form.is_valid():
        form = FilterForm({"jaar": data["jaar"]}, gemeenten=gemeenten)
        if not form.is_valid():
            raise Http404("Onbekend jaar.")
    d = form.cleaned_data
    f = KpiFilter(
        jaar=d["jaar"],
        kwartaal=d["kwartaal"],
        gemeente_id=d["gemeente"],
        wet=d["wet"] or None,
        binnen=tuple(pk for pk, _n in gemeenten),
    )
    return f, form, gemeenten


def _query(f: KpiFilter) -> str:
    from urllib.parse import urlencode

    return urlencode(
        {
            k: v
            for k, v in (
                ("jaar", f.jaar),
                ("kwartaal", f.kwartaal),
                ("gemeente", f.gemeente_id),
                ("wet", f.wet),
            )
            if v
        }
    )


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    _require(request)
    f, form, gemeenten = _filter(request)
    w = rapport.weergave
    per = {t.sleutel: t for t in samenhang.alle_onderdrukt(f, gemeenten)}
    return render(
        request,
        "beleid/dashboard.html",
        {
            "form": form,
            "filter": f,
            "gemeente_naam": dict(gemeenten).get(f.gemeente_id) if f.gemeente_id else "",
            "onderdrukking": onderdrukking.uitleg(onderdrukking.drempel()),
            "exportquery": _query(f),
            "vergelijking": w(per["vergelijking"]),
            "trechter": [w(t) for k, t in per.items() if k.startswith("trechter-")],
            "belasting": [w(per["belasting"]), w(per["ingrijpend"])],
            "preventie": [w(per[k]) for k in ("informatiemomenten", "campagnes", "wijzigingen")],
            "doorlooptijden": w(per["doorlooptijden"]),
            "cbs": w(per["cbs"]),
        },
    )


def _log(request: HttpRequest, soort: str, f: KpiFilter) -> None:
    audit_log(
        user=request.user,
        actie=Actie.EXPORTEREN,
        object_type="beleid.cijfers",
        object_id=soort,
        velden={"filter": _query(f)},
    )


@login_required
@require_GET
def export_tabel(request: HttpRequest, sleutel: str, formaat: str) -> HttpResponse:
    _require(request)
    f, _form, gemeenten = _filter(request)
    gevonden = [t for t in samenhang.alle_onderdrukt(f, gemeenten) if t.sleutel == sleutel]
    if not gevonden or formaat not in ("csv", "xlsx"):
        raise Http404("Deze tabel bestaat niet.")
    tabel = gevonden[0]
    _log(request, f"{sleutel}.{formaat}", f)
    naam = f"naleving-{sleutel}-{f.periode_label.replace(' ', '-')}.{formaat}"
    if formaat == "csv":
        response = HttpResponse(export.als_csv(tabel), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(
            export.als_xlsx([tabel]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@login_required
@require_GET
def export_alles(request: HttpRequest) -> HttpResponse:
    _require(request)
    f, _form, gemeenten = _filter(request)
    _log(request, "alles.xlsx", f)
    response = HttpResponse(
        export.als_xlsx(samenhang.alle_onderdrukt(f, gemeenten)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="naleving-cijfers-{f.periode_label.replace(" ", "-")}.xlsx"'
    )
    return response


@login_required
@require_GET
def rapport_html(request: HttpRequest, jaar: int) -> HttpResponse:
    _require(request)
    f, _form, gemeenten = _filter(request, jaar)
    return HttpResponse(rapport.html(rapport.context_jaar(f.met(kwartaal=None), gemeenten)))


@login_required
@require_GET
def rapport_pdf(request: HttpRequest, jaar: int) -> HttpResponse:
    _require(request)
    f, _form, gemeenten = _filter(request, jaar)
    _log(request, f"voortgangsrapportage-{jaar}.pdf", f)
    response = HttpResponse(
        rapport.pdf(rapport.context_jaar(f.met(kwartaal=None), gemeenten)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="voortgangsrapportage-{jaar}.pdf"'
    return response


@login_required
@require_GET
def evaluatie(request: HttpRequest) -> HttpResponse:
    _require(request)
    f, _form, gemeenten = _filter(request)
    context = rapport.context_evaluatie(f.met(kwartaal=None), gemeenten)
    if request.GET.get("formaat") == "pdf":
        _log(request, "evaluatie.pdf", f)
        response = HttpResponse(rapport.pdf(context), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="evaluatie-2026-2030.pdf"'
        return response
    return HttpResponse(rapport.html(context))
