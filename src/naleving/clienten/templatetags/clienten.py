# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import template

from naleving.clienten.models import Wet

register = template.Library()


@register.filter
def wetnaam(code: object) -> str:
    """A law by its name ('Participatiewet'), never its stored code ('PW')."""
    return Wet(code).label if isinstance(code, str) and code in Wet.values else str(code or "")


@register.filter
def wetnamen(codes: list[str] | None) -> str:
    """Several laws by name, 'Participatiewet, IOAW'."""
    return ", ".join(wetnaam(c) for c in codes or [])
