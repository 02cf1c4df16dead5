# SPDX-License-Identifier: EUPL-1.2
"""The later stages of the enforcement funnel from the besluiten app, registered in BeleidConfig.ready().

Counted by the date a decision became definitive and the date an objection was decided; scoped by the client's
municipality and law through the report filter. Aggregates only: no personal data leaves this module.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, Sum

from naleving.beleid.filters import KpiFilter
from naleving.besluiten.models import Besluit, Bezwaar, Sanctie, Uitkomst

#: CBS yearly survey of warnings by reason (domain.md §6): inlichtingenplicht, arbeids-/re-integratieverplichting,
#: tekortschietend besef, overig.
CBS_REDENEN = (
    ("inlichtingenplicht", "Inlichtingenplicht"),
    ("arbeidsverplichting", "Arbeids-/re-integratieverplichting"),
    ("tekortschietend_besef", "Tekortschietend besef"),
)
#: The breaches the CBS survey has no reason of its own for: the duty to cooperate (PW art. 17 lid 2) and the other
#: obligations of the benefit (PW art. 9 lid 1, art. 55) count as "overig". Every breach is in exactly one list.
CBS_OVERIG = ("medewerkingsplicht", "overige_verplichting")


def funnel_rijen(f: KpiFilter) -> list[tuple[str, str, int, int | None]]:
    besluiten = Besluit.objects.filter(
        f.tijd("definitief_op"), f.scope(gemeente="client__gemeente"), definitief_op__isnull=False
    )
    per_sanctie = {
        r["sanctie"]: r
        for r in besluiten.values("sanctie").annotate(n=Count("pk"), boete=Sum("boete_cent"))
    }
    rows: list[tuple[str, str, int, int | None]] = []
    for code, label in Sanctie.choices:
        r = per_sanctie.get(code, {"n": 0, "boete": 0})
        rows.append(
            ("besluiten", label, r["n"], (r["boete"] or 0) if code == Sanctie.BOETE else None)
        )

    teruggevorderd = besluiten.filter(terugvordering_cent__gt=0).aggregate(
        n=Count("pk"), s=Sum("terugvordering_cent")
    )
    afgezien = besluiten.filter(
        terugvordering_cent__isnull=False,
        terugvordering_cent__lt=F("terugvordering_voorgesteld_cent"),
    ).aggregate(
        n=Count("pk"), s=Sum(F("terugvordering_voorgesteld_cent") - F("terugvordering_cent"))
    )
    rows.append(("terugvordering", "Teruggevorderd", teruggevorderd["n"], teruggevorderd["s"] or 0))
    rows.append(
        ("terugvordering", "Geheel of deels afgezien ('tenzij')", afgezien["n"], afgezien["s"] or 0)
    )

    bezwaren = Bezwaar.objects.filter(
        f.scope(gemeente="besluit__client__gemeente", client="besluit__client")
    )
    rows.append(
        ("bezwaar", "Bezwaren ontvangen", bezwaren.filter(f.datum("ontvangen_op")).count(), None)
    )
    beslist = bezwaren.filter(f.datum("beslist_op"))
    per_uitkomst = dict(beslist.values_list("uitkomst").annotate(n=Count("pk")))
    for code, label in Uitkomst.choices:
        rows.append(("bezwaar", f"Beslist: {label.lower()}", per_uitkomst.get(code, 0), None))

    waarschuwingen = besluiten.filter(sanctie=Sanctie.WAARSCHUWING)
    per_reden = dict(waarschuwingen.values_list("overtreding").annotate(n=Count("pk")))
    for code, label in CBS_REDENEN:
        rows.append(("cbs_waarschuwingen", label, per_reden.get(code, 0), None))
    # Overig: CBS_OVERIG and anything not named (a warning without a recorded breach), never dropped.
    overig = waarschuwingen.exclude(Q(overtreding__in=[c for c, _ in CBS_REDENEN])).count()
    rows.append(("cbs_waarschuwingen", "Overig", overig, None))
    return rows
