# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

from naleving.beleid.grafiek import celtekst
from naleving.beleid.tabellen import Tabel
from naleving.core.templatetags.naleving import staaf

register = template.Library()


@register.filter
def beleid_waarde(waarde: object) -> str:
    """A table cell: None as a dash, decimals with a comma (Dutch notation)."""
    return celtekst(waarde)


@register.simple_tag
def kpi_staaf(tabel: Tabel, rij: int, kolom: int) -> str:
    """The bar beside a count in a table without a chart: only in the table's first count column ("aantal" in
    Tabel.soorten), against that column's largest count; a derived cell (an average) and a suppressed cell get
    no bar, so the bars compare counts only."""
    staafkolom = next((i for i, s in sorted(tabel.soorten.items()) if s == "aantal"), None)
    waarde = tabel.rijen[rij][kolom]
    if kolom != staafkolom or (rij, kolom) in tabel.afgeleid_van or not isinstance(waarde, int):
        return ""
    getallen = [
        v
        for i, r in enumerate(tabel.rijen)
        if (i, kolom) not in tabel.afgeleid_van and isinstance(v := r[kolom], int)
    ]
    return staaf(waarde, max(getallen, default=0))
