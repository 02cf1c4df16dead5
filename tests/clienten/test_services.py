# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.clienten.models import Client, Contactmoment
from naleving.clienten.services import AdresWijziging, client_wijzig_adres, contactmoment_vastleggen
from naleving.core.locking import VerouderdeVersie

NIEUW = AdresWijziging(
    straat="Grotestraat", huisnummer="3a", postcode="5141ab", woonplaats="Waalwijk"
)


def test_address_change_is_saved_versioned_and_audited(make_user, make_client) -> None:
    owner = make_user("inkomensconsulent")
    client = make_client(consulent=owner)
    client_wijzig_adres(user=owner, client=client, versie=1, adres=NIEUW)
    stored = Client.objects.get(pk=client.pk)
    assert (stored.straat, stored.huisnummer, stored.postcode, stored.versie) == (
        "Grotestraat",
        "3a",
        "5141 AB",
        2,
    )
    entry = AuditEntry.objects.get(actie="wijzigen")
    assert entry.client_id == client.pk
    assert entry.velden == {
        "straat": ["Kerkstraat", "Grotestraat"],
        "huisnummer": ["12", "3a"],
    }


def test_a_stale_edit_is_refused_and_nothing_is_lost(make_user, make_client) -> None:
    """Optimistic locking: two people open the form at version 1; the second save is refused."""
    owner = make_user("inkomensconsulent")
    client = make_client(consulent=owner)
    first_view = Client.objects.get(pk=client.pk)
    second_view = Client.objects.get(pk=client.pk)
    client_wijzig_adres(user=owner, client=first_view, versie=1, adres=NIEUW)
    with pytest.raises(VerouderdeVersie) as err:
        client_wijzig_adres(
            user=owner,
            client=second_view,
            versie=1,
            adres=AdresWijziging(
                straat="Molenstraat", huisnummer="9", postcode="5141 AB", woonplaats="Waalwijk"
            ),
        )
    assert "Iemand anders heeft deze gegevens gewijzigd" in err.value.bericht
    assert Client.objects.get(pk=client.pk).straat == "Grotestraat"
    assert AuditEntry.objects.filter(actie="wijzigen").count() == 1


def test_invalid_postcode_saves_nothing(make_user, make_client) -> None:
    owner = make_user("inkomensconsulent")
    client = make_client(consulent=owner)
    bad = AdresWijziging(
        straat="Grotestraat", huisnummer="3", postcode="0141 AB", woonplaats="Waalwijk"
    )
    with pytest.raises(ValidationError) as err:
        client_wijzig_adres(user=owner, client=client, versie=1, adres=bad)
    assert err.value.message_dict == {
        "postcode": ["Vul een Nederlandse postcode in, zoals 5141 AB."]
    }
    assert Client.objects.get(pk=client.pk).versie == 1
    assert not AuditEntry.objects.filter(actie="wijzigen").exists()


def test_a_colleague_cannot_change_the_address(make_user, make_client) -> None:
    client = make_client(consulent=make_user("inkomensconsulent"))
    with pytest.raises(PermissionDenied):
        client_wijzig_adres(
            user=make_user("inkomensconsulent"), client=client, versie=1, adres=NIEUW
        )


def test_contact_moment_is_recorded_and_audited(make_user, make_client) -> None:
    user = make_user("trajectbegeleider")
    client = make_client()
    contact = contactmoment_vastleggen(
        user=user, client=client, kanaal="telefoon", onderwerp="Werk", tekst="Gebeld"
    )
    assert Contactmoment.objects.get().medewerker == user
    assert (
        AuditEntry.objects.filter(
            actie="aanmaken", object_id=str(contact.pk), client_id=client.pk
        ).count()
        == 1
    )


def test_contact_moment_in_the_future_is_refused(make_user, make_client) -> None:
    with pytest.raises(ValidationError) as err:
        contactmoment_vastleggen(
            user=make_user("inkomensconsulent"),
            client=make_client(),
            kanaal="balie",
            onderwerp="x",
            tekst="y",
            tijdstip=timezone.now() + timedelta(days=1),
        )
    assert err.value.message_dict == {
        "tijdstip": ["Een contactmoment kan niet in de toekomst liggen."]
    }
    assert not Contactmoment.objects.exists()
