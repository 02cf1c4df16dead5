# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "naleving.accounts"
    verbose_name = "Medewerkers, rollen en gemeenten"

    def ready(self) -> None:
        from naleving.accounts import oidc, signals  # noqa: F401  (plugin registry, audit of logins)
