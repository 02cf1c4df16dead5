# SPDX-License-Identifier: EUPL-1.2
"""Invordering: the worked scenarios in tests/regels/scenarios/invordering.json, the command line,
and the parameters the collection rules read (each dated, with a source).

The expected amounts were worked out by hand from Rv art. 475da, PW art. 58 lid 7, 60 and 60b and
Awb art. 4:104-4:106, not taken from the engine's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import samengevoegd, scenarios
from naleving.regels import FeitenFout, invordering, parameter
from naleving.regels.cli import invordering_main
from naleving.regels.invordering import SOORTEN, STUITINGSOORTEN

SRC = Path(__file__).resolve().parents[2] / "src"
ADVIEZEN = scenarios("invordering")
FOUTEN = scenarios("invordering_fouten")


@pytest.mark.parametrize(("naam", "gegevens", "scenario"), ADVIEZEN, ids=[a[0] for a in ADVIEZEN])
def test_invorderingsscenario(
    naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]
) -> None:
    assert scenario.get("regel"), f"{naam}: elk scenario noemt de regel die het toetst"
    advies = invordering(samengevoegd(gegevens["basis"], scenario["feiten"])).to_dict()

    uitkomst = {k: v for k, v in advies.items() if k != "uitleg"}
    uitkomst["open_vragen"] = [v["veld"] for v in advies["open_vragen"]]
    assert uitkomst == gegevens["verwacht_basis"] | scenario["verwacht"]

    regels = [u["regel"] for u in advies["uitleg"]]
    assert regels[0] == "regeling" and regels[-1] == "parameters"
    assert all(u["bron"].strip() and u["tekst"].strip() for u in advies["uitleg"])
    if "uitleg" in scenario:
        assert regels == scenario["uitleg"]
    for regel in scenario.get("uitleg_bevat", []):
        assert regel in regels
    for regel in scenario.get("uitleg_zonder", []):
        assert regel not in regels
    for regel, bron in scenario.get("bronnen", {}).items():
        assert any(u["regel"] == regel and bron in u["bron"] for u in advies["uitleg"]), regel
    for regel, tekst in scenario.get("tekst_bevat", {}).items():
        assert any(u["regel"] == regel and tekst in u["tekst"] for u in advies["uitleg"]), regel
    for vraag in advies["open_vragen"]:
        assert vraag["vraag"].strip() and vraag["grondslag"].strip()


@pytest.mark.parametrize(("naam", "gegevens", "scenario"), FOUTEN, ids=[f[0] for f in FOUTEN])
def test_invorderingsinvoerfout(
    naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]
) -> None:
    with pytest.raises(FeitenFout) as fout:
        invordering(samengevoegd(gegevens["basis"], scenario["feiten"]))
    assert fout.value.veld == scenario["veld"]
    assert scenario["bericht_bevat"] in fout.value.bericht


def test_elke_invorderingsregel_komt_in_een_scenario_voor() -> None:
    alle = {
        "regeling", "beslagvrije_voet", "woonkosten", "zorgtoeslag", "hoger_inkomen",
        "aflossingscapaciteit", "recidive_zonder_voet", "verrekening", "verjaring",
        "afzien_invordering", "parameters",
    }  # fmt: skip
    gezien: set[str] = set()
    for _, gegevens, scenario in ADVIEZEN:
        advies = invordering(samengevoegd(gegevens["basis"], scenario["feiten"]))
        gezien |= {u.regel for u in advies.uitleg}
    assert gezien == alle


INVORDERINGSPARAMETERS = {
    "beslagvrije_voet_percentage": (95, False),
    "beslagvrije_voet_woonkosten_drempel_cent": (47720, True),
    "beslagvrije_voet_woonkosten_grens_cent": (90007, True),
    "beslagvrije_voet_zorgtoeslag_alleenstaand_cent": (13100, True),
    "beslagvrije_voet_zorgtoeslag_partner_cent": (25000, True),
    "invordering_recidive_maanden_zonder_voet": (3, True),
    "verjaring_jaren": (5, False),
    "afzien_invordering_jaren": (10, False),
    "afzien_invordering_ineens_percentage": (50, False),
}


@pytest.mark.parametrize("naam", sorted(INVORDERINGSPARAMETERS))
def test_elke_invorderingswaarde_staat_gedateerd_met_bron_in_het_parameterbestand(
    naam: str,
) -> None:
    waarde = parameter(naam, op=date(2025, 6, 1))
    assert (waarde.waarde, waarde.onzeker) == INVORDERINGSPARAMETERS[naam]
    assert waarde.bron.strip() and waarde.omschrijving.strip()
    assert waarde.geldig_vanaf is not None


BASIS = json.loads((Path(__file__).parent / "scenarios" / "invordering.json").read_text())["basis"]


def test_cli_invordering_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "vordering.json"
    pad.write_text(json.dumps(BASIS), encoding="utf-8")
    assert invordering_main([str(pad)]) == 0
    uit = capsys.readouterr()
    advies = json.loads(uit.out)
    assert (advies["beslagvrije_voet_cent"], advies["aflossingscapaciteit_cent"]) == (133143, 7007)
    assert uit.err == ""


def test_cli_invordering_uitleg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "vordering.json"
    pad.write_text(json.dumps(BASIS), encoding="utf-8")
    assert invordering_main(["--uitleg", str(pad)]) == 0
    tekst = capsys.readouterr().out
    assert "Beslagvrije voet: € 1.331,43 per maand" in tekst
    assert "Ten hoogste af te lossen: € 70,07 per maand" in tekst
    assert "Verrekenen met de uitkering: verplicht" in tekst
    assert "Verjaring: verjaart op 1 april 2029 als die niet wordt gestuit" in tekst
    assert "Afzien van verdere invordering: nu niet" in tekst
    assert "Rv art. 475da" in tekst


def test_cli_invordering_foute_invoer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "vordering.json"
    pad.write_text(json.dumps(BASIS | {"huurtoeslag": False}), encoding="utf-8")
    assert invordering_main([str(pad)]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert "ongeldige invoer in veld 'woonkosten_cent'" in uit.err
    assert invordering_main([str(tmp_path / "bestaat-niet.json")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_naleving_invordering_zonder_django(tmp_path: Path) -> None:
    """`naleving invordering` runs the engine without starting Django, like `naleving advies`."""
    pad = tmp_path / "vordering.json"
    pad.write_text(json.dumps(BASIS | {"soort": "boete_recidive"}), encoding="utf-8")
    uit = subprocess.run(
        [sys.executable, "-c", "import sys; from naleving.cli import main; sys.exit(main())",
         "invordering", str(pad)],
        capture_output=True, text=True, env={"PYTHONPATH": str(SRC)}, check=False,
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)["recidive"] == {"maanden": 3, "maximum_cent": 140150}


@st.composite
def _vordering(draw: st.DrawFn) -> dict[str, Any]:
    peil = draw(st.dates(date(2021, 1, 1), date(2028, 12, 31)))
    termijn = draw(st.dates(date(2009, 7, 1), peil))
    feiten: dict[str, Any] = {
        "peildatum": peil.isoformat(),
        "soort": draw(st.sampled_from(list(SOORTEN))),
        "openstaand_cent": draw(st.integers(0, 10_000_000)),
        "betaaltermijn_einde": termijn.isoformat(),
        "norm_cent": draw(st.integers(1, 400_000)),
        "netto_inkomen_cent": draw(st.integers(0, 800_000)),
        "uitkering_lopend": draw(st.booleans()),
        "zorgtoeslag": draw(st.booleans()),
        "huurtoeslag": draw(st.booleans()),
        "huishouden": draw(st.sampled_from(["alleenstaand", "partner"])),
        "woonkosten_cent": draw(st.integers(0, 300_000)),
        "stuitingen": [
            {"datum": d.isoformat(), "soort": draw(st.sampled_from(list(STUITINGSOORTEN)))}
            for d in draw(st.lists(st.dates(termijn, peil), max_size=4))
        ],
    }
    return feiten


@settings(max_examples=300, deadline=None)
@given(_vordering())
def test_de_aflossing_laat_de_beslagvrije_voet_altijd_vrij(feiten: dict[str, Any]) -> None:
    """Rv art. 475da: the voet is never below 95 % of the norm, and what is collected per month
    never reaches into it (outside the art. 60b months)."""
    advies = invordering(feiten)
    assert advies.beslagvrije_voet_cent * 100 >= 95 * feiten["norm_cent"]
    assert advies.aflossingscapaciteit_cent == max(
        0, feiten["netto_inkomen_cent"] - advies.beslagvrije_voet_cent
    )


@settings(max_examples=300, deadline=None)
@given(_vordering())
def test_een_stuiting_maakt_de_verjaring_nooit_eerder(feiten: dict[str, Any]) -> None:
    """Awb art. 4:105-4:106: a stuiting can only extend the term, never shorten it."""
    zonder = invordering(feiten | {"stuitingen": []})
    met = invordering(feiten)
    assert met.verjaard_vanaf >= zonder.verjaard_vanaf
    assert zonder.verjaard_vanaf > date.fromisoformat(feiten["betaaltermijn_einde"])
