# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig

from naleving.accounts import permissions


class BeleidConfig(AppConfig):
    name = "naleving.beleid"
    label = "beleid"
    verbose_name = "Beleid: uitvoeringsplan, cijfers en voortgangsrapportage"

    def ready(self) -> None:
        from naleving.beleid.kpi import register_funnel_bron
        from naleving.beleid.kpi_besluiten import funnel_rijen

        # Decisions, recovery, objections and the CBS warnings come from the besluiten app's data.
        register_funnel_bron(funnel_rijen)


#: Action codes of this app (added to the roles by migration 0002_rechten). The dashboard and the
#: reports use the existing `rapportage.bekijken` (aggregates only).
ACTIES = {
    "beleid.plannen": "Het uitvoeringsplan schrijven, acties bijhouden en het jaar evalueren",
}

# Registered at import (app loading, phase 1), before any ready() runs; see preventie/apps.py.
permissions.ACTIES.update(ACTIES)
