# SPDX-License-Identifier: EUPL-1.2
"""The voortgangsrapportage of a year and the evaluation 2026-2030 (domain.md §1), as HTML and
PDF. Both are generated from the plan and the KPI tables; nothing is typed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from naleving.beleid import kpi, onderdrukking, samenhang
from naleving.beleid.filters import KpiFilter
from naleving.beleid.grafiek import staafdiagram
from naleving.beleid.models import Pijler, Uitvoeringsplan
from naleving.beleid.statemachine import ActieStatus
from naleving.beleid.tabellen import Tabel

EERSTE_JAAR, LAATSTE_JAAR = 2026, 2030  # Handhaving in balans 2026-2030
CSS = Path(__file__).parent / "static" / "beleid" / "rapport.css"


@dataclass
class Weergave:
    tabel: Tabel
    svg: str


def weergave(t: Tabel) -> Weergave:
    """A table as shown: `t` is suppressed already (samenhang.alle_onderdrukt, or Tabel.onderdrukt for a
    table shown alone)."""
    svg = ""
    if t.grafiek_kolommen and t.rijen:
        rijen = [r for r in t.rijen if r[0] != "Totaal"]
        svg = staafdiagram(
            t.sleutel,
            t.titel,
            [str(r[0]) for r in rijen],
            [(t.kolommen[i], [r[i] for r in rijen]) for i in t.grafiek_kolommen],
        )
    return Weergave(t, svg)


def jaarvergelijking(f: KpiFilter, jaren: list[int]) -> Tabel:
    gegroepeerd = kpi.kerncijfers_per(
        f.met(jaar=jaren[0], tot_jaar=jaren[-1], kwartaal=None), "jaar"
    )
    per = [gegroepeerd.get(j, kpi.kerncijfers_leeg()) for j in jaren]
    return Tabel(
        "jaren",
        "Vergelijking met eerdere jaren",
        ["Kerncijfer", *(str(j) for j in jaren)],
        [[lbl, *(p[i][1] for p in per)] for i, (lbl, _v) in enumerate(per[0])],
        "Dezelfde kerncijfers per jaar.",
        dict.fromkeys(range(1, len(jaren) + 1), "aantal"),
        grafiek_kolommen=tuple(range(1, len(jaren) + 1)),
    )


def trends(tabel: Tabel) -> list[str]:
    """One sentence per headline figure: from the first to the last year with data."""
    zinnen = []
    for rij in tabel.rijen:
        waarden = [v for v in rij[1:] if isinstance(v, int)]
        if len(waarden) < 2:
            continue
        a, b = waarden[0], waarden[-1]
        richting = "gelijk gebleven" if a == b else ("gestegen" if b > a else "gedaald")
        zinnen.append(f"{rij[0]}: {richting} van {a} naar {b}.")
    return zinnen


def plan_context(jaar: int) -> dict[str, Any]:
    plan = Uitvoeringsplan.objects.filter(jaar=jaar).first()
    if plan is None:
        return {"plan": None}
    acties = list(plan.acties.all())
    evaluaties = {e.pijler: e.tekst for e in plan.pijlers.all()}
    return {
        "plan": plan,
        "pijlers": [
            (lbl, [a for a in acties if a.pijler == code], evaluaties.get(code, ""))
            for code, lbl in Pijler.choices
        ],
        "statustelling": [
            (lbl, sum(a.status == code for a in acties)) for code, lbl in ActieStatus.choices
        ],
    }


def _met_jaren(
    f: KpiFilter, gemeenten: list[tuple[int, str]], jaren: list[int]
) -> tuple[list[Tabel], Tabel]:
    """The tables of year `f.jaar`, suppressed together, and the year comparison: its column for `f.jaar`
    repeats the comparison of municipalities, so it hides what that comparison hides."""
    alle = samenhang.alle_onderdrukt(f, gemeenten)
    vergelijking = next(t for t in alle if t.sleutel == "vergelijking")
    jaartabel = samenhang.gespiegeld(
        jaarvergelijking(f, jaren),
        kolom=str(f.jaar),
        bron=vergelijking,
        bronkolom=samenhang.vergelijkingskolom(f, gemeenten),
    )
    return alle, jaartabel


def context_jaar(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> dict[str, Any]:
    jaren = [j for j in range(f.jaar - 2, f.jaar + 1) if j >= EERSTE_JAAR - 2]
    alle, jaartabel = _met_jaren(f, gemeenten, jaren)
    return {
        "soort": "jaar",
        "titel": f"Voortgangsrapportage handhaving {f.jaar}",
        "filter": f,
        "gemaakt_op": timezone.now(),
        "weergaven": [weergave(t) for t in alle],
        "jaren": weergave(jaartabel),
        **plan_context(f.jaar),
    }


def context_evaluatie(f: KpiFilter, gemeenten: list[tuple[int, str]]) -> dict[str, Any]:
    laatste = min(LAATSTE_JAAR, max(EERSTE_JAAR, timezone.localdate().year))
    jaren = list(range(EERSTE_JAAR, laatste + 1))
    _alle, vergelijk = _met_jaren(f.met(jaar=laatste, kwartaal=None), gemeenten, jaren)
    plannen = Uitvoeringsplan.objects.filter(jaar__in=jaren).order_by("jaar")
    return {
        "soort": "evaluatie",
        "titel": f"Evaluatie handhaving {EERSTE_JAAR}-{LAATSTE_JAAR}",
        "filter": f.met(jaar=laatste),
        "gemaakt_op": timezone.now(),
        "jaren": weergave(vergelijk),
        "trends": trends(vergelijk),
        "nog_niet": [j for j in range(laatste + 1, LAATSTE_JAAR + 1)],
        "plannen": [
            (p, [(lbl, p.acties.filter(status=code).count()) for code, lbl in ActieStatus.choices])
            for p in plannen
        ],
    }


def html(context: dict[str, Any], *, pdf: bool = False) -> str:
    uitleg = onderdrukking.uitleg(onderdrukking.drempel())
    return render_to_string("beleid/rapport.html", {**context, "pdf": pdf, "onderdrukking": uitleg})


def pdf(context: dict[str, Any]) -> bytes:
    """The report as tagged PDF (PDF/UA-1: structure tree, language, title shown), by the same path as the
    letters and receipts, which fetches nothing from outside the document (the charts are inline SVG)."""
    from naleving.core.pdf import html_naar_pdf

    return html_naar_pdf(html(context, pdf=True), CSS.read_text(encoding="utf-8"))


def gemeenten_van(user: Any | None) -> list[tuple[int, str]]:
    from naleving.accounts.models import Gemeente

    qs = Gemeente.objects.order_by("naam") if user is None else user.gemeenten.order_by("naam")
    return list(qs.values_list("pk", "naam"))


def rapport_naar_bestand(jaar: int, *, pdf_pad: str | None, html_pad: str | None) -> int:
    """`naleving rapport --jaar 2026 --pdf FILE`: all municipalities, the whole year."""
    import sys

    if not pdf_pad and not html_pad:
        print("Geef --pdf BESTAND of --html BESTAND.", file=sys.stderr)
        return 2
    context = context_jaar(KpiFilter(jaar), gemeenten_van(None))
    if html_pad:
        Path(html_pad).write_text(html(context), encoding="utf-8")
        print(f"HTML geschreven naar {html_pad}.")
    if pdf_pad:
        Path(pdf_pad).write_bytes(pdf(context))
        print(f"PDF geschreven naar {pdf_pad}.")
    return 0
