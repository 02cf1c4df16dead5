# SPDX-License-Identifier: EUPL-1.2
"""Every legal or policy value the applications use has one home: a dated parameter file with its source.

The values below were constants or defaults in the applications; they are read through
naleving.regels.getal on the date that matters. The scan keeps the old constants from coming back.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from naleving.regels import parameter

BRON = Path(__file__).resolve().parents[2] / "src" / "naleving"
OP = date(2026, 12, 1)

# name: (value, onzeker) -- the legal values from the rule set, then the organisation's working agreements.
VERPLAATST = {
    "rapport_grens_cent": (34_000, False),  # Awb 5:53 lid 1 (was onderzoek AWB_553_DREMPEL_CENT)
    "recidive_percentage": (150, False),  # PW art. 18a lid 5-6 (was besluiten RECIDIVE_PROCENT)
    "maatregel_percentage_min": (1, True),  # PW art. 18 (was 1 <= ... in besluiten)
    "maatregel_percentage_max": (100, False),
    "maatregel_maanden_min": (1, False),
    "maatregel_maanden_max": (3, False),
    # register retention (was BEWAARTERMIJN_JAREN): the look-back terms
    "recidive_termijn_jaren": (5, False),
    "waarschuwing_termijn_jaren": (2, True),
    "maatregel_arbeid_herhaling_termijn_maanden": (12, False),
    # signalen/conf.py defaults
    "signaal_triagetermijn_dagen": (14, True),
    "signaal_groepvenster_dagen": (90, True),
    "melder_bewaartermijn_dagen": (365, True),
    "vervolglink_dagen": (90, True),
    "meldingen_per_uur": (5, True),
    # onderzoek observation limits
    "waarneming_max_aantal": (10, True),
    "waarneming_max_dagen": (28, True),
    # onderzoek terms per state (was onderzoek.statemachine TERMIJN_DAGEN)
    "onderzoek_termijn_aangevraagd_dagen": (5, True),
    "onderzoek_termijn_toegewezen_dagen": (10, True),
    "onderzoek_termijn_in_uitvoering_dagen": (56, True),
    "onderzoek_termijn_rapport_ter_review_dagen": (10, True),
    # preventie.Instelling defaults (were model literals 365, 5 and 30)
    "informatie_interval_dagen": (365, True),
    "wijziging_reactietermijn_dagen": (5, True),
    "identificatiecode_geldig_minuten": (30, True),
}


@pytest.mark.parametrize("naam", sorted(VERPLAATST))
def test_elke_verplaatste_waarde_staat_in_een_parameterbestand_met_bron_en_datum(naam: str) -> None:
    waarde = parameter(naam, op=OP)
    assert (waarde.waarde, waarde.onzeker) == VERPLAATST[naam]
    assert waarde.bron.strip() and waarde.omschrijving.strip()
    assert waarde.geldig_vanaf is not None and waarde.geldig_vanaf <= OP


OUDE_PLEKKEN = {
    "RECIDIVE_PROCENT": r"\bRECIDIVE_PROCENT\b",
    "AWB_553_DREMPEL_CENT": r"\bAWB_553_DREMPEL_CENT\b",
    "BEWAARTERMIJN_JAREN": r"\bBEWAARTERMIJN_JAREN\b",
    "a term as an env default": r"env\.integer\(\s*\"NALEVING_(SIGNAAL|MELDER|VERVOLGLINK|MELDINGEN)\w*\",\s*\d",
    "an observation limit as a settings default": r"\"NALEVING_WAARNEMING_MAX_\w+\",\s*\d",
    "the maatregel bounds as literals": r"1\s*<=\s*besluit\.maatregel_(maanden|percentage)\s*<=",
    "the € 340 threshold as a literal": r"\b34_?000\b",
    "TERMIJN_DAGEN": r"\bTERMIJN_DAGEN\b",
    "a preventie setting as a literal default": r"default=(365|5|30)\b",
}


@pytest.mark.parametrize("wat", sorted(OUDE_PLEKKEN))
def test_de_oude_constanten_komen_niet_terug(wat: str) -> None:
    patroon = re.compile(OUDE_PLEKKEN[wat])
    treffers = [
        f"{pad.relative_to(BRON)}:{nummer}"
        for pad in sorted(BRON.rglob("*.py"))
        if "migrations" not in pad.parts
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if patroon.search(regel)
    ]
    assert treffers == [], f"{wat}: lees de waarde met naleving.regels.getal ({treffers})"
