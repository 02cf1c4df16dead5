# SPDX-License-Identifier: EUPL-1.2
"""Rule (domain.md §4): an anonymous tip is low-weight and needs corroboration before it can ground an
investigation. Corroboration is a reference to a real, independent source of the same client (a contact
moment, a signal from a chain partner, colleague or observation, an evidence file), checked by one function
(signalen.bevestiging.vereis_bevestiging) on both roads: triage and a request made directly on the client."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.clienten.models import Contactmoment
from naleving.onderzoek import services as oservices
from naleving.onderzoek.models import Onderzoek
from naleving.signalen import services
from naleving.signalen.models import Bevestiging, Bron, Product, Signaal, Status, Uitkomst

MELDING = "Er woont al maanden een man bij haar in."
GEEN_BRON = (
    "Een anonieme melding is alleen geen grond voor onderzoek. Kies de bron die de melding "
    "bevestigt: een contactmoment met de cliënt, een signaal van een ketenpartner of collega, "
    "of een bewijsstuk."
)
NIET_VAN_CLIENT = (
    "Deze bron bestaat niet of hoort niet bij deze cliënt. Kies een "
    "contactmoment, signaal of bewijsstuk van deze cliënt."
)
INWONER = (
    "Een melding van een inwoner is geen onafhankelijke bevestiging. "
    "Kies een signaal van een ketenpartner, een collega of een eigen waarneming."
)


def _as(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


@pytest.fixture
def anoniem(make_client, make_signaal):
    def make(client=None):
        client = client or make_client()
        return make_signaal(
            client,
            bron=Bron.MELDER,
            bron_naam="inwoner",
            anoniem=True,
            product=Product.HUISHOUDEN,
            omschrijving=MELDING,
        )

    return make


def _contact(client, **extra) -> Contactmoment:
    return Contactmoment.objects.create(
        client=client,
        tijdstip=timezone.now(),
        kanaal="telefoon",
        onderwerp=extra.pop("onderwerp", "Vraag over de woonsituatie"),
        tekst="Cliënt zegt dat een vriend vaak blijft slapen.",
    )


def _triage_onderzoek(handhaver, signaal, **bevestiging):
    return services.signaal_triageer(
        user=handhaver,
        signaal=signaal,
        uitkomst=Uitkomst.ONDERZOEK,
        reden="bevestigd",
        toelichting="Melding plus bevestiging.",
        **bevestiging,
    )


def test_twenty_characters_of_text_no_longer_start_an_investigation_from_the_triage_page(
    handhaver, anoniem
) -> None:
    """The hole: any 20 characters passed as 'corroboration'. The page now asks for a source."""
    s = anoniem()
    response = _as(handhaver).post(
        reverse("signalen:triage", args=[s.pk]),
        {
            "uitkomst": Uitkomst.ONDERZOEK,
            "reden": "bevestigd",
            "toelichting": "Melding lijkt serieus.",
            "bevestiging": "Dit bevestigt de melding echt wel.",
            "bevestiging_uitleg": "Dit bevestigt de melding echt wel.",
        },
    )
    assert response.status_code == 400
    assert GEEN_BRON in response.content.decode()
    s.refresh_from_db()
    assert s.status == Status.ONTVANGEN
    assert not Onderzoek.objects.exists()


def test_a_contact_moment_of_the_same_client_corroborates_and_is_recorded_on_the_signal(
    handhaver, anoniem
) -> None:
    s = anoniem()
    contact = _contact(s.client)
    _triage_onderzoek(
        handhaver,
        s,
        bevestiging_bron=f"contactmoment:{contact.pk}",
        bevestiging_uitleg="Cliënt noemde zelf een vriend die vaak blijft slapen.",
    )
    s.refresh_from_db()
    assert s.status == Status.ONDERZOEK
    b = Bevestiging.objects.get(signaal=s)
    assert (b.contactmoment, b.bron_signaal, b.bewijsstuk, b.door) == (
        contact,
        None,
        None,
        handhaver,
    )
    assert b.uitleg == "Cliënt noemde zelf een vriend die vaak blijft slapen."
    assert AuditEntry.objects.filter(
        object_type="signalen.bevestiging", object_id=str(b.pk), actie="aanmaken"
    ).exists()
    # The signal page and the investigation page show it, with a link to the source.
    page = _as(handhaver).get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    link = reverse("clienten:dossier", args=[s.client.clientnummer]) + "#contactmomenten"
    assert f'href="{link}">contactmoment van' in page
    assert "Cliënt noemde zelf een vriend die vaak blijft slapen." in page
    onderzoek = Onderzoek.objects.get(signaal_id=s.pk)
    page = _as(handhaver).get(reverse("onderzoek:detail", args=[onderzoek.pk])).content.decode()
    assert "Bevestiging van de anonieme melding" in page and f'href="{link}"' in page


def test_a_chain_partner_signal_corroborates_and_links_to_that_signal(
    handhaver, anoniem, make_signaal
) -> None:
    s = anoniem()
    partner = make_signaal(s.client, product=Product.HUISHOUDEN, bron_naam="Inlichtingenbureau")
    _triage_onderzoek(
        handhaver,
        s,
        bevestiging_bron=f"signaal:{partner.pk}",
        bevestiging_uitleg="Tweede volwassene ingeschreven op het adres.",
    )
    assert Bevestiging.objects.get(signaal=s).bron_signaal == partner
    page = _as(handhaver).get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    assert f'href="{reverse("signalen:signaal", args=[partner.pk])}">signaal {partner.pk}' in page


@pytest.mark.parametrize(
    "welke, fout",
    [
        ("zichzelf", "Een melding kan zichzelf niet bevestigen. Kies een andere bron."),
        ("ander_anoniem", INWONER),
        ("inwoner_met_naam", INWONER),
        ("contact_andere_client", NIET_VAN_CLIENT),
        ("signaal_andere_client", NIET_VAN_CLIENT),
        ("bestaat_niet", NIET_VAN_CLIENT),
        ("onzin", "Kies de bron die de melding bevestigt uit de lijst."),
    ],
)
def test_the_source_must_exist_belong_to_the_client_and_be_independent(
    welke, fout, handhaver, anoniem, make_client, make_signaal
) -> None:
    s = anoniem()
    ander = make_client()
    bron = {
        "zichzelf": lambda: f"signaal:{s.pk}",
        "ander_anoniem": lambda: f"signaal:{anoniem(s.client).pk}",
        # Anyone can type a name: a second resident's report is still a tip.
        "inwoner_met_naam": lambda: (
            "signaal:" + str(make_signaal(s.client, bron=Bron.MELDER, bron_naam="Jan").pk)
        ),
        "contact_andere_client": lambda: f"contactmoment:{_contact(ander).pk}",
        "signaal_andere_client": lambda: f"signaal:{make_signaal(ander).pk}",
        "bestaat_niet": lambda: "contactmoment:999999",
        "onzin": lambda: "brief:1",
    }[welke]()
    with pytest.raises(ValidationError) as exc:
        _triage_onderzoek(
            handhaver, s, bevestiging_bron=bron, bevestiging_uitleg="Dit bevestigt het."
        )
    assert exc.value.message_dict == {"bevestiging_bron": [fout]}
    s.refresh_from_db()
    assert s.status == Status.ONTVANGEN
    assert not Bevestiging.objects.exists() and not Onderzoek.objects.exists()


def test_a_source_needs_an_explanation(handhaver, anoniem) -> None:
    s = anoniem()
    contact = _contact(s.client)
    with pytest.raises(ValidationError) as exc:
        _triage_onderzoek(handhaver, s, bevestiging_bron=f"contactmoment:{contact.pk}")
    assert exc.value.message_dict == {
        "bevestiging_uitleg": ["Schrijf kort op wat deze bron bevestigt van de melding."]
    }


def test_the_triage_form_offers_the_clients_own_sources_in_dutch(
    handhaver, anoniem, make_client, make_signaal
) -> None:
    s = anoniem()
    _contact(s.client, onderwerp="Eigen contact")
    _contact(make_client(), onderwerp="Contact van een ander")
    make_signaal(s.client, bron=Bron.MELDER, bron_naam="Jan")
    partner = make_signaal(s.client, bron_naam="UWV")
    page = _as(handhaver).get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    assert "Welke bron bevestigt de melding?" in page
    assert '<optgroup label="Contactmomenten">' in page and "Eigen contact" in page
    assert "Contact van een ander" not in page
    assert f'value="signaal:{partner.pk}"' in page
    assert f'value="signaal:{s.pk}"' not in page
    assert page.count('value="signaal:') == 1  # not the anonymous report, not the named resident


def test_a_direct_request_on_a_client_whose_only_ground_is_an_anonymous_tip_needs_a_source(
    handhaver, anoniem
) -> None:
    """The other road: requesting an investigation directly on the client asked nothing."""
    s = anoniem()
    with pytest.raises(ValidationError) as exc:
        oservices.onderzoek_vraag_aan(
            user=handhaver, client=s.client, aanleiding="lopende_uitkering", vraag=MELDING
        )
    assert exc.value.message_dict == {
        "bevestiging_bron": [GEEN_BRON],
        "bevestiging_uitleg": ["Schrijf kort op wat deze bron bevestigt van de melding."],
    }
    assert not Onderzoek.objects.exists()
    contact = _contact(s.client)
    onderzoek = oservices.onderzoek_vraag_aan(
        user=handhaver,
        client=s.client,
        aanleiding="lopende_uitkering",
        vraag=MELDING,
        bevestiging_bron=f"contactmoment:{contact.pk}",
        bevestiging_uitleg="Cliënt noemde zelf een vriend die blijft slapen.",
    )
    b = Bevestiging.objects.get(signaal=s)
    assert (b.contactmoment, b.onderzoek_ref) == (contact, onderzoek.nummer)
    page = _as(handhaver).get(reverse("onderzoek:detail", args=[onderzoek.pk])).content.decode()
    assert "Cliënt noemde zelf een vriend die blijft slapen." in page
    assert f"bij de aanvraag van onderzoek {onderzoek.nummer}" in page


def test_the_request_page_asks_for_the_source_when_the_only_ground_is_anonymous(
    handhaver, anoniem
) -> None:
    s = anoniem()
    url = reverse("onderzoek:aanvragen", args=[s.client.clientnummer])
    page = _as(handhaver).get(url).content.decode()
    assert "Deze cliënt heeft alleen anonieme meldingen openstaan" in page
    assert "Welke bron bevestigt de anonieme melding?" in page
    response = _as(handhaver).post(url, {"aanleiding": "lopende_uitkering", "vraag": MELDING})
    assert response.status_code == 400 and GEEN_BRON in response.content.decode()
    assert not Onderzoek.objects.exists()


def test_a_request_with_a_known_source_open_or_no_signal_at_all_asks_nothing(
    make_user, make_client, make_signaal, anoniem
) -> None:
    consulent = make_user("inkomensconsulent", "Waalwijk")
    zonder_signaal = make_client(consulent=consulent)
    met_partner = anoniem(make_client(consulent=consulent)).client
    make_signaal(met_partner)
    for client in (zonder_signaal, met_partner):
        oservices.onderzoek_vraag_aan(
            user=consulent, client=client, aanleiding="lopende_uitkering", vraag="Werkt de cliënt?"
        )
    assert Onderzoek.objects.count() == 2
    assert not Bevestiging.objects.exists()
    page = (
        _as(consulent)
        .get(reverse("onderzoek:aanvragen", args=[zonder_signaal.clientnummer]))
        .content.decode()
    )
    assert "bevestiging_bron" not in page


def test_an_investigation_on_an_anonymous_signal_is_refused_without_corroboration_at_the_service(
    handhaver, anoniem
) -> None:
    """The request service applies the rule itself, also on the signal road."""
    s = anoniem()
    with pytest.raises(ValidationError) as exc:
        oservices.onderzoek_vraag_aan(
            user=handhaver, client=s.client, aanleiding="signaal", vraag=MELDING, signaal_id=s.pk
        )
    assert exc.value.message_dict["bevestiging_bron"] == [GEEN_BRON]


def test_a_corroboration_without_a_source_reference_still_shows(handhaver, anoniem) -> None:
    """Rows from the old free-text field have no reference; the pages must not break on them."""
    s = anoniem()
    _triage_onderzoek(
        handhaver,
        s,
        bevestiging_bron=f"contactmoment:{_contact(s.client).pk}",
        bevestiging_uitleg="Oude tekst zonder bron.",
    )
    Bevestiging.objects.update(contactmoment=None)
    page = _as(handhaver).get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    assert "geen verwijzing vastgelegd" in page and "Oude tekst zonder bron." in page
    onderzoek = Onderzoek.objects.get(signaal_id=s.pk)
    assert _as(handhaver).get(reverse("onderzoek:detail", args=[onderzoek.pk])).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_old_free_text_as_the_explanation(
    make_user, make_client, gemeenten
) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("signalen", "0004_overgang_uit_verloop")])
    oud = executor.loader.project_state([("signalen", "0004_overgang_uit_verloop")]).apps
    user = make_user("handhaver", "Waalwijk")
    client = make_client()
    OudSignaal = oud.get_model("signalen", "Signaal")
    s = OudSignaal.objects.create(
        bron="melder",
        bron_naam="inwoner",
        product="huishouden",
        datum=timezone.localdate(),
        client_id=client.pk,
        status="onderzoek",
        anoniem=True,
        ontvangen_op=timezone.now(),
        termijn=timezone.localdate(),
    )
    oud.get_model("signalen", "Triagebesluit").objects.create(
        signaal_id=s.pk,
        uitkomst="onderzoek",
        reden="bevestigd",
        toelichting="Oud besluit.",
        bevestiging="BRP toont sinds maart een tweede volwassene.",
        door_id=user.pk,
        tijdstip=timezone.now(),
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    b = Bevestiging.objects.get(signaal_id=s.pk)
    assert (b.uitleg, b.heeft_bron, b.door_id) == (
        "BRP toont sinds maart een tweede volwassene.",
        False,
        user.pk,
    )
    assert Signaal.objects.get(pk=s.pk).triagebesluit.toelichting == "Oud besluit."
