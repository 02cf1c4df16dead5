# SPDX-License-Identifier: EUPL-1.2
"""The log keeps of a client its id and its number, and knows no model of the apps above it (design.md §2:
audit is part of the ground floor; the import contract in pyproject.toml keeps it so)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import timezone

from naleving.accounts.models import Gemeente
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Contactmoment, Kanaal


@pytest.mark.django_db
def test_any_object_with_an_id_and_a_client_number_names_the_client() -> None:
    entry = audit_log(
        user=None,
        actie=Actie.SYSTEEM,
        object_type="test",
        client=SimpleNamespace(pk=7, clientnummer="C0000007"),
    )
    assert (entry.client_id, entry.clientnummer) == (7, "C0000007")


@pytest.mark.django_db
def test_the_client_itself_and_an_object_of_the_client_both_name_the_client(
    make_client, make_user
) -> None:
    client = make_client()
    zelf = audit_log(user=None, actie=Actie.BEKIJKEN, obj=client)
    contact = Contactmoment.objects.create(
        client=client,
        medewerker=make_user("inkomensconsulent"),
        tijdstip=timezone.now(),
        kanaal=Kanaal.TELEFOON,
        onderwerp="Afspraak",
        tekst="Gebeld over de afspraak.",
    )
    via = audit_log(user=None, actie=Actie.AANMAKEN, obj=contact)
    assert (zelf.client_id, zelf.clientnummer) == (client.pk, client.clientnummer)
    assert (via.client_id, via.clientnummer) == (client.pk, client.clientnummer)
    assert (via.object_type, via.object_id) == ("clienten.contactmoment", str(contact.pk))


@pytest.mark.django_db
def test_an_object_without_a_client_names_none(gemeenten) -> None:
    entry = audit_log(user=None, actie=Actie.WIJZIGEN, obj=Gemeente.objects.first())
    assert (entry.client_id, entry.clientnummer) == (None, "")
