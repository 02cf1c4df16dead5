# SPDX-License-Identifier: EUPL-1.2
"""What follows a definitive decision later: the repayment plan, the CBS delivery, the objection and the
register's clean-up. What follows at once (register entry, claims, letter) is in `gevolgen`.

This module builds on `services` (an objection moves the decision and may open a revised one); `services`
never imports it (contract in pyproject.toml)."""

from __future__ import annotations

import io
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten.models import (
    Aanleiding,
    Besluit,
    Bezwaar,
    EindeInvordering,
    RegisterItem,
    Uitkomst,
    Vordering,
    VorderingStatus,
)
from naleving.besluiten.services import _beweeg, besluit_open
from naleving.besluiten.statemachine import Status
from naleving.clienten.selectors import may
from naleving.core.spreadsheet import csv_schrijver


def vordering_regeling(
    *,
    user: User,
    vordering: Vordering,
    maandinkomen_cent: int,
    beslagvrije_voet_cent: int,
    aflossing_cent: int,
    verrekenen: bool,
    versie: int | None = None,
) -> Vordering:
    """A repayment plan that leaves the beslagvrije voet untouched (Wet vereenvoudiging beslagvrije voet;
    PW art. 60b allows going below it only for a recidive fine, at most 3 months — not offered here)."""
    if not may(user, "vordering.beheren", vordering.client):
        raise PermissionDenied("U mag deze vordering niet beheren.")
    errors: dict[str, str] = {}
    if min(maandinkomen_cent, beslagvrije_voet_cent, aflossing_cent) < 0:
        errors["aflossing_cent"] = "Bedragen kunnen niet negatief zijn."
    elif aflossing_cent == 0:
        errors["aflossing_cent"] = "Vul een aflossing per maand in."
    elif aflossing_cent > maandinkomen_cent - beslagvrije_voet_cent:
        ruimte = max(0, maandinkomen_cent - beslagvrije_voet_cent)
        from naleving.core.money import format_euro

        errors["aflossing_cent"] = (
            f"De aflossing gaat onder de beslagvrije voet. Er is {format_euro(ruimte)} per maand ruimte."
        )
    if errors:
        raise ValidationError(errors)
    from naleving.core.locking import update_versioned

    with transaction.atomic():
        vordering = Vordering.objects.select_for_update().get(pk=vordering.pk)
        if vordering.status in (VorderingStatus.AFGELOST, VorderingStatus.GESTOPT):
            raise ValidationError("Deze vordering loopt niet meer.")
        changed = update_versioned(
            vordering,
            expected_version=versie if versie is not None else vordering.versie,
            changes={
                "maandinkomen_cent": maandinkomen_cent,
                "beslagvrije_voet_cent": beslagvrije_voet_cent,
                "aflossing_cent": aflossing_cent,
                "verrekenen": verrekenen,
                "status": VorderingStatus.BETALINGSREGELING,
            },
        )
        audit_log(user=user, actie=Actie.WIJZIGEN, obj=vordering, velden=changed)
    return vordering


def vordering_beeindig(
    *,
    user: User,
    vordering: Vordering,
    reden: str,
    op: date,
    toelichting: str = "",
    versie: int | None = None,
) -> Vordering:
    """Record that collection of a claim ended, and why: paid in full, waived (PW art. 58 lid 7), remitted,
    or lapsed (Awb art. 4:104). From `op` the claim's retention term runs (bewaren.schema, "vordering").
    Paid in full leaves nothing outstanding; otherwise the amount still outstanding is kept as it was, for
    the CBS delivery. A claim replaced by a decision on objection ends in `gevolgen`, not here."""
    if not may(user, "vordering.beheren", vordering.client):
        raise PermissionDenied("U mag deze vordering niet beheren.")
    errors: dict[str, str] = {}
    if reden not in EindeInvordering.values or reden == EindeInvordering.VERVANGEN:
        errors["reden"] = "Kies waarom de invordering eindigt."
    if op > timezone.localdate():
        errors["op"] = "De invordering kan niet eindigen op een dag in de toekomst."
    elif op < timezone.localtime(vordering.aangemaakt_op).date():
        errors["op"] = "De invordering kan niet eindigen voordat de vordering er was."
    if reden != EindeInvordering.AFGELOST and not toelichting.strip():
        errors["toelichting"] = "Schrijf op waarom de invordering stopt (de motivering)."
    if errors:
        raise ValidationError(errors)
    from naleving.core.locking import update_versioned

    with transaction.atomic():
        vordering = Vordering.objects.select_for_update().get(pk=vordering.pk)
        if vordering.invordering_einde_op is not None or vordering.status in (
            VorderingStatus.AFGELOST,
            VorderingStatus.GESTOPT,
        ):
            raise ValidationError("Deze vordering loopt niet meer.")
        changes: dict[str, object] = {
            "status": VorderingStatus.AFGELOST
            if reden == EindeInvordering.AFGELOST
            else VorderingStatus.GESTOPT,
            "invordering_einde_op": op,
            "invordering_einde_reden": reden,
        }
        if reden == EindeInvordering.AFGELOST:
            changes["openstaand_cent"] = 0
        changed = update_versioned(
            vordering,
            expected_version=versie if versie is not None else vordering.versie,
            changes=changes,
        )
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=vordering,
            velden=changed,
            reden=toelichting.strip()[:500],
        )
    return vordering


def cbs_export(*, user: User, maand: date) -> str:
    """Monthly CSV in the style of the CBS Bijstandsdebiteuren- en fraudestatistiek: one row per claim, no
    personal data (domain.md §6)."""
    if not has_right(user, "vordering.exporteren"):
        raise PermissionDenied("U mag de CBS-levering niet maken.")
    volgende = (maand.replace(day=1) + timedelta(days=32)).replace(day=1)
    qs = Vordering.objects.filter(
        client__gemeente__in=user.gemeenten.all(), aangemaakt_op__date__lt=volgende
    ).select_related("client__gemeente")
    out = io.StringIO(newline="")
    writer = csv_schrijver(out)  # the one CSV dialect of every export (core.spreadsheet)
    writer.writerow(
        ["peilmaand", "gemeente", "vordering", "herkomst", "oorspronkelijk_cent", "openstaand_cent"]
    )
    rows = 0
    for v in qs.order_by("pk").iterator():
        writer.writerow(
            [
                maand.strftime("%Y-%m"),
                v.client.gemeente.cbs_code,
                v.pk,
                v.herkomst,
                v.oorspronkelijk_cent,
                v.openstaand_cent,
            ]
        )
        rows += 1
    audit_log(
        user=user,
        actie=Actie.EXPORTEREN,
        object_type="besluiten.vordering",
        velden={"peilmaand": maand.strftime("%Y-%m"), "regels": rows},
        reden="CBS-levering vorderingen",
    )
    return out.getvalue()


def register_opschonen(*, vandaag: date | None = None) -> int:
    """Entries leave the register when their retention ends (run daily)."""
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        weg = list(RegisterItem.objects.filter(bewaren_tot__lt=vandaag).select_related("client"))
        for item in weg:
            audit_log(
                user=None,
                actie=Actie.VERWIJDEREN,
                obj=item,
                client=item.client,
                reden="Bewaartermijn van het sanctieregister verstreken",
            )
        RegisterItem.objects.filter(pk__in=[i.pk for i in weg]).delete()
    return len(weg)


def maatregel_heroverwegen(*, user: User, besluit: Besluit, uitkomst: str) -> Besluit:
    """PW art. 18 lid 3: record the reconsideration of a maatregel (whether the reduction still fits, now that
    the person's behaviour may show compliance; lid 11). The outcome is the consultant's own words; a changed
    maatregel follows as a new decision, never by overwriting this one."""
    if not may(user, "besluit.nemen", besluit.client):
        raise PermissionDenied("U mag deze maatregel niet heroverwegen.")
    if not uitkomst.strip():
        raise ValidationError(
            {"heroverweging": "Schrijf op wat de heroverweging heeft opgeleverd."}
        )
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if besluit.heroverweging_uiterlijk is None:
            raise ValidationError("Voor dit besluit is geen heroverweging nodig.")
        if besluit.heroverwogen_op is not None:
            raise ValidationError("Deze maatregel is al heroverwogen.")
        besluit.heroverwogen_op = timezone.localdate()
        besluit.heroverweging = uitkomst.strip()
        besluit.save(update_fields=["heroverwogen_op", "heroverweging"])
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=besluit,
            client=besluit.client,
            velden={"gewijzigd": ["heroverwogen_op", "heroverweging"]},
            reden="Heroverweging maatregel (PW art. 18 lid 3)",
        )
    return besluit


def bezwaar_registreer(
    *, user: User, besluit: Besluit, ontvangen_op: date, gronden: str
) -> Bezwaar:
    """Awb 6:7: six weeks. A late objection is still recorded; the decision on it says so (Awb 6:11)."""
    if not gronden.strip():
        raise ValidationError({"gronden": "Schrijf op waartegen de cliënt bezwaar maakt."})
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if besluit.status != Status.VERZONDEN:
            raise ValidationError("Bezwaar kan alleen tegen een verzonden besluit.")
        bezwaar = Bezwaar.objects.create(
            besluit=besluit, ontvangen_op=ontvangen_op, gronden=gronden.strip(), door=user
        )
        _beweeg(
            besluit,
            naar=Status.BEZWAAR,
            user=user,
            toelichting=f"Ontvangen {ontvangen_op:%d-%m-%Y}",
        )
    return bezwaar


def bezwaar_hoorzitting(*, user: User, bezwaar: Bezwaar, op: date, verslag: str) -> Bezwaar:
    """Awb 7:2: the person is heard before the decision on objection."""
    if not may(user, "besluit.bezwaar", bezwaar.besluit.client):
        raise PermissionDenied("U mag dit bezwaar niet behandelen.")
    if not verslag.strip():
        raise ValidationError({"hoorverslag": "Schrijf het verslag van de hoorzitting."})
    with transaction.atomic():
        bezwaar = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
        if bezwaar.uitkomst:
            raise ValidationError("Op dit bezwaar is al beslist.")
        bezwaar.hoorzitting_op, bezwaar.hoorverslag = op, verslag.strip()
        bezwaar.save(update_fields=["hoorzitting_op", "hoorverslag"])
        audit_log(user=user, actie=Actie.WIJZIGEN, obj=bezwaar, client=bezwaar.besluit.client)
    return bezwaar


def bezwaar_beslis(*, user: User, bezwaar: Bezwaar, uitkomst: str, toelichting: str) -> Bezwaar:
    """Decide on the objection. Gegrond or deels gegrond: a new (revised) decision is opened in concept that
    refers to the original; the original is never overwritten (Awb 7:11)."""
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": "Kies ongegrond, gegrond of deels gegrond."})
    if not toelichting.strip():
        raise ValidationError(
            {"toelichting": "Schrijf de motivering van de beslissing op bezwaar."}
        )
    with transaction.atomic():
        bezwaar = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
        origineel = Besluit.objects.select_for_update().get(pk=bezwaar.besluit_id)
        if bezwaar.uitkomst:
            raise ValidationError("Op dit bezwaar is al beslist.")
        if not bezwaar.hoorzitting_op:
            raise ValidationError(
                {
                    "hoorverslag": "Hoor de cliënt eerst (Awb 7:2), of leg vast dat hij afzag van horen."
                }
            )
        herzien = None
        if uitkomst != Uitkomst.ONGEGROND:
            herzien = besluit_open(
                user=user,
                client=origineel.client,
                aanleiding=Aanleiding.OVERIG,
                onderzoek=origineel.onderzoek,
                herziet=origineel,
                wet=origineel.wet,
                overtreding=origineel.overtreding,
                pleegdatum=origineel.pleegdatum,
                perioden=origineel.perioden,
                benadelingsbedrag_cent=origineel.benadelingsbedrag_cent,
                feiten=origineel.feiten,
            )
        bezwaar.uitkomst, bezwaar.toelichting = uitkomst, toelichting.strip()
        bezwaar.beslist_op, bezwaar.herzien_besluit = timezone.localdate(), herzien
        bezwaar.save(update_fields=["uitkomst", "toelichting", "beslist_op", "herzien_besluit"])
        _beweeg(
            origineel,
            naar=Status.BESLIST_OP_BEZWAAR,
            user=user,
            toelichting=f"{Uitkomst(uitkomst).label}. {toelichting.strip()}",
        )
    return bezwaar
