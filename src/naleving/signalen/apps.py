# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "naleving.signalen"
    verbose_name = "Signalen"

    def ready(self) -> None:
        from naleving.clienten.selectors import register_client_ground
        from naleving.signalen.selectors import open_signaal_ground

        register_client_ground(open_signaal_ground)

        from naleving.clienten.dossier import DossierSectie, register_dossier_sectie

        # The block renders its own data through the signalen_in_dossier inclusion tag.
        register_dossier_sectie(
            DossierSectie(20, "signalen/_dossier.html", lambda user, client: {})
        )

        from naleving.clienten.taken import register_taak_bron
        from naleving.signalen.taken import taken_voor

        register_taak_bron(30, taken_voor)
