# SPDX-License-Identifier: EUPL-1.2
"""Every write in the uitvoeringsplan: checked (`beleid.plannen`), validated, atomic, with an
append-only `PlanWijziging` row holding the state after the change. An action's state moves by
the one state machine (`statemachine.MACHINE`, applied by `verloop.beweeg`), which also keeps its
`ActieOvergang` history. No personal data here."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.beleid.models import (
    Actie,
    PijlerEvaluatie,
    PlanStatus,
    PlanWijziging,
    Uitvoeringsplan,
    volgende_plan_status,
)
from naleving.beleid.statemachine import MACHINE, OPEN, ActieStatus
from naleving.core.locking import update_versioned
from naleving.preventie.models import Campagne
from naleving.verloop import services as verloop


def _mag(user: User) -> None:
    if not has_right(user, "beleid.plannen"):
        raise PermissionDenied("Uw rol schrijft geen uitvoeringsplannen.")


def _actie_stand(actie: Actie) -> dict[str, Any]:
    return {
        "titel": actie.titel,
        "pijler": actie.pijler,
        "eigenaar": actie.eigenaar,
        "deadline": actie.deadline.isoformat(),
        "status": actie.status,
        "resultaat": actie.resultaat,
        "evaluatie": actie.evaluatie,
    }


def _historie(
    user: User,
    plan: Uitvoeringsplan,
    omschrijving: str,
    actie: Actie | None = None,
    **gegevens: Any,
) -> None:
    PlanWijziging.objects.create(
        plan=plan,
        actie=actie,
        omschrijving=omschrijving,
        gegevens=gegevens or (_actie_stand(actie) if actie else {}),
        door=user,
        op=timezone.now(),
    )


@transaction.atomic
def plan_aanmaken(
    *, user: User, jaar: int, doelen: str, themas: str, overnemen: bool = True
) -> Uitvoeringsplan:
    _mag(user)
    if Uitvoeringsplan.objects.filter(jaar=jaar).exists():
        raise ValidationError({"jaar": f"Er is al een uitvoeringsplan voor {jaar}."})
    if not doelen.strip():
        raise ValidationError({"doelen": "Schrijf op wat u dit jaar wilt bereiken."})
    plan = Uitvoeringsplan.objects.create(
        jaar=jaar, doelen=doelen.strip(), themas=themas.strip(), aangemaakt_op=timezone.now()
    )
    _historie(user, plan, "Plan aangemaakt", doelen=plan.doelen, themas=plan.themas)
    if overnemen:
        acties_overnemen(user=user, plan=plan)
    return plan


@transaction.atomic
def acties_overnemen(*, user: User, plan: Uitvoeringsplan) -> list[Actie]:
    """Carry last year's open actions into this plan (domain.md §1: the evaluation feeds the next
    year's plan). The old action becomes 'doorgeschoven'; the new one points back to it."""
    _mag(user)
    nieuw = []
    oud = Actie.objects.select_for_update().filter(plan__jaar=plan.jaar - 1, status__in=OPEN)
    for actie in oud.order_by("pk"):
        stand = actie.status
        verloop.beweeg(
            machine=MACHINE,
            obj=actie,
            naar=ActieStatus.DOORGESCHOVEN,
            user=user,
            toelichting=f"Doorgeschoven naar {plan.jaar}",
            handmatig=False,
        )
        _historie(user, actie.plan, f"Doorgeschoven naar {plan.jaar}", actie)
        kopie = Actie.objects.create(
            plan=plan,
            pijler=actie.pijler,
            titel=actie.titel,
            omschrijving=actie.omschrijving,
            eigenaar=actie.eigenaar,
            deadline=date(plan.jaar, 12, 31) if actie.deadline.year < plan.jaar else actie.deadline,
            status=stand,  # an action under way stays under way
            overgenomen_van=actie,
        )
        kopie.campagnes.set(actie.campagnes.all())
        verloop.begin(machine=MACHINE, obj=kopie, user=user)
        _historie(user, plan, f"Overgenomen uit {plan.jaar - 1}", kopie)
        nieuw.append(kopie)
    return nieuw


@transaction.atomic
def actie_toevoegen(
    *,
    user: User,
    plan: Uitvoeringsplan,
    pijler: str,
    titel: str,
    eigenaar: str,
    deadline: date,
    omschrijving: str = "",
) -> Actie:
    _mag(user)
    if plan.status == PlanStatus.GEEVALUEERD:
        raise ValidationError(
            "Dit plan is al geëvalueerd; voeg de actie toe aan het plan van volgend jaar."
        )
    if not titel.strip():
        raise ValidationError({"titel": "Geef de actie een naam."})
    actie = Actie.objects.create(
        plan=plan,
        pijler=pijler,
        titel=titel.strip(),
        eigenaar=eigenaar.strip(),
        deadline=deadline,
        omschrijving=omschrijving,
    )
    verloop.begin(machine=MACHINE, obj=actie, user=user)
    _historie(user, plan, "Actie toegevoegd", actie)
    return actie


@transaction.atomic
def actie_bijwerken(
    *, user: User, actie: Actie, versie: int, status: str, resultaat: str = "", evaluatie: str = ""
) -> Actie:
    """Status by the transition table; result and year-end evaluation are free text."""
    _mag(user)
    beweegt = status != actie.status
    if beweegt:  # the table refuses first, before the result is asked for
        MACHINE.overgang(actie.status, status)
    if status == ActieStatus.AFGEROND and not (resultaat or actie.resultaat).strip():
        raise ValidationError({"resultaat": "Schrijf op wat de actie heeft opgeleverd."})
    changes = {"resultaat": resultaat or actie.resultaat, "evaluatie": evaluatie or actie.evaluatie}
    if beweegt:
        verloop.beweeg(
            machine=MACHINE, obj=actie, naar=status, user=user, versie=versie, changes=changes
        )
    gewijzigd = beweegt or update_versioned(actie, expected_version=versie, changes=changes)
    if gewijzigd:
        _historie(user, actie.plan, "Actie bijgewerkt", actie)
    return actie


@transaction.atomic
def campagnes_koppelen(*, user: User, actie: Actie, campagne_ids: list[int]) -> Actie:
    _mag(user)
    campagnes = list(Campagne.objects.filter(pk__in=campagne_ids))
    actie.campagnes.set(campagnes)
    _historie(user, actie.plan, "Campagnes gekoppeld", actie, campagnes=[c.naam for c in campagnes])
    return actie


@transaction.atomic
def pijler_evalueren(
    *, user: User, plan: Uitvoeringsplan, pijler: str, tekst: str
) -> PijlerEvaluatie:
    _mag(user)
    if not tekst.strip():
        raise ValidationError({"tekst": "Schrijf de evaluatie van de pijler."})
    evaluatie, _ = PijlerEvaluatie.objects.update_or_create(
        plan=plan, pijler=pijler, defaults={"tekst": tekst.strip()}
    )
    _historie(user, plan, "Pijler geëvalueerd", pijler=pijler, tekst=evaluatie.tekst)
    return evaluatie


@transaction.atomic
def plan_status(
    *, user: User, plan: Uitvoeringsplan, versie: int, status: str, evaluatie: str = ""
) -> Uitvoeringsplan:
    """concept → vastgesteld → geëvalueerd; evaluating needs the year-end text."""
    _mag(user)
    if PlanStatus(status) != volgende_plan_status(plan.status):
        raise ValidationError(
            {
                "status": f"Een plan met status '{plan.get_status_display()}' kan niet naar '{PlanStatus(status).label}'."
            }
        )
    if status == PlanStatus.GEEVALUEERD and not evaluatie.strip():
        raise ValidationError({"evaluatie": "Schrijf de evaluatie van het jaar."})
    update_versioned(
        plan,
        expected_version=versie,
        changes={"status": status, "evaluatie": evaluatie.strip() or plan.evaluatie},
    )
    _historie(
        user,
        plan,
        f"Plan {PlanStatus(status).label.lower()}",
        status=status,
        evaluatie=plan.evaluatie,
    )
    return plan
