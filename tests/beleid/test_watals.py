# SPDX-License-Identifier: EUPL-1.2
"""Wat als (issue 19 item 5) over the open cases in the database: which cases count, the command line and
the page for the beleidsmedewerker (aggregates only, small numbers suppressed, own municipalities only).
Every number is counted by hand from the cases made in `zaken`."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.urls import reverse

from naleving.audit.models import AuditEntry
from naleving.beleid import watals
from naleving.besluiten.models import Besluit
from naleving.cli import main
from naleving.onderzoek.models import Onderzoek, Rapport
from naleving.regels import Configuratie
from naleving.regels.vergelijking import met_concepten

MILD = Path(__file__).parents[1] / "regels" / "concepten" / "mild-concept.toml"
OP = datetime(2026, 11, 2, tzinfo=UTC)
AAN = date(2027, 1, 1)


def besluit(
    client, user, *, status="concept", bedrag=100_000, verwijtbaarheid="opzet", onderzoek=None
):
    return Besluit.objects.create(
        client=client,
        onderzoek=onderzoek,
        aanleiding="overig",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2026, 3, 1),
        benadelingsbedrag_cent=bedrag,
        verwijtbaarheid=verwijtbaarheid,
        financieel_voordeel_beoogd=True,
        status=status,
        status_sinds=OP,
        aangemaakt_door=user,
    )


def onderzoek(client, user, *, overtreding="inlichtingenplicht", uitkomst=""):
    o = Onderzoek.objects.create(
        client=client,
        gemeente=client.gemeente,
        aanleiding="lopende_uitkering",
        vraag="v",
        aangevraagd_door=user,
        aangevraagd_op=OP,
        status="afgerond" if uitkomst else "in_uitvoering",
        status_sinds=OP,
        termijn=date(2026, 12, 31),
        uitkomst=uitkomst,
    )
    Rapport.objects.create(
        onderzoek=o,
        bevindingen="b",
        overtreding=overtreding,
        pleegdatum=date(2026, 3, 1) if overtreding else None,
        perioden=[{"maand": "2026-03", "ontvangen_cent": 150_000, "recht_cent": 50_000}],
    )
    return o


@pytest.fixture
def zaken(make_user, make_client):
    ic = make_user("inkomensconsulent", "Waalwijk", "Heusden")
    waalwijk = [make_client("Waalwijk") for _ in range(3)]
    heusden = make_client("Heusden")
    # Counted (open): 5 decisions with opzet € 1.000 in Waalwijk (fine € 1.000 -> € 500 with the draft),
    for i in range(5):
        besluit(waalwijk[i % 3], ic, status="concept" if i < 4 else "ter_review")
    # 5 decisions with normal blame in Waalwijk (a warning both ways: unchanged),
    for i in range(5):
        besluit(waalwijk[i % 3], ic, verwijtbaarheid="normaal")
    # 1 decision in Heusden (opzet € 400: fine -> warning with the draft),
    besluit(heusden, ic, bedrag=40_000)
    # 1 investigation in Waalwijk with a finding and no decision (judgement open: unchanged).
    onderzoek(waalwijk[0], ic)
    # Not counted: a fixed decision, an investigation that already has a decision (that decision counts,
    # and is the 12th case), one without a breach stated, one closed as "no breach".
    besluit(waalwijk[0], ic, status="definitief")
    besluit(waalwijk[1], ic, verwijtbaarheid="normaal", onderzoek=onderzoek(waalwijk[1], ic))
    onderzoek(waalwijk[2], ic, overtreding="")
    onderzoek(waalwijk[2], ic, uitkomst="geen_onrechtmatigheid")
    return ic


@pytest.fixture
def met_mild(monkeypatch):
    """The installation's rules with the test draft among the organisation's rule sets (still off)."""
    config = met_concepten(Configuratie.standaard(), [MILD])
    monkeypatch.setattr(watals, "basis", lambda: config)
    return config


def test_open_cases_are_the_unfixed_decisions_and_the_findings_without_a_decision(zaken) -> None:
    soorten = [soort for soort, _f in watals.open_zaken(beoordelingsdatum=AAN)]
    assert soorten.count("besluit") == 12
    assert soorten.count("onderzoek") == 1


def test_the_comparison_over_the_database_counts_exactly(zaken, met_mild) -> None:
    v = watals.wat_als(activeringen={"mild-concept": AAN}, vandaag=date(2026, 12, 3))
    d = v.to_dict()
    assert d["beoordelingsdatum"] == "2027-01-01"
    assert (d["aantal_zaken"], d["gelijk"], d["veranderd"]) == (13, 7, 6)
    assert d["per_soort"] == {"besluit": 12, "onderzoek": 1}
    assert [(o["van"], o["naar"], o["aantal"]) for o in d["overgangen"]] == [
        ("boete", "boete", 5),
        ("boete", "waarschuwing", 1),
    ]
    assert d["overgangen"][0]["boete_van_cent"] == 500_000
    assert d["overgangen"][0]["boete_naar_cent"] == 250_000
    assert (d["boete_huidig_cent"], d["boete_variant_cent"]) == (540_000, 250_000)


def test_the_command_prints_the_comparison_as_json(zaken, capsys) -> None:
    code = main(
        ["wat-als", "--activeer", "mild-concept=2027-01-01", "--regeling", str(MILD), "--json"]
    )
    assert code == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["aantal_zaken"], d["gelijk"], d["veranderd"]) == (13, 7, 6)


def test_the_command_without_personal_data_and_with_dutch_errors(zaken, capsys) -> None:
    assert main(["wat-als", "--activeer", "whsz-concept=2027-01-01"]) == 0
    uit = capsys.readouterr().out
    assert "Open zaken: 13 (conceptbesluiten: 12, onderzoeken met een bevinding" in uit
    assert "Advies gelijk: 13; advies anders: 0" in uit
    for client in Besluit.objects.values_list("client__bsn", "client__achternaam"):
        assert client[0] not in uit and client[1] not in uit
    assert main(["wat-als", "--activeer", "whsz-concept=1-1-2027"]) == 2
    assert "--activeer verwacht REGELING=JJJJ-MM-DD" in capsys.readouterr().err
    assert main(["wat-als", "--activeer", "onbekend=2027-01-01"]) == 2
    assert "regeling 'onbekend' bestaat niet" in capsys.readouterr().err


def test_the_page_shows_the_own_municipalities_with_small_numbers_hidden(
    zaken, met_mild, make_user, client
) -> None:
    """Waalwijk only: 5 fines lowered, 7 unchanged (6 warnings and the investigation), 12 in all; the Heusden
    decision is not in it. The page judges on the activation date."""
    bm = make_user("beleidsmedewerker", "Waalwijk")
    client.force_login(bm)
    url = reverse("beleid:wat_als")
    assert client.get(url).status_code == 200
    response = client.get(url, {"concept": "mild-concept", "datum": "2027-01-01"})
    assert response.status_code == 200
    assert response.context["rijen"] == [
        ["Boete", "Boete", 5, "€ 5.000,00", "€ 2.500,00", "€ 5.000,00", "€ 5.000,00"],
        ["Advies gelijk", "", 7, "", "", "", ""],
        ["Totaal", "", 12, "", "", "", ""],
    ]
    html = response.content.decode()
    logged = AuditEntry.objects.get(object_type="beleid.wat_als")
    assert (logged.gebruiker, logged.object_id) == (bm.username, "mild-concept")
    assert "<h2>Mildere boetes (concept), aan vanaf 01-01-2027</h2>" in html
    assert '<th scope="row">Boete</th><td>Boete</td>' in html


def test_a_single_changed_case_is_hidden_on_the_page(zaken, met_mild, make_user, client) -> None:
    """All three municipalities: the one fine that becomes a warning (Heusden) is a count of 1: hidden with
    its amounts, and one more cell so that it cannot be computed back from the total."""
    bm = make_user("beleidsmedewerker", "Waalwijk", "Heusden", "Loon op Zand")
    client.force_login(bm)
    response = client.get(
        reverse("beleid:wat_als"), {"concept": "mild-concept", "datum": "2027-01-01"}
    )
    rijen = response.context["rijen"]
    assert rijen[1] == ["Boete", "Waarschuwing", "afgeschermd", *["afgeschermd"] * 4]
    assert rijen[-1] == ["Totaal", "", 13, "", "", "", ""]
    assert sum(1 for rij in rijen if rij[2] == "afgeschermd") == 2


def test_other_roles_may_not_open_the_page(make_user, client) -> None:
    client.force_login(make_user("inkomensconsulent"))
    assert client.get(reverse("beleid:wat_als")).status_code == 403


def test_the_page_says_so_when_no_advice_changes_and_explains_a_wrong_date(
    zaken, make_user, client
) -> None:
    client.force_login(make_user("beleidsmedewerker", "Waalwijk"))
    url = reverse("beleid:wat_als")
    html = client.get(url, {"concept": "whsz-concept", "datum": "2027-01-01"}).content.decode()
    assert "Met dit concept blijft elk advies in de open zaken hetzelfde." in html
    response = client.get(url, {"concept": "whsz-concept", "datum": "1 januari"})
    assert "rijen" not in response.context
    assert "Vul een geldige datum in, bijvoorbeeld 1-1-2027." in response.content.decode()
