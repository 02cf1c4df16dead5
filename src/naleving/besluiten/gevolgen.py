# SPDX-License-Identifier: EUPL-1.2
"""What follows at once when a decision becomes definitive, inside the transaction that made it so: the
register entry, the claims, the letter; a revised decision takes the place of the original's sanction and
claims.

`services` calls `na_definitief`; `nazorg` (repayment plan, objection, the register's clean-up) builds on
`services`. This module imports neither, so the three import one way (contract in pyproject.toml).
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from naleving import regels
from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten.brieven import brief_maak
from naleving.besluiten.models import (
    Besluit,
    EindeInvordering,
    Herkomst,
    RegisterItem,
    Sanctie,
    Vordering,
    VorderingStatus,
)
from naleving.regels.datums import verschuif_jaren, verschuif_maanden


def bewaren_tot(soort: str, *, vandaag: date, gemeente: str) -> date:
    """How long a sanction stays in the register: as long as recidive can look back, no longer (domain.md §9),
    so the look-back terms of the rule set in force today are the retention terms. Fine: PW art. 18a lid 5
    (2015), recidive_termijn_jaren (5); warning: Boetebesluit, warning rule, waarschuwing_termijn_jaren (2,
    UNCERTAIN wording); maatregel: PW art. 18 lid 6-8 (2015), maatregel_arbeid_herhaling_termijn_maanden (12)."""
    if soort == Sanctie.MAATREGEL:
        maanden = regels.getal(
            "maatregel_arbeid_herhaling_termijn_maanden", op=vandaag, gemeente=gemeente
        )
        return verschuif_maanden(vandaag, maanden)
    naam = "recidive_termijn_jaren" if soort == Sanctie.BOETE else "waarschuwing_termijn_jaren"
    return verschuif_jaren(vandaag, regels.getal(naam, op=vandaag, gemeente=gemeente))


def heroverweging_uiterlijk(besluit: Besluit, *, vandaag: date) -> date | None:
    """PW art. 18 lid 3: the college reconsiders a reduction within three months after the decision. Only a
    maatregel of `maatregel_heroverweging_vanaf_maanden` (3) or more gets that as a task: a shorter one has ended
    within the term (the afstemmingsverordening's reading, UNCERTAIN in the parameters). The decision's own
    duration counts, also where the consultant deviated from the advice."""
    if besluit.sanctie != Sanctie.MAATREGEL or not besluit.maatregel_maanden:
        return None
    gemeente = besluit.client.gemeente.cbs_code
    vanaf = regels.getal("maatregel_heroverweging_vanaf_maanden", op=vandaag, gemeente=gemeente)
    if besluit.maatregel_maanden < vanaf:
        return None
    termijn = regels.getal("maatregel_heroverweging_termijn_maanden", op=vandaag, gemeente=gemeente)
    return verschuif_maanden(vandaag, termijn)


def na_definitief(besluit: Besluit, *, user: User) -> None:
    """Inside the transaction that made the decision definitive: register, claims and the letter."""
    vandaag = timezone.localdate()
    if besluit.sanctie in (Sanctie.WAARSCHUWING, Sanctie.BOETE, Sanctie.MAATREGEL):
        item = RegisterItem.objects.create(
            client=besluit.client,
            besluit=besluit,
            soort=besluit.sanctie,
            overtreding=besluit.overtreding,
            datum=vandaag,
            bewaren_tot=bewaren_tot(
                besluit.sanctie, vandaag=vandaag, gemeente=besluit.client.gemeente.cbs_code
            ),
        )
        audit_log(user=user, actie=Actie.AANMAKEN, obj=item, client=besluit.client)
    uiterlijk = heroverweging_uiterlijk(besluit, vandaag=vandaag)
    if uiterlijk is not None:
        besluit.heroverweging_uiterlijk = uiterlijk
        besluit.save(update_fields=["heroverweging_uiterlijk"])
    now = timezone.now()
    claims = []
    if besluit.terugvordering_cent:
        herkomst = (
            Herkomst.INLICHTINGENPLICHT
            if besluit.overtreding == "inlichtingenplicht"
            else Herkomst.OVERIGE
        )
        claims.append((herkomst, besluit.terugvordering_cent))
    if besluit.sanctie == Sanctie.BOETE and besluit.boete_cent:
        claims.append((Herkomst.BOETE, besluit.boete_cent))
    for herkomst, bedrag in claims:
        vordering = Vordering.objects.create(
            client=besluit.client,
            besluit=besluit,
            herkomst=herkomst,
            oorspronkelijk_cent=bedrag,
            openstaand_cent=bedrag,
            # PW art. 60 lid 4: fraud claims and fines are set off against the benefit; others may be (lid 3).
            verrekenen=True,
            aangemaakt_op=now,
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=vordering,
            client=besluit.client,
            velden={"herkomst": herkomst, "bedrag_cent": bedrag},
        )
    if besluit.herziet_id is not None:
        _vervang_origineel(besluit, besluit.herziet_id, user=user)
    brief_maak(besluit=besluit, user=user)


def _vervang_origineel(besluit: Besluit, herziet_id: int, *, user: User) -> None:
    """A revised decision takes the place of the original's sanction and claims; the original stays readable."""
    oud = RegisterItem.objects.filter(besluit_id=herziet_id).first()
    if oud is not None:
        audit_log(
            user=user,
            actie=Actie.VERWIJDEREN,
            obj=oud,
            client=besluit.client,
            reden=f"Vervangen door besluit {besluit.nummer} na bezwaar",
        )
        oud.delete()
    for vordering in Vordering.objects.filter(besluit_id=herziet_id).exclude(
        status=VorderingStatus.GESTOPT
    ):
        # Its collection ends today: from this date its retention term runs (bewaren.schema, "vordering").
        vordering.status = VorderingStatus.GESTOPT
        vordering.invordering_einde_op = timezone.localdate()
        vordering.invordering_einde_reden = EindeInvordering.VERVANGEN
        vordering.save(update_fields=["status", "invordering_einde_op", "invordering_einde_reden"])
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=vordering,
            client=besluit.client,
            reden=f"Vervangen door besluit {besluit.nummer} na bezwaar",
        )
