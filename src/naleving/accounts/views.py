# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def home(request: HttpRequest) -> HttpResponse:
    return redirect("start" if request.user.is_authenticated else "login")
