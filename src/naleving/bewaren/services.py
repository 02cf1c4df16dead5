# SPDX-License-Identifier: EUPL-1.2
"""The retention run and the legal hold.

`vernietig` finds, per kind in the schedule (schema.SOORTEN), what is past its term, leaves out every
client under an active legal hold, and destroys or anonymises the rest in one transaction; it writes one
line per kind to the destruction log (counts, rule, boundary: never what was destroyed) and one system
entry to the audit log. The audit chain covers its own entries only (ids and numbers, not the contents of
the records), so it stays verifiable when records it names are gone (`naleving audit verify`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie, AuditEntry
from naleving.audit.selectors import begin_van_de_keten
from naleving.audit.services import InkortenFout, audit_inkorten, audit_log, te_inkorten_tot
from naleving.besluiten.models import Besluit, Bezwaar, Brief, RegisterItem, Vordering
from naleving.bewaren.models import Bewaarstop, StopReden, Vernietiging
from naleving.bewaren.schema import PER_CODE, Termijn, schema, termijn
from naleving.clienten.models import Client, Contactmoment
from naleving.onderzoek.models import Activiteit, Bewijsstuk, Onderzoek
from naleving.onderzoek.statemachine import Status as OnderzoekStatus
from naleving.onderzoek.statemachine import Uitkomst as ZonderBevinding
from naleving.preventie.models import Wijzigingsmelding
from naleving.signalen.models import Bijlage, Melding, Signaal, SignaalGroep, Uitkomst

logger = logging.getLogger(__name__)


class BewaarstopFout(Exception):
    """A legal hold that cannot be placed or lifted; the message is Dutch, for the user."""

    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


@dataclass(frozen=True)
class Resultaat:
    """One kind in a run: how many were (or in a dry run: would be) destroyed, how many a hold kept."""

    termijn: Termijn
    aantal: int
    tegengehouden: int


def gestopte_clienten() -> QuerySet[Bewaarstop, int]:
    return Bewaarstop.objects.filter(opgeheven_op__isnull=True).values_list("client_id", flat=True)


# --- what is due, per kind: (all due, regardless of holds) ---------------------------------------------


def _melders(t: Termijn) -> QuerySet[Any]:
    return Melding.objects.filter(
        signaal__ontvangen_op__lt=t.grens, geanonimiseerd_op__isnull=True
    ).exclude(melder_naam="", melder_contact="")


def _signalen(t: Termijn) -> QuerySet[Any]:
    return Signaal.objects.filter(
        triagebesluit__uitkomst=Uitkomst.GEEN_ACTIE, triagebesluit__tijdstip__lt=t.grens
    )


def _onderzoeken(t: Termijn) -> QuerySet[Any]:
    return Onderzoek.objects.filter(
        status=OnderzoekStatus.AFGEROND,
        afgerond_op__lt=t.grens,
        uitkomst__in=(ZonderBevinding.GEEN_ONRECHTMATIGHEID, ZonderBevinding.NIET_VAST_TE_STELLEN),
    ).exclude(pk__in=Besluit.objects.filter(onderzoek__isnull=False).values("onderzoek_id"))


def _onderzoeken_met_bevinding(t: Termijn) -> QuerySet[Any]:
    return Onderzoek.objects.filter(
        status=OnderzoekStatus.AFGEROND,
        afgerond_op__lt=t.grens,
        uitkomst=ZonderBevinding.ONRECHTMATIGHEID,
    ).exclude(pk__in=Besluit.objects.filter(onderzoek__isnull=False).values("onderzoek_id"))


def _bewijsstukken_zonder_bevinding(t: Termijn) -> QuerySet[Any]:
    """Evidence of every investigation without a finding that goes in this run (its term, its boundary)."""
    return Bewijsstuk.objects.filter(onderzoek__in=_onderzoeken(t))


def _bewijsstukken_met_bevinding(t: Termijn) -> QuerySet[Any]:
    """Evidence of every investigation with a finding that goes in this run (its term, its boundary)."""
    return Bewijsstuk.objects.filter(onderzoek__in=_onderzoeken_met_bevinding(t))


def _besluiten(t: Termijn) -> QuerySet[Any]:
    """A decision without a claim (a one-off sanction or a decision without consequences): see _besluiten_af."""
    return _besluiten_af(t).filter(vorderingen__isnull=True)


def _besluiten_met_vordering(t: Termijn) -> QuerySet[Any]:
    """A decision with claims, once the collection of every one of its claims ended before the claims'
    boundary (Selectielijst gemeenten 2020 as VHIC applies it: sanctions with collection 10 years after the
    collection ends) and it is due as a decision itself (its own term, the register, no revision)."""
    grens = timezone.localtime(t.grens).date()
    lopend = Vordering.objects.filter(
        Q(invordering_einde_op__isnull=True) | Q(invordering_einde_op__gte=grens)
    )
    return (
        _besluiten_af(termijn(PER_CODE["besluit"], nu=t.nu))
        .filter(vorderingen__isnull=False)
        .exclude(pk__in=lopend.values("besluit_id"))
        .distinct()
    )


def _vorderingen(t: Termijn) -> QuerySet[Any]:
    return Vordering.objects.filter(besluit__in=_besluiten_met_vordering(t))


def _besluiten_af(t: Termijn) -> QuerySet[Any]:
    """A decision final before the boundary, whose register entry no longer counts for recidive, and that no
    other decision revises or came from (those stay together until the whole chain is due)."""
    vandaag = timezone.localtime(t.nu).date()
    return (
        Besluit.objects.filter(definitief_op__lt=t.grens)
        .filter(Q(registeritem__isnull=True) | Q(registeritem__bewaren_tot__lt=vandaag))
        .filter(herzieningen__isnull=True, herziet__isnull=True, uit_bezwaar__isnull=True)
        .filter(
            Q(bezwaar__isnull=True)
            | Q(bezwaar__herzien_besluit__isnull=True, bezwaar__beslist_op__isnull=False)
        )
    )


def _dossiers_afgesloten(t: Termijn) -> QuerySet[Client, int]:
    """Clients whose every benefit ended before the boundary: their client file's term has run out."""
    return (
        Client.objects.annotate(
            lopend=Count("uitkeringen", filter=Q(uitkeringen__einddatum__isnull=True)),
            laatste=Max("uitkeringen__einddatum"),
        )
        .filter(lopend=0, laatste__lt=t.grens.date())
        .values_list("pk", flat=True)
    )


def _contactmomenten(t: Termijn) -> QuerySet[Any]:
    return Contactmoment.objects.filter(client__in=_dossiers_afgesloten(t), tijdstip__lt=t.grens)


def _wijzigingsmeldingen(t: Termijn) -> QuerySet[Any]:
    return Wijzigingsmelding.objects.filter(
        client__in=_dossiers_afgesloten(t), afgehandeld_op__isnull=False, ontvangen_op__lt=t.grens
    )


#: kind -> (what is due, the path from that record to its client)
_TE_DOEN: dict[str, tuple[Callable[[Termijn], QuerySet[Any]], str]] = {
    "melder": (_melders, "signaal__client"),
    "signaal_zonder_vervolg": (_signalen, "client"),
    "onderzoek_zonder_bevinding": (_onderzoeken, "client"),
    "onderzoek_met_bevinding": (_onderzoeken_met_bevinding, "client"),
    "besluit": (_besluiten, "client"),
    "vordering": (_vorderingen, "client"),
    "bewijsstuk_zonder_bevinding": (_bewijsstukken_zonder_bevinding, "onderzoek__client"),
    "bewijsstuk_met_bevinding": (_bewijsstukken_met_bevinding, "onderzoek__client"),
    "contactmoment": (_contactmomenten, "client"),
    "wijzigingsmelding": (_wijzigingsmeldingen, "client"),
}


def _splits(code: str, t: Termijn) -> tuple[QuerySet[Any], int]:
    """(due and not held, held back by a legal hold)."""
    selectie, naar_client = _TE_DOEN[code]
    alles = selectie(t)
    vrij = alles.exclude(**{f"{naar_client}__in": gestopte_clienten()})
    return vrij, alles.count() - vrij.count()


# --- what happens to it ------------------------------------------------------------------------------


def _wis_bestanden(paden: list[str]) -> None:
    """After the commit: a file whose record is gone is removed (a rollback keeps both)."""
    root = Path(settings.MEDIA_ROOT)

    def wis() -> None:
        for pad in paden:
            (root / pad).unlink(missing_ok=True)

    transaction.on_commit(wis)


def _anonimiseer_melders(qs: QuerySet[Any], nu: datetime) -> int:
    return qs.update(melder_naam="", melder_contact="", geanonimiseerd_op=nu)


def _vernietig_signalen(qs: QuerySet[Any], nu: datetime) -> int:
    ids = list(qs.values_list("pk", flat=True))
    _wis_bestanden(list(Bijlage.objects.filter(signaal__in=ids).values_list("bestand", flat=True)))
    groepen = set(
        Signaal.objects.filter(pk__in=ids, groep__isnull=False).values_list("groep_id", flat=True)
    )
    Signaal.objects.filter(pk__in=ids).delete()
    # A group that lost its last signal says only that a client once had signals: it goes too.
    SignaalGroep.objects.filter(pk__in=groepen, signalen__isnull=True).delete()
    return len(ids)


def _vernietig_onderzoeken(qs: QuerySet[Any], nu: datetime) -> int:
    ids = list(qs.values_list("pk", flat=True))
    stukken = Bewijsstuk.objects.filter(onderzoek__in=ids)
    _wis_bestanden(list(stukken.values_list("pad", flat=True)))
    # Evidence points at the version it replaced and at its activity (PROTECT): newest first, then the rest.
    while stukken.exists():
        stukken.filter(vervangen_door__isnull=True).delete()
    Activiteit.objects.filter(onderzoek__in=ids, eerdere_weigering__isnull=False).delete()
    Activiteit.objects.filter(onderzoek__in=ids).delete()
    Onderzoek.objects.filter(pk__in=ids).delete()
    return len(ids)


def _vernietig_besluiten(qs: QuerySet[Any], nu: datetime) -> int:
    """With its letters, objection and register entry; its history and Omgekeerde Toets cascade."""
    ids = list(qs.values_list("pk", flat=True))
    Brief.objects.filter(besluit__in=ids).delete()
    Bezwaar.objects.filter(besluit__in=ids).delete()
    RegisterItem.objects.filter(besluit__in=ids).delete()
    Besluit.objects.filter(pk__in=ids).delete()
    return len(ids)


def _vernietig_vorderingen(qs: QuerySet[Any], nu: datetime) -> int:
    """Every claim of a decision that goes, then the decision with what hangs on it (_vernietig_besluiten)."""
    ids = list(qs.values_list("pk", flat=True))
    besluiten = set(Vordering.objects.filter(pk__in=ids).values_list("besluit_id", flat=True))
    Vordering.objects.filter(pk__in=ids).delete()
    _vernietig_besluiten(Besluit.objects.filter(pk__in=besluiten), nu)
    return len(ids)


def _verwijder(qs: QuerySet[Any], nu: datetime) -> int:
    ids = list(qs.values_list("pk", flat=True))
    qs.model.objects.filter(pk__in=ids).delete()
    return len(ids)


#: Evidence goes with its investigation: counted before, destroyed by the investigation's step.
_HANDELING: dict[str, Callable[[QuerySet[Any], datetime], int]] = {
    "melder": _anonimiseer_melders,
    "signaal_zonder_vervolg": _vernietig_signalen,
    "bewijsstuk_zonder_bevinding": lambda qs, nu: qs.count(),
    "bewijsstuk_met_bevinding": lambda qs, nu: qs.count(),
    "onderzoek_zonder_bevinding": _vernietig_onderzoeken,
    "onderzoek_met_bevinding": _vernietig_onderzoeken,
    "besluit": _vernietig_besluiten,
    "vordering": _vernietig_vorderingen,
    "contactmoment": _verwijder,
    "wijzigingsmelding": _verwijder,
}


def _toegangslog(t: Termijn) -> tuple[int, int, datetime]:
    """(entries that go, entries past their term that a legal hold keeps, the cut's boundary). The log is
    only cut at its start (so its chain stays verifiable, `audit_inkorten`): the first entry about a client
    under a legal hold, and everything after it, stays."""
    begin, _ = begin_van_de_keten()
    grens = t.grens
    eerste_gestopt = (
        AuditEntry.objects.filter(
            volgnummer__gt=begin, tijdstip__lt=grens, client_id__in=gestopte_clienten()
        )
        .order_by("volgnummer")
        .values_list("tijdstip", flat=True)
        .first()
    )
    if eerste_gestopt is not None:
        grens = eerste_gestopt
    over = AuditEntry.objects.filter(volgnummer__gt=begin, tijdstip__lt=t.grens).count()
    gaat = max(0, te_inkorten_tot(grens=grens) - begin)
    return gaat, over - gaat, grens


def vernietig(*, nu: datetime | None = None, droog: bool = False) -> list[Resultaat]:
    """The retention run (daily by celery beat; `naleving bewaartermijnen [--droog]`). A dry run changes
    nothing and logs nothing: it tells what the run would do now."""
    nu = nu or timezone.now()
    termijnen = {t.soort.code: t for t in schema(nu=nu) if t.soort.automatisch}
    resultaten: list[Resultaat] = []
    with transaction.atomic():
        # First what is due for every kind, then act: a record that becomes due only because another goes in
        # this run (an investigation whose decision goes) follows the next night, so a dry run says exactly
        # what the run does.
        te_doen = []
        log_grens: datetime | None = None
        for code, t in termijnen.items():
            if code == "toegangslog":
                aantal, tegengehouden, log_grens = _toegangslog(t)
                resultaten.append(Resultaat(t, aantal, tegengehouden))
                continue
            vrij, tegengehouden = _splits(code, t)
            ids = list(vrij.values_list("pk", flat=True))
            te_doen.append((code, t, vrij.model, ids))
            resultaten.append(Resultaat(t, len(ids), tegengehouden))
        if droog:
            return resultaten
        for code, _t, model, ids in te_doen:
            if ids:
                _HANDELING[code](model.objects.filter(pk__in=ids), nu)
        if log_grens is not None:
            # Last, so its check of the chain sees the log as the run leaves it before its own entry. A
            # broken chain is not cut (its oldest part may be the evidence); the rest of the run goes on.
            try:
                audit_inkorten(grens=log_grens)
            except InkortenFout as exc:
                logger.error("%s", exc)
                resultaten = [
                    Resultaat(r.termijn, 0, r.tegengehouden)
                    if r.termijn.soort.code == "toegangslog"
                    else r
                    for r in resultaten
                ]
        for r in resultaten:
            if r.aantal or r.tegengehouden:
                Vernietiging.objects.create(
                    uitgevoerd_op=nu,
                    soort=r.termijn.soort.code,
                    aantal=r.aantal,
                    handeling=r.termijn.soort.handeling,
                    regel=r.termijn.soort.parameter,
                    termijn=r.termijn.in_woorden,
                    grens=timezone.localtime(r.termijn.grens).date(),
                    bron=r.termijn.waarde.bron,
                    tegengehouden=r.tegengehouden,
                )
        audit_log(
            user=None,
            actie=Actie.SYSTEEM,
            object_type="bewaren.vernietiging",
            velden={r.termijn.soort.code: r.aantal for r in resultaten},
            reden="Bewaartermijnen: wat aan de beurt was, is vernietigd of geanonimiseerd",
        )
    return resultaten


# --- legal hold --------------------------------------------------------------------------------------


def bewaarstop_plaats(*, user: User, clientnummer: str, reden: str, toelichting: str) -> Bewaarstop:
    """Stop destruction for one client while an objection or court case runs (AVG art. 17 lid 3 sub e:
    erasure does not apply to data needed for a legal claim)."""
    if not has_right(user, "bewaren.bewaarstop"):
        raise BewaarstopFout("Alleen de functioneel beheerder kan een bewaarstop plaatsen.")
    if reden not in StopReden.values:
        raise BewaarstopFout("Kies waarom de gegevens bewaard moeten blijven.")
    if not toelichting.strip():
        raise BewaarstopFout("Schrijf erbij om welke zaak het gaat, bijvoorbeeld het zaaknummer.")
    client = Client.objects.filter(clientnummer=clientnummer.strip().upper()).first()
    if client is None:
        raise BewaarstopFout(f"Er is geen cliënt met nummer {clientnummer.strip()}.")
    with transaction.atomic():
        stop = Bewaarstop.objects.create(
            client=client,
            reden=reden,
            toelichting=toelichting.strip()[:300],
            geplaatst_door=user,
            geplaatst_op=timezone.now(),
        )
        audit_log(user=user, actie=Actie.AANMAKEN, obj=stop, client=client, velden={"reden": reden})
    return stop


def bewaarstop_hef_op(*, user: User, bewaarstop_id: int) -> Bewaarstop:
    if not has_right(user, "bewaren.bewaarstop"):
        raise BewaarstopFout("Alleen de functioneel beheerder kan een bewaarstop opheffen.")
    with transaction.atomic():
        stop = Bewaarstop.objects.select_for_update().filter(pk=bewaarstop_id).first()
        if stop is None or not stop.actief:
            raise BewaarstopFout("Deze bewaarstop bestaat niet of is al opgeheven.")
        stop.opgeheven_door = user
        stop.opgeheven_op = timezone.now()
        stop.save(update_fields=["opgeheven_door", "opgeheven_op"])
        audit_log(user=user, actie=Actie.WIJZIGEN, obj=stop, velden={"opgeheven": True})
    return stop


__all__ = ["PER_CODE", "Resultaat", "bewaarstop_hef_op", "bewaarstop_plaats", "vernietig"]
