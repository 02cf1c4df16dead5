# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

from naleving.core.money import format_euro

register = template.Library()


@register.filter
def euro(cent: int | None) -> str:
    return "" if cent is None else format_euro(cent)


@register.filter
def bsn(value: str | None) -> str:
    """Show a BSN in groups of 4-2-3, as on Dutch documents, so it is easier to read aloud."""
    if not value or len(value) != 9:
        return value or ""
    return f"{value[:4]}.{value[4:6]}.{value[6:]}"
