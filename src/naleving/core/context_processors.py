# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from naleving.accounts.permissions import ACTIES, has_right


def naleving(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    rights = {code.replace(".", "_"): bool(user) and has_right(user, code) for code in ACTIES}
    return {
        "demo_mode": settings.NALEVING_DEMO,
        "organisatie_naam": settings.NALEVING_ORGANISATIE,
        "perms_naleving": rights,
    }
