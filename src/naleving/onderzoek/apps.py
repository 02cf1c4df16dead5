# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OnderzoekConfig(AppConfig):
    name = "naleving.onderzoek"
    verbose_name = "Onderzoek (Awb titel 5.2)"

    def ready(self) -> None:
        from naleving.clienten.selectors import register_client_ground
        from naleving.onderzoek.selectors import ground_open_onderzoek

        register_client_ground(ground_open_onderzoek)

        from naleving.clienten.dossier import DossierSectie, register_dossier_sectie
        from naleving.onderzoek.selectors import dossier_context

        register_dossier_sectie(DossierSectie(30, "onderzoek/_dossier.html", dossier_context))

        from naleving.onderzoek.selectors import onderzoek_url
        from naleving.onderzoek.services import onderzoek_uit_signaal
        from naleving.signalen.services import register_onderzoek_link, register_onderzoek_starter

        register_onderzoek_starter(onderzoek_uit_signaal)
        register_onderzoek_link(link=onderzoek_url)

        from naleving.clienten.taken import register_taak_bron
        from naleving.onderzoek.taken import taken_voor

        register_taak_bron(20, taken_voor)
