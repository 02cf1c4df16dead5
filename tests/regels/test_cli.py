# SPDX-License-Identifier: EUPL-1.2
"""The command line: exit codes, stdout/stderr discipline, Dutch messages, --uitleg text."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from naleving.regels.cli import advies_main, regels_main

SRC = Path(__file__).resolve().parents[2] / "src"
ZAAK = {
    "wet": "PW",
    "overtreding": "inlichtingenplicht",
    "pleegdatum": "2023-06-15",
    "beoordelingsdatum": "2023-09-01",
    "benadelingsbedrag_cent": 12345,
    "verwijtbaarheid": "normaal",
    "eerdere_sancties": [
        {"soort": "waarschuwing", "overtreding": "inlichtingenplicht", "datum": "2022-01-01"}
    ],
}


def _bestand(tmp_path: Path, inhoud: object) -> str:
    pad = tmp_path / "zaak.json"
    pad.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    return str(pad)


def test_advies_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert advies_main([_bestand(tmp_path, ZAAK)]) == 0
    uit = capsys.readouterr()
    advies = json.loads(uit.out)
    assert advies["sanctie"] == "boete"
    assert advies["boete_cent"] == 7000
    assert uit.err == ""


def test_advies_uitleg_als_tekst(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert advies_main(["--uitleg", _bestand(tmp_path, ZAAK)]) == 0
    tekst = capsys.readouterr().out
    assert "Advies: boete van € 70,00" in tekst
    assert "50 % van € 123,45" in tekst
    assert "PW art. 18a" in tekst
    assert "Een medewerker beslist" in tekst


def test_advies_van_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(ZAAK)))
    assert advies_main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["regeling"] == "landelijk-2017"


def test_activeer_concept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zaak = ZAAK | {"pleegdatum": "2027-03-01", "beoordelingsdatum": "2027-04-01"}
    assert advies_main(["--activeer", "whsz-concept=2027-01-01", _bestand(tmp_path, zaak)]) == 0
    assert json.loads(capsys.readouterr().out)["regeling"] == "whsz-concept"


@pytest.mark.parametrize(
    ("args", "inhoud", "verwacht"),
    [
        (["{pad}"], {**ZAAK, "benadelingsbedrag_cent": True}, "veld 'benadelingsbedrag_cent'"),
        (["{pad}"], {**ZAAK, "onbekend": 1}, "veld 'onbekend'"),
        (["{pad}"], {k: v for k, v in ZAAK.items() if k != "wet"}, "veld 'wet': ontbreekt"),
        (["{pad}"], "{niet: json", "geen geldige JSON"),
        (["{pad}"], "[1, 2]", "veld 'invoer'"),
        (["/bestaat/niet.json"], None, "bestaat niet"),
        ([], None, "precies één invoerbestand"),
        (["{pad}", "{pad}"], ZAAK, "precies één invoerbestand"),
        (["--onbekend", "{pad}"], ZAAK, "onbekende optie"),
        (["--activeer", "whsz-concept=morgen", "{pad}"], ZAAK, "--activeer verwacht"),
        (["--activeer", "bestaat-niet=2027-01-01", "{pad}"], ZAAK, "configuratie"),
    ],
)
def test_advies_fout(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    inhoud: object,
    verwacht: str,
) -> None:
    pad = _bestand(tmp_path, inhoud) if inhoud is not None else ""
    assert advies_main([a.replace("{pad}", pad) for a in args]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert verwacht in uit.err
    assert "Traceback" not in uit.err


def test_regels_tekst(capsys: pytest.CaptureFixture[str]) -> None:
    assert regels_main([]) == 0
    tekst = capsys.readouterr().out
    for verwacht in (
        "Regeling landelijk-2017",
        "Regeling baanbrekers-2025",
        "Regeling whsz-concept",
        "CONCEPT, staat uit",
        "ONZEKER",
        "Waalwijk (0867)",
        "boete_percentage_opzet = 100",
        "bron: CRvB 11-01-2016, ECLI:NL:CRVB:2016:9",
    ):
        assert verwacht in tekst


def test_regels_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert regels_main(["--json"]) == 0
    gegevens = json.loads(capsys.readouterr().out)
    regelingen = {r["id"]: r for r in gegevens["regelingen"]}
    assert regelingen["whsz-concept"]["actief"] is False
    assert regelingen["baanbrekers-2025"]["geldig_vanaf"] == "2025-01-01"
    assert regelingen["baanbrekers-2025"]["onzeker"] is True
    grens = regelingen["landelijk-2017"]["parameters"]["waarschuwing_grens_cent"][0]
    assert grens["waarde"] == 15000 and grens["onzeker"] is True and grens["bron"]


def test_regels_fout(capsys: pytest.CaptureFixture[str]) -> None:
    assert regels_main(["--xml"]) == 2
    uit = capsys.readouterr()
    assert uit.out == "" and "onbekende optie" in uit.err


def test_python_m(tmp_path: Path) -> None:
    omgeving = os.environ | {"PYTHONPATH": str(SRC)}
    gelukt = subprocess.run(
        [sys.executable, "-m", "naleving.regels", "advies", _bestand(tmp_path, ZAAK)],
        capture_output=True,
        text=True,
        env=omgeving,
        check=False,
    )
    assert gelukt.returncode == 0, gelukt.stderr
    assert json.loads(gelukt.stdout)["boete_cent"] == 7000
    fout = subprocess.run(
        [sys.executable, "-m", "naleving.regels", "advies", _bestand(tmp_path, {"wet": "PW"})],
        capture_output=True,
        text=True,
        env=omgeving,
        check=False,
    )
    assert fout.returncode == 2 and fout.stdout == "" and "Traceback" not in fout.stderr


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        ("[" * 100_000 + "]" * 100_000, "naleving: de invoer is dieper genest dan 32 niveaus\n"),
        (
            '{"wet": "PW", "x": ' + "[" * 33 + "]" * 33 + "}",
            "naleving: de invoer is dieper genest dan 32 niveaus\n",
        ),
        (
            '{"benadelingsbedrag_cent": NaN}',
            "naleving: NaN is geen geldige waarde in JSON; schrijf een getal\n",
        ),
    ],
    ids=["diep-voorbij-de-recursiegrens", "33-niveaus", "nan"],
)
def test_advies_neemt_diep_geneste_of_ongeldige_json_niet_aan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str, verwacht: str
) -> None:
    """Input the reader cannot bound is a usage error (exit 2, a Dutch line, no traceback), never a
    RecursionError."""
    assert advies_main([_bestand(tmp_path, inhoud)]) == 2
    uit = capsys.readouterr()
    assert (uit.out, uit.err) == ("", verwacht)


def test_advies_neemt_32_niveaus_nog_aan_en_meldt_dan_het_veld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inhoud = json.dumps({**ZAAK, "eerdere_sancties": [[[]]]})
    assert advies_main([_bestand(tmp_path, inhoud)]) == 2
    err = capsys.readouterr().err
    assert "eerdere_sancties" in err
    assert "dieper genest" not in err


def test_feiten_van_voor_de_eerste_regeling_krijgen_het_wettelijke_deel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before landelijk-2017 no policy applies, but the lapse (Awb 5:45) and recovery (PW art. 58
    lid 1) still do: an advice with exit 0, not an input error."""
    zaak = ZAAK | {"pleegdatum": "2016-06-15", "beoordelingsdatum": "2022-01-01"}
    assert advies_main([_bestand(tmp_path, zaak)]) == 0
    uit = capsys.readouterr()
    advies = json.loads(uit.out)
    assert (advies["sanctie"], advies["regeling"], uit.err) == ("geen", None, "")
    assert advies["terugvordering"] == {
        "verplicht": True,
        "bedrag_cent": 12345,
        "afzien_mogelijk": False,
    }
    assert advies_main(["--uitleg", _bestand(tmp_path, zaak)]) == 0
    tekst = capsys.readouterr().out
    assert "Regeling: geen (alleen de wet; het beleidsdeel is niet beschikbaar)" in tekst
    assert "Awb art. 5:45 lid 2" in tekst  # € 123,45: at most € 340, so 3 years
