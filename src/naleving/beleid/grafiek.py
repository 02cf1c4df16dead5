# SPDX-License-Identifier: EUPL-1.2
"""Server-side SVG bar charts. Readable without colour: every bar carries its value as text, each
series has its own fill pattern (solid, hatched, dotted) and a legend with that pattern; the
data table beside the chart holds the same numbers (WCAG 2.1 AA, 1.4.1 use of colour)."""

from __future__ import annotations

from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

from naleving.core import weergave

BREEDTE = 640
LABEL_BREEDTE = 250
BALK = 16
WAARDE_RUIMTE = 120
PATRONEN = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#1f4e79"/></pattern>',
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
    '<rect width="3" height="6" fill="#333"/></pattern>',
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.6" fill="#333"/></pattern>',
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#fff"/><rect width="6" height="2" fill="#333"/></pattern>',
)


def celtekst(waarde: object) -> str:
    """A table or chart cell: None as a dash, decimals with a comma, dates day-month-year (Dutch notation).
    The tables keep ISO dates, which exports write as they are; the screen shows them the Dutch way."""
    if waarde is None:
        return "–"
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    if isinstance(waarde, str | date):
        return weergave.als_tekst(waarde) if waarde != "" else ""
    return str(waarde)


def staafdiagram(
    sleutel: str, titel: str, labels: list[str], reeksen: list[tuple[str, list[object]]]
) -> SafeString:
    """Horizontal bars: one group per label, one bar per series. Non-numeric values (suppressed
    cells, "–") get no bar, only their text."""
    getallen = [
        float(v) for _n, w in reeksen for v in w if isinstance(v, (int, float)) and v is not None
    ]
    hoogste = max(getallen, default=0) or 1
    schaal = (BREEDTE - LABEL_BREEDTE - WAARDE_RUIMTE) / hoogste
    groep = BALK * len(reeksen) + 10
    legenda = 24 if len(reeksen) > 1 else 0
    hoogte = 10 + legenda + groep * len(labels)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'width="{BREEDTE}" height="{hoogte}" role="img" aria-labelledby="g-{sleutel}-t">',
        f'<title id="g-{sleutel}-t">{escape(titel)} (de cijfers staan ook in de tabel)</title>',
        "<defs>",
        *(PATRONEN[i % len(PATRONEN)].format(id=f"p-{sleutel}-{i}") for i in range(len(reeksen))),
        "</defs>",
    ]
    if legenda:
        x = LABEL_BREEDTE
        for i, (naam, _w) in enumerate(reeksen):
            delen.append(
                f'<rect x="{x}" y="4" width="14" height="14" fill="url(#p-{sleutel}-{i})" '
                f'stroke="#333"/><text x="{x + 18}" y="16" font-size="12">{escape(naam)}</text>'
            )
            x += 24 + 8 * len(naam)
    for r, label in enumerate(labels):
        y0 = 10 + legenda + r * groep
        delen.append(
            f'<text x="{LABEL_BREEDTE - 6}" y="{y0 + groep / 2}" font-size="12" '
            f'text-anchor="end">{escape(label[:40])}</text>'
        )
        for i, (naam, waarden) in enumerate(reeksen):
            v = waarden[r]
            y = y0 + i * BALK
            w = v * schaal if isinstance(v, (int, float)) else 0
            if w:
                delen.append(
                    f'<rect x="{LABEL_BREEDTE}" y="{y}" width="{w:.1f}" height="{BALK - 3}" '
                    f'fill="url(#p-{sleutel}-{i})" stroke="#333"/>'
                )
            prefix = f"{naam}: " if len(reeksen) > 1 else ""
            delen.append(
                f'<text x="{LABEL_BREEDTE + w + 4:.1f}" y="{y + BALK - 5}" font-size="11">'
                f"{escape(prefix + celtekst(v))}</text>"
            )
    delen.append("</svg>")
    return mark_safe("".join(delen))
