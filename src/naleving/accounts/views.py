# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from naleving.accounts import oidc


def home(request: HttpRequest) -> HttpResponse:
    return redirect("start" if request.user.is_authenticated else "login")


class InloggenView(auth_views.LoginView):
    """Password login (unless switched off) and, when the functioneel beheerder set it up, single sign-on."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            context["sso"] = oidc.instelling() is not None
        except DatabaseError:  # the login page needs no database: without one, password login only
            context["sso"] = False
        context["lokaal_inloggen"] = settings.NALEVING_LOKAAL_INLOGGEN
        return context
