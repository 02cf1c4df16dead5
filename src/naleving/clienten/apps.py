# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ClientenConfig(AppConfig):
    name = "naleving.clienten"
    verbose_name = "Cliënten en uitkeringen"
