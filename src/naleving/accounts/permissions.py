# SPDX-License-Identifier: EUPL-1.2
"""The one place that answers "may user U do action A (on object O)?".

Three questions, in this order: does the user's role grant the action (roles are data: Rol.rechten); is the
object inside the user's municipalities; and, for roles that need a ground (handhaver), is there one — an open
signal or investigation registered by the app that owns it. Views and APIs call `may`/`require`, list pages
narrow their querysets with `clients_in_scope`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

if TYPE_CHECKING:
    from naleving.accounts.models import User
    from naleving.clienten.models import Client

#: Every action a role can be granted, with its Dutch description (shown to the functioneel beheerder).
ACTIES: dict[str, str] = {
    "client.zoeken": "Cliënten zoeken",
    "client.bekijken": "Cliëntdossier inzien",
    "client.wijzigen": "Gegevens van een cliënt wijzigen (alleen als eigen casus)",
    "client.toewijzen": "Cliënten toewijzen aan een inkomensconsulent",
    "contactmoment.toevoegen": "Contactmoment vastleggen",
    "audit.bekijken": "Toegangslog (audit) inzien",
    "audit.exporteren": "Toegangslog exporteren",
    "rapportage.bekijken": "Geaggregeerde cijfers inzien (geen persoonsgegevens)",
    "beheer.gebruikers": "Medewerkers, rollen en gemeenten beheren",
    "onderzoek.aanvragen": "Een onderzoek aanvragen (bij een aanvraag, tijdens de uitkering of op een signaal)",
    "onderzoek.bekijken": "Onderzoeken inzien (de stand, het rapport en het advies)",
    "onderzoek.toewijzen": "Onderzoeken toewijzen aan een handhaver",
    "onderzoek.uitvoeren": "Onderzoek uitvoeren: plan, activiteiten, bewijs, rapport (alleen als toegewezen)",
    "onderzoek.reviewen": "Rapporten van onderzoek beoordelen",
    "signaal.registreren": "Signaal of waarneming vastleggen vanuit het cliëntdossier",
    "signaal.triageren": "Signalen beoordelen (triage), koppelen en bijlagen inzien",
    "signaal.importeren": "Batchbestanden met signalen van ketenpartners inlezen",
    "signaal.overzicht": "Wachtrij en cijfers van signalen per gemeente inzien",
    "taak.afronden": "Taken uit de triage afronden",
    "besluit.bekijken": "Besluiten inzien (advies, motivering, beschikking)",
    "besluit.nemen": "Een besluit nemen: sanctie, terugvordering, Omgekeerde Toets, beschikking",
    "besluit.reviewen": "Vier-ogencontrole op boetebesluiten",
    "besluit.bezwaar": "Bezwaar tegen een besluit vastleggen en behandelen",
    "vordering.beheren": "Vorderingen en betalingsregelingen beheren",
    "vordering.exporteren": "Maandelijkse CBS-levering van vorderingen maken (zonder persoonsgegevens)",
    "sjabloon.beheren": "Briefsjablonen beheren (nieuwe versies)",
    "rechten.goedkeuren": (
        "Verzoeken om rechten op persoonsgegevens goedkeuren of afwijzen (tweede persoon)"
    ),
}

#: Rights the functioneel beheerder may grant at once: they open no personal data, not directly and not by
#: deciding who gets rights. Every other action opens personal data (AVG art. 5 lid 1 sub f, art. 32:
#: least privilege) and granting it needs a second person (accounts.services, Rechtenverzoek):
#: client.*, contactmoment.* (the client file); audit.* (the log names clients and staff); onderzoek.*,
#: signaal.* (incl. the queue of signaal.overzicht and the partner files of signaal.importeren), taak.afronden;
#: besluit.*, vordering.beheren (decisions and claims about a person); preventie.informeren,
#: preventie.melding_vastleggen, preventie.inbox (residents' change reports); and beheer.gebruikers and
#: rechten.goedkeuren, which decide who sees personal data. An action that is added later counts as personal
#: data until it is listed here: the safe default.
VRIJ_TOE_TE_KENNEN: frozenset[str] = frozenset(
    {
        "rapportage.bekijken",  # aggregates only
        "vordering.exporteren",  # the CBS delivery, without personal data
        "sjabloon.beheren",  # letter templates, no letters
        "preventie.campagnes",  # campaigns and their reach in numbers
        "preventie.catalogus_beheren",  # the catalogue of obligations
        "beleid.plannen",  # the execution plan
    }
)


def opent_persoonsgegevens(action: str) -> bool:
    """Whether granting this action needs a second person (see VRIJ_TOE_TE_KENNEN)."""
    if action not in ACTIES:
        raise ValueError(f"onbekende actie: {action}")
    return action not in VRIJ_TOE_TE_KENNEN


#: Roles whose access to a client needs a ground (an open signal or investigation of their team).
_ClientGround = Callable[["User"], Q]
_client_grounds: list[_ClientGround] = []


def register_client_ground(ground: _ClientGround) -> None:
    """An app that gives staff a reason to see a client (a signal, an investigation) registers a Q here.

    The Q is evaluated against the Client model for the given user; a client is in scope for a role that needs
    a ground when any registered Q matches.
    """
    if ground not in _client_grounds:
        _client_grounds.append(ground)


def has_right(user: Any, action: str) -> bool:
    if action not in ACTIES:
        raise ValueError(f"onbekende actie: {action}")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    rol = user.rol
    return rol is not None and action in rol.rechten


def clients_in_scope(user: User, queryset: QuerySet[Client] | None = None) -> QuerySet[Client]:
    """The clients this user may see at all: their municipalities, and for some roles only with a ground."""
    from naleving.clienten.models import Client

    qs = queryset if queryset is not None else Client.objects.all()
    if not has_right(user, "client.bekijken"):
        return qs.none()
    qs = qs.filter(gemeente__in=user.gemeenten.all())
    if user.rol is not None and user.rol.toegang_op_grond:
        grounds = Q(pk__in=[])
        for ground in _client_grounds:
            grounds |= ground(user)
        qs = qs.filter(grounds)
    return qs


def may(user: User, action: str, obj: Any = None) -> bool:
    if not has_right(user, action):
        return False
    if obj is None:
        return True
    from naleving.clienten.models import Client

    client = obj if isinstance(obj, Client) else getattr(obj, "client", None)
    if client is None:
        return True
    if not clients_in_scope(user).filter(pk=client.pk).exists():
        return False
    if action == "client.wijzigen":
        # The consultant who owns the case keeps its direction (eindregie); colleagues record contact moments.
        return client.consulent_id == user.pk
    return True
