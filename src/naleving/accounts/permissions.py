# SPDX-License-Identifier: EUPL-1.2
"""The rights question: does user U's role grant action A? Roles are data (Rol.rechten); ACTIES lists every
action a role can be granted.

The question about an object — is its client inside the user's scope — is answered one floor up, in
`naleving.clienten.selectors`; its `may(user, action, obj)` asks `has_right` first and is the one entrance
for every question about an object. A question without an object is `has_right` alone.
"""

from __future__ import annotations

from typing import Any

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


def has_right(user: Any, action: str) -> bool:
    if action not in ACTIES:
        raise ValueError(f"onbekende actie: {action}")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    rol = user.rol
    return rol is not None and action in rol.rechten
