# SPDX-License-Identifier: EUPL-1.2
"""KPI selectors on the exact data set of conftest.py: every number is asserted (issue 8)."""

from __future__ import annotations

import pytest

from naleving.beleid import kpi, kpi_dienst
from naleving.beleid.filters import KpiFilter

pytestmark = pytest.mark.django_db


def _trechter(f: KpiFilter) -> dict[str, list[tuple[str, int]]]:
    return {s.stap: [(r.label, r.aantal) for r in s.rijen] for s in kpi.trechter(f) if s.gemeten}


def test_funnel_2026_all_municipalities(dataset) -> None:
    assert _trechter(KpiFilter(2026)) == {
        "signalen": [
            ("Melding van een inwoner", 1),
            ("Ketenpartner", 2),
            ("Collega", 1),
            ("Eigen waarneming", 0),
        ],
        "triage": [
            ("Geen actie", 1),
            ("Preventief contact", 1),
            ("Doorzetten naar inkomensconsulent", 0),
            ("Onderzoek starten", 1),
        ],
        "onderzoeken": [
            ("Signaal", 1),
            ("Onderzoek bij een aanvraag", 1),
            ("Onderzoek tijdens de uitkering", 1),
        ],
        "bevindingen": [
            ("Geen onrechtmatigheid", 2),
            ("Onrechtmatigheid vastgesteld", 1),
            ("Niet vast te stellen", 0),
        ],
    }


def test_funnel_per_municipality(dataset) -> None:
    ww = KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Waalwijk"].pk)
    hs = KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Heusden"].pk)
    assert {k: [n for _l, n in v] for k, v in _trechter(ww).items()} == {
        "signalen": [1, 1, 1, 0],
        "triage": [1, 0, 0, 1],
        "onderzoeken": [1, 0, 1],
        "bevindingen": [2, 1, 0],
    }
    assert {k: [n for _l, n in v] for k, v in _trechter(hs).items()} == {
        "signalen": [0, 1, 0, 0],
        "triage": [0, 1, 0, 0],
        "onderzoeken": [0, 1, 0],
        "bevindingen": [0, 0, 0],
    }


def test_funnel_per_law_drops_signals_without_client(dataset) -> None:
    pw = {k: [n for _l, n in v] for k, v in _trechter(KpiFilter(2026, wet="PW")).items()}
    assert pw == {
        "signalen": [1, 1, 0, 0],
        "triage": [0, 1, 0, 1],
        "onderzoeken": [1, 1, 0],
        "bevindingen": [1, 1, 0],
    }


def test_funnel_per_quarter(dataset) -> None:
    k1 = {k: [n for _l, n in v] for k, v in _trechter(KpiFilter(2026, kwartaal=1)).items()}
    assert k1 == {
        "signalen": [1, 1, 0, 0],
        "triage": [0, 1, 0, 1],
        "onderzoeken": [1, 0, 0],
        "bevindingen": [1, 1, 0],
    }
    assert KpiFilter(2026, kwartaal=2).van.isoformat() == "2026-04-01"
    assert KpiFilter(2026, kwartaal=2).tot.isoformat() == "2026-06-30"
    assert KpiFilter(2026, kwartaal=4).tot.isoformat() == "2026-12-31"


def test_later_stages_without_a_source_are_not_measured(dataset) -> None:
    stappen = {s.stap: s for s in kpi.trechter(KpiFilter(2026))}
    assert [(s.stap, s.gemeten, s.rijen) for s in stappen.values() if not s.gemeten] == [
        ("besluiten", False, []),
        ("terugvordering", False, []),
        ("bezwaar", False, []),
        ("cbs_waarschuwingen", False, []),
    ]


def test_registered_source_fills_its_stage(dataset) -> None:
    """The besluiten app registers its stages after merge; a fake source stands in for it."""
    gezien: list[KpiFilter] = []

    def nep(f: KpiFilter) -> list[tuple[str, str, int, int | None]]:
        gezien.append(f)
        return [
            ("besluiten", "Waarschuwing", 3, None),
            ("besluiten", "Boete", 2, 45_000),
            ("extra", "Iets nieuws", 1, None),
        ]

    kpi.register_funnel_bron(nep)
    kpi.register_funnel_bron(nep)  # registering twice keeps one
    try:
        stappen = {s.stap: s for s in kpi.trechter(KpiFilter(2026, kwartaal=3))}
    finally:
        kpi.unregister_funnel_bron(nep)
    assert gezien == [KpiFilter(2026, kwartaal=3)]
    besluiten = stappen["besluiten"]
    assert (besluiten.titel, besluiten.gemeten, besluiten.totaal) == ("Besluiten", True, 5)
    assert [(r.label, r.aantal, r.bedrag_cent) for r in besluiten.rijen] == [
        ("Waarschuwing", 3, None),
        ("Boete", 2, 45_000),
    ]
    assert stappen["terugvordering"].gemeten is False
    assert (stappen["extra"].titel, stappen["extra"].totaal) == ("Extra", 1)
    assert list(stappen)[-1] == "extra"


def test_burden_per_origin(dataset) -> None:
    rijen = [
        (r.herkomst, r.afgerond, r.niets_gevonden, r.niet_vast_te_stellen, r.onrechtmatig)
        for r in kpi.belasting(KpiFilter(2026))
    ]
    assert rijen == [
        ("Signaal: Melding van een inwoner", 1, 0, 0, 1),
        ("Signaal: Ketenpartner", 1, 1, 0, 0),
        ("Signaal: Collega", 0, 0, 0, 0),
        ("Signaal: Eigen waarneming", 0, 0, 0, 0),
        ("Signaal", 0, 0, 0, 0),
        ("Onderzoek bij een aanvraag", 0, 0, 0, 0),
        ("Onderzoek tijdens de uitkering", 1, 1, 0, 0),
    ]


def test_intrusive_steps_per_investigation(dataset) -> None:
    r = kpi.ingrijpend(KpiFilter(2026))
    assert (r.onderzoeken, r.huisbezoeken, r.waarnemingen, r.per_onderzoek) == (3, 2, 1, 1.0)
    assert r.verdeling == {"0": 1, "1": 1, "2": 1, "3 of meer": 0}
    hs = kpi.ingrijpend(KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Heusden"].pk))
    assert (hs.onderzoeken, hs.per_onderzoek) == (0, None)


def test_information_moments(dataset) -> None:
    assert kpi_dienst.informatiemomenten(KpiFilter(2026)) == [
        ("Bij de aanvraag", 1),
        ("Periodiek", 1),
        ("Na een wijziging", 1),
        ("Na een waarschuwing", 0),
    ]
    ww = KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Waalwijk"].pk)
    assert [n for _l, n in kpi_dienst.informatiemomenten(ww)] == [1, 1, 0, 0]


def test_campaign_reach(dataset) -> None:
    alle = kpi_dienst.campagnes(KpiFilter(2026))
    assert [(c.naam, c.brieven, c.bijeenkomsten, c.deelnemers) for c in alle] == [
        ("Werk en inkomen", 120, 2, 35),
        ("IOAW-avond", 40, 1, 12),
    ]
    ww = KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Waalwijk"].pk)
    assert [c.naam for c in kpi_dienst.campagnes(ww)] == ["Werk en inkomen"]
    assert [c.naam for c in kpi_dienst.campagnes(KpiFilter(2026, wet="IOAW"))] == ["IOAW-avond"]
    assert [c.naam for c in kpi_dienst.campagnes(KpiFilter(2026, kwartaal=4))] == ["IOAW-avond"]


def test_change_reports_and_response_times(dataset) -> None:
    m = kpi_dienst.wijzigingsmeldingen(KpiFilter(2026))
    assert (m.ontvangen, m.afgehandeld, m.open, m.binnen_termijn, m.mediaan_uren) == (
        3,
        2,
        1,
        1,
        132.0,
    )
    assert m.termijn_dagen == 5
    pw = kpi_dienst.wijzigingsmeldingen(KpiFilter(2026, wet="PW"))
    assert (pw.ontvangen, pw.afgehandeld, pw.open, pw.mediaan_uren) == (2, 1, 1, 24.0)


def test_lead_times_per_stage_from_the_history(dataset) -> None:
    rijen = [
        (r.stap, r.aantal, r.mediaan_dagen, r.gemiddeld_dagen)
        for r in kpi_dienst.doorlooptijden(KpiFilter(2026))
    ]
    assert rijen == [
        ("Triage van een signaal", 4, 2.5, 2.5),
        ("Onderzoek: Aangevraagd", 3, 2.0, 1.7),
        ("Onderzoek: Toegewezen", 3, 4.0, 13.3),
        ("Onderzoek: In uitvoering", 3, 30.0, 30.0),
        ("Onderzoek: Rapport ter review", 3, 5.0, 6.7),
        ("Onderzoek: aanvraag tot afronding", 3, 46.0, 60.7),
    ]
    hs = kpi_dienst.doorlooptijden(KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Heusden"].pk))
    assert [(r.aantal, r.mediaan_dagen) for r in hs] == [
        (1, 3.0),
        (1, 1.0),
        (0, None),
        (0, None),
        (0, None),
        (0, None),
    ]


def test_headline_figures_match_the_full_tables(dataset) -> None:
    assert kpi.kerncijfers(KpiFilter(2026)) == [
        ("Signalen", 4),
        ("Onderzoeken gestart", 3),
        ("Onderzoeken afgerond", 3),
        ("Afgerond zonder bevinding", 2),
        ("Ingrijpende stappen", 3),
        ("Informatiemomenten", 3),
        ("Wijzigingen ontvangen", 3),
    ]
    ww = KpiFilter(2026, gemeente_id=dataset["gemeenten"]["Waalwijk"].pk)
    assert [n for _l, n in kpi.kerncijfers(ww)] == [3, 2, 3, 2, 3, 2, 2]
    assert [n for _l, n in kpi.kerncijfers(KpiFilter(2025))] == [2, 1, 0, 0, 0, 1, 1]


def test_grouped_headline_figures_equal_one_query_per_group(dataset) -> None:
    """The comparison of municipalities and of years uses grouped queries: same numbers."""
    per_gemeente = kpi.kerncijfers_per(KpiFilter(2026), "gemeente")
    for gemeente in dataset["gemeenten"].values():
        los = kpi.kerncijfers(KpiFilter(2026, gemeente_id=gemeente.pk))
        assert per_gemeente.get(gemeente.pk, kpi.kerncijfers_leeg()) == los
    per_jaar = kpi.kerncijfers_per(KpiFilter(2024, tot_jaar=2026), "jaar")
    assert set(per_jaar) == {2025, 2026}
    for jaar in (2025, 2026):
        assert per_jaar[jaar] == kpi.kerncijfers(KpiFilter(jaar))
