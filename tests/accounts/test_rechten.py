# SPDX-License-Identifier: EUPL-1.2
"""Changing rights (accounts.services): in the audit chain, never on oneself, four eyes for personal data.

AVG art. 5 lid 1 sub f and art. 32 (integrity, confidentiality: least privilege and control of who grants
access); design.md §1 (the functioneel beheerder sees no client data)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from naleving.accounts import permissions, services
from naleving.accounts.models import Rechtenverzoek, Rol, User
from naleving.audit.models import Actie, AuditEntry
from naleving.audit.selectors import verify_chain


def _rolgegevens(rol: Rol, **changes: object) -> services.Rolgegevens:
    values: dict[str, object] = {
        "code": rol.code,
        "naam": rol.naam,
        "omschrijving": rol.omschrijving,
        "rechten": list(rol.rechten),
        "toegang_op_grond": rol.toegang_op_grond,
    }
    values.update(changes)
    return services.Rolgegevens(**values)  # type: ignore[arg-type]


def _account(user: User, **changes: object) -> services.Accountrechten:
    values: dict[str, object] = {
        "rol": user.rol,
        "gemeenten": list(user.gemeenten.all()),
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }
    values.update(changes)
    return services.Accountrechten(**values)  # type: ignore[arg-type]


@pytest.fixture
def beheerder(make_user) -> User:
    user = make_user("beheerder", "Waalwijk", "Heusden", "Loon op Zand", username="bea")
    user.is_staff = True
    user.save()
    return user


def test_every_freely_grantable_right_is_a_known_action() -> None:
    """The list next to ACTIES names only real actions; everything not on it needs a second person."""
    assert set(permissions.ACTIES) >= permissions.VRIJ_TOE_TE_KENNEN
    assert permissions.opent_persoonsgegevens("client.bekijken") is True
    assert permissions.opent_persoonsgegevens("audit.bekijken") is True
    assert permissions.opent_persoonsgegevens("beheer.gebruikers") is True
    assert permissions.opent_persoonsgegevens("rapportage.bekijken") is False


def test_beheerder_cannot_add_client_bekijken_to_own_role_in_beheer(client, beheerder) -> None:
    """The hole: in /beheer/ the beheerder ticked client.bekijken on his own role and could read files."""
    client.force_login(beheerder)
    url = reverse("admin:accounts_rol_change", args=["beheerder"])
    rol = Rol.objects.get(code="beheerder")
    response = client.post(
        url,
        {
            "code": "beheerder",
            "naam": rol.naam,
            "omschrijving": rol.omschrijving,
            "rechten": [*rol.rechten, "client.bekijken", "audit.bekijken"],
        },
    )
    assert response.status_code == 200
    assert "want u hebt die rol zelf" in response.content.decode()
    rol.refresh_from_db()
    assert "client.bekijken" not in rol.rechten
    assert "audit.bekijken" not in rol.rechten
    refusal = AuditEntry.objects.get(actie=Actie.GEWEIGERD, object_type="accounts.rol")
    assert (refusal.gebruiker, refusal.object_id) == ("bea", "beheerder")
    assert Rechtenverzoek.objects.count() == 0


def test_beheerder_cannot_change_own_account_rights(beheerder) -> None:
    """No other role, no more municipalities, no superuser status for oneself: refused and logged."""
    consulent = Rol.objects.get(code="inkomensconsulent")
    for change in (
        {"rol": consulent},
        {"gemeenten": []},
        {"is_superuser": True},
        {"is_active": False},
    ):
        with pytest.raises(services.RechtenGeweigerd, match="uw eigen rol"):
            services.medewerker_rechten_wijzigen(
                door=beheerder, medewerker=beheerder, nieuw=_account(beheerder, **change)
            )
    beheerder.refresh_from_db()
    assert beheerder.rol_id == "beheerder" and not beheerder.is_superuser
    assert (
        AuditEntry.objects.filter(actie=Actie.GEWEIGERD, object_id=str(beheerder.pk)).count() == 4
    )


def test_own_account_in_beheer_refuses_a_new_role(client, beheerder) -> None:
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:accounts_user_change", args=[beheerder.pk]),
        {
            "username": "bea",
            "rol": "inkomensconsulent",
            "gemeenten": [g.pk for g in beheerder.gemeenten.all()],
            "is_active": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 200
    assert (
        "U kunt uw eigen rol, gemeenten en accountstatus niet wijzigen" in response.content.decode()
    )
    beheerder.refresh_from_db()
    assert beheerder.rol_id == "beheerder"


def test_a_change_of_rights_lands_in_the_audit_chain_with_from_and_to(beheerder) -> None:
    rol = Rol.objects.get(code="beleidsmedewerker")
    before = list(rol.rechten)
    rol, uitkomst = services.rol_opslaan(
        door=beheerder, rol=rol, gegevens=_rolgegevens(rol, rechten=[*before, "sjabloon.beheren"])
    )
    assert uitkomst.verzoek is None
    assert rol.rechten == [*before, "sjabloon.beheren"]
    entry = AuditEntry.objects.get(object_type="accounts.rol", actie=Actie.WIJZIGEN)
    assert entry.gebruiker == "bea"
    assert entry.object_id == "beleidsmedewerker"
    assert entry.velden == {"rechten": {"van": before, "naar": [*before, "sjabloon.beheren"]}}
    assert verify_chain().ok is True


def test_a_personal_data_right_needs_a_second_person(beheerder) -> None:
    rol = Rol.objects.get(code="beleidsmedewerker")
    before = list(rol.rechten)
    rol, uitkomst = services.rol_opslaan(
        door=beheerder,
        rol=rol,
        gegevens=_rolgegevens(rol, rechten=[*before, "client.bekijken", "beleid.plannen"]),
    )
    rol.refresh_from_db()
    assert "client.bekijken" not in rol.rechten
    verzoek = uitkomst.verzoek
    assert verzoek is not None
    assert (verzoek.status, verzoek.rol_id, verzoek.wijziging) == (
        Rechtenverzoek.Status.OPEN,
        "beleidsmedewerker",
        {"rechten": ["client.bekijken"]},
    )
    logged = AuditEntry.objects.get(object_type="accounts.rechtenverzoek", actie=Actie.AANMAKEN)
    assert logged.velden == {"wijziging": {"rechten": ["client.bekijken"]}, "status": "open"}


def test_the_requester_cannot_approve_their_own_request(beheerder) -> None:
    rol = Rol.objects.get(code="beleidsmedewerker")
    _rol, uitkomst = services.rol_opslaan(
        door=beheerder, rol=rol, gegevens=_rolgegevens(rol, rechten=[*rol.rechten, "client.zoeken"])
    )
    assert uitkomst.verzoek is not None
    with pytest.raises(services.RechtenGeweigerd, match="uw eigen verzoek"):
        services.rechtenverzoek_beslissen(door=beheerder, verzoek=uitkomst.verzoek, goedkeuren=True)
    uitkomst.verzoek.refresh_from_db()
    assert uitkomst.verzoek.status == Rechtenverzoek.Status.OPEN
    assert "client.zoeken" not in Rol.objects.get(code="beleidsmedewerker").rechten
    assert AuditEntry.objects.filter(
        actie=Actie.GEWEIGERD, object_type="accounts.rechtenverzoek"
    ).exists()


def test_the_privacy_officer_approves_and_only_then_the_right_applies(beheerder, make_user) -> None:
    privacy = make_user("privacy", username="pieter")
    rol = Rol.objects.get(code="beleidsmedewerker")
    before = list(rol.rechten)
    _rol, uitkomst = services.rol_opslaan(
        door=beheerder, rol=rol, gegevens=_rolgegevens(rol, rechten=[*before, "client.zoeken"])
    )
    assert uitkomst.verzoek is not None
    verzoek = services.rechtenverzoek_beslissen(
        door=privacy,
        verzoek=uitkomst.verzoek,
        goedkeuren=True,
        toelichting="Nodig voor de evaluatie.",
    )
    assert (verzoek.status, verzoek.beslist_door) == (Rechtenverzoek.Status.GOEDGEKEURD, privacy)
    assert Rol.objects.get(code="beleidsmedewerker").rechten == [*before, "client.zoeken"]
    decision = AuditEntry.objects.filter(
        object_type="accounts.rechtenverzoek", actie=Actie.WIJZIGEN
    ).get()
    assert decision.gebruiker == "pieter"
    assert decision.velden["status"] == {"van": "open", "naar": "goedgekeurd"}
    applied = AuditEntry.objects.filter(object_type="accounts.rol", gebruiker="pieter").get()
    assert applied.velden == {"rechten": {"van": before, "naar": [*before, "client.zoeken"]}}
    assert verify_chain().ok is True


def test_withdrawing_a_right_applies_at_once(beheerder) -> None:
    rol = Rol.objects.get(code="inkomensconsulent")
    assert "client.wijzigen" in rol.rechten
    rechten = [r for r in rol.rechten if r != "client.wijzigen"]
    rol, uitkomst = services.rol_opslaan(
        door=beheerder, rol=rol, gegevens=_rolgegevens(rol, rechten=rechten)
    )
    assert uitkomst.verzoek is None
    assert "client.wijzigen" not in Rol.objects.get(code="inkomensconsulent").rechten
    assert uitkomst.toegepast["rechten"]["naar"] == rechten


def test_giving_a_user_a_role_with_personal_data_waits_for_a_second_person(
    beheerder, make_user
) -> None:
    """No sock puppet: an account given the consultant role cannot read files before approval."""
    medewerker = make_user("beleidsmedewerker", username="bart")
    consulent = Rol.objects.get(code="inkomensconsulent")
    uitkomst = services.medewerker_rechten_wijzigen(
        door=beheerder, medewerker=medewerker, nieuw=_account(medewerker, rol=consulent)
    )
    medewerker.refresh_from_db()
    assert medewerker.rol_id == "beleidsmedewerker"
    assert uitkomst.verzoek is not None
    assert uitkomst.verzoek.wijziging == {
        "rol": "inkomensconsulent",
        "rol_was": "beleidsmedewerker",
    }
    tweede = make_user("beheerder", username="bram")
    services.rechtenverzoek_beslissen(door=tweede, verzoek=uitkomst.verzoek, goedkeuren=True)
    medewerker.refresh_from_db()
    assert medewerker.rol_id == "inkomensconsulent"
    entry = AuditEntry.objects.get(object_type="accounts.user", gebruiker="bram")
    assert entry.velden == {"rol": {"van": "beleidsmedewerker", "naar": "inkomensconsulent"}}


def test_extra_municipalities_wait_and_removing_a_role_is_immediate(beheerder, make_user) -> None:
    medewerker = make_user("handhaver", "Waalwijk", username="hanna")
    alle = list(beheerder.gemeenten.all())
    uitkomst = services.medewerker_rechten_wijzigen(
        door=beheerder, medewerker=medewerker, nieuw=_account(medewerker, gemeenten=alle)
    )
    assert uitkomst.verzoek is not None
    assert uitkomst.verzoek.wijziging == {"gemeenten": ["0797", "0809"]}
    assert [g.naam for g in medewerker.gemeenten.all()] == ["Waalwijk"]
    uitkomst = services.medewerker_rechten_wijzigen(
        door=beheerder, medewerker=medewerker, nieuw=_account(medewerker, rol=None, is_active=False)
    )
    medewerker.refresh_from_db()
    assert (medewerker.rol_id, medewerker.is_active, uitkomst.verzoek) == (None, False, None)
    assert uitkomst.toegepast == {
        "rol": {"van": "handhaver", "naar": None},
        "is_active": {"van": True, "naar": False},
    }


def test_an_approver_may_not_decide_on_a_request_for_their_own_role(beheerder, make_user) -> None:
    andere = make_user("beheerder", username="bram")
    privacy = make_user("privacy", username="pieter")
    rol = Rol.objects.get(code="privacy")
    _rol, uitkomst = services.rol_opslaan(
        door=andere, rol=rol, gegevens=_rolgegevens(rol, rechten=[*rol.rechten, "client.bekijken"])
    )
    assert uitkomst.verzoek is not None
    with pytest.raises(services.RechtenGeweigerd, match="de rol die u zelf hebt"):
        services.rechtenverzoek_beslissen(door=privacy, verzoek=uitkomst.verzoek, goedkeuren=True)
    services.rechtenverzoek_beslissen(
        door=beheerder, verzoek=uitkomst.verzoek, goedkeuren=False, toelichting="Niet nodig."
    )
    assert "client.bekijken" not in Rol.objects.get(code="privacy").rechten


def test_a_rejection_needs_a_reason_and_a_decision_is_final(beheerder, make_user) -> None:
    privacy = make_user("privacy")
    rol = Rol.objects.get(code="beleidsmedewerker")
    _rol, uitkomst = services.rol_opslaan(
        door=beheerder,
        rol=rol,
        gegevens=_rolgegevens(rol, rechten=[*rol.rechten, "audit.bekijken"]),
    )
    assert uitkomst.verzoek is not None
    with pytest.raises(ValidationError, match="waarom u het verzoek afwijst"):
        services.rechtenverzoek_beslissen(door=privacy, verzoek=uitkomst.verzoek, goedkeuren=False)
    services.rechtenverzoek_beslissen(
        door=privacy, verzoek=uitkomst.verzoek, goedkeuren=False, toelichting="Geen grond."
    )
    with pytest.raises(ValidationError, match="al beslist"):
        services.rechtenverzoek_beslissen(door=privacy, verzoek=uitkomst.verzoek, goedkeuren=True)
    assert "audit.bekijken" not in Rol.objects.get(code="beleidsmedewerker").rechten


def test_only_a_superuser_makes_someone_superuser(beheerder, make_user) -> None:
    medewerker = make_user("beleidsmedewerker")
    with pytest.raises(services.RechtenGeweigerd, match="Alleen een superuser"):
        services.medewerker_rechten_wijzigen(
            door=beheerder, medewerker=medewerker, nieuw=_account(medewerker, is_superuser=True)
        )
    medewerker.refresh_from_db()
    assert medewerker.is_superuser is False


def test_assigning_a_role_in_beheer_makes_a_request(client, beheerder, make_user) -> None:
    medewerker = make_user("beleidsmedewerker", username="bart")
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:accounts_user_change", args=[medewerker.pk]),
        {
            "username": "bart",
            "first_name": "Bart",
            "rol": "handhaver",
            "gemeenten": [g.pk for g in medewerker.gemeenten.all()],
            "is_active": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "wachten op goedkeuring door een tweede persoon" in response.content.decode()
    medewerker.refresh_from_db()
    assert (medewerker.rol_id, medewerker.first_name) == ("beleidsmedewerker", "Bart")
    verzoek = Rechtenverzoek.objects.get()
    assert verzoek.wijziging == {"rol": "handhaver", "rol_was": "beleidsmedewerker"}


def test_the_privacy_officer_decides_on_the_page(client, beheerder, make_user) -> None:
    privacy = make_user("privacy", username="pieter")
    medewerker = make_user("trajectbegeleider", username="tom")
    uitkomst = services.medewerker_rechten_wijzigen(
        door=beheerder,
        medewerker=medewerker,
        nieuw=_account(medewerker, rol=Rol.objects.get(code="handhaver")),
    )
    assert uitkomst.verzoek is not None
    client.force_login(privacy)
    lijst = client.get(reverse("rechten:verzoeken"))
    assert (
        "tom krijgt de rol &#x27;Handhaver&#x27; (nu: Trajectbegeleider)" in lijst.content.decode()
    )
    response = client.post(
        reverse("rechten:verzoek", args=[uitkomst.verzoek.pk]), {"besluit": "goedkeuren"}
    )
    assert response.status_code == 302
    medewerker.refresh_from_db()
    assert medewerker.rol_id == "handhaver"


def test_the_requester_sees_no_decision_form_and_a_post_is_refused(
    client, beheerder, make_user
) -> None:
    medewerker = make_user("trajectbegeleider", username="tom")
    uitkomst = services.medewerker_rechten_wijzigen(
        door=beheerder,
        medewerker=medewerker,
        nieuw=_account(medewerker, rol=Rol.objects.get(code="handhaver")),
    )
    assert uitkomst.verzoek is not None
    client.force_login(beheerder)
    url = reverse("rechten:verzoek", args=[uitkomst.verzoek.pk])
    assert "Dit is uw eigen verzoek" in client.get(url).content.decode()
    response = client.post(url, {"besluit": "goedkeuren"})
    assert response.status_code == 400
    assert "U kunt niet beslissen over uw eigen verzoek" in response.content.decode()
    medewerker.refresh_from_db()
    assert medewerker.rol_id == "trajectbegeleider"
