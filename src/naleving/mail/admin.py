# SPDX-License-Identifier: EUPL-1.2
"""The outbox in /beheer/: the functioneel beheerder sees every mail's kind, recipient (a staff member by
name, a resident only as 'inwoner'), status, attempts and last error, and sends failed ones again. Never the
address of a resident or the content: the beheerder has no client data."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.mail import services
from naleving.mail.models import Mail


def _beheer(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_superuser", False)) or has_right(
        request.user, "beheer.gebruikers"
    )


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "aangemaakt_op",
        "soort",
        "aan_wie",
        "status",
        "pogingen",
        "laatste_fout",
        "verzonden_op",
    )
    list_filter = ["status", "soort"]
    fields = list_display
    readonly_fields = list_display
    actions = ["opnieuw_versturen"]
    list_select_related = ["ontvanger"]

    @admin.display(description="aan")
    def aan_wie(self, obj: Mail) -> str:
        return str(obj.ontvanger) if obj.ontvanger_id else "inwoner"

    @admin.action(description="Mislukte e-mails opnieuw versturen")
    def opnieuw_versturen(self, request: HttpRequest, queryset: QuerySet[Mail]) -> None:
        user = request.user
        assert isinstance(user, User)
        aantal = services.mail_opnieuw(user=user, mails=queryset)
        messages.success(
            request, f"{aantal} e-mail(s) opnieuw aangeboden. Zie de status hieronder."
        )

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
