# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from naleving.accounts.permissions import ACTIES, has_right


def rechten(request: HttpRequest) -> dict[str, Any]:
    """`perms_naleving.<actie>` in every template: whether the logged-in user's role grants the action."""
    user = getattr(request, "user", None)
    rights = {code.replace(".", "_"): bool(user) and has_right(user, code) for code in ACTIES}
    return {"perms_naleving": rights}
