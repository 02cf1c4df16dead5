# SPDX-License-Identifier: EUPL-1.2
"""The investigation's state machine, the permissions around it, the 'was it reported?' check, the rapport's
legal requirements and the preliminary advice from the rules engine."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from naleving.clienten.models import Contactmoment
from naleving.clienten.selectors import clients_in_scope, may
from naleving.onderzoek import services
from naleving.onderzoek.models import Bewijsstuk, OnderzoekOvergang

PERIODEN = [
    {"maand": "2026-03", "ontvangen_cent": 140_000, "recht_cent": 90_000},
    {"maand": "2026-04", "ontvangen_cent": 140_000, "recht_cent": 60_000},
]
RAPPORT = {
    "bevindingen": "Cliënt werkte vanaf maart 2026 bij een schoonmaakbedrijf (polis UWV); niet gemeld.",
    "overtreding": "inlichtingenplicht",
    "periode_van": date(2026, 3, 1),
    "periode_tot": date(2026, 4, 30),
    "pleegdatum": date(2026, 3, 1),
    "perioden": PERIODEN,
    "gemeld": "niet_gemeld",
    "aanwijzingen_verwijtbaarheid": "Cliënt zegt niet te weten dat parttime werk gemeld moest worden.",
    "omstandigheden": "Alleenstaande ouder, schulden.",
    "awb_feiten": "Inkomsten uit arbeid maart-april 2026 niet gemeld.",
    "awb_voorschrift": "Art. 17 lid 1 Participatiewet",
    "advies": "Terugvorderen; verwijtbaarheid beoordelen met het gesprek.",
}


def test_whole_path_from_request_to_closed_with_history(casus) -> None:
    o = casus.onderzoek()
    services.rapport_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        versie=None,
        **{
            **RAPPORT,
            "overtreding": "",
            "gemeld": "",
            "perioden": [],
            "awb_feiten": "",
            "awb_voorschrift": "",
        },
    )
    services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    services.rapport_beoordeel(
        user=casus.teamleider,
        onderzoek=o,
        akkoord=True,
        toelichting="Helder.",
        uitkomst="geen_onrechtmatigheid",
    )
    o.refresh_from_db()
    assert (o.status, o.uitkomst) == ("afgerond", "geen_onrechtmatigheid")
    moves = list(
        OnderzoekOvergang.objects.filter(onderzoek=o).values_list("van", "naar", "door__username")
    )
    assert moves == [
        ("", "aangevraagd", "ilse"),
        ("aangevraagd", "toegewezen", "tessa"),
        ("toegewezen", "in_uitvoering", "hanna"),
        ("in_uitvoering", "rapport_ter_review", "hanna"),
        ("rapport_ter_review", "afgerond", "tessa"),
    ]


def test_illegal_moves_are_refused(casus) -> None:
    o = casus.onderzoek(status="aangevraagd")
    with pytest.raises(PermissionDenied):
        services.onderzoek_start(user=casus.handhaver, onderzoek=o)  # not assigned to anybody yet
    o = services.onderzoek_wijs_toe(user=casus.teamleider, onderzoek=o, handhaver=casus.handhaver)
    with pytest.raises(ValidationError) as err:
        services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    assert err.value.messages == ["Dit kan alleen als het onderzoek in uitvoering is."]
    o = services.onderzoek_start(user=casus.handhaver, onderzoek=o)
    with pytest.raises(ValidationError) as err:
        services.onderzoek_start(user=casus.handhaver, onderzoek=o)
    assert err.value.messages == [
        "Dit kan niet: een onderzoek met status 'In uitvoering' kan niet worden gestart."
    ]
    with pytest.raises(ValidationError) as err:
        services.rapport_beoordeel(
            user=casus.teamleider, onderzoek=o, akkoord=False, toelichting="Te vroeg"
        )
    assert err.value.messages == ["Dit kan alleen als het rapport ter review ligt."]


def test_only_team_leader_assigns_and_reviews_and_only_the_assigned_handhaver_executes(
    casus, make_user
) -> None:
    o = casus.onderzoek(status="aangevraagd")
    with pytest.raises(PermissionDenied):
        services.onderzoek_wijs_toe(user=casus.handhaver, onderzoek=o, handhaver=casus.handhaver)
    o = services.onderzoek_wijs_toe(user=casus.teamleider, onderzoek=o, handhaver=casus.handhaver)
    other = make_user("handhaver", username="henk")
    with pytest.raises(PermissionDenied):
        services.onderzoek_start(user=other, onderzoek=o)
    o = services.onderzoek_start(user=casus.handhaver, onderzoek=o)
    with pytest.raises(PermissionDenied):  # the consultant cannot edit the rapport
        services.rapport_opslaan(user=casus.consulent, onderzoek=o, versie=None, bevindingen="x")
    services.rapport_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        versie=None,
        bevindingen="Niets gevonden.",
        advies="Geen actie",
    )
    services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    with pytest.raises(PermissionDenied):  # nobody in team Handhaving decides on its own rapport
        services.rapport_beoordeel(
            user=casus.handhaver,
            onderzoek=o,
            akkoord=True,
            toelichting="",
            uitkomst="geen_onrechtmatigheid",
        )


def test_a_handhaver_sees_the_client_only_while_an_investigation_is_open(casus) -> None:
    assert may(casus.handhaver, "client.bekijken", casus.client) is False
    o = casus.onderzoek()
    assert list(clients_in_scope(user=casus.handhaver)) == [casus.client]
    services.rapport_opslaan(
        user=casus.handhaver, onderzoek=o, versie=None, bevindingen="Niets.", advies="Geen"
    )
    services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    services.rapport_beoordeel(
        user=casus.teamleider,
        onderzoek=o,
        akkoord=True,
        toelichting="",
        uitkomst="niet_vast_te_stellen",
    )
    assert may(casus.handhaver, "client.bekijken", casus.client) is False


def test_handhaver_cannot_start_an_investigation_from_nothing_and_a_signal_needs_its_id(
    casus,
) -> None:
    with pytest.raises(PermissionDenied):  # no ground: the handhaver cannot even see this client
        services.onderzoek_vraag_aan(
            user=casus.handhaver, client=casus.client, aanleiding="lopende_uitkering", vraag="?"
        )
    with pytest.raises(ValidationError) as err:
        services.onderzoek_vraag_aan(
            user=casus.consulent, client=casus.client, aanleiding="signaal", vraag="?"
        )
    assert err.value.message_dict == {
        "aanleiding": ["Een onderzoek op een signaal hoort bij dat signaal."]
    }


def test_not_reported_needs_the_check_of_every_report_in_the_period(casus) -> None:
    """CRvB 10-10-2023 (ECLI:NL:CRVB:2023:1967): a report to any officer counts; check all before 'niet gemeld'."""
    o = casus.onderzoek()
    inside = Contactmoment.objects.create(
        client=casus.client,
        tijdstip=datetime(2026, 3, 10, 9, tzinfo=UTC),
        kanaal="telefoon",
        onderwerp="Vraag over werk",
        tekst="Vraagt naar bijverdienen",
    )
    Contactmoment.objects.create(
        client=casus.client,
        tijdstip=datetime(2026, 6, 1, 9, tzinfo=UTC),
        kanaal="balie",
        onderwerp="Buiten periode",
        tekst="-",
    )
    services.rapport_opslaan(user=casus.handhaver, onderzoek=o, versie=None, **RAPPORT)
    with pytest.raises(ValidationError) as err:
        services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    assert err.value.message_dict == {
        "gemeld": [
            "Controleer eerst of de cliënt het ergens in de organisatie heeft gemeld (meldcheck over de hele periode; "
            "CRvB 2023:1967)."
        ]
    }
    check = services.meldcheck_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        van=date(2026, 3, 1),
        tot=date(2026, 4, 30),
        conclusie="Wel een vraag over bijverdienen, geen melding van werk.",
    )
    assert check.getoond == [
        {
            "bron": "contactmoment",
            "tijdstip": inside.tijdstip.isoformat(),
            "onderwerp": "Vraag over werk",
            "referentie": f"contactmoment:{inside.pk}",
        }
    ]
    services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    o.refresh_from_db()
    assert o.status == "rapport_ter_review"


def test_a_possible_fine_over_340_euro_needs_the_awb_548_contents(casus) -> None:
    o = casus.onderzoek()
    services.meldcheck_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        van=date(2026, 3, 1),
        tot=date(2026, 4, 30),
        conclusie="Niets gemeld.",
    )
    services.rapport_opslaan(
        user=casus.handhaver, onderzoek=o, versie=None, **{**RAPPORT, "awb_feiten": ""}
    )
    with pytest.raises(ValidationError) as err:
        services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    assert err.value.message_dict == {
        "awb_feiten": [
            "Een boete van meer dan € 340 is mogelijk: het rapport moet de feiten en het overtreden voorschrift noemen "
            "(Awb 5:48 en 5:53)."
        ]
    }


def test_the_rapport_carries_the_engines_preliminary_advice_without_a_guessed_judgement(
    casus,
) -> None:
    o = casus.onderzoek()
    rapport = services.rapport_opslaan(user=casus.handhaver, onderzoek=o, versie=None, **RAPPORT)
    advies = rapport.regels_advies["advies"]
    assert rapport.regels_advies["feiten"] == {
        "wet": "PW",
        "overtreding": "inlichtingenplicht",
        "pleegdatum": "2026-03-01",
        "beoordelingsdatum": rapport.regels_advies["feiten"]["beoordelingsdatum"],
        "gemeente": "0867",
        "perioden": PERIODEN,
    }
    assert advies["benadelingsbedrag_cent"] == 130_000
    assert advies["terugvordering"] == {
        "verplicht": True,
        "bedrag_cent": 130_000,
        "afzien_mogelijk": False,
    }
    assert advies["sanctie"] == "oordeel_nodig"
    assert "verwijtbaarheid" in [v["veld"] for v in advies["open_vragen"]]


def test_approval_outcome_must_fit_the_rapport_and_sending_back_needs_a_reason(casus) -> None:
    o = casus.onderzoek()
    services.meldcheck_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        van=date(2026, 3, 1),
        tot=date(2026, 4, 30),
        conclusie="Niets.",
    )
    services.rapport_opslaan(user=casus.handhaver, onderzoek=o, versie=None, **RAPPORT)
    services.rapport_indienen(user=casus.handhaver, onderzoek=o)
    with pytest.raises(ValidationError) as err:
        services.rapport_beoordeel(
            user=casus.teamleider,
            onderzoek=o,
            akkoord=True,
            toelichting="",
            uitkomst="geen_onrechtmatigheid",
        )
    assert list(err.value.message_dict) == ["uitkomst"]
    with pytest.raises(ValidationError) as err:
        services.rapport_beoordeel(
            user=casus.teamleider, onderzoek=o, akkoord=False, toelichting=" "
        )
    assert err.value.message_dict == {
        "toelichting": ["Schrijf op wat er aan het rapport moet veranderen."]
    }
    services.rapport_beoordeel(
        user=casus.teamleider,
        onderzoek=o,
        akkoord=False,
        toelichting="Gesprek met cautie ontbreekt.",
    )
    o.refresh_from_db()
    assert o.status == "in_uitvoering"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_evidence_keeps_its_hash_and_is_only_superseded_with_a_reason(
    casus, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    o = casus.onderzoek()
    stuk = services.bewijs_toevoegen(
        user=casus.handhaver,
        onderzoek=o,
        omschrijving="Loonstrook maart",
        bestand=SimpleUploadedFile("loon.pdf", PDF),
    )
    import hashlib

    assert stuk.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (tmp_path / stuk.pad).read_bytes() == PDF
    with pytest.raises(ValidationError) as err:
        services.bewijs_toevoegen(
            user=casus.handhaver,
            onderzoek=o,
            omschrijving="Nep",
            bestand=SimpleUploadedFile("x.pdf", b"MZ\x90\x00"),
        )
    assert err.value.message_dict == {
        "bestand": ["Alleen PDF, JPEG of PNG. Dit bestand is geen van die drie."]
    }
    with pytest.raises(ValidationError) as err:
        services.bewijs_toevoegen(
            user=casus.handhaver,
            onderzoek=o,
            omschrijving="Loonstrook maart (goed)",
            bestand=SimpleUploadedFile("loon2.pdf", PDF + b"\n"),
            vervangt=stuk,
        )
    assert err.value.message_dict == {
        "reden_vervanging": ["Geef de reden waarom het bewijsstuk wordt vervangen."]
    }
    nieuw = services.bewijs_toevoegen(
        user=casus.handhaver,
        onderzoek=o,
        omschrijving="Loonstrook maart (goed)",
        bestand=SimpleUploadedFile("loon2.pdf", PDF + b"\n"),
        vervangt=stuk,
        reden_vervanging="Eerste scan was onleesbaar",
    )
    assert Bewijsstuk.objects.count() == 2
    stuk.refresh_from_db()
    assert stuk.vervangen_door == nieuw and stuk.sha256 == hashlib.sha256(PDF).hexdigest()


BOVEN_VERVOLGINGSGRENS = [
    {"maand": "2026-03", "ontvangen_cent": 5_100_000, "recht_cent": 0},
]


@pytest.mark.parametrize(("aangifte", "vraag_open"), [(None, True), (True, False), (False, False)])
def test_una_via_the_preliminary_advice_reads_whether_aangifte_was_made(
    casus, aangifte, vraag_open
) -> None:
    """Awb art. 5:44 (una via): above the prosecution threshold (EUR 50,000) the preliminary advice
    passes the rapport's answer on aangifte to the engine, as the decision does, so the question
    is only open while the answer is unknown. The judgement of blame stays the consultant's: the
    sanction waits for it either way (the rules never skip it)."""
    o = casus.onderzoek()
    rapport = services.rapport_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        versie=None,
        **{**RAPPORT, "perioden": BOVEN_VERVOLGINGSGRENS, "aangifte_gedaan": aangifte},
    )
    feiten = rapport.regels_advies["feiten"]
    advies = rapport.regels_advies["advies"]
    assert feiten.get("aangifte_gedaan") is aangifte
    assert advies["benadelingsbedrag_cent"] == 5_100_000
    assert advies["sanctie"] == "oordeel_nodig"
    velden = [v["veld"] for v in advies["open_vragen"]]
    assert ("aangifte_gedaan" in velden) is vraag_open
    assert "verwijtbaarheid" in velden
