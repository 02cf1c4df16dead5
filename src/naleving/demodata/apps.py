# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DemodataConfig(AppConfig):
    name = "naleving.demodata"
    verbose_name = "Synthetische gegevens"
