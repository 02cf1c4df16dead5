# SPDX-License-Identifier: EUPL-1.2
"""Least privilege: the permission matrix per role and municipality (design.md §1; domain.md §1, §9)."""

from __future__ import annotations

import pytest
from django.db.models import Q

from naleving.accounts import permissions
from naleving.clienten import selectors as client_selectors
from naleving.clienten.selectors import clients_in_scope, may

ROLLEN = [
    "inkomensconsulent",
    "trajectbegeleider",
    "handhaver",
    "teamleider",
    "beleidsmedewerker",
    "beheerder",
    "privacy",
]

#: action -> roles that hold it by default (migration accounts/0002_rollen)
MATRIX = {
    "client.zoeken": {"inkomensconsulent", "trajectbegeleider", "handhaver", "teamleider"},
    "client.bekijken": {"inkomensconsulent", "trajectbegeleider", "handhaver", "teamleider"},
    "client.wijzigen": {"inkomensconsulent"},
    "client.toewijzen": {"teamleider"},
    "contactmoment.toevoegen": {"inkomensconsulent", "trajectbegeleider"},
    "audit.bekijken": {"privacy"},
    "bewaren.bekijken": {"privacy"},
    "bewaren.bewaarstop": {"beheerder"},
    "audit.exporteren": {"privacy"},
    "rapportage.bekijken": {"beleidsmedewerker"},
    "beheer.gebruikers": {"beheerder"},
    # accounts/migrations/0004_rechten_goedkeuren
    "rechten.goedkeuren": {"privacy"},
    "onderzoek.aanvragen": {"inkomensconsulent", "handhaver"},
    "onderzoek.bekijken": {"inkomensconsulent", "handhaver", "teamleider"},
    "onderzoek.toewijzen": {"teamleider"},
    "onderzoek.uitvoeren": {"handhaver"},
    "onderzoek.reviewen": {"teamleider"},
    # naleving.preventie (migration preventie/0003_rechten)
    "preventie.informeren": {"inkomensconsulent", "trajectbegeleider"},
    "preventie.melding_vastleggen": {"inkomensconsulent", "trajectbegeleider"},
    "preventie.inbox": {"inkomensconsulent", "teamleider"},
    "preventie.campagnes": {"beleidsmedewerker"},
    "preventie.catalogus_beheren": {"beheerder"},
    # signalen/migrations/0002_rechten
    "signaal.registreren": {"inkomensconsulent", "trajectbegeleider", "handhaver", "teamleider"},
    "signaal.triageren": {"handhaver"},
    "signaal.importeren": {"teamleider"},
    "signaal.overzicht": {"teamleider"},
    "taak.afronden": {"inkomensconsulent"},
    "besluit.bekijken": {"inkomensconsulent", "trajectbegeleider", "teamleider"},
    "besluit.nemen": {"inkomensconsulent"},
    "besluit.reviewen": {"teamleider"},
    "besluit.bezwaar": {"inkomensconsulent"},
    "vordering.beheren": {"inkomensconsulent"},
    "vordering.exporteren": {"teamleider", "beleidsmedewerker"},
    "sjabloon.beheren": {"beheerder"},
    # beleid/migrations/0002_rechten
    "beleid.plannen": {"beleidsmedewerker"},
}


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("actie", sorted(MATRIX))
def test_role_grants_exactly_its_actions(make_user, rol: str, actie: str) -> None:
    assert permissions.has_right(make_user(rol), actie) == (rol in MATRIX[actie])


def test_every_action_in_the_matrix_is_known() -> None:
    assert set(MATRIX) == set(permissions.ACTIES)


@pytest.mark.parametrize("rol", ["inkomensconsulent", "trajectbegeleider", "teamleider"])
def test_staff_see_only_clients_of_their_municipalities(make_user, make_client, rol: str) -> None:
    user = make_user(rol, "Heusden")
    own = make_client("Heusden")
    other = make_client("Waalwijk")
    assert list(clients_in_scope(user=user)) == [own]
    assert may(user, "client.bekijken", own) is True
    assert may(user, "client.bekijken", other) is False


@pytest.mark.parametrize("rol", ["beleidsmedewerker", "beheerder", "privacy"])
def test_roles_without_casework_see_no_client(make_user, make_client, rol: str) -> None:
    user = make_user(rol, "Waalwijk", "Heusden", "Loon op Zand")
    client = make_client("Waalwijk")
    assert clients_in_scope(user=user).count() == 0
    assert may(user, "client.bekijken", client) is False


def test_only_the_consultant_who_owns_the_case_may_change_it(make_user, make_client) -> None:
    owner = make_user("inkomensconsulent")
    colleague = make_user("inkomensconsulent")
    client = make_client(consulent=owner)
    assert may(owner, "client.wijzigen", client) is True
    assert may(colleague, "client.wijzigen", client) is False
    assert may(colleague, "contactmoment.toevoegen", client) is True


def test_handhaver_sees_a_client_only_with_a_registered_ground(
    make_user, make_client, monkeypatch
) -> None:
    handhaver = make_user("handhaver")
    with_ground = make_client()
    without = make_client()
    assert may(handhaver, "client.bekijken", with_ground) is False
    monkeypatch.setattr(client_selectors, "_client_grounds", [lambda user: Q(pk=with_ground.pk)])
    assert list(clients_in_scope(user=handhaver)) == [with_ground]
    assert may(handhaver, "client.bekijken", without) is False


def test_inactive_or_anonymous_users_have_no_rights(make_user) -> None:
    from django.contrib.auth.models import AnonymousUser

    user = make_user("inkomensconsulent")
    user.is_active = False
    assert permissions.has_right(user, "client.bekijken") is False
    assert permissions.has_right(AnonymousUser(), "client.bekijken") is False


def test_an_unknown_action_is_a_programming_error(make_user) -> None:
    with pytest.raises(ValueError, match="onbekende actie"):
        permissions.has_right(make_user("privacy"), "client.verwijderen")
