# SPDX-License-Identifier: EUPL-1.2
"""The uitvoeringsplan: actions per pillar, the status table, carrying open actions into the next
year, year-end evaluation, linked campaigns and the kept history (domain.md §1)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.beleid import services
from naleving.beleid.models import Actie, PlanWijziging
from naleving.preventie.models import Campagne

pytestmark = pytest.mark.django_db


@pytest.fixture
def bm(make_user):
    return make_user("beleidsmedewerker", "Waalwijk", "Heusden", "Loon op Zand")


@pytest.fixture
def plan2026(bm):
    plan = services.plan_aanmaken(
        user=bm, jaar=2026, doelen="Meer uitleg vooraf.", themas="Werk\nVermogen"
    )
    for pijler, titel, deadline in (
        ("communicatie", "Folder in B1", date(2026, 3, 1)),
        ("dienstverlening", "Wijzigen via portaal", date(2026, 6, 1)),
        ("controleren", "Huisbezoeken evalueren", date(2026, 9, 1)),
        ("sanctioneren", "Menselijke maat in besluiten", date(2026, 12, 1)),
    ):
        services.actie_toevoegen(
            user=bm,
            plan=plan,
            pijler=pijler,
            titel=titel,
            eigenaar="Team Handhaving",
            deadline=deadline,
        )
    return plan


def test_only_a_beleidsmedewerker_writes_the_plan(make_user) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_aanmaken(user=make_user("teamleider"), jaar=2026, doelen="x", themas="y")


def test_one_plan_per_year(bm, plan2026) -> None:
    with pytest.raises(ValidationError) as exc:
        services.plan_aanmaken(user=bm, jaar=2026, doelen="x", themas="y")
    assert exc.value.message_dict == {"jaar": ["Er is al een uitvoeringsplan voor 2026."]}
    assert plan2026.themalijst == ["Werk", "Vermogen"]


def test_action_status_follows_the_table(bm, plan2026) -> None:
    actie = Actie.objects.get(titel="Folder in B1")
    with pytest.raises(ValidationError) as exc:
        services.actie_bijwerken(user=bm, actie=actie, versie=actie.versie, status="afgerond")
    assert exc.value.message_dict == {
        "status": ["Een actie met status 'Gepland' kan niet naar 'Afgerond'."]
    }
    services.actie_bijwerken(user=bm, actie=actie, versie=actie.versie, status="in_uitvoering")
    with pytest.raises(ValidationError) as exc:
        services.actie_bijwerken(user=bm, actie=actie, versie=actie.versie, status="afgerond")
    assert exc.value.message_dict == {"resultaat": ["Schrijf op wat de actie heeft opgeleverd."]}
    services.actie_bijwerken(
        user=bm,
        actie=actie,
        versie=actie.versie,
        status="afgerond",
        resultaat="Folder verstuurd",
        evaluatie="Goed gelezen",
    )
    actie.refresh_from_db()
    assert (actie.status, actie.resultaat, actie.evaluatie, actie.versie) == (
        "afgerond",
        "Folder verstuurd",
        "Goed gelezen",
        3,
    )
    assert list(actie.wijzigingen.values_list("omschrijving", "gegevens__status")) == [
        ("Actie toegevoegd", "gepland"),
        ("Actie bijgewerkt", "in_uitvoering"),
        ("Actie bijgewerkt", "afgerond"),
    ]


def test_carry_open_actions_into_next_year(bm, plan2026) -> None:
    folder = Actie.objects.get(titel="Folder in B1")
    services.actie_bijwerken(user=bm, actie=folder, versie=folder.versie, status="in_uitvoering")
    portaal = Actie.objects.get(titel="Wijzigen via portaal")
    services.actie_bijwerken(user=bm, actie=portaal, versie=portaal.versie, status="vervallen")
    plan2027 = services.plan_aanmaken(user=bm, jaar=2027, doelen="Doorgaan.", themas="Werk")
    nieuw = {a.titel: a for a in plan2027.acties.all()}
    assert sorted(nieuw) == [
        "Folder in B1",
        "Huisbezoeken evalueren",
        "Menselijke maat in besluiten",
    ]
    assert nieuw["Folder in B1"].status == "in_uitvoering"
    assert nieuw["Huisbezoeken evalueren"].status == "gepland"
    assert nieuw["Folder in B1"].deadline == date(2027, 12, 31)
    assert nieuw["Folder in B1"].overgenomen_van_id == folder.pk
    assert set(plan2026.acties.values_list("titel", "status")) == {
        ("Folder in B1", "doorgeschoven"),
        ("Wijzigen via portaal", "vervallen"),
        ("Huisbezoeken evalueren", "doorgeschoven"),
        ("Menselijke maat in besluiten", "doorgeschoven"),
    }
    assert services.acties_overnemen(user=bm, plan=plan2027) == []  # nothing open left
    assert (
        PlanWijziging.objects.filter(plan=plan2026, omschrijving="Doorgeschoven naar 2027").count()
        == 3
    )


def test_year_end_evaluation_per_pillar_and_plan(bm, plan2026) -> None:
    services.pijler_evalueren(user=bm, plan=plan2026, pijler="communicatie", tekst="Uitleg werkt.")
    services.pijler_evalueren(
        user=bm, plan=plan2026, pijler="communicatie", tekst="Uitleg werkt goed."
    )
    assert list(plan2026.pijlers.values_list("pijler", "tekst")) == [
        ("communicatie", "Uitleg werkt goed.")
    ]
    services.plan_status(user=bm, plan=plan2026, versie=plan2026.versie, status="vastgesteld")
    with pytest.raises(ValidationError) as exc:
        services.plan_status(user=bm, plan=plan2026, versie=plan2026.versie, status="geevalueerd")
    assert exc.value.message_dict == {"evaluatie": ["Schrijf de evaluatie van het jaar."]}
    services.plan_status(
        user=bm,
        plan=plan2026,
        versie=plan2026.versie,
        status="geevalueerd",
        evaluatie="Een goed jaar.",
    )
    plan2026.refresh_from_db()
    assert (plan2026.status, plan2026.evaluatie) == ("geevalueerd", "Een goed jaar.")
    with pytest.raises(ValidationError):
        services.actie_toevoegen(
            user=bm,
            plan=plan2026,
            pijler="communicatie",
            titel="Te laat",
            eigenaar="x",
            deadline=date(2026, 12, 31),
        )
    assert [w.omschrijving for w in plan2026.wijzigingen.filter(actie=None)] == [
        "Plan aangemaakt",
        "Pijler geëvalueerd",
        "Pijler geëvalueerd",
        "Plan vastgesteld",
        "Plan geëvalueerd",
    ]


def test_link_campaigns_to_an_action(bm, plan2026) -> None:
    camp = Campagne.objects.create(
        naam="Werk loont",
        doel="d",
        start=date(2026, 3, 1),
        einde=date(2026, 4, 1),
        uitvoeringsplan_jaar=2026,
        uitvoeringsplan_actie="Folder in B1",
        wetten=["PW"],
        aangemaakt_door=bm,
    )
    actie = Actie.objects.get(titel="Folder in B1")
    services.campagnes_koppelen(user=bm, actie=actie, campagne_ids=[camp.pk])
    assert list(Actie.objects.filter(campagnes=camp)) == [actie]
    assert actie.wijzigingen.last().gegevens == {"campagnes": ["Werk loont"]}


def test_plan_pages(client, bm, plan2026) -> None:
    client.force_login(bm)
    html = client.get("/beleid/plannen/2026/").content.decode()
    assert "Uitvoeringsplan 2026" in html and "Folder in B1" in html
    response = client.post(
        "/beleid/plannen/2026/",
        {
            "doel": "actie",
            "pijler": "communicatie",
            "titel": "",
            "eigenaar": "x",
            "deadline": "2026-05-01",
        },
    )
    assert response.status_code == 400
    actie = Actie.objects.get(titel="Folder in B1")
    response = client.post(
        f"/beleid/acties/{actie.pk}/",
        {
            "doel": "status",
            "status": "in_uitvoering",
            "resultaat": "",
            "evaluatie": "",
            "versie": actie.versie,
        },
    )
    assert response.status_code == 302
    actie.refresh_from_db()
    assert actie.status == "in_uitvoering"
    html = client.get("/beleid/rapport/2026/").content.decode()
    assert "Folder in B1" in html and "In uitvoering" in html


def test_cli_writes_the_yearly_report(plan2026, tmp_path, capsys) -> None:
    """`naleving rapport --jaar 2026 --pdf FILE` (issue 8)."""
    from naleving.cli import main

    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    assert main(["rapport", "--jaar", "2026", "--pdf", str(pdf), "--html", str(html)]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert "Folder in B1" in html.read_text(encoding="utf-8")
    assert capsys.readouterr().out == f"HTML geschreven naar {html}.\nPDF geschreven naar {pdf}.\n"
    assert main(["rapport", "--jaar", "2026"]) == 2
