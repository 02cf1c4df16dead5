# SPDX-License-Identifier: EUPL-1.2
"""Runs every scenario file in tests/regels/scenarios and asserts exact outcomes.

Each scenario names the rule it checks (``regel``); expectations were written from the law and
the policy rules, not from the engine's output. The whole Advies is compared except the
explanation texts, whose rule ids (and, where given, sources) are checked instead.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import configuratie, samengevoegd, scenarios
from naleving.regels import FeitenFout, adviseer

ADVIEZEN = scenarios("scenarios")
FOUTEN = scenarios("fouten")


def _verwacht(gegevens: dict[str, Any], scenario: dict[str, Any], feiten: dict[str, Any]) -> Any:
    verwacht = {
        "boete_cent": 0,
        "maatregel": None,
        "open_vragen": [],
        "verlaging": None,
        "heroverweging": None,
    }
    verwacht |= gegevens.get("verwacht_basis", {})
    verwacht |= scenario["verwacht"]
    if "terugvordering" not in verwacht:
        # PW art. 58 lid 1: recovery follows every duty-to-inform breach, whatever the sanction.
        inlichtingen = feiten["overtreding"] == "inlichtingenplicht"
        verwacht["terugvordering"] = {
            "verplicht": inlichtingen,
            "bedrag_cent": verwacht["benadelingsbedrag_cent"] if inlichtingen else 0,
            "afzien_mogelijk": False,
        }
    return verwacht


@pytest.mark.parametrize(("naam", "gegevens", "scenario"), ADVIEZEN, ids=[a[0] for a in ADVIEZEN])
def test_scenario(naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]) -> None:
    assert scenario.get("regel"), f"{naam}: elk scenario noemt de regel die het toetst"
    feiten = samengevoegd(gegevens["basis"], scenario["feiten"])
    advies = adviseer(feiten, configuratie=configuratie(scenario.get("configuratie"))).to_dict()

    uitkomst = {k: v for k, v in advies.items() if k != "uitleg"}
    uitkomst["open_vragen"] = [v["veld"] for v in advies["open_vragen"]]
    assert uitkomst == _verwacht(gegevens, scenario, feiten)

    for vraag in advies["open_vragen"]:
        assert vraag["vraag"].strip() and vraag["grondslag"].strip()
    for veld, tekst in scenario.get("vraag_bevat", {}).items():
        assert any(v["veld"] == veld and tekst in v["vraag"] for v in advies["open_vragen"])

    regels = [u["regel"] for u in advies["uitleg"]]
    assert regels, "de uitleg is nooit leeg"
    assert all(u["bron"].strip() and u["tekst"].strip() for u in advies["uitleg"])
    if "uitleg" in scenario:
        assert regels == scenario["uitleg"]
    for regel in scenario.get("uitleg_bevat", []):
        assert regel in regels
    for regel in scenario.get("uitleg_zonder", []):
        assert regel not in regels
    for regel, bron in scenario.get("bronnen", {}).items():
        assert any(u["regel"] == regel and bron in u["bron"] for u in advies["uitleg"]), (
            regel,
            bron,
        )
    for regel, tekst in scenario.get("tekst_bevat", {}).items():
        assert any(u["regel"] == regel and tekst in u["tekst"] for u in advies["uitleg"]), regel
    json.dumps(advies)


@pytest.mark.parametrize(("naam", "gegevens", "scenario"), FOUTEN, ids=[f[0] for f in FOUTEN])
def test_invoerfout(naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]) -> None:
    invoer = (
        scenario["invoer"]
        if "invoer" in scenario
        else samengevoegd(gegevens["basis"], scenario["feiten"])
    )
    with pytest.raises(FeitenFout) as fout:
        adviseer(invoer)
    assert fout.value.veld == scenario["veld"]
    assert scenario["bericht_bevat"] in fout.value.bericht
    assert str(fout.value).startswith(scenario["veld"])


def test_elke_regel_komt_in_een_scenario_voor() -> None:
    """Every rule id the engine can produce is exercised by at least one scenario."""
    alle = {
        "regeling", "lex_mitior", "overtreding", "benadelingsbedrag", "verwijtbaarheid",
        "gedifferentieerde_handhaving", "financieel_voordeel", "waarschuwing", "dringende_redenen",
        "recidive", "vervaltermijn", "boete_zonder_benadeling", "boete_hoogte", "draagkracht",
        "vervolgingsgrens", "terugvordering", "maatregel_arbeidsverplichting",
        "tekortschietend_besef", "parameters", "boete_maximum", "una_via", "beleid_niet_beschikbaar",
        "maatregel_verordening", "verlagingsplan", "heroverweging",
    }  # fmt: skip
    gezien: set[str] = set()
    for _, gegevens, scenario in ADVIEZEN:
        feiten = samengevoegd(gegevens["basis"], scenario["feiten"])
        advies = adviseer(feiten, configuratie=configuratie(scenario.get("configuratie")))
        gezien |= {u.regel for u in advies.uitleg}
    assert gezien == alle


def test_elke_wet_en_overtreding_in_de_scenarios() -> None:
    combinaties = set()
    for _, gegevens, scenario in ADVIEZEN:
        feiten = samengevoegd(gegevens["basis"], scenario["feiten"])
        combinaties.add((feiten["wet"], feiten["overtreding"]))
    for wet in ("PW", "IOAW", "IOAZ", "BBZ"):
        assert (wet, "inlichtingenplicht") in combinaties
        assert (wet, "arbeidsverplichting") in combinaties
