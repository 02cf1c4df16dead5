# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class MedewerkerBackend(ModelBackend):
    """The standard backend, except that demo accounts only work while Naleving runs in demo mode, and that
    password login can be switched off (NALEVING_LOKAAL_INLOGGEN=0: single sign-on only)."""

    def authenticate(
        self,
        request: Any,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if not settings.NALEVING_LOKAAL_INLOGGEN:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def user_can_authenticate(self, user: Any) -> bool:
        if getattr(user, "is_demo_account", False) and not settings.NALEVING_DEMO:
            return False
        return super().user_can_authenticate(user)

    def get_user(self, user_id: Any) -> Any:
        user = super().get_user(user_id)
        if (
            user is not None
            and getattr(user, "is_demo_account", False)
            and not settings.NALEVING_DEMO
        ):
            return None
        return user
