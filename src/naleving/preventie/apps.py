# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig

from naleving.accounts import permissions


class PreventieConfig(AppConfig):
    name = "naleving.preventie"
    label = "preventie"
    verbose_name = "Preventie en dienstverlening"

    def ready(self) -> None:
        from naleving.clienten.dossier import DossierSectie, register_dossier_sectie
        from naleving.clienten.meldingen import register_melding_bron
        from naleving.preventie import tasks
        from naleving.preventie.selectors import wijzigingsmeldingen_als_meldingen

        tasks.register_schedule()
        # The block renders its own data through the preventie_dossier inclusion tag.
        register_dossier_sectie(
            DossierSectie(10, "preventie/_dossier.html", lambda user, client: {})
        )
        register_melding_bron(wijzigingsmeldingen_als_meldingen)
        from naleving.mail.dagoverzicht import register_bron
        from naleving.preventie.selectors import herinneringen_als_taken

        register_bron(herinneringen_als_taken)


#: Action codes of this app (added to the roles by migration 0003_rechten).
ACTIES = {
    "preventie.informeren": (
        "Rechten en plichten uitleggen, informatiemomenten en eenmalige codes vastleggen"
    ),
    "preventie.melding_vastleggen": "Een wijziging namens een cliënt vastleggen",
    "preventie.inbox": "Wijzigingsmeldingen in de inbox afhandelen",
    "preventie.campagnes": "Voorlichtingscampagnes plannen en het bereik vastleggen",
    "preventie.catalogus_beheren": "De catalogus van verplichtingen beheren",
}

# Registered when this module is imported (app loading, phase 1): before any ready() runs, so
# the admin's role form (built at autodiscover, in the admin's ready()) offers these actions too.
permissions.ACTIES.update(ACTIES)
