# SPDX-License-Identifier: EUPL-1.2
"""Where the organisation's policy shapes the decision flow: the Omgekeerde Toets before fixing a decision that
weighs on the resident, and a fine where the policy rule gives none, which is a departure from policy (Awb 4:84:
the body acts by its policy rule unless special circumstances make the outcome disproportionate) that the
consultant must explain and the four-eyes reviewer sees. Every value comes from the parameter files."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from naleving import regels
from naleving.besluiten.models import Besluit, Sanctie, Verwijtbaarheid
from naleving.besluiten.statemachine import Status
from naleving.regels.parameters import ParameterFout

SOORTEN = {
    "boete": "een boete",
    "maatregel": "een maatregel",
    "terugvordering": "een terugvordering",
}


def toets_verplicht_bij(*, op: date | None = None) -> tuple[str, ...]:
    """The kinds of decision the policy wants the Omgekeerde Toets for (parameter omgekeerde_toets_bij); none
    before the working agreement holds."""
    try:
        waarde = regels.parameter("omgekeerde_toets_bij", op=op or timezone.localdate()).waarde
    except ParameterFout:
        return ()
    return tuple(waarde) if isinstance(waarde, tuple) else ()


def toets_nodig(*, sanctie: str, terugvordering_cent: int, op: date | None = None) -> str:
    """Why this decision needs the Omgekeerde Toets first ("een boete en een terugvordering"), or ""."""
    bij = toets_verplicht_bij(op=op)
    soorten = [s for s in (sanctie,) if s in bij and s in SOORTEN]
    if terugvordering_cent and "terugvordering" in bij:
        soorten.append("terugvordering")
    return " en ".join(SOORTEN[s] for s in soorten)


def beleid_afwijking(besluit: Besluit, *, sanctie: str) -> str:
    """A fine where the policy rule in force on the pleegdatum gives none: the Dutch description for the consultant
    and the reviewer, or "" when the fine follows the policy (or the decision is no fine). Parameters
    boete_bij_verwijtbaarheid and boete_vereist_financieel_voordeel (Beleidsregels handhaving Baanbrekers 2025)."""
    if sanctie != Sanctie.BOETE:
        return ""
    gemeente = besluit.client.gemeente.cbs_code
    try:
        bij = regels.parameter(
            "boete_bij_verwijtbaarheid", op=besluit.pleegdatum, gemeente=gemeente
        )
        voordeel = regels.parameter(
            "boete_vereist_financieel_voordeel", op=besluit.pleegdatum, gemeente=gemeente
        )
    except ParameterFout:
        return ""  # no rule set on that date: the engine refuses the advice itself
    labels = dict(Verwijtbaarheid.choices)
    redenen = []
    toegestaan = tuple(bij.waarde) if isinstance(bij.waarde, tuple) else ()
    if besluit.verwijtbaarheid not in toegestaan:
        gekozen = labels.get(besluit.verwijtbaarheid, "geen beoordeelde verwijtbaarheid")
        redenen.append(
            f"het beleid geeft alleen een boete bij {_opsomming(labels, toegestaan)}; "
            f"u beoordeelde: {str(gekozen).lower()}"
        )
    if voordeel.waarde is True and besluit.financieel_voordeel_beoogd is not True:
        redenen.append("het beleid geeft alleen een boete als financieel voordeel werd beoogd")
    if not redenen:
        return ""
    return (
        f"U legt een boete op, maar {' en '.join(redenen)}. Dat is een afwijking van het beleid "
        f"(Awb 4:84; {bij.bron})."
    )


def _opsomming(labels: dict[str, str], codes: tuple[str, ...]) -> str:
    namen = [str(labels.get(c, c)).lower() for c in codes]
    return " of ".join(namen) if namen else "geen enkele verwijtbaarheid"


def stand(besluit: Besluit, *, advies: dict[str, Any] | None) -> dict[str, str]:
    """For the decision page: whether the policy asks the Omgekeerde Toets first (only while in concept) and
    whether the fine departs from policy. In concept the sanction and recovery are those the decision will get
    when fixed as it stands (the advice's when it follows the advice)."""
    if besluit.status != Status.CONCEPT:
        return {
            "toets_nodig": "",
            "beleidsafwijking": beleid_afwijking(besluit, sanctie=besluit.sanctie),
        }
    advies = advies or {}
    sanctie = str(advies.get("sanctie", "")) if besluit.keuze == "volgt" else besluit.sanctie
    terug = besluit.terugvordering_cent
    if terug is None:
        terug = int((advies.get("terugvordering") or {}).get("bedrag_cent", 0))
    return {
        "toets_nodig": toets_nodig(sanctie=sanctie, terugvordering_cent=terug),
        "beleidsafwijking": beleid_afwijking(besluit, sanctie=sanctie),
    }
