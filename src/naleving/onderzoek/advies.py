# SPDX-License-Identifier: EUPL-1.2
"""The rules engine's preliminary advice, computed from the rapport's findings without retyping.

The judgements that only a person may make (verwijtbaarheid, financial gain intended, dringende redenen) are
left open here (whether aangifte was made is a fact of the investigation and is passed): the consultant makes them in the decision. So the advice usually shows the benadelingsbedrag,
the recovery, and the open questions — never a guessed sanction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from naleving.clienten.regelfeiten import regelfeiten
from naleving.onderzoek.models import Rapport


def feiten_uit_rapport(rapport: Rapport, *, beoordelingsdatum: date) -> dict[str, Any] | None:
    """The engine's facts from the rapport (`clienten.regelfeiten`, the same builder as the decision's)."""
    if not rapport.overtreding or not rapport.pleegdatum:
        return None
    return regelfeiten(
        client=rapport.onderzoek.client,
        overtreding=rapport.overtreding,
        pleegdatum=rapport.pleegdatum,
        beoordelingsdatum=beoordelingsdatum,
        perioden=rapport.perioden,
        # Una via (Awb art. 5:44): passed as the decision passes it, so that above the prosecution
        # threshold the preliminary advice can say whether a fine applies once aangifte is known.
        aangifte_gedaan=rapport.aangifte_gedaan,
    )


def voorlopig_advies(rapport: Rapport, *, beoordelingsdatum: date) -> dict[str, Any] | None:
    from naleving.regels import FeitenFout, adviseer

    feiten = feiten_uit_rapport(rapport, beoordelingsdatum=beoordelingsdatum)
    if feiten is None:
        return None
    try:
        return {"feiten": feiten, "advies": adviseer(feiten).to_dict()}
    except FeitenFout as fout:
        return {"feiten": feiten, "fout": f"{fout.veld}: {fout.bericht}"}
