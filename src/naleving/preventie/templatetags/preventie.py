# SPDX-License-Identifier: EUPL-1.2
"""The prevention block in the client file (included by clienten/dossier.html with one line)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template

from naleving.clienten.selectors import may

register = template.Library()


@register.inclusion_tag("preventie/_dossier_blok.html", takes_context=True)
def preventie_dossier(context: dict[str, Any], client: Any) -> dict[str, Any]:
    """Shown to everyone who may see the file: a report counts wherever it was made (CRvB
    2023:1967)."""
    request = context["request"]
    user = request.user
    return {
        "client": client,
        "toon": True,
        "csrf_token": context.get("csrf_token"),
        "perms_naleving": context.get("perms_naleving", {}),
        "mag_informeren": may(user, "preventie.informeren", client),
        "mag_melden": may(user, "preventie.melding_vastleggen", client),
        "meldingen": client.wijzigingsmeldingen.order_by("-ontvangen_op")[:50],
        "laatste": client.informatiemomenten.order_by("-datum", "-pk").first(),
    }


@register.filter
def wachttijd(nu: datetime, sinds: datetime) -> timedelta:
    return nu - sinds
