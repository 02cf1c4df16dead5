# SPDX-License-Identifier: EUPL-1.2
"""The advice in plain Dutch (naleving.regels.leesbaar): each step as sentences a consultant can read to the
resident — euros with € and a decimal comma, dates as "1 maart 2026", local time, the article in words, an
uncertain value as "nog niet zeker: ..." — and the technical trace kept beside it, unchanged."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import configuratie, samengevoegd, scenarios
from naleving.regels import adviseer
from naleving.regels.bronnen import bron_in_woorden, grondslag_in_woorden
from naleving.regels.cli import advies_main
from naleving.regels.leesbaar import eerdere_sanctie, leesbaar, tijdstip_nl

BOETE_OPZET = {
    "wet": "PW",
    "overtreding": "inlichtingenplicht",
    "pleegdatum": "2026-03-01",
    "beoordelingsdatum": "2026-12-03",
    "benadelingsbedrag_cent": 123456,
    "verwijtbaarheid": "opzet",
    "financieel_voordeel_beoogd": True,
    "gemeente": "Waalwijk",
}
WAARSCHUWING_PER_MAAND = {
    "wet": "PW",
    "overtreding": "inlichtingenplicht",
    "pleegdatum": "2026-03-01",
    "beoordelingsdatum": "2026-12-03",
    "perioden": [
        {"maand": "2026-01", "ontvangen_cent": 120000, "recht_cent": 80000},
        {"maand": "2026-02", "ontvangen_cent": 120000, "recht_cent": 100000},
    ],
    "verwijtbaarheid": "normaal",
}
MAATREGEL_HERHALING = {
    "wet": "PW",
    "overtreding": "arbeidsverplichting",
    "pleegdatum": "2026-03-01",
    "beoordelingsdatum": "2026-04-01",
    "verwijtbaarheid": "normaal",
    "eerdere_sancties": [
        {"soort": "maatregel", "overtreding": "arbeidsverplichting", "datum": "2025-09-15"}
    ],
}


def _stappen(feiten: dict[str, Any]) -> dict[str, str]:
    return {s.regel: s.tekst for s in leesbaar(adviseer(feiten)).stappen}


def test_boete_bij_opzet_in_gewone_taal() -> None:
    """Boete = 100 % of the benadeling at opzet, rounded up to € 10 (Boetebesluit; baanbrekers-2025)."""
    uitleg = leesbaar(adviseer(BOETE_OPZET))
    assert uitleg.advies == "boete van € 1.234,56"
    assert uitleg.regeling == "Beleidsregels handhaving Baanbrekers 2025"
    stappen = {s.regel: s for s in uitleg.stappen}
    assert stappen["regeling"].tekst == (
        "Op 1 maart 2026, de dag van de overtreding, golden bij Baanbrekers de Beleidsregels handhaving "
        "Baanbrekers 2025."
    )
    assert stappen["regeling"].onzeker == (
        "nog niet zeker: vanaf welke datum de Beleidsregels handhaving Baanbrekers 2025 gelden, of wat erin "
        "staat",
    )
    assert stappen["benadelingsbedrag"].tekst == (
        "U heeft € 1.234,56 te veel uitkering ontvangen. Dat heet het benadelingsbedrag."
    )
    assert stappen["verwijtbaarheid"].tekst == "U deed dit met opzet, vindt de consulent."
    assert stappen["vervaltermijn"].tekst == (
        "Een boete kan worden opgelegd tot 5 jaar na de overtreding, dus tot en met 1 maart 2031. Die termijn "
        "loopt nog."
    )
    assert stappen["boete_hoogte"].tekst == (
        "U deed dit met opzet. Dan is de boete 100 % van het bedrag dat u te veel ontving (€ 1.234,56). Dat "
        "wordt naar boven afgerond op hele tientjes: € 1.240,00."
    )
    # PW art. 18a lid 1: the fine is at most the benadelingsbedrag, also after rounding up.
    assert stappen["boete_maximum"].tekst == (
        "Na het afronden zou de boete € 1.240,00 zijn. Dat is meer dan de wet toestaat: de boete is "
        "ten hoogste het benadelingsbedrag (€ 1.234,56). Daarom is de boete € 1.234,56."
    )
    assert stappen["boete_hoogte"].grondslag == (
        "artikel 18a lid 1 van de Participatiewet (nummering van 2015); Boetebesluit socialezekerheidswetten "
        "(sinds 2017); uitspraak van de Centrale Raad van Beroep van 11 januari 2016 (ECLI:NL:CRVB:2016:8)"
    )
    assert stappen["financieel_voordeel"].onzeker == (
        "nog niet zeker: een boete volgt alleen als iemand er financieel voordeel mee wilde",
    )
    assert stappen["terugvordering"].tekst == (
        "U moet de € 1.234,56 die u te veel ontving terugbetalen. Dat staat los van een boete of waarschuwing: "
        "terugbetalen is geen straf."
    )
    # The trace is kept as the engine wrote it: rule keys, sources as cited, parameter values in cents.
    assert stappen["boete_hoogte"].bron.startswith("PW art. 18a lid 1 (2015)")
    assert any("boete_afronding_cent = 1000" in u.tekst for u in uitleg.technisch)


def test_waarschuwing_per_maand_met_maanden_voluit() -> None:
    """Gedifferentieerde handhaving (baanbrekers-2025): normal blame gives a warning; months in words."""
    stappen = _stappen(WAARSCHUWING_PER_MAAND)
    assert stappen["benadelingsbedrag"] == (
        "Per maand is gekeken hoeveel u kreeg en hoeveel u had mogen krijgen (januari 2026: € 1.200,00 "
        "ontvangen, recht op € 800,00, € 400,00 te veel; februari 2026: € 1.200,00 ontvangen, recht op "
        "€ 1.000,00, € 200,00 te veel). Samen heeft u € 600,00 te veel uitkering ontvangen. Dat heet het "
        "benadelingsbedrag."
    )
    assert stappen["gedifferentieerde_handhaving"] == (
        "Bij normale verwijtbaarheid geven deze regels geen boete, maar een waarschuwing. Een boete volgt "
        "alleen bij opzet."
    )


def test_waarschuwing_tot_150_euro_met_onzekere_grens() -> None:
    """Warning instead of a fine up to € 150 (Boetebesluit, UNCERTAIN wording): the limit is marked."""
    feiten = {**BOETE_OPZET, "benadelingsbedrag_cent": 10000}
    stap = next(s for s in leesbaar(adviseer(feiten)).stappen if s.regel == "waarschuwing")
    assert stap.tekst == (
        "U heeft € 100,00 te veel ontvangen. Dat is niet meer dan € 150,00. En u kreeg in de 2 jaar daarvoor "
        "geen waarschuwing voor het niet doorgeven van wijzigingen. Daarom krijgt u een waarschuwing in plaats "
        "van een boete."
    )
    assert stap.onzeker == (
        "nog niet zeker: een waarschuwing in plaats van een boete kan tot een bedrag van € 150,00",
        "nog niet zeker: een eerdere waarschuwing telt mee gedurende 2 jaar",
    )


def test_maatregel_bij_herhaling() -> None:
    """PW art. 18 lid 4-8 (2015): a repeat within 12 months adds a month."""
    assert _stappen(MAATREGEL_HERHALING)["maatregel_arbeidsverplichting"] == (
        "U bent een verplichting over werk niet nagekomen (normale verwijtbaarheid). Daarom wordt uw uitkering "
        "2 maanden met 100 % verlaagd. U kreeg in de 12 maanden daarvoor al 1 keer een verlaging hiervoor, het "
        "laatst op 15 september 2025. Daarom duurt de verlaging langer: 1 maand extra per keer, ten hoogste "
        "3 maanden."
    )


def test_lex_mitior_noemt_de_regels_bij_naam() -> None:
    """Lex mitior (art. 7 EVRM): the milder of the rules at the breach and at the assessment applies."""
    feiten = {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "pleegdatum": "2024-06-01",
        "beoordelingsdatum": "2025-02-01",
        "benadelingsbedrag_cent": 100000,
        "verwijtbaarheid": "normaal",
    }
    assert _stappen(feiten)["lex_mitior"] == (
        "De regels zijn veranderd sinds de overtreding. Zolang een sanctie nog niet vaststaat, geldt de regel "
        "die voor u het gunstigst is. Volgens de Landelijke regels boete en maatregel socialezekerheidswetten "
        "(vanaf 2017): boete van € 500,00. Volgens de Beleidsregels handhaving Baanbrekers 2025: waarschuwing. "
        "De Beleidsregels handhaving Baanbrekers 2025 zijn gunstiger voor u. Die gelden."
    )


def test_opgeslagen_advies_leest_hetzelfde() -> None:
    """A decision stores the advice as JSON; read back it gives the same explanation."""
    advies = adviseer(BOETE_OPZET)
    opgeslagen = json.loads(json.dumps(advies.to_dict()))
    assert leesbaar(opgeslagen) == leesbaar(advies)


ADVIEZEN = scenarios("scenarios")
_INTERN = re.compile(
    r"\b[a-z]+_[a-z_]+\b|\d{4}-\d{2}-\d{2}|ONZEKER|landelijk-2017|baanbrekers-2025|whsz-concept"
)


@pytest.mark.parametrize(("naam", "gegevens", "scenario"), ADVIEZEN, ids=[a[0] for a in ADVIEZEN])
def test_elke_stap_van_elk_scenario_in_gewone_taal(
    naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]
) -> None:
    """No step falls back to the engine's wording, and none shows a parameter key, an ISO date, "ONZEKER" or
    a rule set's id."""
    feiten = samengevoegd(gegevens["basis"], scenario["feiten"])
    advies = adviseer(feiten, configuratie=configuratie(scenario.get("configuratie")))
    uitleg = leesbaar(advies)
    for stap in uitleg.stappen:
        assert stap.herschreven, f"{naam}: {stap.regel}: {stap.technisch}"
        for tekst in (stap.tekst, *stap.onzeker):
            assert not _INTERN.search(tekst), f"{naam}: {tekst}"
    parameters = [u for u in advies.uitleg if u.regel == "parameters"]
    if parameters:
        assert len(uitleg.parameters) == parameters[0].tekst.count(" = ")


def test_tijdstip_in_nederlandse_tijd() -> None:
    """Time stamps are stored in UTC and shown in Europe/Amsterdam (winter +1, summer +2)."""
    assert tijdstip_nl(datetime(2026, 12, 3, 13, 5, tzinfo=UTC)) == "3 december 2026 om 14:05"
    assert tijdstip_nl("2026-07-01T10:00:00+00:00") == "1 juli 2026 om 12:00"


@pytest.mark.parametrize(
    ("bron", "woorden"),
    [
        ("PW art. 17 lid 1", "artikel 17 lid 1 van de Participatiewet"),
        (
            "PW art. 18a lid 5-6 (2015)",
            "artikel 18a leden 5 en 6 van de Participatiewet (nummering van 2015)",
        ),
        (
            "PW art. 18 lid 4-8 (2015)",
            "artikel 18 leden 4 tot en met 8 van de Participatiewet (nummering van 2015)",
        ),
        ("IOAW art. 20a", "artikel 20a van de IOAW"),
        ("Awb art. 5:45 lid 1", "artikel 5:45 lid 1 van de Algemene wet bestuursrecht"),
        ("art. 7 EVRM", "artikel 7 van het Europees Verdrag voor de Rechten van de Mens"),
        (
            "CRvB 11-01-2016, ECLI:NL:CRVB:2016:9",
            "uitspraak van de Centrale Raad van Beroep van 11 januari 2016 (ECLI:NL:CRVB:2016:9)",
        ),
        (
            "PW art. 58 lid 1 (via Bbz 2004)",
            "artikel 58 lid 1 van de Participatiewet (via het Besluit bijstandverlening zelfstandigen 2004)",
        ),
        (
            "Beleidsregels handhaving Baanbrekers 2025 (datum inwerkingtreding onzeker)",
            "Beleidsregels handhaving Baanbrekers 2025",
        ),
    ],
)
def test_artikel_in_woorden(bron: str, woorden: str) -> None:
    assert bron_in_woorden(bron) == woorden


def test_grondslag_noemt_elk_artikel_een_keer() -> None:
    assert grondslag_in_woorden("PW art. 17 lid 1; Awb art. 5:46; PW art. 17 lid 1") == (
        "artikel 17 lid 1 van de Participatiewet; artikel 5:46 van de Algemene wet bestuursrecht"
    )


def test_cli_uitleg_in_gewone_taal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "zaak.json"
    pad.write_text(json.dumps(BOETE_OPZET), encoding="utf-8")
    assert advies_main(["--uitleg", str(pad)]) == 0
    tekst = capsys.readouterr().out
    assert tekst.startswith(
        "Advies: boete van € 1.234,56\nRegels: Beleidsregels handhaving Baanbrekers 2025\n\nUitleg:\n"
        "  1. Op 1 maart 2026, de dag van de overtreding, golden bij Baanbrekers de Beleidsregels handhaving "
        "Baanbrekers 2025.\n"
        "     Grondslag: Beleidsregels handhaving Baanbrekers 2025; artikel 4:81 van de Algemene wet "
        "bestuursrecht.\n"
        "     Nog niet zeker: vanaf welke datum de Beleidsregels handhaving Baanbrekers 2025 gelden, of wat "
        "erin staat.\n"
    )
    assert "\nTechnische verantwoording:\n  [regeling] " in tekst
    assert "boete_afronding_cent = 1000" in tekst


def test_eerdere_sanctie_in_woorden() -> None:
    """The register's earlier sanctions on the decision page: kind, breach and date in words, never codes."""
    assert eerdere_sanctie(
        {"soort": "boete", "overtreding": "inlichtingenplicht", "datum": "2024-03-03"}
    ) == ("Boete, wijziging niet doorgegeven (inlichtingenplicht), 3 maart 2024")
    assert eerdere_sanctie(
        {"soort": "maatregel", "overtreding": "tekortschietend_besef", "datum": "2025-11-30"}
    ) == ("Maatregel, tekortschietend besef van verantwoordelijkheid, 30 november 2025")


INVORDERINGEN = scenarios("invordering")


@pytest.mark.parametrize(
    ("naam", "gegevens", "scenario"), INVORDERINGEN, ids=[a[0] for a in INVORDERINGEN]
)
def test_elke_stap_van_elke_invordering_in_gewone_taal(
    naam: str, gegevens: dict[str, Any], scenario: dict[str, Any]
) -> None:
    """The collection advice (Rv art. 475da, PW art. 58 lid 7, 60, 60b, Awb 4:104) in plain Dutch
    as the advice is: no step in the engine's wording, no parameter key, ISO date, 'ONZEKER' or
    rule set id; the stored dict reads the same as the object."""
    from naleving.regels import invordering
    from naleving.regels.leesbaar import leesbaar_invordering

    advies = invordering(samengevoegd(gegevens["basis"], scenario["feiten"]))
    uitleg = leesbaar_invordering(advies)
    assert uitleg.stappen
    for stap in uitleg.stappen:
        assert stap.herschreven, f"{naam}: {stap.regel}: {stap.technisch}"
        for tekst in (stap.tekst, *stap.onzeker):
            assert not _INTERN.search(tekst), f"{naam}: {tekst}"
    for tekst in uitleg.onzeker:
        assert not _INTERN.search(tekst.split(" (bron: ")[0]), f"{naam}: {tekst}"
    assert leesbaar_invordering(json.loads(json.dumps(advies.to_dict()))) == uitleg


def test_de_invordering_in_gewone_taal_worked_example() -> None:
    """Rv art. 475da lid 1: 95 % of a norm of EUR 1.295,64 is EUR 1.230,86 (rounded up); with
    EUR 1.400,00 net income EUR 169,14 a month can go to repayment; PW art. 60 lid 4: a recovery
    for the duty to inform is set off against the running benefit."""
    from naleving.regels import invordering
    from naleving.regels.leesbaar import leesbaar_invordering

    advies = invordering(
        {
            "peildatum": "2026-03-01",
            "soort": "terugvordering_inlichtingenplicht",
            "openstaand_cent": 250_000,
            "betaaltermijn_einde": "2025-06-30",
            "norm_cent": 129_564,
            "netto_inkomen_cent": 140_000,
            "uitkering_lopend": True,
            "zorgtoeslag": True,
            "huurtoeslag": True,
        }
    )
    uitleg = leesbaar_invordering(advies)
    teksten = {s.regel: s.tekst for s in uitleg.stappen}
    assert teksten["beslagvrije_voet"] == (
        "Een deel van uw inkomen is beschermd: de beslagvrije voet. Dat is 95 % van uw "
        "bijstandsnorm van € 1.295,64: € 1.230,86 per maand. Dat bedrag houdt u altijd."
    )
    assert teksten["aflossingscapaciteit"] == (
        "Uw netto-inkomen is € 1.400,00. Min het beschermde bedrag (€ 1.230,86) blijft er "
        "€ 169,14 per maand over. Meer dan dat hoeft u niet per maand af te lossen."
    )
    assert teksten["verrekening"] == (
        "Het bedrag gaat elke maand van uw uitkering af. Dat is verplicht."
    )
    assert teksten["verjaring"] == (
        "U moest betalen uiterlijk op 30 juni 2025. 5 jaar daarna vervalt de vordering "
        "(verjaring). De vordering verjaart op 1 juli 2030, als er niets meer gebeurt."
    )
    assert uitleg.advies.startswith("u houdt ten minste € 1.230,86 per maand")
    assert "Regels: " in uitleg.tekst() and "Technische verantwoording:" in uitleg.tekst()
