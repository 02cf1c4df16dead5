# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def beleid_waarde(waarde: object) -> str:
    """A table cell: None as a dash, decimals with a comma (Dutch notation)."""
    if waarde is None:
        return "–"
    if isinstance(waarde, float):
        return f"{waarde:.1f}".replace(".", ",")
    return str(waarde)
