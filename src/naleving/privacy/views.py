# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Iterator

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie, AuditEntry
from naleving.audit.selectors import AuditFilter, audit_entries
from naleving.audit.services import audit_log
from naleving.core.spreadsheet import csv_schrijver


class AuditFilterForm(forms.Form):
    gebruiker = forms.CharField(required=False, max_length=150, label="Medewerker (gebruikersnaam)")
    clientnummer = forms.CharField(required=False, max_length=12, label="Cliëntnummer")
    actie = forms.ChoiceField(required=False, choices=[("", "Alle handelingen"), *Actie.choices])
    van = forms.DateField(
        required=False,
        label="Vanaf",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul een geldige datum in, zoals 2026-11-28."},
    )
    tot = forms.DateField(
        required=False,
        label="Tot en met",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul een geldige datum in, zoals 2026-11-28."},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data


def _filter(request: HttpRequest) -> tuple[AuditFilterForm, AuditFilter | None]:
    form = AuditFilterForm(request.GET or None)
    if not request.GET:
        return form, AuditFilter()
    if not form.is_valid():
        return form, None
    d = form.cleaned_data
    return form, AuditFilter(
        gebruiker=d["gebruiker"].strip(),
        clientnummer=d["clientnummer"].strip().upper(),
        actie=d["actie"],
        van=d["van"],
        tot=d["tot"],
    )


@login_required
def log(request: HttpRequest) -> HttpResponse:
    if not has_right(request.user, "audit.bekijken"):
        raise PermissionDenied("Alleen de privacy officer kan het toegangslog inzien.")
    form, f = _filter(request)
    page = Paginator(audit_entries(f=f), 50).get_page(request.GET.get("pagina")) if f else None
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@login_required
def export(request: HttpRequest) -> HttpResponseBase:
    if not has_right(request.user, "audit.exporteren"):
        raise PermissionDenied("Alleen de privacy officer kan het toegangslog exporteren.")
    form, f = _filter(request)
    if f is None:
        return render(request, "audit/log.html", {"form": form, "page": None}, status=400)
    audit_log(
        user=request.user,
        actie=Actie.EXPORTEREN,
        object_type="audit.auditentry",
        velden={"filter": {k: str(v) for k, v in f.__dict__.items() if v}},
        reden="Export toegangslog (CSV)",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(
        _csv_rows(audit_entries(f=f)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{stamp}.csv"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_rows(entries: object) -> Iterator[str]:
    writer = csv_schrijver(_Echo())
    yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
    yield writer.writerow(
        [
            "volgnummer",
            "tijdstip",
            "gebruiker",
            "rol",
            "actie",
            "object",
            "object_id",
            "clientnummer",
            "velden",
            "reden",
            "correlation_id",
            "hash",
        ]
    )
    for e in entries.iterator(chunk_size=2000):  # type: ignore[attr-defined]
        assert isinstance(e, AuditEntry)
        yield writer.writerow(
            [
                e.volgnummer,
                timezone.localtime(e.tijdstip).isoformat(),
                e.gebruiker,
                e.rol,
                e.actie,
                e.object_type,
                e.object_id,
                e.clientnummer,
                e.velden,
                e.reden,
                e.correlation_id,
                e.hash,
            ]
        )
