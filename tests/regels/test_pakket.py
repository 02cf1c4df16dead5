# SPDX-License-Identifier: EUPL-1.2
"""Package hygiene: no Django, complete parameter files, immutable configuration, licences."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from naleving.regels import Configuratie, ParameterFout, adviseer
from naleving.regels.datums import binnen_maanden_voor, verschuif_jaren, verschuif_maanden
from naleving.regels.parameters import PARAMETER_MAP, SCHEMA, laad_regeling
from naleving.regels.tekst import euro

PAKKET = Path(__file__).resolve().parents[2] / "src" / "naleving" / "regels"
TOML = sorted(PARAMETER_MAP.rglob("*.toml")) + sorted(Path(__file__).parent.rglob("*.toml"))


def test_geen_django() -> None:
    code = (
        "import naleving.regels, naleving.regels.cli, sys; "
        "assert not any(m.startswith('django') for m in sys.modules), 'django geladen'"
    )
    resultaat = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | {"PYTHONPATH": str(PAKKET.parents[1])},
        capture_output=True,
        text=True,
        check=False,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    for bestand in PAKKET.rglob("*.py"):
        tekst = bestand.read_text(encoding="utf-8")
        assert "import django" not in tekst and "from django" not in tekst, bestand


def test_elk_bestand_heeft_een_licentiekop() -> None:
    tests = Path(__file__).parent
    for bestand in [*PAKKET.rglob("*.py"), *tests.rglob("*.py"), *TOML]:
        if bestand.name == "__init__.py" and bestand.stat().st_size == 0:
            continue
        assert bestand.read_text(encoding="utf-8").startswith(
            "# SPDX-License-Identifier: EUPL-1.2"
        ), bestand


@pytest.mark.parametrize("pad", TOML, ids=[p.name for p in TOML])
def test_elke_parameter_heeft_waarde_datum_en_bron(pad: Path) -> None:
    gegevens = tomllib.loads(pad.read_text(encoding="utf-8"))
    concept = gegevens.get("concept", False)
    tabellen = [("", gegevens.get("parameters", {}))]
    tabellen += [(g["naam"], g.get("parameters", {})) for g in gegevens.get("gemeenten", [])]
    for plaats, parameters in tabellen:
        for naam, ruw in parameters.items():
            assert naam in SCHEMA, (plaats, naam)
            for versie in ruw if isinstance(ruw, list) else [ruw]:
                assert "waarde" in versie, (plaats, naam)
                assert versie.get("bron", "").strip(), (plaats, naam)
                if concept:
                    # A draft gets its date only when an administrator switches it on.
                    assert "geldig_vanaf" not in versie, naam
                    assert versie.get("onzeker") is True, naam
                else:
                    assert isinstance(versie.get("geldig_vanaf"), date), (plaats, naam)
            if pad.is_relative_to(PARAMETER_MAP) and "regelingen" in pad.parts:
                assert all(v.get("omschrijving") for v in (ruw if isinstance(ruw, list) else [ruw]))
    for keuze in gegevens.get("regelingen", []):
        assert keuze.get("bron", "").strip(), keuze


def test_onzekere_waarden_uit_domain_zijn_gemarkeerd() -> None:
    landelijk = laad_regeling(PARAMETER_MAP / "regelingen" / "landelijk-2017.toml").parameters
    for naam in (
        "waarschuwing_grens_cent",
        "waarschuwing_termijn_jaren",
        "boete_maximum_zonder_benadeling_cent",
        "vervolgingsgrens_cent",
    ):
        assert all(v.onzeker for v in landelijk[naam]), naam
    baanbrekers = laad_regeling(PARAMETER_MAP / "regelingen" / "baanbrekers-2025.toml")
    assert baanbrekers.onzeker


def test_configuratie_is_onveranderlijk() -> None:
    config = Configuratie.standaard()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.activeringen = ()  # type: ignore[misc]
    aan = config.met_activering("whsz-concept", date(2027, 1, 1))
    assert config.activering("whsz-concept") is None
    assert aan.activering("whsz-concept") == date(2027, 1, 1)
    assert aan == Configuratie.laad(activeringen={"whsz-concept": date(2027, 1, 1)})
    with pytest.raises(ParameterFout):
        config.met_activering("bestaat-niet", date(2027, 1, 1))


def test_foute_parameterbestanden_worden_geweigerd(tmp_path: Path) -> None:
    kop = 'id = "x"\nnaam = "X"\nbron = "b"\ngeldig_vanaf = 2020-01-01\n'
    gevallen = {
        "onbekende parameter": "[parameters.typo]\nwaarde = 1\ngeldig_vanaf = 2020-01-01\n"
        "bron = 'b'",
        "geen bron": "[parameters.recidive_percentage]\nwaarde = 1\ngeldig_vanaf = 2020-01-01",
        "geen datum": "[parameters.recidive_percentage]\nwaarde = 1\nbron = 'b'",
        "verkeerd type": "[parameters.recidive_percentage]\nwaarde = true\n"
        "geldig_vanaf = 2020-01-01\nbron = 'b'",
    }
    for naam, inhoud in gevallen.items():
        pad = tmp_path / f"{naam}.toml"
        pad.write_text(kop + inhoud, encoding="utf-8")
        with pytest.raises(ParameterFout):
            laad_regeling(pad)


def test_gedateerde_parameterversies(tmp_path: Path) -> None:
    regelingen = tmp_path / "regelingen"
    regelingen.mkdir()
    (regelingen / "proef.toml").write_text(
        'id = "proef"\nnaam = "Proef"\nbron = "b"\ngeldig_vanaf = 2017-01-01\n'
        'basis = "landelijk-2017"\n'
        "[[parameters.waarschuwing_grens_cent]]\nwaarde = 15000\ngeldig_vanaf = 2017-01-01\n"
        'geldig_tot = 2023-12-31\nbron = "oud"\n'
        "[[parameters.waarschuwing_grens_cent]]\nwaarde = 30000\ngeldig_vanaf = 2024-01-01\n"
        'bron = "nieuw"\n',
        encoding="utf-8",
    )
    organisatie = tmp_path / "org.toml"
    organisatie.write_text(
        'id = "org"\nnaam = "Org"\nbron = "b"\n[[regelingen]]\nid = "proef"\nbron = "b"\n',
        encoding="utf-8",
    )
    config = Configuratie.laad(organisatie, extra_regelingen=(regelingen,))
    zaak = {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "benadelingsbedrag_cent": 20000,
        "verwijtbaarheid": "normaal",
    }
    oud = adviseer(
        zaak | {"pleegdatum": "2023-12-31", "beoordelingsdatum": "2023-12-31"}, configuratie=config
    )
    nieuw = adviseer(
        zaak | {"pleegdatum": "2024-01-01", "beoordelingsdatum": "2024-01-01"}, configuratie=config
    )
    assert (oud.sanctie, oud.boete_cent) == ("boete", 10000)
    assert nieuw.sanctie == "waarschuwing"


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (date(2024, 2, 29), -60, date(2019, 2, 28)),
        (date(2024, 2, 29), -48, date(2020, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 12, 15), 1, date(2024, 1, 15)),
    ],
)
def test_verschuif_maanden(datum: date, maanden: int, verwacht: date) -> None:
    assert verschuif_maanden(datum, maanden) == verwacht


def test_venster_grenzen() -> None:
    peildatum = date(2024, 2, 29)
    assert not binnen_maanden_voor(date(2019, 2, 28), peildatum, 60)
    assert binnen_maanden_voor(date(2019, 3, 1), peildatum, 60)
    assert binnen_maanden_voor(peildatum, peildatum, 60)
    assert not binnen_maanden_voor(date(2024, 3, 1), peildatum, 60)
    assert verschuif_jaren(date(2020, 2, 29), 1) == date(2021, 2, 28)


@pytest.mark.parametrize(
    ("cent", "tekst"),
    [(0, "€ 0,00"), (5, "€ 0,05"), (12345, "€ 123,45"), (123456, "€ 1.234,56"),
     (100000000, "€ 1.000.000,00")],
)  # fmt: skip
def test_euro(cent: int, tekst: str) -> None:
    assert euro(cent) == tekst
