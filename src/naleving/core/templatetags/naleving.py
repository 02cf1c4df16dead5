# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

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
