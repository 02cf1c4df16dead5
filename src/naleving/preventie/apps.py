# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig

from naleving.accounts import permissions


class PreventieConfig(AppConfig):
    name = "naleving.preventie"
    label = "preventie"
    verbose_name = "Preventie en dienstverlening"

    def ready(self) -> None:
        from naleving.preventie import tasks

        tasks.register_schedule()


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
