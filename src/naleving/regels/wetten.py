# SPDX-License-Identifier: EUPL-1.2
"""The article that carries each rule, per law.

The IOAW and IOAZ have their own articles; the Bbz 2004 is a regulation under the PW
(PW art. 78f) and applies the PW's articles on the duty to inform, fines, measures and recovery.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Artikelen:
    wet: str
    naam: str
    inlichtingenplicht: str
    boete: str
    boete_recidive: str
    boete_dringende_redenen: str
    maatregel: str
    maatregel_arbeid: str
    maatregel_geen_verwijtbaarheid: str
    maatregel_dringende_redenen: str
    maatregel_heroverweging: str
    maatregel_spreiding: str
    medewerkingsplicht: str
    overige_verplichting: str
    terugvordering: str
    terugvordering_afzien: str
    bruto: bool
    # Discretionary recovery, the gross/net rule and recovery from the family (PW art. 58-59).
    terugvordering_overig: str = ""
    terugvordering_bruto: str = ""
    terugvordering_gezin: str = ""
    terugvordering_verzwegen_partner: str = ""


_PW = Artikelen(
    wet="PW",
    naam="Participatiewet",
    inlichtingenplicht="PW art. 17 lid 1",
    boete="PW art. 18a lid 1 (2015)",
    boete_recidive="PW art. 18a lid 5-6 (2015)",
    boete_dringende_redenen="PW art. 18a lid 9 (2015); Awb art. 5:46",
    maatregel="PW art. 18 lid 2",
    maatregel_arbeid="PW art. 18 lid 4-8 (2015)",
    maatregel_geen_verwijtbaarheid="PW art. 18 lid 9 (2015)",
    maatregel_dringende_redenen="PW art. 18 lid 10 (2015)",
    maatregel_heroverweging="PW art. 18 lid 3",
    maatregel_spreiding="PW art. 18 lid 5 (2015)",
    medewerkingsplicht="PW art. 17 lid 2",
    overige_verplichting="PW art. 9 lid 1 en art. 55",
    terugvordering="PW art. 58 lid 1",
    terugvordering_afzien="PW art. 58 lid 8",
    bruto=False,
    terugvordering_overig="PW art. 58 lid 2 onder a",
    terugvordering_bruto="PW art. 58 lid 5 (lidnummering onzeker)",
    terugvordering_gezin="PW art. 59 lid 1 (lidnummering onzeker)",
    terugvordering_verzwegen_partner="PW art. 59 lid 2 (lidnummering onzeker)",
)


def _ioa(wet: str, naam: str) -> Artikelen:
    return Artikelen(
        wet=wet,
        naam=naam,
        inlichtingenplicht=f"{wet} art. 13",
        boete=f"{wet} art. 20a",
        boete_recidive=f"{wet} art. 20a",
        boete_dringende_redenen=f"{wet} art. 20a; Awb art. 5:46",
        maatregel=f"{wet} art. 20",
        maatregel_arbeid=f"{wet} art. 20",
        maatregel_geen_verwijtbaarheid=f"{wet} art. 20",
        maatregel_dringende_redenen=f"{wet} art. 20",
        maatregel_heroverweging=f"{wet} art. 20 (heroverweging naar PW art. 18 lid 3; onzeker)",
        maatregel_spreiding=f"{wet} art. 20 (spreiding naar PW art. 18 lid 5; onzeker)",
        medewerkingsplicht=f"{wet} art. 13 (medewerkingsplicht; lid onzeker)",
        overige_verplichting=f"{wet} art. 37 (overige verplichtingen; nummering onzeker)",
        terugvordering=f"{wet} art. 25",
        terugvordering_afzien=f"{wet} art. 25",
        bruto=True,
        terugvordering_overig=f"{wet} art. 25 (lid onzeker)",
    )


def _bbz() -> Artikelen:
    def via(artikel: str) -> str:
        return f"{artikel} (via Bbz 2004)"

    return Artikelen(
        wet="BBZ",
        naam="Besluit bijstandverlening zelfstandigen 2004",
        inlichtingenplicht=via(_PW.inlichtingenplicht),
        boete=via(_PW.boete),
        boete_recidive=via(_PW.boete_recidive),
        boete_dringende_redenen=via(_PW.boete_dringende_redenen),
        maatregel=via(_PW.maatregel),
        maatregel_arbeid=via(_PW.maatregel_arbeid),
        maatregel_geen_verwijtbaarheid=via(_PW.maatregel_geen_verwijtbaarheid),
        maatregel_dringende_redenen=via(_PW.maatregel_dringende_redenen),
        maatregel_heroverweging=via(_PW.maatregel_heroverweging),
        maatregel_spreiding=via(_PW.maatregel_spreiding),
        medewerkingsplicht=via(_PW.medewerkingsplicht),
        overige_verplichting=via(_PW.overige_verplichting),
        terugvordering=via(_PW.terugvordering),
        terugvordering_afzien=via(_PW.terugvordering_afzien),
        bruto=False,
        terugvordering_overig=via(_PW.terugvordering_overig),
        terugvordering_bruto=via(_PW.terugvordering_bruto),
        terugvordering_gezin=via(_PW.terugvordering_gezin),
        terugvordering_verzwegen_partner=via(_PW.terugvordering_verzwegen_partner),
    )


ARTIKELEN = MappingProxyType(
    {
        "PW": _PW,
        "IOAW": _ioa(
            "IOAW",
            "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers",
        ),
        "IOAZ": _ioa(
            "IOAZ",
            "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte "
            "gewezen zelfstandigen",
        ),
        "BBZ": _bbz(),
    }
)
