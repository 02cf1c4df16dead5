# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def naleving(request: HttpRequest) -> dict[str, Any]:
    return {
        "demo_mode": settings.NALEVING_DEMO,
        "organisatie_naam": settings.NALEVING_ORGANISATIE,
    }
