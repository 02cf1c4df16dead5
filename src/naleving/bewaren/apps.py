# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig

from naleving.accounts import permissions


class BewarenConfig(AppConfig):
    name = "naleving.bewaren"
    label = "bewaren"
    verbose_name = "Bewaren en vernietigen"


#: Action codes of this app (added to the roles by migration 0002_rechten). Both open personal data in the
#: sense of permissions.VRIJ_TOE_TE_KENNEN: the schedule says what exists, a legal hold names a client.
ACTIES = {
    "bewaren.bekijken": "Bewaartermijnen, vernietigingslog en bewaarstops inzien",
    "bewaren.bewaarstop": "Een bewaarstop plaatsen of opheffen (bezwaar of rechtszaak loopt)",
}

# Registered at import (app loading, phase 1), before any ready() runs; see preventie/apps.py.
permissions.ACTIES.update(ACTIES)
