# SPDX-License-Identifier: EUPL-1.2
"""Properties that must hold for every valid case (Hypothesis)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from naleving.regels import Advies, Configuratie, FeitenFout, adviseer
from naleving.regels.feiten import Feiten
from naleving.regels.motor import _evalueer
from naleving.regels.wetten import ARTIKELEN

VERWIJTBAARHEDEN = ["geen", "verminderd", "normaal", "grove_schuld", "opzet"]
RANG = {"geen": 0, "waarschuwing": 1, "boete": 2, "maatregel": 2}
CONFIGURATIES = {
    "standaard": Configuratie.standaard(),
    "whsz-aan": Configuratie.laad(activeringen={"whsz-concept": date(2026, 7, 1)}),
}
CONFIG = st.sampled_from(sorted(CONFIGURATIES))


@st.composite
def feiten(draw: st.DrawFn, *, overtreding: str | None = None) -> dict[str, Any]:
    pleeg = draw(st.dates(date(2017, 1, 1), date(2028, 12, 31)))
    beoordeling = pleeg + timedelta(days=draw(st.integers(0, 2500)))
    sancties = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "soort": st.sampled_from(
                        [
                            "boete",
                            "waarschuwing",
                            "maatregel",
                            "strafrechtelijke_sanctie",
                            "gevangenisstraf",
                        ]
                    ),
                    "overtreding": st.sampled_from(
                        ["inlichtingenplicht", "arbeidsverplichting", "tekortschietend_besef"]
                    ),
                    "datum": st.dates(date(2010, 1, 1), beoordeling).map(date.isoformat),
                }
            ),
            max_size=4,
        )
    )
    zaak: dict[str, Any] = {
        "wet": draw(st.sampled_from(["PW", "IOAW", "IOAZ", "BBZ"])),
        "overtreding": overtreding
        or draw(
            st.sampled_from(["inlichtingenplicht", "arbeidsverplichting", "tekortschietend_besef"])
        ),
        "pleegdatum": pleeg.isoformat(),
        "beoordelingsdatum": beoordeling.isoformat(),
        "verwijtbaarheid": draw(st.sampled_from([*VERWIJTBAARHEDEN, None])),
        "financieel_voordeel_beoogd": draw(st.sampled_from([True, False, None])),
        "eerdere_sancties": sancties,
        "gemeente": draw(st.sampled_from([None, "0867", "Heusden", "GM0809"])),
    }
    if draw(st.booleans()):
        zaak["benadelingsbedrag_cent"] = draw(st.integers(0, 10_000_000))
    else:
        maanden = draw(st.lists(st.integers(1, 12), min_size=1, max_size=6, unique=True))
        zaak["perioden"] = [
            {
                "maand": f"{pleeg.year}-{m:02d}",
                "ontvangen_cent": draw(st.integers(0, 300_000)),
                "recht_cent": draw(st.integers(0, 300_000)),
            }
            for m in maanden
        ]
    if draw(st.booleans()):
        zaak["draagkracht"] = {
            "bijstandsniveau": draw(st.booleans()),
            "norm_cent": draw(st.integers(1, 300_000)),
        }
    if draw(st.integers(0, 9)) == 0:
        zaak["dringende_redenen"] = "Bijzondere omstandigheden"
    aangifte = draw(st.sampled_from([None, None, True, False]))
    if aangifte is not None:
        zaak["aangifte_gedaan"] = aangifte
    return zaak


@settings(max_examples=400, deadline=None)
@given(feiten(overtreding="inlichtingenplicht"), CONFIG)
def test_boete_nooit_negatief_of_boven_de_maxima(zaak: dict[str, Any], config: str) -> None:
    advies = adviseer(zaak, configuratie=CONFIGURATIES[config])
    benadeling = advies.benadelingsbedrag_cent
    assert advies.boete_cent >= 0
    # PW art. 18a lid 1 and 5 (2015): at most the benadelingsbedrag, 150 % with recidive, also
    # after rounding up to € 10 (compared exactly, in cents × 100).
    recidive = any(
        s["soort"] in ("boete", "strafrechtelijke_sanctie", "gevangenisstraf")
        for s in zaak["eerdere_sancties"]
    )
    assert advies.boete_cent * 100 <= benadeling * (150 if recidive else 100)
    if zaak.get("aangifte_gedaan") is True:
        assert advies.sanctie != "boete"  # una via: Awb art. 5:44
    if advies.sanctie != "boete":
        assert advies.boete_cent == 0
    else:
        assert advies.boete_cent > 0
    draagkracht = zaak.get("draagkracht")
    if draagkracht and draagkracht["bijstandsniveau"] and advies.sanctie == "boete":
        assert advies.boete_cent <= draagkracht["norm_cent"] * 10 * 24 // 100
        if zaak["verwijtbaarheid"] != "opzet":
            assert advies.boete_cent <= draagkracht["norm_cent"] * 10 * 12 // 100
    assert advies.terugvordering.verplicht
    assert advies.terugvordering.bedrag_cent == benadeling


def _zwaarte(advies: Advies) -> tuple[int, int]:
    maatregel = advies.maatregel
    return RANG[advies.sanctie], (
        maatregel.percentage * maatregel.maanden if maatregel else advies.boete_cent
    )


@settings(max_examples=300, deadline=None)
@given(feiten(), st.booleans(), CONFIG)
def test_meer_verwijtbaarheid_nooit_een_lagere_sanctie(
    zaak: dict[str, Any], voordeel: bool, config: str
) -> None:
    zaak["financieel_voordeel_beoogd"] = voordeel
    zaak.pop("dringende_redenen", None)
    vorige: tuple[int, int] | None = None
    for verwijtbaarheid in VERWIJTBAARHEDEN:
        advies = adviseer(
            zaak | {"verwijtbaarheid": verwijtbaarheid}, configuratie=CONFIGURATIES[config]
        )
        if advies.sanctie == "oordeel_nodig":
            return  # e.g. no benadeling or no ordinance values: a person decides
        zwaarte = _zwaarte(advies)
        if vorige is not None:
            assert zwaarte >= vorige, verwijtbaarheid
        vorige = zwaarte


@settings(max_examples=400, deadline=None)
@given(feiten())
def test_een_concept_is_nooit_strenger_dan_het_eigen_beleid_waar_het_zwijgt(
    zaak: dict[str, Any],
) -> None:
    """Awb art. 4:84: switched on, the WHSZ draft builds on Baanbrekers' own policy rules; it
    only changes what the draft changes (a fine only for opzet, which the policy already holds),
    so an advice under it is never stricter than under the policy alone."""
    zonder = adviseer(zaak, configuratie=CONFIGURATIES["standaard"])
    met = adviseer(zaak, configuratie=CONFIGURATIES["whsz-aan"])
    if "oordeel_nodig" in (zonder.sanctie, met.sanctie):
        assert zonder.sanctie == met.sanctie
        return
    assert _zwaarte(met) <= _zwaarte(zonder)


@settings(max_examples=400, deadline=None)
@given(feiten(), CONFIG)
def test_lex_mitior_nooit_zwaarder_dan_een_van_beide(zaak: dict[str, Any], config: str) -> None:
    configuratie = CONFIGURATIES[config]
    advies = adviseer(zaak, configuratie=configuratie)
    f = Feiten.uit_dict(zaak)
    gemeente = configuratie.gemeente(f.gemeente) if f.gemeente else None
    benadeling = f.benadelingsbedrag if f.overtreding == "inlichtingenplicht" else 0
    uitkomsten = []
    for datum in (f.pleegdatum, f.beoordelingsdatum):
        toepassing = configuratie.toepassing_op(datum)
        assert toepassing is not None
        uitkomsten.append(
            _evalueer(f, toepassing, datum, gemeente, benadeling, ARTIKELEN[f.wet], configuratie)
        )
    if any(u.sanctie == "oordeel_nodig" for u in uitkomsten):
        assert advies.sanctie == "oordeel_nodig"
        return
    assert advies.sanctie != "oordeel_nodig"
    zwaarte = _zwaarte(advies)
    assert all(zwaarte <= u.zwaarte() for u in uitkomsten)
    assert zwaarte == min(u.zwaarte() for u in uitkomsten)


@settings(max_examples=300, deadline=None)
@given(feiten(), CONFIG)
def test_uitleg_nooit_leeg_en_json_rondreis(zaak: dict[str, Any], config: str) -> None:
    advies = adviseer(zaak, configuratie=CONFIGURATIES[config])
    assert advies.uitleg
    assert advies.uitleg[0].regel == "regeling"
    assert all(u.bron and u.tekst for u in advies.uitleg)
    gegevens = advies.to_dict()
    terug = json.loads(json.dumps(gegevens, ensure_ascii=False))
    assert terug == gegevens
    assert Advies.uit_dict(terug) == advies
    assert list(gegevens) == [
        "sanctie",
        "boete_cent",
        "maatregel",
        "benadelingsbedrag_cent",
        "terugvordering",
        "regeling",
        "open_vragen",
        "uitleg",
        "verlaging",
        "heroverweging",
    ]
    if advies.sanctie == "maatregel":
        assert advies.maatregel is not None
    else:
        assert advies.maatregel is None


@settings(max_examples=300, deadline=None)
@given(feiten())
def test_ontbrekend_oordeel_wordt_nooit_geraden(zaak: dict[str, Any]) -> None:
    zaak["verwijtbaarheid"] = None
    advies = adviseer(zaak)
    assert advies.sanctie == "oordeel_nodig"
    assert "verwijtbaarheid" in [v.veld for v in advies.open_vragen]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda kind: (
        st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=8), kind, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(feiten(), st.sampled_from(
    ["wet", "overtreding", "pleegdatum", "beoordelingsdatum", "benadelingsbedrag_cent", "perioden",
     "verwijtbaarheid", "financieel_voordeel_beoogd", "dringende_redenen", "eerdere_sancties",
     "draagkracht", "gemeente", "aangifte_gedaan"]
), JSON)  # fmt: skip
def test_willekeurige_invoer_geeft_advies_of_feitenfout(
    zaak: dict[str, Any], veld: str, waarde: Any
) -> None:
    zaak[veld] = waarde
    try:
        advies = adviseer(zaak)
    except FeitenFout as fout:
        assert fout.veld and fout.bericht
    else:
        assert advies.uitleg
