# SPDX-License-Identifier: EUPL-1.2
"""The client file's hook: `{% include "signalen/_dossier.html" %}` shows signals and triage tasks
there."""

from __future__ import annotations

from typing import Any

from django import template

from naleving.clienten.selectors import may
from naleving.signalen import selectors

register = template.Library()


@register.inclusion_tag("signalen/_dossier_blok.html", takes_context=True)
def signalen_in_dossier(context: dict[str, Any]) -> dict[str, Any]:
    user, client = context["user"], context["client"]
    return {
        "client": client,
        "mag_registreren": may(user, "signaal.registreren", client),
        "mag_afronden": may(user, "taak.afronden", client),
        "signalen": selectors.signalen_van_client(user=user, client=client),
        "taken": selectors.open_taken(client=client),
        "csrf_token": context.get("csrf_token"),
    }
