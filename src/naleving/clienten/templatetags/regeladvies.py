# SPDX-License-Identifier: EUPL-1.2
"""The rules engine's advice on a page, in plain Dutch (`naleving.regels.leesbaar`), for the investigation's
preliminary advice and the decision's advice alike: both hand the engine the facts of `clienten.regelfeiten`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from naleving.regels.leesbaar import LeesbareUitleg, eerdere_sanctie, leesbaar, tijdstip_nl

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
