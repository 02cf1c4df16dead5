# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django import template

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
