# SPDX-License-Identifier: EUPL-1.2
"""Worked scenarios for terugvordering (PW art. 58-59), each naming the rule it checks.

The amounts were worked out by hand from the rule, in cents: no rounding anywhere.
"""

from __future__ import annotations

from typing import Any

import pytest

from naleving.regels import FeitenFout, adviseer
from naleving.regels.advies import Advies
from naleving.regels.leesbaar import leesbaar

# Three months of € 1.000,00 too much each: November and December 2024, January 2025.
PERIODEN = [
    {"maand": "2024-11", "ontvangen_cent": 120_000, "recht_cent": 20_000},
    {"maand": "2024-12", "ontvangen_cent": 120_000, "recht_cent": 20_000},
    {"maand": "2025-01", "ontvangen_cent": 120_000, "recht_cent": 20_000},
]
LOONHEFFING = [
    {"maand": "2024-11", "loonheffing_cent": 12_345, "zvw_cent": 5_000},
    {"maand": "2024-12", "loonheffing_cent": 12_345},
    {"maand": "2025-01", "loonheffing_cent": 12_345},
]


def _feiten(terugvordering: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    feiten: dict[str, Any] = {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "pleegdatum": "2024-11-01",
        "beoordelingsdatum": "2025-02-03",
        "perioden": PERIODEN,
        "verwijtbaarheid": "normaal",
    }
    if terugvordering is not None:
        feiten["terugvordering"] = terugvordering
    return feiten | extra


def _berekening(advies: Advies) -> dict[str, Any]:
    return advies.to_dict()["terugvordering"]["berekening"]


def _velden(advies: Advies) -> list[str]:
    return [v.veld for v in advies.open_vragen]


def test_zonder_terugvorderingsfeiten_blijft_het_advies_zoals_het_was() -> None:
    """PW art. 58 lid 1: without the new facts the advice has the three old keys only."""
    advies = adviseer(_feiten())
    assert advies.to_dict()["terugvordering"] == {
        "verplicht": True,
        "bedrag_cent": 300_000,
        "afzien_mogelijk": False,
    }


def test_bruto_voor_vorig_jaar_netto_voor_het_jaar_van_terugbetaling() -> None:
    """PW art. 58 lid 5: repaid in 2025, so 2024 gross (with wage tax), 2025 net; the Zvw levy
    is not recovered (parameter terugvordering_zvw_terugvorderbaar)."""
    advies = adviseer(_feiten({"loonheffing": LOONHEFFING}))
    b = _berekening(advies)
    # 300_000 net + 12_345 (Nov 2024) + 12_345 (Dec 2024); Jan 2025 net; Zvw 5_000 stays out.
    assert (b["netto_cent"], b["loonheffing_cent"], b["bruto_cent"]) == (300_000, 24_690, 324_690)
    assert b["terugbetaling_jaar"] == 2025
    assert advies.terugvordering.bedrag_cent == 324_690
    assert advies.terugvordering.verplicht
    assert b["te_vorderen_cent"] == b["openstaand_cent"] == 324_690
    assert "terugvordering_bruto" in [u.regel for u in advies.uitleg]


def test_terugbetaling_in_2024_is_netto_voor_2024_en_bruto_voor_2025() -> None:
    """PW art. 58 lid 5: the calendar year of repayment decides, month by month."""
    advies = adviseer(_feiten({"loonheffing": LOONHEFFING, "terugbetaling_jaar": 2024}))
    assert _berekening(advies)["bruto_cent"] == 300_000 + 12_345


def test_terugbetaling_twee_jaar_later_is_geheel_bruto() -> None:
    """PW art. 58 lid 5: nothing is repaid in its own year, so everything gross."""
    advies = adviseer(_feiten({"loonheffing": LOONHEFFING, "terugbetaling_jaar": 2026}))
    assert _berekening(advies)["bruto_cent"] == 300_000 + 3 * 12_345


def test_loonheffing_alleen_voor_maanden_met_te_veel() -> None:
    with pytest.raises(FeitenFout) as fout:
        adviseer(_feiten({"loonheffing": [{"maand": "2024-10", "loonheffing_cent": 1}]}))
    assert fout.value.veld == "terugvordering.loonheffing[0].maand"


def test_ioaw_is_al_bruto() -> None:
    """IOAW art. 25: the IOAW amount is gross already; wage tax lines are refused."""
    with pytest.raises(FeitenFout) as fout:
        adviseer(_feiten({"loonheffing": LOONHEFFING}, wet="IOAW"))
    assert fout.value.veld == "terugvordering.loonheffing"


def test_gezin_hoofdelijk_aansprakelijk_met_betaling_van_de_partner() -> None:
    """PW art. 59: benefit paid to a family; both partners owe the whole claim, and what one
    pays lowers what both still owe."""
    advies = adviseer(
        _feiten(
            {
                "gezin": "gezin",
                "betalingen": [
                    {"schuldenaar": "partner", "bedrag_cent": 25_000},
                    {"schuldenaar": "belanghebbende", "bedrag_cent": 10_001},
                ],
            }
        )
    )
    b = _berekening(advies)
    assert b["schuldenaren"] == ["belanghebbende", "partner"]
    assert b["hoofdelijk"] is True
    assert (b["betaald_cent"], b["openstaand_cent"]) == (35_001, 264_999)


def test_betalingen_samen_nooit_meer_dan_de_vordering() -> None:
    with pytest.raises(FeitenFout) as fout:
        adviseer(
            _feiten(
                {
                    "gezin": "gezin",
                    "betalingen": [
                        {"schuldenaar": "partner", "bedrag_cent": 200_000},
                        {"schuldenaar": "belanghebbende", "bedrag_cent": 100_001},
                    ],
                }
            )
        )
    assert fout.value.veld == "terugvordering.betalingen"


def test_verzwegen_partner_is_een_vraag_aan_de_consulent() -> None:
    """PW art. 59 (undisclosed joint household): the college may also recover from the partner;
    until it decides, only the resident is a debtor and a partner's payment is refused."""
    advies = adviseer(_feiten({"gezin": "verzwegen_partner"}))
    assert "terugvordering.partner_aanspreken" in _velden(advies)
    assert _berekening(advies)["schuldenaren"] == ["belanghebbende"]
    ja = adviseer(_feiten({"gezin": "verzwegen_partner", "partner_aanspreken": True}))
    assert _berekening(ja)["hoofdelijk"] is True
    with pytest.raises(FeitenFout):
        adviseer(
            _feiten(
                {
                    "gezin": "verzwegen_partner",
                    "partner_aanspreken": False,
                    "betalingen": [{"schuldenaar": "partner", "bedrag_cent": 1}],
                }
            )
        )


def test_bevoegdheid_lid_2_vraagt_de_afweging() -> None:
    """PW art. 58 lid 2 onder a: not mandatory; the consultant weighs, the engine asks."""
    feiten = {
        "wet": "PW",
        "overtreding": "arbeidsverplichting",
        "pleegdatum": "2025-03-01",
        "beoordelingsdatum": "2025-04-01",
        "verwijtbaarheid": "normaal",
        "terugvordering": {"bedrag_cent": 45_678},
    }
    advies = adviseer(feiten)
    assert not advies.terugvordering.verplicht
    assert advies.terugvordering.bedrag_cent == 45_678
    assert _berekening(advies)["grondslag"] == "PW art. 58 lid 2 onder a"
    assert {
        "terugvordering.redelijkerwijs_kenbaar",
        "terugvordering.fout_college",
        "terugvordering.afweging",
    } <= set(_velden(advies))
    niet = adviseer(
        feiten
        | {
            "terugvordering": {
                "bedrag_cent": 45_678,
                "redelijkerwijs_kenbaar": False,
                "fout_college": True,
                "afweging": "niet_terugvorderen",
            }
        }
    )
    assert niet.terugvordering.bedrag_cent == 0
    assert not any(v.startswith("terugvordering.") for v in _velden(niet))


def test_lid_1_kan_niet_overig_zijn() -> None:
    with pytest.raises(FeitenFout) as fout:
        adviseer(_feiten({"grond": "overig"}))
    assert fout.value.veld == "terugvordering.grond"


def test_alleen_financiele_problemen_zijn_geen_dringende_reden() -> None:
    """PW art. 58 lid 8; CRvB: dringende redenen only in unacceptable consequences, not in
    financial hardship alone; so no afzien and no amount may be waived."""
    afzien = {"gevolgen_onaanvaardbaar": True, "alleen_financieel": True, "onevenredig": False}
    advies = adviseer(_feiten({"afzien": afzien}))
    b = _berekening(advies)
    assert (b["dringende_redenen"], b["afzien_grond"], b["afzien_cent"]) == (False, None, 0)
    assert not advies.terugvordering.afzien_mogelijk
    with pytest.raises(FeitenFout) as fout:
        adviseer(_feiten({"afzien": afzien | {"afzien_cent": 1}}))
    assert fout.value.veld == "terugvordering.afzien.afzien_cent"


def test_dringende_redenen_gedeeltelijk_afzien() -> None:
    """PW art. 58 lid 8: unacceptable consequences beyond money; waive € 1.234,56 of the gross
    claim of € 3.246,90."""
    advies = adviseer(
        _feiten(
            {
                "loonheffing": LOONHEFFING,
                "afzien": {
                    "gevolgen_onaanvaardbaar": True,
                    "alleen_financieel": False,
                    "onevenredig": False,
                    "afzien_cent": 123_456,
                },
            }
        )
    )
    b = _berekening(advies)
    assert b["afzien_grond"] == "dringende_redenen"
    assert (b["bruto_cent"], b["afzien_cent"], b["te_vorderen_cent"]) == (
        324_690,
        123_456,
        201_234,
    )
    # The proposal stays the whole claim: the consultant's decision records the waiver.
    assert advies.terugvordering.bedrag_cent == 324_690
    assert advies.terugvordering.afzien_mogelijk


def test_trage_reactie_maakt_volledige_terugvordering_onevenredig() -> None:
    """Awb art. 3:4 lid 2; CRvB 13-12-2022: the organisation reacted slowly to signals."""
    advies = adviseer(
        _feiten(
            {
                "afzien": {
                    "gevolgen_onaanvaardbaar": False,
                    "onevenredig": True,
                    "trage_reactie": True,
                }
            }
        )
    )
    b = _berekening(advies)
    assert (b["onevenredig"], b["afzien_grond"]) == (True, "trage_reactie")
    assert "terugvordering.afzien.afzien_cent" in _velden(advies)
    assert "de organisatie reageerde traag op signalen" in advies.uitleg_tekst()


def test_afzien_niet_hoger_dan_de_vordering() -> None:
    with pytest.raises(FeitenFout):
        adviseer(_feiten({"afzien": {"onevenredig": True, "afzien_cent": 300_001}}))


def test_open_afzienvragen_worden_gesteld() -> None:
    advies = adviseer(_feiten({"afzien": {}}))
    assert {
        "terugvordering.afzien.gevolgen_onaanvaardbaar",
        "terugvordering.afzien.onevenredig",
    } <= set(_velden(advies))


def test_beleidsopties_uit_de_parameters() -> None:
    """PW art. 58 lid 7: the later afzien options come from the parameter files."""
    advies = adviseer(_feiten({}))
    stap = next(u for u in advies.uitleg if u.regel == "terugvordering_beleid")
    assert "10 jaar" in stap.tekst and "50 %" in stap.tekst


def test_opslaan_en_teruglezen_en_leesbare_uitleg() -> None:
    """The advice with a recovery calculation survives JSON, and every step has plain Dutch."""
    advies = adviseer(
        _feiten(
            {
                "loonheffing": LOONHEFFING,
                "gezin": "gezin",
                "betalingen": [{"schuldenaar": "partner", "bedrag_cent": 100}],
                "afzien": {
                    "gevolgen_onaanvaardbaar": True,
                    "alleen_financieel": False,
                    "onevenredig": True,
                    "afzien_cent": 100,
                },
            }
        )
    )
    assert Advies.uit_dict(advies.to_dict()) == advies
    for stap in leesbaar(advies).stappen:
        if stap.regel.startswith("terugvordering"):
            assert stap.herschreven, stap.technisch


@pytest.mark.parametrize(
    "terugvordering",
    [
        {"gezin": "verzwegen_partner"},
        {"gezin": "verzwegen_partner", "partner_aanspreken": True},
        {"gezin": "verzwegen_partner", "partner_aanspreken": False},
        {"afzien": {}},
        {"afzien": {"gevolgen_onaanvaardbaar": False, "onevenredig": False}},
        {"afzien": {"gevolgen_onaanvaardbaar": True}},
    ],
)
def test_elke_terugvorderingsstap_heeft_gewone_taal(terugvordering: dict[str, Any]) -> None:
    advies = adviseer(_feiten(terugvordering))
    for stap in leesbaar(advies).stappen:
        if stap.regel.startswith("terugvordering"):
            assert stap.herschreven, stap.technisch


@pytest.mark.parametrize("afweging", [None, "terugvorderen", "niet_terugvorderen"])
def test_bevoegdheid_in_gewone_taal(afweging: str | None) -> None:
    terug: dict[str, Any] = {"bedrag_cent": 10_000, "redelijkerwijs_kenbaar": True}
    if afweging:
        terug["afweging"] = afweging
    advies = adviseer(
        {
            "wet": "PW",
            "overtreding": "tekortschietend_besef",
            "pleegdatum": "2025-03-01",
            "beoordelingsdatum": "2025-04-01",
            "verwijtbaarheid": "normaal",
            "terugvordering": terug,
        }
    )
    stap = next(s for s in leesbaar(advies).stappen if s.regel == "terugvordering_bevoegdheid")
    assert stap.herschreven
    assert "hoeft het niet" in stap.tekst
