# SPDX-License-Identifier: EUPL-1.2
"""The rules engine's preliminary advice, computed from the rapport's findings without retyping.

The judgements that only a person may make (verwijtbaarheid, financial gain intended, dringende redenen) are
left open here: the consultant makes them in the decision. So the advice usually shows the benadelingsbedrag,
the recovery, and the open questions — never a guessed sanction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from naleving.onderzoek.models import Rapport


def feiten_uit_rapport(rapport: Rapport, *, beoordelingsdatum: date) -> dict[str, Any] | None:
    if not rapport.overtreding or not rapport.pleegdatum:
        return None
    client = rapport.onderzoek.client
    uitkering = (
        client.uitkeringen.filter(ingangsdatum__lte=rapport.pleegdatum)
        .order_by("-ingangsdatum")
        .first()
        or client.uitkeringen.order_by("-ingangsdatum").first()
    )
    feiten: dict[str, Any] = {
        "wet": uitkering.wet if uitkering else "PW",
        "overtreding": rapport.overtreding,
        "pleegdatum": rapport.pleegdatum.isoformat(),
        "beoordelingsdatum": max(beoordelingsdatum, rapport.pleegdatum).isoformat(),
        "gemeente": client.gemeente.cbs_code,
    }
    if rapport.overtreding == "inlichtingenplicht":
        feiten["perioden"] = rapport.perioden
    return feiten


def voorlopig_advies(rapport: Rapport, *, beoordelingsdatum: date) -> dict[str, Any] | None:
    from naleving.regels import FeitenFout, adviseer

    feiten = feiten_uit_rapport(rapport, beoordelingsdatum=beoordelingsdatum)
    if feiten is None:
        return None
    try:
        return {"feiten": feiten, "advies": adviseer(feiten).to_dict()}
    except FeitenFout as fout:
        return {"feiten": feiten, "fout": f"{fout.veld}: {fout.bericht}"}
