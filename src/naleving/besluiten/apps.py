# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "naleving.besluiten"
    verbose_name = "Besluiten (sanctie, terugvordering, beschikking)"

    def ready(self) -> None:
        from naleving.besluiten.selectors import dossier_context, onderzoek_vervolg
        from naleving.clienten.dossier import DossierSectie, register_dossier_sectie
        from naleving.onderzoek.vervolg import Vervolg, register_vervolg

        register_dossier_sectie(DossierSectie(40, "besluiten/_dossier.html", dossier_context))
        register_vervolg(Vervolg("besluiten/_onderzoek_vervolg.html", onderzoek_vervolg))

        from naleving.besluiten.taken import taken_voor
        from naleving.clienten.taken import register_taak_bron

        register_taak_bron(10, taken_voor)
