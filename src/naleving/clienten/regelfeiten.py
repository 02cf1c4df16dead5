# SPDX-License-Identifier: EUPL-1.2
"""The facts the rules engine reads about one case, built in one place.

The investigation's preliminary advice (`onderzoek.advies`) and the decision (`besluiten.advies`) both hand
the engine (`naleving.regels.adviseer`) what `regelfeiten` builds, so the two can no longer choose the law,
the dates or the amounts differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from naleving.clienten.models import Client, Uitkering

#: When a client has no registered benefit at all (a breach at the application): the Participatiewet.
WET_ZONDER_UITKERING = "PW"


def uitkering_op(uitkeringen: Iterable[Uitkering], pleegdatum: date) -> Uitkering | None:
    """The benefit whose law applies to a breach committed on `pleegdatum`.

    A sanction is imposed under the law of the benefit the client received when the breach happened: the fine
    of PW art. 18a for bijstand, of IOAW art. 20a and IOAZ art. 20a for those benefits (and the measure of PW
    art. 18 / IOAW and IOAZ art. 20 likewise); each law sanctions breaches of its own duties (PW art. 17, IOAW
    and IOAZ art. 13). A later move to another benefit does not change the law of an earlier breach.

    The rule: the benefit in force on the pleegdatum (ingangsdatum <= pleegdatum and no einddatum or
    einddatum >= pleegdatum; of several, the one that started last); else the latest that started before it
    (a breach just after the benefit ended); else the latest (a breach before any registered benefit).
    """
    alle = sorted(uitkeringen, key=lambda u: (u.ingangsdatum, u.pk or 0), reverse=True)
    begonnen = [u for u in alle if u.ingangsdatum <= pleegdatum]
    lopend = [u for u in begonnen if u.einddatum is None or u.einddatum >= pleegdatum]
    for keuze in (lopend, begonnen, alle):
        if keuze:
            return keuze[0]
    return None


def wet_op(client: Client, pleegdatum: date) -> str:
    """The law of `uitkering_op` for this client (reads the client's benefits, prefetched or not)."""
    uitkering = uitkering_op(client.uitkeringen.all(), pleegdatum)
    return uitkering.wet if uitkering else WET_ZONDER_UITKERING


def regelfeiten(
    *,
    client: Client,
    overtreding: str,
    pleegdatum: date,
    beoordelingsdatum: date,
    wet: str = "",
    perioden: list[dict[str, Any]] | None = None,
    benadelingsbedrag_cent: int | None = None,
    eerdere_sancties: list[dict[str, str]] | None = None,
    verwijtbaarheid: str = "",
    financieel_voordeel_beoogd: bool | None = None,
    dringende_redenen: str = "",
    aangifte_gedaan: bool | None = None,
    terugvordering: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The engine's input (`naleving.regels.Feiten.uit_dict`) for one breach.

    `wet` is the law recorded on a decision; without it, the law of the benefit on the pleegdatum
    (`uitkering_op`). The beoordelingsdatum is never before the pleegdatum. For the inlichtingenplicht the
    months (`perioden`, also an empty list) come before a stated benadelingsbedrag. The human judgements are
    passed only when made: the engine leaves open what a person has not yet decided (so is whether aangifte was
    made, which only the fine for the inlichtingenplicht depends on: Awb art. 5:44, una via).
    """
    feiten: dict[str, Any] = {
        "wet": wet or wet_op(client, pleegdatum),
        "overtreding": overtreding,
        "pleegdatum": pleegdatum.isoformat(),
        "beoordelingsdatum": max(beoordelingsdatum, pleegdatum).isoformat(),
        "gemeente": client.gemeente.cbs_code,
    }
    if eerdere_sancties is not None:
        feiten["eerdere_sancties"] = eerdere_sancties
    if overtreding == "inlichtingenplicht":
        if perioden is not None:
            feiten["perioden"] = perioden
        elif benadelingsbedrag_cent is not None:
            feiten["benadelingsbedrag_cent"] = benadelingsbedrag_cent
    if verwijtbaarheid:
        feiten["verwijtbaarheid"] = verwijtbaarheid
    if financieel_voordeel_beoogd is not None:
        feiten["financieel_voordeel_beoogd"] = financieel_voordeel_beoogd
    if dringende_redenen.strip():
        feiten["dringende_redenen"] = dringende_redenen.strip()
    if aangifte_gedaan is not None and overtreding == "inlichtingenplicht":
        feiten["aangifte_gedaan"] = aangifte_gedaan
    if terugvordering:
        # PW art. 58-59: the recovery facts and judgements, only when recorded.
        feiten["terugvordering"] = terugvordering
    if overtreding != "inlichtingenplicht":
        # A maatregel is a percentage of the applicable norm (PW art. 18 lid 2): the norm of the benefit on the
        # pleegdatum, so the engine computes the reduction per month and its spreading (lid 5 (2015)).
        uitkering = uitkering_op(client.uitkeringen.all(), pleegdatum)
        if uitkering is not None and uitkering.norm_cent:
            feiten["verlaging"] = {"norm_cent": uitkering.norm_cent}
    return feiten
