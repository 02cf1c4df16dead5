# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.http import HttpRequest

from naleving.accounts.models import User


def staff_user(request: HttpRequest) -> User:
    """The logged-in staff member (views call this after @login_required)."""
    user = request.user
    assert isinstance(user, User), "view needs @login_required"
    return user
