# SPDX-License-Identifier: EUPL-1.2
"""Wat als (issue 19 item 5): the same cases under the rules in force and with a draft switched on,
compared in aggregate. Every count and amount below is worked out by hand from the cases in this file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from naleving.regels import Configuratie, ParameterFout
from naleving.regels.vergelijking import GEEN_ADVIES, met_concepten, variant, vergelijk

MILD = Path(__file__).parent / "concepten" / "mild-concept.toml"
AAN = date(2027, 1, 1)


def zaak(bedrag: int, verwijtbaarheid: str | None = "opzet", **extra: Any) -> dict[str, Any]:
    """A breach of the inlichtingenplicht in Waalwijk in 2026 (baanbrekers-2025 applies)."""
    feiten: dict[str, Any] = {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "pleegdatum": "2026-03-01",
        "beoordelingsdatum": "2026-12-01",
        "gemeente": "0867",
        "benadelingsbedrag_cent": bedrag,
        "eerdere_sancties": [],
    }
    if verwijtbaarheid:
        feiten["verwijtbaarheid"] = verwijtbaarheid
        feiten["financieel_voordeel_beoogd"] = True
    return {**feiten, **extra}


ZAKEN = [
    # Opzet with gain: baanbrekers-2025 fines 100 %; the draft 50 % (lex mitior: the milder applies).
    ("besluit", zaak(100_000)),  # € 1.000 -> € 500
    ("besluit", zaak(200_000)),  # € 2.000 -> € 1.000
    # € 400 is above the warning threshold of € 150 now, at or below the draft's € 500: a warning.
    ("besluit", zaak(40_000)),  # boete € 400 -> waarschuwing
    # Normal blame: a warning under the organisation's policy, also with the draft (it builds on it).
    ("besluit", zaak(100_000, "normaal")),
    # An investigation's finding: the judgement is still open under both.
    ("onderzoek", zaak(100_000, None)),
    # Invalid facts (an unknown law): no advice on either side, so unchanged.
    ("onderzoek", zaak(100_000, wet="XYZ")),
]


def test_a_milder_draft_changes_exactly_the_fines_it_lowers_and_the_warnings_it_adds() -> None:
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"mild-concept": AAN}, concepten=[MILD])
    v = vergelijk(ZAKEN, huidig=huidig, variant=met, beoordelingsdatum=AAN)
    d = v.to_dict()
    assert d["aantal_zaken"] == 6
    assert d["per_soort"] == {"besluit": 4, "onderzoek": 2}
    assert (d["gelijk"], d["veranderd"]) == (3, 3)
    assert d["boete_huidig_cent"] == 340_000
    assert d["boete_variant_cent"] == 150_000
    assert d["overgangen"] == [
        {
            "van": "boete",
            "naar": "boete",
            "aantal": 2,
            "boete_van_cent": 300_000,
            "boete_naar_cent": 150_000,
            "terugvordering_van_cent": 300_000,
            "terugvordering_naar_cent": 300_000,
        },
        {
            "van": "boete",
            "naar": "waarschuwing",
            "aantal": 1,
            "boete_van_cent": 40_000,
            "boete_naar_cent": 0,
            "terugvordering_van_cent": 40_000,
            "terugvordering_naar_cent": 40_000,
        },
    ]


def test_both_sides_are_judged_on_the_same_day_so_only_the_draft_differs() -> None:
    """Judged before the activation date, the draft does not apply yet: nothing changes."""
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"mild-concept": AAN}, concepten=[MILD])
    v = vergelijk(ZAKEN, huidig=huidig, variant=met, beoordelingsdatum=date(2026, 12, 31))
    assert (v.aantal, v.gelijk, v.overgangen) == (6, 6, {})


def test_the_shipped_whsz_draft_changes_no_advice_where_it_repeats_the_own_policy() -> None:
    """whsz-concept builds on baanbrekers-2025 (Awb art. 4:84) and only sets what that policy already has
    (a fine only for opzet): not one of the open cases gets another advice."""
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"whsz-concept": AAN})
    v = vergelijk(ZAKEN, huidig=huidig, variant=met, beoordelingsdatum=AAN)
    assert (v.aantal, v.gelijk, v.veranderd) == (6, 6, 0)


def test_invalid_facts_count_as_no_advice_and_are_never_shown_as_a_case() -> None:
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"mild-concept": AAN}, concepten=[MILD])
    v = vergelijk(
        [("onderzoek", zaak(100_000, wet="XYZ"))], huidig=huidig, variant=met, beoordelingsdatum=AAN
    )
    assert v.gelijk == 1
    assert GEEN_ADVIES == "geen_advies"
    tekst = v.tekst()
    assert "Open zaken: 1 (onderzoeken met een bevinding, nog zonder besluit: 1)" in tekst
    assert "0867" not in tekst and "2026-03-01" not in tekst


def test_the_text_shows_the_changes_side_by_side_in_dutch() -> None:
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"mild-concept": AAN}, concepten=[MILD])
    tekst = vergelijk(ZAKEN, huidig=huidig, variant=met, beoordelingsdatum=AAN).tekst()
    assert "Wat als: mild-concept vanaf 1 januari 2027 (beoordeeld op 1 januari 2027)" in tekst
    assert "Advies gelijk: 3; advies anders: 3" in tekst
    assert "Boetes samen: € 3.400,00 nu, € 1.500,00 met de wijziging" in tekst
    assert (
        "  Boete -> Boete: 2; boetes € 3.000,00 -> € 1.500,00; "
        "terugvordering € 3.000,00 -> € 3.000,00"
    ) in tekst
    assert "  Boete -> Waarschuwing: 1; boetes € 400,00 -> € 0,00;" in tekst


def test_a_draft_file_must_be_a_draft_and_new_and_the_change_must_name_a_date(tmp_path) -> None:
    huidig = Configuratie.standaard()
    with pytest.raises(ParameterFout, match="geef met --activeer"):
        variant(huidig, activeringen={}, concepten=[MILD])
    with pytest.raises(ParameterFout, match="regeling 'bestaat-niet' bestaat niet"):
        variant(huidig, activeringen={"bestaat-niet": AAN})
    geen_concept = tmp_path / "vast.toml"
    geen_concept.write_text(
        'id = "vast"\nnaam = "Vast"\nbron = "b"\ngeldig_vanaf = 2027-01-01\n', encoding="utf-8"
    )
    with pytest.raises(ParameterFout, match="alleen een concept"):
        met_concepten(huidig, [geen_concept])
    dubbel = tmp_path / "dubbel.toml"
    dubbel.write_text(
        'id = "whsz-concept"\nnaam = "Dubbel"\nbron = "b"\nconcept = true\n', encoding="utf-8"
    )
    with pytest.raises(ParameterFout, match="bestaat al"):
        met_concepten(huidig, [dubbel])
