# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "naleving.signalen"
    verbose_name = "Signalen"

    def ready(self) -> None:
        from naleving.accounts.permissions import register_client_ground
        from naleving.signalen.selectors import open_signaal_ground

        register_client_ground(open_signaal_ground)
