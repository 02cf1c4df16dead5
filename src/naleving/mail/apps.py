# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "naleving.mail"
    label = "mail"
    verbose_name = "E-mail"

    def ready(self) -> None:
        from naleving.mail import tasks

        tasks.register_schedule()
