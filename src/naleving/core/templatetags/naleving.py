# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from naleving.core import weergave
from naleving.core.money import format_euro

register = template.Library()


@register.filter
def euro(cent: object) -> str:
    """Cents as '€ 1.234,56'; anything that is not a whole number of cents (a missing value) shows as empty."""
    return format_euro(cent) if isinstance(cent, int) and not isinstance(cent, bool) else ""


@register.filter
def bsn(value: str | None) -> str:
    """Show a BSN in groups of 4-2-3, as on Dutch documents, so it is easier to read aloud."""
    if not value or len(value) != 9:
        return value or ""
    return f"{value[:4]}.{value[4:6]}.{value[6:]}"


@register.filter
def janee(value: object) -> str:
    """A yes-or-no as 'Ja' or 'Nee' (never True/False); unknown shows as a dash."""
    return weergave.ja_nee(value)


@register.filter
def datumtijd(value: datetime | str | None) -> str:
    """A time stamp in local time (Europe/Amsterdam) the Dutch way: '01-03-2026 10:30'."""
    return weergave.datumtijd(value)


@register.filter
def waarde(value: Any) -> str:
    """Any stored value for a reader: Ja/Nee, Dutch dates in local time, lists as text, never a Python repr."""
    return weergave.als_tekst(value)


@register.filter
def velden(record: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """A record of stored fields (an audit row's details) as (label, text) pairs."""
    return weergave.velden(record)


@register.filter
def datums(tekst: str | None) -> str:
    """ISO dates inside a text (an explanation from the rules engine) shown day-month-year."""
    return weergave.datums_in_tekst(str(tekst)) if tekst else ""


#: The NL Design System class of each kind of form control (Utrecht community components).
_CONTROL_KLASSEN = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "",
    "checkboxselectmultiple": "",
    "clearablefileinput": "",
    "fileinput": "",
    "hiddeninput": "",
}


@register.filter
def veldcontrole(field: Any) -> SafeString:
    """The control of a form field with its NL Design System class. Django links it to the description
    (`<id>_helptext`) and the error message (`<id>_error`) with aria-describedby and sets aria-invalid; the ids
    are those that core/_veld.html gives them (WCAG 2.1, 1.3.1 and 3.3.1)."""
    soort = type(field.field.widget).__name__.lower()
    klasse = _CONTROL_KLASSEN.get(soort, "utrecht-textbox utrecht-textbox--html-input")
    if not klasse:
        return cast(SafeString, field.as_widget())
    bestaand = field.field.widget.attrs.get("class", "")
    return cast(SafeString, field.as_widget(attrs={"class": f"{bestaand} {klasse}".strip()}))


@register.inclusion_tag("core/_kruimelpad.html")
def kruimelpad(*stappen: object) -> dict[str, object]:
    """The breadcrumbs (NL Design System `utrecht-breadcrumb-nav`) of a staff page below the start page:
    `{% kruimelpad "Cliënten" "clienten:zoeken" client.naam %}` gives Start › Cliënten › the client's name.
    The arguments are pairs of a label and a place (a URL name without arguments, or a URL from
    `{% url ... as x %}`), then the label of the page itself, which is not a link (`aria-current="page"`).
    Start always comes first."""
    if len(stappen) % 2 != 1:
        raise template.TemplateSyntaxError("kruimelpad: paren van tekst en plaats, dan de pagina")
    from django.urls import reverse

    links = [("Start", reverse("start"))]
    for i in range(0, len(stappen) - 1, 2):
        plaats = str(stappen[i + 1])
        links.append((str(stappen[i]), plaats if plaats.startswith("/") else reverse(plaats)))
    return {"links": links, "huidige": stappen[-1]}


@register.filter
def aaneen(value: object, arg: object) -> str:
    """Two values as one text: `"Signaal "|aaneen:signaal.pk`. Django's `add` gives nothing for a text and a
    number."""
    return f"{value}{arg}"


#: The bars of a count come in steps of this many percent, one CSS class per step (naleving.css `.staaf--N`):
#: the Content-Security-Policy forbids inline styles, so a width cannot be written into the page.
STAAF_STAP = 5


def staaf_procent(waarde: object, maximum: object) -> int:
    """The bar's width for `waarde` out of `maximum`, in percent rounded to a step of STAAF_STAP. A count above
    zero gets at least one step, so it never looks like nothing; zero, a missing value or a suppressed cell
    (text such as "<5") gets no bar."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return 0
    if (
        isinstance(maximum, bool)
        or not isinstance(maximum, int | float)
        or maximum <= 0
        or waarde <= 0
    ):
        return 0
    stappen = round(min(waarde / maximum, 1) * 100 / STAAF_STAP)
    return max(stappen, 1) * STAAF_STAP


@register.filter
def hoogste(rijen: object, sleutel: str) -> int | float:
    """The largest number under `sleutel` in a list of rows (dicts or objects): the 100 % of the bars."""
    getallen = []
    for rij in cast(Any, rijen) or ():
        v = rij.get(sleutel) if isinstance(rij, Mapping) else getattr(rij, sleutel, None)
        if isinstance(v, int | float) and not isinstance(v, bool):
            getallen.append(v)
    return max(getallen, default=0)


@register.simple_tag
def staaf(waarde: object, maximum: object) -> SafeString:
    """A small horizontal bar beside a count (NL Design System has no bar component; this is the project's own).
    Hidden from assistive technology: the number stays in the page as text, the bar only shows it."""
    procent = staaf_procent(waarde, maximum)
    return format_html(
        '<span class="staaf" aria-hidden="true" data-procent="{}">'
        '<span class="staaf__vulling staaf--{}"></span></span>',
        procent,
        procent,
    )
