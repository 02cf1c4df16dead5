# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "naleving.besluiten"
    verbose_name = "Besluiten (sanctie, terugvordering, beschikking)"

    def ready(self) -> None:
        from naleving.besluiten.selectors import dossier_context
        from naleving.clienten.dossier import DossierSectie, register_dossier_sectie

        register_dossier_sectie(DossierSectie(40, "besluiten/_dossier.html", dossier_context))
