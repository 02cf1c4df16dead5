# SPDX-License-Identifier: EUPL-1.2
"""The functioneel beheerder sets the policy parameters here. The catalogue itself is changed
through its own page (a new version with a preview), so it is read-only in the admin."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from naleving.accounts.permissions import has_right
from naleving.preventie.models import Instelling, Verplichting


def _beheer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_superuser", False)) or has_right(
        request.user, "preventie.catalogus_beheren"
    )


@admin.register(Instelling)
class InstellingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["periodiek_interval_dagen", "reactietermijn_dagen", "code_geldig_minuten"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _beheer(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _beheer(request)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _beheer(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _beheer(request) and not Instelling.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Verplichting)
class VerplichtingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "titel",
        "wet",
        "versie",
        "geldig_vanaf",
        "geldig_tot",
        "grondslag",
        "grondslag_onzeker",
    ]
    list_filter = ["wet", "onderwerp", "grondslag_onzeker"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _beheer(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _beheer(request)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
