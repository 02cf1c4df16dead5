# SPDX-License-Identifier: EUPL-1.2
"""The functioneel beheerder manages staff, roles and municipalities here. Client data is not in the admin:
it is only changed through the services, which check permissions and write the audit log.

Every change of rights goes through naleving.accounts.services: the forms ask the service's checks (so a
refusal is shown on the form and logged), and saving calls the service (audit entry, second person for
rights on personal data). Django's own admin log is kept, but the audit chain is the record."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from naleving.accounts import services
from naleving.accounts.models import (
    ClaimKoppeling,
    Gemeente,
    Rechtenverzoek,
    Rol,
    SsoInstelling,
    User,
)
from naleving.accounts.permissions import ACTIES, has_right
from naleving.accounts.selectors import verzoek_omschrijving
from naleving.audit.models import Actie
from naleving.audit.services import audit_log


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


def _staff(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _melding_verzoek(request: HttpRequest, verzoek: Rechtenverzoek | None) -> None:
    if verzoek is None:
        return
    messages.warning(
        request,
        "Niet alles is al toegepast. Deze rechten geven toegang tot persoonsgegevens en wachten op "
        "goedkeuring door een tweede persoon (een andere functioneel beheerder of de privacy officer): "
        + "; ".join(verzoek_omschrijving(verzoek=verzoek))
        + f". Zie verzoek {verzoek.pk} op de pagina Rechtenverzoeken.",
    )


class RolForm(forms.ModelForm[Rol]):
    rechten = forms.MultipleChoiceField(
        choices=sorted(ACTIES.items()), widget=forms.CheckboxSelectMultiple, required=False
    )
    door: User | None = None

    class Meta:
        model = Rol
        fields = ["code", "naam", "omschrijving", "rechten", "toegang_op_grond"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.door is not None and self.has_changed():
            rol = None if self.instance._state.adding else Rol.objects.get(pk=self.instance.pk)
            try:
                services.rol_toets(door=self.door, rol=rol)
            except services.RechtenGeweigerd as exc:
                raise ValidationError(str(exc.args[0])) from exc
        return data


@admin.register(Rol)
class RolAdmin(_BeheerMixin, admin.ModelAdmin[Rol]):
    form = RolForm
    list_display = ["naam", "code", "toegang_op_grond"]
    actions = None

    def get_readonly_fields(self, request: HttpRequest, obj: Rol | None = None) -> list[str]:
        # The code is the key users point at; changing it would make a second role.
        return ["code"] if obj is not None else []

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):  # type: ignore[no-untyped-def]
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"door": _staff(request)})

    def save_model(self, request: HttpRequest, obj: Rol, form: Any, change: bool) -> None:
        data = form.cleaned_data
        _rol, uitkomst = services.rol_opslaan(
            door=_staff(request),
            rol=Rol.objects.get(pk=obj.pk) if change else None,
            gegevens=services.Rolgegevens(
                code=obj.pk,
                naam=data["naam"],
                omschrijving=data.get("omschrijving", ""),
                rechten=list(data.get("rechten", [])),
                toegang_op_grond=bool(data.get("toegang_op_grond")),
            ),
        )
        _melding_verzoek(request, uitkomst.verzoek)

    def delete_model(self, request: HttpRequest, obj: Rol) -> None:
        services.rol_verwijderen(door=_staff(request), rol=obj)


@admin.register(Gemeente)
class GemeenteAdmin(_BeheerMixin, admin.ModelAdmin[Gemeente]):
    list_display = ["naam", "cbs_code"]


#: The fields of a staff member that carry rights; they change only through services.
RECHTENVELDEN = ("rol", "gemeenten", "is_active", "is_staff", "is_superuser")


class _MedewerkerFormMixin:
    """Mixed into UserAdmin's change and add forms: the service's checks, shown on the form."""

    door: User | None = None
    changed_data: list[str]
    instance: User

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        if self.door is not None and set(self.changed_data) & set(RECHTENVELDEN):
            medewerker = (
                None if self.instance._state.adding else User.objects.get(pk=self.instance.pk)
            )
            try:
                services.medewerker_toets(door=self.door, medewerker=medewerker)
            except services.RechtenGeweigerd as exc:
                raise ValidationError(str(exc.args[0])) from exc
        return data


@admin.register(User)
class MedewerkerAdmin(_BeheerMixin, UserAdmin[User]):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "gemeenten", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoon", {"fields": ("first_name", "last_name", "email")}),
        ("Rol en gemeenten", {"fields": ("rol", "gemeenten", "is_active", "is_staff")}),
        ("Single sign-on", {"fields": ("oidc_sub",)}),
        ("Datums", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["gemeenten"]
    actions = None

    def get_fieldsets(self, request: HttpRequest, obj: Any = None):  # type: ignore[no-untyped-def]
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and request.user.is_superuser:
            fieldsets = (
                *fieldsets,
                ("Superuser", {"fields": ("is_superuser",)}),
            )
        return fieldsets

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):  # type: ignore[no-untyped-def]
        base = super().get_form(request, obj, change=change, **kwargs)
        form = type(base.__name__, (_MedewerkerFormMixin, base), {"door": _staff(request)})
        return form

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        door = _staff(request)
        if not change:
            obj.save()
            services.medewerker_aangemaakt(door=door, medewerker=obj)
            return
        stored = User.objects.select_related("rol").get(pk=obj.pk)
        data = form.cleaned_data
        requested = services.Accountrechten(
            rol=data.get("rol", stored.rol),
            gemeenten=list(data["gemeenten"] if "gemeenten" in data else stored.gemeenten.all()),
            is_active=data.get("is_active", stored.is_active),
            is_staff=data.get("is_staff", stored.is_staff),
            is_superuser=data.get("is_superuser", stored.is_superuser),
        )
        # Name, e-mail and the like are saved as usual; the rights only through the service.
        obj.rol = stored.rol
        obj.is_active, obj.is_staff = stored.is_active, stored.is_staff
        obj.is_superuser = stored.is_superuser
        obj.save()
        uitkomst = services.medewerker_rechten_wijzigen(door=door, medewerker=obj, nieuw=requested)
        _melding_verzoek(request, uitkomst.verzoek)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # The municipalities are set by the service (save_model); form.save_m2m() would bypass it.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        services.medewerker_verwijderen(door=_staff(request), medewerker=obj)


@admin.register(Rechtenverzoek)
class RechtenverzoekAdmin(admin.ModelAdmin[Rechtenverzoek]):
    """Read-only: the decision is taken on the page Rechtenverzoeken, through the service."""

    list_display = ["pk", "doel", "status", "aangevraagd_door", "aangevraagd_op", "beslissen"]
    list_filter = ["status"]
    actions = None

    @admin.display(description="Voor")
    def doel(self, obj: Rechtenverzoek) -> str:
        return str(obj.rol or obj.medewerker)

    @admin.display(description="Beslissen")
    def beslissen(self, obj: Rechtenverzoek) -> str:
        return format_html(
            '<a href="{}">Bekijken en beslissen</a>', reverse("rechten:verzoek", args=[obj.pk])
        )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return isinstance(request.user, User) and services.mag_beslissen(user=request.user)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Rechtenverzoek]:
        return super().get_queryset(request).select_related("rol", "medewerker", "aangevraagd_door")


# --- single sign-on (accounts.oidc): the provider, the client and what the claims mean ------------------------


class _SsoAuditMixin(_BeheerMixin):
    """The single sign-on settings decide who gets in: each change is in the audit chain (never the secret)."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        velden = sorted(f for f in form.changed_data if "secret" not in f)
        audit_log(
            user=request.user,
            actie=Actie.WIJZIGEN if change else Actie.AANMAKEN,
            obj=obj,
            velden={"gewijzigd": velden},
            reden="Instelling van single sign-on gewijzigd",
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_log(
            user=request.user,
            actie=Actie.VERWIJDEREN,
            obj=obj,
            reden="Instelling van single sign-on verwijderd",
        )
        super().delete_model(request, obj)  # type: ignore[misc]


@admin.register(ClaimKoppeling)
class ClaimKoppelingAdmin(_SsoAuditMixin, admin.ModelAdmin[ClaimKoppeling]):
    list_display = ["soort", "waarde", "rol", "gemeente"]
    list_filter = ["soort"]


@admin.register(SsoInstelling)
class SsoInstellingAdmin(_SsoAuditMixin, admin.ModelAdmin[SsoInstelling]):
    fieldsets = (
        (None, {"fields": ("actief",)}),
        (
            "De identity provider (uit zijn /.well-known/openid-configuration)",
            {
                "fields": (
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_endpoint",
                    "end_session_endpoint",
                    "sign_algo",
                )
            },
        ),
        ("Naleving als client", {"fields": ("client_id", "client_secret", "scopes")}),
        (
            "Rollen en gemeenten (waarden koppelen onder Claimkoppelingen)",
            {"fields": ("rollen_claim", "gemeenten_claim", "nieuwe_medewerkers_aanmaken")},
        ),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not SsoInstelling.objects.exists()

    def save_model(self, request: HttpRequest, obj: SsoInstelling, form: Any, change: bool) -> None:
        obj.pk = 1
        super().save_model(request, obj, form, change)
