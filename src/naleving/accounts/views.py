# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from naleving.accounts.selectors import startpagina
from naleving.core.requests import staff_user


def home(request: HttpRequest) -> HttpResponse:
    return redirect("start" if request.user.is_authenticated else "login")


@login_required
def start(request: HttpRequest) -> HttpResponse:
    page = startpagina(staff_user(request))
    return render(request, page.template, page.context)
