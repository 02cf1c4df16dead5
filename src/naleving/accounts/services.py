# SPDX-License-Identifier: EUPL-1.2
"""Every change of rights: a role's actions, a staff member's role, municipalities and account flags.

Three rules, for every caller (the /beheer/ admin, the command line, a test):
- each change is in the hash-chained audit log (who, from → to, when), in the transaction of the change;
- nobody changes the rights of a role they hold, nor their own role, municipalities or account flags;
- a grant that opens personal data (permissions.opent_persoonsgegevens) becomes a Rechtenverzoek that a second
  person approves: another user with beheer.gebruikers, or the privacy officer (rechten.goedkeuren). It applies
  only then. Withdrawing rights applies at once.
A refusal is logged before anything else happens, outside any transaction of this module, so it is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import Gemeente, Rechtenverzoek, Rol, User
from naleving.accounts.permissions import ACTIES, has_right, opent_persoonsgegevens
from naleving.audit.models import Actie
from naleving.audit.services import audit_log


class RechtenGeweigerd(PermissionDenied):
    """A change of rights that is not allowed; the message says why, in Dutch."""


@dataclass(frozen=True)
class Rolgegevens:
    code: str
    naam: str
    omschrijving: str
    rechten: list[str]
    toegang_op_grond: bool


@dataclass(frozen=True)
class Accountrechten:
    """The rights-bearing fields of a staff member."""

    rol: Rol | None
    gemeenten: list[Gemeente]
    is_active: bool
    is_staff: bool
    is_superuser: bool


@dataclass
class Uitkomst:
    """What applied at once (field -> {"van", "naar"}) and the request for what waits for a second person."""

    toegepast: dict[str, dict[str, Any]] = field(default_factory=dict)
    verzoek: Rechtenverzoek | None = None


# --- checks -------------------------------------------------------------------------------------------------


def _mag_beheren(user: User) -> bool:
    return user.is_superuser or has_right(user, "beheer.gebruikers")


def mag_beslissen(*, user: User) -> bool:
    """May decide on rights requests at all (the page and the admin use this too)."""
    return (
        user.is_superuser
        or has_right(user, "beheer.gebruikers")
        or has_right(user, "rechten.goedkeuren")
    )


def _weiger(*, door: User, object_type: str, object_id: str, reden: str) -> RechtenGeweigerd:
    audit_log(
        user=door,
        actie=Actie.GEWEIGERD,
        object_type=object_type,
        object_id=object_id[:64],
        reden=reden,
    )
    return RechtenGeweigerd(reden)


def rol_toets(*, door: User, rol: Rol | None) -> None:
    """Refuse (logged) when `door` may not change this role: no beheer right, or a role they hold."""
    object_id = rol.pk if rol is not None else ""
    if not _mag_beheren(door):
        raise _weiger(
            door=door,
            object_type="accounts.rol",
            object_id=object_id,
            reden="U mag geen rollen beheren: daarvoor is het recht 'beheer.gebruikers' nodig.",
        )
    if rol is not None and door.rol_id == rol.pk:
        raise _weiger(
            door=door,
            object_type="accounts.rol",
            object_id=object_id,
            reden=(
                f"U kunt de rechten van de rol '{rol.naam}' niet wijzigen, want u hebt die rol zelf. "
                "Vraag een andere functioneel beheerder om de wijziging."
            ),
        )


def medewerker_toets(
    *, door: User, medewerker: User | None, nieuw: Accountrechten | None = None
) -> None:
    """Refuse (logged) when `door` may not change this staff member's rights."""
    object_id = str(medewerker.pk) if medewerker is not None and medewerker.pk else ""

    def weiger(reden: str) -> RechtenGeweigerd:
        return _weiger(door=door, object_type="accounts.user", object_id=object_id, reden=reden)

    if not _mag_beheren(door):
        raise weiger(
            "U mag geen medewerkers beheren: daarvoor is het recht 'beheer.gebruikers' nodig."
        )
    if medewerker is not None and medewerker.pk == door.pk:
        raise weiger(
            "U kunt uw eigen rol, gemeenten en accountstatus niet wijzigen. "
            "Vraag een andere functioneel beheerder om de wijziging."
        )
    if door.is_superuser:
        return
    if medewerker is not None and medewerker.is_superuser:
        raise weiger("Alleen een superuser kan de rechten van een superuser wijzigen.")
    if nieuw is not None and nieuw.is_superuser:
        raise weiger("Alleen een superuser kan iemand superuser maken.")


# --- roles --------------------------------------------------------------------------------------------------


def _ordered(rights: Iterable[str]) -> list[str]:
    """Without duplicates, in the order given: existing rights keep their place, new ones come last."""
    return list(dict.fromkeys(rights))


def _opens_data(rights: Iterable[str]) -> bool:
    return any(opent_persoonsgegevens(code) for code in rights)


def rol_opslaan(*, door: User, rol: Rol | None, gegevens: Rolgegevens) -> tuple[Rol, Uitkomst]:
    """Create or change a role. Withdrawn rights and free rights apply at once; granted rights that open
    personal data, and dropping the need for a ground, wait for a second person."""
    rol_toets(door=door, rol=rol)
    unknown = sorted(set(gegevens.rechten) - set(ACTIES))
    if unknown:
        raise ValidationError({"rechten": f"Onbekende rechten: {', '.join(unknown)}."})
    old_list = list(rol.rechten) if rol is not None else []
    old, new = set(old_list), set(gegevens.rechten)
    pending = [c for c in _ordered(gegevens.rechten) if c not in old and opent_persoonsgegevens(c)]
    applied = _ordered(
        [*(c for c in old_list if c in new), *(c for c in gegevens.rechten if c not in pending)]
    )
    old_grond = rol.toegang_op_grond if rol is not None else gegevens.toegang_op_grond
    zonder_grond = old_grond and not gegevens.toegang_op_grond and _opens_data(new)
    wijziging: dict[str, Any] = {}
    if pending:
        wijziging["rechten"] = pending
    if zonder_grond:
        wijziging["zonder_grond"] = True

    with transaction.atomic():
        is_new = rol is None
        if rol is None:
            if Rol.objects.filter(pk=gegevens.code).exists():
                raise ValidationError({"code": "Er is al een rol met deze code."})
            rol = Rol(code=gegevens.code)
        before = {
            "naam": rol.naam,
            "omschrijving": rol.omschrijving,
            "rechten": old_list,
            "toegang_op_grond": rol.toegang_op_grond if not is_new else None,
        }
        rol.naam = gegevens.naam
        rol.omschrijving = gegevens.omschrijving
        rol.rechten = applied
        rol.toegang_op_grond = old_grond if zonder_grond else gegevens.toegang_op_grond
        rol.save()
        after = {
            "naam": rol.naam,
            "omschrijving": rol.omschrijving,
            "rechten": applied,
            "toegang_op_grond": rol.toegang_op_grond,
        }
        uitkomst = Uitkomst(toegepast=_diff(before, after))
        if uitkomst.toegepast:
            audit_log(
                user=door,
                actie=Actie.AANMAKEN if is_new else Actie.WIJZIGEN,
                obj=rol,
                velden=uitkomst.toegepast,
                reden="Rol aangemaakt" if is_new else "Rechten of gegevens van rol gewijzigd",
            )
        if wijziging:
            uitkomst.verzoek = _verzoek(door=door, rol=rol, wijziging=wijziging)
    return rol, uitkomst


def rol_verwijderen(*, door: User, rol: Rol) -> None:
    rol_toets(door=door, rol=rol)
    with transaction.atomic():
        audit_log(
            user=door,
            actie=Actie.VERWIJDEREN,
            obj=rol,
            velden={"rechten": {"van": list(rol.rechten), "naar": []}},
            reden="Rol verwijderd",
        )
        rol.delete()


# --- staff members ------------------------------------------------------------------------------------------


def _account_state(user: User) -> dict[str, Any]:
    return {
        "rol": user.rol_id,
        "gemeenten": sorted(user.gemeenten.values_list("cbs_code", flat=True)) if user.pk else [],
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


def _widens(old: Rol | None, new: Rol | None) -> bool:
    """Whether moving a person from role `old` to `new` opens personal data they could not see before."""
    if new is None:
        return False
    old_rights = set(old.rechten) if old is not None else set()
    if _opens_data(set(new.rechten) - old_rights):
        return True
    if old is not None and old.toegang_op_grond and not new.toegang_op_grond:
        return "client.bekijken" in new.rechten
    return False


def medewerker_rechten_wijzigen(*, door: User, medewerker: User, nieuw: Accountrechten) -> Uitkomst:
    """Change a staff member's role, municipalities and account flags (the member is already saved).

    A new role that opens more personal data, extra municipalities or reactivation for a role that opens
    personal data, and superuser status wait for a second person; everything else applies at once."""
    requested = {
        "rol": nieuw.rol.pk if nieuw.rol is not None else None,
        "gemeenten": sorted({g.cbs_code for g in nieuw.gemeenten}),
        "is_active": nieuw.is_active,
        "is_staff": nieuw.is_staff,
        "is_superuser": nieuw.is_superuser,
    }
    if requested == _account_state(User.objects.get(pk=medewerker.pk)):
        return Uitkomst()
    medewerker_toets(door=door, medewerker=medewerker, nieuw=nieuw)
    if not door.is_superuser and nieuw.is_superuser != medewerker.is_superuser:
        raise _weiger(
            door=door,
            object_type="accounts.user",
            object_id=str(medewerker.pk),
            reden="Alleen een superuser kan de superuserstatus wijzigen.",
        )
    with transaction.atomic():
        current = User.objects.select_for_update().get(pk=medewerker.pk)
        before = _account_state(current)
        old_rol = current.rol
        wijziging: dict[str, Any] = {}

        rol_pending = nieuw.rol != old_rol and _widens(old_rol, nieuw.rol)
        if rol_pending:
            assert nieuw.rol is not None
            wijziging["rol"] = nieuw.rol.pk
            wijziging["rol_was"] = old_rol.pk if old_rol is not None else None
        else:
            current.rol = nieuw.rol
        roles_then = [r for r in (current.rol, nieuw.rol) if r is not None]
        role_opens_data = any(_opens_data(r.rechten) for r in roles_then)

        old_gemeenten = set(before["gemeenten"])
        new_gemeenten = {g.cbs_code for g in nieuw.gemeenten}
        added = new_gemeenten - old_gemeenten
        if added and role_opens_data:
            wijziging["gemeenten"] = sorted(added)
            keep = new_gemeenten - added
        else:
            keep = new_gemeenten
        if nieuw.is_active and not current.is_active and role_opens_data:
            wijziging["activeren"] = True
        else:
            current.is_active = nieuw.is_active
        if nieuw.is_superuser and not current.is_superuser:
            wijziging["superuser"] = True
        else:
            current.is_superuser = nieuw.is_superuser
        current.is_staff = nieuw.is_staff
        current.save(update_fields=["rol", "is_active", "is_staff", "is_superuser"])
        current.gemeenten.set(Gemeente.objects.filter(cbs_code__in=keep))

        uitkomst = Uitkomst(toegepast=_diff(before, _account_state(current)))
        if uitkomst.toegepast:
            audit_log(
                user=door,
                actie=Actie.WIJZIGEN,
                obj=current,
                velden=uitkomst.toegepast,
                reden="Rol, gemeenten of accountstatus van medewerker gewijzigd",
            )
        if wijziging:
            uitkomst.verzoek = _verzoek(door=door, medewerker=current, wijziging=wijziging)
    medewerker.refresh_from_db()
    return uitkomst


def medewerker_aangemaakt(*, door: User, medewerker: User) -> None:
    """Log a new account (the admin creates it with a name and password only; rights follow as a change)."""
    medewerker_toets(door=door, medewerker=None)
    audit_log(
        user=door,
        actie=Actie.AANMAKEN,
        obj=medewerker,
        velden={k: {"van": None, "naar": v} for k, v in _account_state(medewerker).items()},
        reden="Medewerker aangemaakt",
    )


def medewerker_verwijderen(*, door: User, medewerker: User) -> None:
    medewerker_toets(door=door, medewerker=medewerker)
    with transaction.atomic():
        audit_log(
            user=door,
            actie=Actie.VERWIJDEREN,
            obj=medewerker,
            velden={k: {"van": v, "naar": None} for k, v in _account_state(medewerker).items()},
            reden="Medewerker verwijderd",
        )
        medewerker.delete()


# --- requests -----------------------------------------------------------------------------------------------


def _verzoek(
    *,
    door: User,
    wijziging: dict[str, Any],
    rol: Rol | None = None,
    medewerker: User | None = None,
) -> Rechtenverzoek:
    verzoek = Rechtenverzoek.objects.create(
        rol=rol,
        medewerker=medewerker,
        wijziging=wijziging,
        aangevraagd_door=door,
        aangevraagd_op=timezone.now(),
    )
    audit_log(
        user=door,
        actie=Actie.AANMAKEN,
        obj=verzoek,
        velden={"wijziging": wijziging, "status": verzoek.status},
        reden="Verzoek om rechten op persoonsgegevens: wacht op een tweede persoon",
    )
    return verzoek


def beslis_toets(*, door: User, verzoek: Rechtenverzoek) -> None:
    """Refuse (logged) when `door` may not decide on this request."""

    def weiger(reden: str) -> RechtenGeweigerd:
        return _weiger(
            door=door,
            object_type="accounts.rechtenverzoek",
            object_id=str(verzoek.pk),
            reden=reden,
        )

    if not mag_beslissen(user=door):
        raise weiger("U mag niet beslissen over rechtenverzoeken.")
    if verzoek.aangevraagd_door_id == door.pk:
        raise weiger(
            "U kunt niet beslissen over uw eigen verzoek: een tweede persoon (een andere functioneel "
            "beheerder of de privacy officer) beslist."
        )
    if verzoek.medewerker_id is not None and verzoek.medewerker_id == door.pk:
        raise weiger("U kunt niet beslissen over een verzoek dat uw eigen rechten uitbreidt.")
    if verzoek.rol_id is not None and verzoek.rol_id == door.rol_id:
        raise weiger("U kunt niet beslissen over een verzoek voor de rol die u zelf hebt.")


def rechtenverzoek_beslissen(
    *, door: User, verzoek: Rechtenverzoek, goedkeuren: bool, toelichting: str = ""
) -> Rechtenverzoek:
    """Approve (and apply) or reject a request. A rejection needs a reason."""
    beslis_toets(door=door, verzoek=verzoek)
    toelichting = toelichting.strip()
    if not goedkeuren and not toelichting:
        raise ValidationError({"toelichting": "Schrijf op waarom u het verzoek afwijst."})
    with transaction.atomic():
        locked = Rechtenverzoek.objects.select_for_update().get(pk=verzoek.pk)
        if locked.status != Rechtenverzoek.Status.OPEN:
            raise ValidationError(
                f"Over dit verzoek is al beslist ({locked.get_status_display().lower()})."
            )
        toegepast: dict[str, dict[str, Any]] = {}
        if goedkeuren:
            toegepast = _pas_toe(door=door, verzoek=locked)
        locked.status = (
            Rechtenverzoek.Status.GOEDGEKEURD if goedkeuren else Rechtenverzoek.Status.AFGEWEZEN
        )
        locked.beslist_door = door
        locked.beslist_op = timezone.now()
        locked.toelichting = toelichting
        locked.save(update_fields=["status", "beslist_door", "beslist_op", "toelichting"])
        audit_log(
            user=door,
            actie=Actie.WIJZIGEN,
            obj=locked,
            velden={
                "status": {"van": Rechtenverzoek.Status.OPEN, "naar": locked.status},
                "aangevraagd_door": locked.aangevraagd_door.get_username(),
                "toegepast": toegepast,
            },
            reden=f"Rechtenverzoek {'goedgekeurd' if goedkeuren else 'afgewezen'}"
            + (f": {toelichting}" if toelichting else ""),
        )
    return locked


def _pas_toe(*, door: User, verzoek: Rechtenverzoek) -> dict[str, dict[str, Any]]:
    wijziging = verzoek.wijziging
    if verzoek.rol is not None:
        rol = Rol.objects.select_for_update().get(pk=verzoek.rol_id)
        before = {"rechten": list(rol.rechten), "toegang_op_grond": rol.toegang_op_grond}
        rol.rechten = _ordered([*rol.rechten, *wijziging.get("rechten", [])])
        if wijziging.get("zonder_grond"):
            rol.toegang_op_grond = False
        rol.save(update_fields=["rechten", "toegang_op_grond"])
        toegepast = _diff(
            before, {"rechten": rol.rechten, "toegang_op_grond": rol.toegang_op_grond}
        )
        audit_log(
            user=door,
            actie=Actie.WIJZIGEN,
            obj=rol,
            velden=toegepast,
            reden=f"Rechten van rol gewijzigd na goedkeuring van verzoek {verzoek.pk}",
        )
        return toegepast
    assert verzoek.medewerker_id is not None  # a request is for a role or for a staff member
    user = User.objects.select_for_update().get(pk=verzoek.medewerker_id)
    before = _account_state(user)
    if "rol" in wijziging:
        if user.rol_id != wijziging.get("rol_was"):
            raise ValidationError(
                "De rol van deze medewerker is gewijzigd sinds het verzoek. "
                "Wijs dit verzoek af en vraag zo nodig opnieuw aan."
            )
        user.rol = Rol.objects.get(pk=wijziging["rol"])
    if wijziging.get("activeren"):
        user.is_active = True
    if wijziging.get("superuser"):
        user.is_superuser = True
    user.save(update_fields=["rol", "is_active", "is_superuser"])
    if wijziging.get("gemeenten"):
        user.gemeenten.add(*Gemeente.objects.filter(cbs_code__in=wijziging["gemeenten"]))
    toegepast = _diff(before, _account_state(user))
    audit_log(
        user=door,
        actie=Actie.WIJZIGEN,
        obj=user,
        velden=toegepast,
        reden=f"Rol, gemeenten of accountstatus gewijzigd na goedkeuring van verzoek {verzoek.pk}",
    )
    return toegepast


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        key: {"van": before.get(key), "naar": value}
        for key, value in after.items()
        if before.get(key) != value
    }


# --- logging in and out -------------------------------------------------------------------------------------


def inloggen_vastleggen(*, user: User, manier: str) -> None:
    """A staff member logged in (`manier`: "wachtwoord" or "sso")."""
    audit_log(
        user=user,
        actie=Actie.INLOGGEN,
        obj=user,
        velden={"manier": manier},
        reden="Ingelogd",
    )


def uitloggen_vastleggen(*, user: User) -> None:
    audit_log(user=user, actie=Actie.UITLOGGEN, obj=user, reden="Uitgelogd")


def inloggen_mislukt(*, manier: str, reden: str, velden: dict[str, Any]) -> None:
    """A failed login: the username tried (password) or why single sign-on failed; never a password."""
    audit_log(
        user=None,
        actie=Actie.INLOGGEN_MISLUKT,
        object_type="accounts.user",
        velden={"manier": manier, "reden": reden, **velden},
        reden="Inloggen mislukt",
    )


# --- single sign-on (accounts.oidc) ---------------------------------------------------------------------------


def medewerker_uit_idp_aanmaken(*, sub: str) -> User:
    """A new account for a `sub` the identity provider vouches for (only when the client allows it). It has
    no password: it logs in through single sign-on only. Role and municipalities follow from the claims."""
    with transaction.atomic():
        user = User(username=f"sso-{sub}"[:150], oidc_sub=sub)
        user.set_unusable_password()
        user.save()
        audit_log(
            user=None,
            actie=Actie.AANMAKEN,
            obj=user,
            velden={"oidc_sub": {"van": None, "naar": sub}},
            reden="Medewerker aangemaakt bij de eerste single sign-on",
        )
    return user


def medewerker_rechten_uit_idp(
    *,
    medewerker: User,
    gegevens: dict[str, str],
    rol: Rol | None,
    gemeenten: list[Gemeente],
    rollen_in_claim: list[str],
) -> User:
    """Bring a staff member's name, role and municipalities in line with the identity provider's claims.

    The provider is the organisation's record of who does what; the functioneel beheerder decided, in the
    claim mapping, what each claim value means in Naleving. A role with `beheer.gebruikers` may enter
    /beheer/ (is_staff); superuser status never comes from the provider. Logged with from → to."""
    with transaction.atomic():
        current = User.objects.select_for_update().get(pk=medewerker.pk)
        before = _account_state(current)
        for veld, value in gegevens.items():
            setattr(current, veld, value)
        current.rol = rol
        current.is_staff = rol is not None and "beheer.gebruikers" in rol.rechten
        current.save(update_fields=[*gegevens, "rol", "is_staff"])
        current.gemeenten.set(gemeenten)
        toegepast = _diff(before, _account_state(current))
        if toegepast:
            audit_log(
                user=None,
                actie=Actie.WIJZIGEN,
                obj=current,
                velden={**toegepast, "rollen_in_claim": rollen_in_claim},
                reden="Rol en gemeenten volgens de identity provider (single sign-on)",
            )
    return current
