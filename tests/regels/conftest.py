# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers for the rules-engine tests: scenario loading and configurations."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from naleving.regels import Configuratie

HIER = Path(__file__).parent
SCENARIOS = HIER / "scenarios"


def samengevoegd(basis: dict[str, Any], wijziging: dict[str, Any]) -> dict[str, Any]:
    """Apply a scenario's changes to the file's base facts; null removes a field."""
    feiten = dict(basis)
    for sleutel, waarde in wijziging.items():
        if waarde is None:
            feiten.pop(sleutel, None)
        else:
            feiten[sleutel] = waarde
    return feiten


@cache
def _configuratie(sleutel: str) -> Configuratie:
    gegevens = json.loads(sleutel)
    organisatie = gegevens.get("organisatie")
    return Configuratie.laad(
        HIER / organisatie if organisatie else "baanbrekers",
        activeringen={
            k: date.fromisoformat(v) for k, v in gegevens.get("activeringen", {}).items()
        },
        extra_regelingen=tuple(HIER / p for p in gegevens.get("extra_regelingen", [])),
    )


def configuratie(gegevens: dict[str, Any] | None) -> Configuratie:
    if not gegevens:
        return Configuratie.standaard()
    return _configuratie(json.dumps(gegevens, sort_keys=True))


def scenarios(soort: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(id, file data, scenario) for every scenario of the given kind in every file."""
    uitkomst = []
    for pad in sorted(SCENARIOS.glob("*.json")):
        gegevens = json.loads(pad.read_text(encoding="utf-8"))
        for scenario in gegevens.get(soort, []):
            uitkomst.append((f"{pad.stem}: {scenario['naam']}", gegevens, scenario))
    return uitkomst
