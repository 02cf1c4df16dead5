# SPDX-License-Identifier: EUPL-1.2
"""Awb title 5.2 safeguards on each activity: cautie, huisbezoek, open sources, proportionality (Awb 5:13)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naleving.onderzoek.models import Activiteit
from naleving.onderzoek.services import StapInvoer, activiteit_vastleggen, plan_opslaan


def _iso(minutes_ago: int) -> str:
    return (timezone.now() - timedelta(minutes=minutes_ago)).isoformat()


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


GESPREK = {
    "met_wie": "Cliënt",
    "gehoorde": "client",
    "verslag": "Vragen over inkomsten.",
    "waarom": "Feiten uit Suwinet toelichten.",
}


def test_hearing_that_may_lead_to_a_fine_needs_a_prior_cautie(casus) -> None:
    """Awb 5:10a: the cautie before the first question; no record of such a hearing without it. A new
    investigation into the right to benefit can lead to a fine (onderzoek.cautie.boete_mogelijk)."""
    o = casus.onderzoek()
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver,
            onderzoek=o,
            soort="gesprek",
            gegevens={**GESPREK, "begin": _iso(60)},
        )
    assert _errors(err) == {
        "cautie_tijdstip": [
            "Dit onderzoek kan leiden tot een boete: leg eerst vast wanneer de cautie is gegeven en met welke "
            "woorden (Awb 5:10a)."
        ]
    }
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver,
            onderzoek=o,
            soort="gesprek",
            gegevens={
                **GESPREK,
                "begin": _iso(60),
                "cautie_tijdstip": _iso(50),
                "cautie_tekst": "U bent niet verplicht om te antwoorden.",
            },
        )
    assert _errors(err) == {
        "cautie_tijdstip": ["De cautie moet gegeven zijn vóór de eerste vraag (Awb 5:10a)."]
    }
    assert Activiteit.objects.count() == 0
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens={
            **GESPREK,
            "begin": _iso(60),
            "cautie_tijdstip": _iso(61),
            "cautie_tekst": "U bent niet verplicht om te antwoorden.",
        },
    )
    assert (
        Activiteit.objects.get().gegevens["cautie_tekst"]
        == "U bent niet verplicht om te antwoorden."
    )


def test_a_third_party_is_heard_without_cautie(casus) -> None:
    """Awb 5:10a concerns whoever could be fined; a witness or employer is not."""
    o = casus.onderzoek()
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens={**GESPREK, "met_wie": "Werkgever", "gehoorde": "derde", "begin": _iso(5)},
    )
    assert Activiteit.objects.get().gegevens["boete_mogelijk"] is True


def _plan(casus, o, *stappen: StapInvoer) -> None:
    plan_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        vragen="Woont de partner er?",
        feiten="RDW: auto op adres.",
        stappen=list(stappen),
    )


HUISBEZOEK = {
    "aangekondigd": False,
    "redelijke_grond": "Twee voertuigen van een ander op het adres (RDW), post op naam van een ander.",
    "gezegd_over_weigeren": "kan_gevolgen_hebben",
    "toestemming": "gegeven",
    "aanwezigen": "Cliënt, twee handhavers",
    "bevindingen": "Eén slaapkamer in gebruik; kleding van één persoon.",
    "waarom": "Woonsituatie is niet lichter vast te stellen.",
}


def test_an_intrusive_step_needs_a_justified_plan_step(casus) -> None:
    o = casus.onderzoek()
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver, onderzoek=o, soort="huisbezoek", gegevens=HUISBEZOEK
        )
    assert "staat niet met een onderbouwing in het onderzoeksplan" in _errors(err)["soort"][0]
    with pytest.raises(ValidationError) as err:
        _plan(casus, o, StapInvoer("huisbezoek", "Woonsituatie vaststellen"))
    assert _errors(err) == {
        "subsidiariteit_huisbezoek": [
            "Dit is een ingrijpende stap: schrijf op waarom niets lichters volstaat."
        ]
    }
    _plan(
        casus,
        o,
        StapInvoer(
            "huisbezoek", "Woonsituatie vaststellen", "Registraties geven geen uitsluitsel."
        ),
    )
    act, warnings = activiteit_vastleggen(
        user=casus.handhaver, onderzoek=o, soort="huisbezoek", gegevens=HUISBEZOEK
    )
    assert act.plan_stap.soort == "huisbezoek" and warnings == []


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"redelijke_grond": ""},
            {
                "gezegd_over_weigeren": [
                    "Zonder redelijke grond heeft weigeren geen gevolgen. Dat moet ook zo gezegd zijn; vul de redelijke "
                    "grond in als die er was."
                ]
            },
        ),
        (
            {"toestemming": "geweigerd"},
            {
                "bevindingen": [
                    "Bij weigering eindigt het huisbezoek: er zijn dan geen bevindingen in de woning."
                ]
            },
        ),
        ({"bevindingen": ""}, {"bevindingen": ["Vul de bevindingen van het huisbezoek in."]}),
        ({"toestemming": ""}, {"toestemming": ["Vul in: toestemming van de bewoner."]}),
        (
            {"gezegd_over_weigeren": ""},
            {"gezegd_over_weigeren": ["Vul in: wat is gezegd over weigeren."]},
        ),
    ],
)
def test_home_visit_records_ground_consent_and_what_was_said(casus, change, errors) -> None:
    """Huisbezoek only with informed, voluntary consent; 'refusal has consequences' only with a redelijke grond."""
    o = casus.onderzoek()
    _plan(casus, o, StapInvoer("huisbezoek", "Woonsituatie", "Niets lichters"))
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver, onderzoek=o, soort="huisbezoek", gegevens={**HUISBEZOEK, **change}
        )
    assert _errors(err) == errors


def test_refused_home_visit_without_ground_is_recorded_as_such(casus) -> None:
    o = casus.onderzoek()
    _plan(casus, o, StapInvoer("huisbezoek", "Woonsituatie", "Niets lichters"))
    gegevens = {
        **HUISBEZOEK,
        "redelijke_grond": "",
        "gezegd_over_weigeren": "geen_gevolgen",
        "toestemming": "geweigerd",
        "bevindingen": "",
    }
    act, _ = activiteit_vastleggen(
        user=casus.handhaver, onderzoek=o, soort="huisbezoek", gegevens=gegevens
    )
    assert (act.gegevens["toestemming"], act.gegevens["gezegd_over_weigeren"]) == (
        "geweigerd",
        "geen_gevolgen",
    )


def test_internet_research_only_in_open_sources(casus) -> None:
    o = casus.onderzoek()
    gegevens = {
        "bron_url": "https://example.org/profiel",
        "wat_gezien": "Foto's",
        "waarom": "Signaal toetsen",
    }
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver, onderzoek=o, soort="internetonderzoek", gegevens=gegevens
        )
    assert list(_errors(err)) == ["alleen_open_bronnen"]
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="internetonderzoek",
        gegevens={**gegevens, "alleen_open_bronnen": True},
    )


def test_every_activity_records_why_it_is_needed(casus) -> None:
    """Awb 5:13: a power only as far as reasonably necessary."""
    o = casus.onderzoek()
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver,
            onderzoek=o,
            soort="raadplegen_registratie",
            gegevens={"bron": "Suwinet-Inkijk", "welke_gegevens": "Polisadministratie"},
        )
    assert _errors(err) == {"waarom": ["Vul in: waarom is deze stap nodig?."]}


def test_observations_past_the_limits_warn(casus, settings) -> None:
    """Art. 8 EVRM: observation must stay proportionate (143 observations in 45 days was too many)."""
    settings.NALEVING_WAARNEMING_MAX_AANTAL = 2
    settings.NALEVING_WAARNEMING_MAX_DAGEN = 28
    o = casus.onderzoek()
    _plan(
        casus,
        o,
        StapInvoer("waarneming", "Aanwezigheid vaststellen", "Registraties geven geen uitsluitsel"),
    )
    base = {
        "locatie": "Voor de woning",
        "duur_minuten": 30,
        "bevindingen": "Auto aanwezig",
        "waarom": "Patroon",
    }
    warnings = []
    for days_ago in (40, 20, 1):
        begin = (timezone.now() - timedelta(days=days_ago)).isoformat()
        _, warnings = activiteit_vastleggen(
            user=casus.handhaver, onderzoek=o, soort="waarneming", gegevens={**base, "begin": begin}
        )
    assert warnings == [
        "Deze persoon is nu 3 keer waargenomen; dat is meer dan 2. Weeg opnieuw of verdere waarneming nog evenredig "
        "is (art. 8 EVRM).",
        "De waarnemingen beslaan 39 dagen; dat is meer dan 28. Weeg opnieuw of verdere waarneming nog evenredig is "
        "(art. 8 EVRM).",
    ]


def test_a_time_in_the_future_is_refused(casus) -> None:
    o = casus.onderzoek()
    with pytest.raises(ValidationError) as err:
        activiteit_vastleggen(
            user=casus.handhaver,
            onderzoek=o,
            soort="gesprek",
            gegevens={**GESPREK, "begin": (timezone.now() + timedelta(hours=2)).isoformat()},
        )
    assert _errors(err) == {"begin": ["Begin van het gesprek: dit tijdstip ligt in de toekomst."]}


def test_an_activity_reads_with_the_labels_of_its_form_never_its_codes() -> None:
    """Issue 14 item 3: `met_wie`, `True`, ISO time stamps and choice keys do not reach the screen."""
    from naleving.onderzoek.activiteiten import als_tekst

    assert als_tekst(
        "gesprek",
        {
            "met_wie": "Mevrouw Jansen",
            "begin": "2026-03-02T09:00:00+00:00",
            "gehoorde": "client",
            "cautie_tijdstip": None,
            "oud_veld": True,
        },
    ) == [
        ("Met wie", "Mevrouw Jansen"),
        ("Begin van het gesprek", "02-03-2026 10:00"),
        ("Wie wordt gehoord?", "De cliënt"),
        ("Cautie gegeven om", "—"),
        ("Oud veld", "Ja"),
    ]
    assert als_tekst("internetonderzoek", {"alleen_open_bronnen": True})[0][1] == "Ja"
