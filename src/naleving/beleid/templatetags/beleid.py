# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

from naleving.beleid.grafiek import celtekst

register = template.Library()


@register.filter
def beleid_waarde(waarde: object) -> str:
    """A table cell: None as a dash, decimals with a comma (Dutch notation)."""
    return celtekst(waarde)
