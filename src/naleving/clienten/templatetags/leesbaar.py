# SPDX-License-Identifier: EUPL-1.2
"""What a page shows of the case in plain Dutch: the rules engine's advice (`naleving.regels.leesbaar`), for the
investigation's preliminary advice and the decision's advice alike (both hand the engine the facts of
`clienten.regelfeiten`), and the stored moments of a case (ISO text in JSON, UTC) as '3 december 2026 om 14:05'
in Dutch local time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import template

from naleving.regels.bronnen import grondslag_in_woorden
from naleving.regels.leesbaar import (
    LeesbareUitleg,
    eerdere_sanctie,
    leesbaar,
    tijdstip_nl,
)
from naleving.regels.tekst import datum_nl

register = template.Library()


@register.filter
def leesbaar_advies(advies: Mapping[str, Any] | None) -> LeesbareUitleg | None:
    """An advice as stored (`Advies.to_dict()`) as its plain-Dutch explanation; nothing for no advice."""
    return leesbaar(advies) if advies else None


@register.filter
def tijdstip(moment: str | None) -> str:
    """A stored ISO time stamp (UTC) as '3 december 2026 om 14:05' in Europe/Amsterdam time."""
    return tijdstip_nl(moment) if moment else ""


@register.filter
def sanctie_in_woorden(sanctie: Mapping[str, str]) -> str:
    """An earlier sanction of the facts: 'Boete, wijziging niet doorgegeven (inlichtingenplicht), 3 maart 2024'."""
    return eerdere_sanctie(sanctie)


@register.filter
def datum(dag: str | None) -> str:
    """A stored ISO date ('2026-12-03') as '3 december 2026'."""
    return datum_nl(date.fromisoformat(dag)) if dag else ""


@register.filter
def artikel_in_woorden(bron: str | None) -> str:
    """A citation of the rules ("PW art. 58 lid 2 onder a") as the page names it in words."""
    return grondslag_in_woorden(bron or "")
