# SPDX-License-Identifier: EUPL-1.2
"""One lookup for a legal or policy value outside adviseer(): Configuratie.parameter/getal, by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from naleving.regels import Configuratie, ParameterFout, getal, parameter

HIER = Path(__file__).parent
VOORBEELD = HIER / "organisaties" / "voorbeeld.toml"

PROEF_REGELING = """# SPDX-License-Identifier: EUPL-1.2
id = "proef-2020"
naam = "Proefregeling"
bron = "Testregeling (fictief)"
geldig_vanaf = 2020-01-01
basis = "landelijk-2017"

[[parameters.recidive_percentage]]
waarde = 150
geldig_vanaf = 2020-01-01
geldig_tot = 2023-12-31
bron = "Proefregeling art. 1 (fictief)"

[[parameters.recidive_percentage]]
waarde = 120
geldig_vanaf = 2024-01-01
bron = "Proefregeling art. 1, gewijzigd (fictief)"
onzeker = true
"""

PROEF_ORGANISATIE = """# SPDX-License-Identifier: EUPL-1.2
id = "proef"
naam = "Proefdienst"
bron = "Testorganisatie (fictief)"

[[regelingen]]
id = "landelijk-2017"
geldig_vanaf = 2017-01-01
bron = "Landelijke regels"

[[regelingen]]
id = "proef-2020"
bron = "Proefregeling"
"""


def _proef(tmp_path: Path, organisatie: str = PROEF_ORGANISATIE) -> Configuratie:
    (tmp_path / "proef-2020.toml").write_text(PROEF_REGELING, encoding="utf-8")
    (tmp_path / "proef.toml").write_text(organisatie, encoding="utf-8")
    return Configuratie.laad(
        tmp_path / "proef.toml", extra_regelingen=(tmp_path / "proef-2020.toml",)
    )


def test_getal_leest_de_versie_die_op_de_datum_geldt(tmp_path: Path) -> None:
    config = _proef(tmp_path)
    assert config.getal("recidive_percentage", op=date(2019, 6, 1)) == 150  # landelijk-2017
    assert config.getal("recidive_percentage", op=date(2023, 12, 31)) == 150
    assert config.getal("recidive_percentage", op=date(2024, 1, 1)) == 120
    waarde = config.parameter("recidive_percentage", op=date(2024, 1, 1))
    assert waarde.bron == "Proefregeling art. 1, gewijzigd (fictief)"
    assert waarde.geldig_vanaf == date(2024, 1, 1) and waarde.onzeker is True


def test_zonder_regeling_van_kracht_geen_waarde_maar_een_duidelijke_fout(tmp_path: Path) -> None:
    config = _proef(tmp_path)
    with pytest.raises(ParameterFout, match="op 2016-12-31 is geen regeling van kracht"):
        config.getal("recidive_percentage", op=date(2016, 12, 31))


def test_voor_de_eerste_regeling_gelden_alleen_de_oudere_waarden_van_de_wet() -> None:
    """A breach of 2016 is judged by the law of 2016: values the first rule set dates earlier
    (Awb art. 5:45 since 1-7-2009; PW art. 18 (2015)) hold, those dated 2017 do not."""
    assert getal("vervaltermijn_lang_jaren", op=date(2016, 6, 1)) == 5
    assert getal("maatregel_maanden_max", op=date(2016, 6, 1), gemeente="0867") == 3
    assert parameter("vervaltermijn_kort_jaren", op=date(2016, 6, 1)).bron == "Awb art. 5:45 lid 2"
    with pytest.raises(ParameterFout, match="geen waarde van die datum"):
        getal("recidive_percentage", op=date(2016, 6, 1))
    with pytest.raises(ParameterFout, match="geen waarde van die datum"):
        getal("maatregel_maanden_max", op=date(2014, 12, 31))


def test_de_waarde_van_de_afstemmingsverordening_gaat_voor(tmp_path: Path) -> None:
    """PW art. 8 lid 1 sub a: a municipality sets the maatregel in its own ordinance."""
    config = Configuratie.laad(VOORBEELD, extra_regelingen=(HIER / "organisaties" / "regelingen",))
    op = date(2026, 3, 1)
    assert config.getal("maatregel_arbeid_maanden_eerste", op=op, gemeente="9999") == 2
    assert config.getal("maatregel_arbeid_maanden_eerste", op=op, gemeente="Andersdorp") == 1
    assert config.getal("maatregel_arbeid_maanden_eerste", op=op) == 1
    with pytest.raises(ParameterFout, match="onbekende gemeente '1234'"):
        config.getal("maatregel_arbeid_maanden_eerste", op=op, gemeente="1234")


def test_getal_weigert_een_waarde_die_geen_getal_is() -> None:
    with pytest.raises(ParameterFout, match="geen geheel getal"):
        getal("boete_vereist_financieel_voordeel", op=date(2026, 3, 1))
    assert parameter("boete_vereist_financieel_voordeel", op=date(2026, 3, 1)).waarde is True


def test_de_standaardconfiguratie_is_die_van_de_installatie() -> None:
    op = date(2026, 3, 1)
    assert getal("recidive_percentage", op=op) == Configuratie.standaard().getal(
        "recidive_percentage", op=op
    )


def test_een_werkafspraak_komt_uit_het_organisatiebestand() -> None:
    """Working agreements (no law) are the organisation's own: [parameters] in its file."""
    waarde = parameter("signaal_triagetermijn_dagen", op=date(2026, 3, 1))
    assert (waarde.waarde, waarde.geldig_vanaf, waarde.onzeker) == (14, date(2026, 1, 1), True)
    assert waarde.herkomst == "organisatie baanbrekers" and "Werkafspraak" in waarde.bron
    with pytest.raises(ParameterFout, match="'signaal_triagetermijn_dagen' heeft geen waarde op"):
        getal("signaal_triagetermijn_dagen", op=date(2025, 12, 31))


def test_een_werkafspraak_hoort_niet_in_een_regeling_en_wet_niet_in_het_organisatiebestand(
    tmp_path: Path,
) -> None:
    regeling = PROEF_REGELING + (
        "\n[parameters.signaal_triagetermijn_dagen]\nwaarde = 7\n"
        "geldig_vanaf = 2020-01-01\nbron = 'b'\n"
    )
    (tmp_path / "proef-2020.toml").write_text(regeling, encoding="utf-8")
    (tmp_path / "proef.toml").write_text(PROEF_ORGANISATIE, encoding="utf-8")
    with pytest.raises(
        ParameterFout, match="'signaal_triagetermijn_dagen' is hier niet toegestaan"
    ):
        Configuratie.laad(tmp_path / "proef.toml", extra_regelingen=(tmp_path / "proef-2020.toml",))
    organisatie = PROEF_ORGANISATIE + (
        "\n[parameters.recidive_percentage]\nwaarde = 100\ngeldig_vanaf = 2020-01-01\nbron = 'b'\n"
    )
    (tmp_path / "proef-wet.toml").write_text(organisatie, encoding="utf-8")
    with pytest.raises(ParameterFout, match="'recidive_percentage' is hier niet toegestaan"):
        Configuratie.laad(tmp_path / "proef-wet.toml")


GEDEELD = HIER / "organisaties" / "gedeeld.toml"


def test_a_working_agreement_can_differ_per_municipality() -> None:
    """The organisation file's working agreements hold for every municipality unless one sets its
    own, from its own date (here Oostdorp's shorter triage term from 2024)."""
    config = Configuratie.laad(GEDEELD)
    assert config.getal("signaal_triagetermijn_dagen", op=date(2026, 1, 5)) == 14
    assert (
        config.getal("signaal_triagetermijn_dagen", op=date(2026, 1, 5), gemeente="Westdorp") == 14
    )
    oost = config.parameter("signaal_triagetermijn_dagen", op=date(2026, 1, 5), gemeente="9903")
    assert (oost.waarde, oost.herkomst) == (7, "organisatie gedeeld, gemeente Oostdorp")
    assert (
        config.getal("signaal_triagetermijn_dagen", op=date(2023, 1, 5), gemeente="Oostdorp") == 14
    )
    with pytest.raises(ParameterFout, match="onbekende gemeente 'Nergens'"):
        config.getal("signaal_triagetermijn_dagen", op=date(2026, 1, 5), gemeente="Nergens")


def test_the_shared_afstemmingsverordening_holds_for_each_municipality_unless_it_differs() -> None:
    """PW art. 8 lid 1 sub a, art. 18 lid 2: the municipalities of Baanbrekers share one
    afstemmingsverordening; in the test organisation Oostdorp sets its own height from 2024."""
    standaard = Configuratie.standaard()
    for gemeente in ("Waalwijk", "Heusden", "Loon op Zand"):
        waarde = standaard.parameter(
            "maatregel_medewerkingsplicht_percentage", op=date(2026, 3, 1), gemeente=gemeente
        )
        assert (waarde.waarde, waarde.onzeker) == (30, True)
        assert waarde.herkomst == "afstemmingsverordening Baanbrekers"
    config = Configuratie.laad(GEDEELD)
    op = date(2026, 3, 1)
    assert config.getal("maatregel_medewerkingsplicht_percentage", op=op, gemeente="Westdorp") == 30
    assert config.getal("maatregel_medewerkingsplicht_percentage", op=op, gemeente="Oostdorp") == 50
    vroeger = date(2023, 3, 1)
    assert (
        config.getal("maatregel_medewerkingsplicht_percentage", op=vroeger, gemeente="Oostdorp")
        == 30
    )
