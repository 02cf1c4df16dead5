# SPDX-License-Identifier: EUPL-1.2
"""Every write to client data: one function per business action, checked, validated, atomic and audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Contactmoment, Kanaal
from naleving.clienten.selectors import may
from naleving.core.locking import update_versioned
from naleving.core.postcode import normalize_postcode


@dataclass(frozen=True)
class AdresWijziging:
    straat: str
    huisnummer: str
    postcode: str
    woonplaats: str


def client_wijzig_adres(
    *, user: User, client: Client, versie: int, adres: AdresWijziging
) -> Client:
    if not may(user, "client.wijzigen", client):
        raise PermissionDenied(
            "Alleen de inkomensconsulent van deze cliënt kan het adres wijzigen."
        )
    changes = {
        "straat": _required(adres.straat, "straat"),
        "huisnummer": _required(adres.huisnummer, "huisnummer"),
        "postcode": normalize_postcode(adres.postcode),
        "woonplaats": _required(adres.woonplaats, "woonplaats"),
    }
    with transaction.atomic():
        changed = update_versioned(client, expected_version=versie, changes=changes)
        audit_log(
            user=user, actie=Actie.WIJZIGEN, obj=client, velden=changed, reden="Adres gewijzigd"
        )
    return client


def contactmoment_vastleggen(
    *,
    user: User,
    client: Client,
    kanaal: str,
    onderwerp: str,
    tekst: str,
    tijdstip: datetime | None = None,
) -> Contactmoment:
    if not may(user, "contactmoment.toevoegen", client):
        raise PermissionDenied("U mag geen contactmoment vastleggen voor deze cliënt.")
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies een kanaal uit de lijst."})
    moment = tijdstip or timezone.now()
    if moment > timezone.now():
        raise ValidationError({"tijdstip": "Een contactmoment kan niet in de toekomst liggen."})
    with transaction.atomic():
        contact = Contactmoment.objects.create(
            client=client,
            tijdstip=moment,
            kanaal=kanaal,
            onderwerp=_required(onderwerp, "onderwerp"),
            tekst=_required(tekst, "tekst"),
            medewerker=user,
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=contact,
            client=client,
            velden={"kanaal": kanaal, "onderwerp": contact.onderwerp},
        )
    return contact


def _required(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: f"Vul {field} in."})
    return value
