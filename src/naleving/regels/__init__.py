# SPDX-License-Identifier: EUPL-1.2
"""naleving.regels: the rules engine. Feiten in, Advies out, with sources. No Django here.

from naleving.regels import adviseer
advies = adviseer({...})            # or adviseer(feiten, configuratie=Configuratie.laad(...))
advies.to_dict()                    # the JSON contract
invordering({...}).to_dict()        # collection: beslagvrije voet, set-off, lapse, stop
getal("recidive_percentage", op=date(2026, 3, 1))   # one dated, sourced value (parameter(): all of it)
"""

from .advies import Advies, Terugvordering
from .configuratie import Configuratie, getal, parameter
from .feiten import Feiten, FeitenFout
from .invordering import Invorderingsadvies, InvorderingsFeiten, invordering
from .motor import adviseer
from .parameters import ParameterFout, laad_regelingen
from .spoor import Maatregel, OpenVraag, Uitleg

__all__ = [
    "Advies",
    "Configuratie",
    "Feiten",
    "FeitenFout",
    "InvorderingsFeiten",
    "Invorderingsadvies",
    "Maatregel",
    "OpenVraag",
    "ParameterFout",
    "Terugvordering",
    "Uitleg",
    "adviseer",
    "getal",
    "invordering",
    "laad_regelingen",
    "parameter",
]
