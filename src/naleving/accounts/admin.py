# SPDX-License-Identifier: EUPL-1.2
"""The functioneel beheerder manages staff, roles and municipalities here. Client data is not in the admin:
it is only changed through the services, which check permissions and write the audit log."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from naleving.accounts.models import Gemeente, Rol, User
from naleving.accounts.permissions import ACTIES, has_right


class _BeheerMixin:
    """Only users whose role grants `beheer.gebruikers` (or superusers) see these admin pages."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or has_right(request.user, "beheer.gebruikers")

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.user.is_superuser


class RolForm(forms.ModelForm[Rol]):
    rechten = forms.MultipleChoiceField(
        choices=sorted(ACTIES.items()), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = Rol
        fields = ["code", "naam", "omschrijving", "rechten", "toegang_op_grond"]


@admin.register(Rol)
class RolAdmin(_BeheerMixin, admin.ModelAdmin[Rol]):
    form = RolForm
    list_display = ["naam", "code", "toegang_op_grond"]


@admin.register(Gemeente)
class GemeenteAdmin(_BeheerMixin, admin.ModelAdmin[Gemeente]):
    list_display = ["naam", "cbs_code"]


@admin.register(User)
class MedewerkerAdmin(_BeheerMixin, UserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "gemeenten", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoon", {"fields": ("first_name", "last_name", "email")}),
        ("Rol en gemeenten", {"fields": ("rol", "gemeenten", "is_active")}),
        ("Datums", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["gemeenten"]
