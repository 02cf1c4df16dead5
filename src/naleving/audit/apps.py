# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "naleving.audit"
    verbose_name = "Toegangslog"
