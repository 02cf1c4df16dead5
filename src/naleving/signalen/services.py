# SPDX-License-Identifier: EUPL-1.2
"""Every write to signals: one function per business action, checked, validated, atomic and audited.

The state machine is `triage.MACHINE`; `verloop.beweeg` is the one function that applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import Gemeente, User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client
from naleving.clienten.selectors import may
from naleving.core import bsn as bsn_rules
from naleving.signalen import conf, extravelden
from naleving.signalen.bevestiging import bevestiging_vastleggen, vereis_bevestiging
from naleving.signalen.groepering import kies_groep, verbreed
from naleving.signalen.models import (
    Bron,
    Product,
    Signaal,
    SignaalGroep,
    Status,
    Taak,
    Triagebesluit,
    Uitkomst,
)
from naleving.signalen.triage import DOEL, MACHINE, REDENEN
from naleving.verloop import services as verloop


@dataclass(frozen=True)
class NieuwSignaal:
    bron: str
    bron_naam: str
    product: str
    datum: date
    bsn: str = ""
    extern_id: str = ""
    omschrijving: str = ""
    payload: dict[str, Any] | None = None
    gemeente: Gemeente | None = None
    client: Client | None = None
    anoniem: bool = False


def termijn_voor(*, ontvangen_op: datetime) -> date:
    return timezone.localdate(ontvangen_op) + timedelta(days=conf.triagetermijn_dagen())


def signaal_maak(*, user: User | None, nieuw: NieuwSignaal) -> Signaal:
    """Store one signal: link it to a client by BSN, group it, record its first state. No permission
    check: callers are the gate (public form, colleague form, demo data). Extra fields only as the
    allow-list of its source and product says (extravelden.py)."""
    payload, fouten = extravelden.controleer(nieuw.bron, nieuw.product, nieuw.payload or {})
    if fouten:
        raise ValidationError({"payload": [probleem for _veld, probleem in fouten]})
    now = timezone.now()
    client = nieuw.client or (Client.objects.filter(bsn=nieuw.bsn).first() if nieuw.bsn else None)
    with transaction.atomic():
        signaal = Signaal.objects.create(
            bron=nieuw.bron,
            bron_naam=nieuw.bron_naam,
            extern_id=nieuw.extern_id,
            product=nieuw.product,
            bsn=client.bsn if client else nieuw.bsn,
            datum=nieuw.datum,
            omschrijving=nieuw.omschrijving,
            payload=payload,
            client=client,
            gemeente=client.gemeente if client else nieuw.gemeente,
            anoniem=nieuw.anoniem,
            ontvangen_op=now,
            termijn=termijn_voor(ontvangen_op=now),
            geregistreerd_door=user if user is not None and user.is_authenticated else None,
        )
        if client is not None:
            signaal.groep = groep_voor(
                client_id=client.pk, product=signaal.product, datum=signaal.datum
            )
            signaal.save(update_fields=["groep"])
        verloop.begin(machine=MACHINE, obj=signaal, user=signaal.geregistreerd_door, op=now)
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=signaal,
            client=client,
            velden={
                "bron": signaal.bron,
                "bron_naam": signaal.bron_naam,
                "product": signaal.product,
            },
        )
    return signaal


def groep_voor(*, client_id: int, product: str, datum: date) -> SignaalGroep:
    """The group of this client and product with a signal within the window, or a new one."""
    venster = timedelta(days=conf.groepvenster_dagen())
    groep = kies_groep(
        SignaalGroep.objects.filter(
            client_id=client_id,
            product=product,
            laatste_datum__gte=datum - venster,
            eerste_datum__lte=datum + venster,
        ),
        datum,
        venster,
    )
    if groep is None:
        return SignaalGroep.objects.create(
            client_id=client_id, product=product, eerste_datum=datum, laatste_datum=datum
        )
    if verbreed(groep, datum):
        groep.save(update_fields=["laatste_datum", "eerste_datum"])
    return groep


def signaal_registreer(
    *,
    user: User,
    client: Client,
    product: str,
    datum: date,
    omschrijving: str,
    waarneming: bool = False,
) -> Signaal:
    """A colleague records a signal, or an own observation, from the client file."""
    if not may(user, "signaal.registreren", client):
        raise PermissionDenied("U mag voor deze cliënt geen signaal vastleggen.")
    if product not in Product.values:
        raise ValidationError({"product": "Kies een soort signaal uit de lijst."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "De datum van het signaal kan niet in de toekomst liggen."})
    omschrijving = (omschrijving or "").strip()
    if not omschrijving:
        raise ValidationError({"omschrijving": "Beschrijf wat u heeft gezien of gehoord."})
    nieuw = NieuwSignaal(
        bron=Bron.WAARNEMING if waarneming else Bron.COLLEGA,
        bron_naam=user.get_full_name() or user.get_username(),
        product=product,
        datum=datum,
        omschrijving=omschrijving,
        client=client,
    )
    return signaal_maak(user=user, nieuw=nieuw)


def _beweeg(*, signaal: Signaal, naar: str, user: User | None, toelichting: str = "") -> None:
    """Move a signal by the one state machine: a move the table refuses, or one that a concurrent
    move overtook (compare-and-set on the status), raises `verloop.machine.OngeldigeOvergang`."""
    verloop.beweeg(machine=MACHINE, obj=signaal, naar=naar, user=user, toelichting=toelichting)


def _require_triage(user: User, signaal: Signaal) -> None:
    if not has_right(user, "signaal.triageren"):
        raise PermissionDenied("Alleen een handhaver beoordeelt signalen.")
    if (
        signaal.gemeente_id is not None
        and not user.gemeenten.filter(pk=signaal.gemeente_id).exists()
    ):
        raise PermissionDenied("Dit signaal hoort bij een gemeente waarvoor u niet werkt.")


def signaal_neem_in_behandeling(*, user: User, signaal: Signaal) -> Signaal:
    _require_triage(user, signaal)
    with transaction.atomic():
        _beweeg(
            signaal=signaal, naar=Status.IN_TRIAGE, user=user, toelichting="In behandeling genomen"
        )
    return signaal


def signaal_koppel(*, user: User, signaal: Signaal, bsn_of_clientnummer: str) -> Signaal:
    """Link an unmatched signal to a client by hand (BSN or client number)."""
    _require_triage(user, signaal)
    if signaal.client_id is not None:
        raise ValidationError({"client": "Dit signaal is al aan een cliënt gekoppeld."})
    term = (bsn_of_clientnummer or "").strip().upper()
    if term.startswith("C"):
        client = Client.objects.filter(clientnummer=term).first()
    else:
        try:
            client = Client.objects.filter(bsn=bsn_rules.normalize(term)).first()
        except bsn_rules.BsnFout as exc:
            raise ValidationError({"client": exc.bericht}) from exc
    if client is None or not user.gemeenten.filter(pk=client.gemeente_id).exists():
        raise ValidationError(
            {"client": "Geen cliënt gevonden met dit BSN of cliëntnummer in uw gemeenten."}
        )
    with transaction.atomic():
        signaal.client = client
        signaal.gemeente = client.gemeente
        signaal.groep = groep_voor(
            client_id=client.pk, product=signaal.product, datum=signaal.datum
        )
        signaal.save(update_fields=["client", "gemeente", "groep"])
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=signaal,
            client=client,
            velden={"client": client.clientnummer},
            reden="Signaal met de hand gekoppeld",
        )
    return signaal


#: Called inside the triage transaction when the outcome is 'onderzoek starten': the investigation capability
#: registers the function that opens the investigation (onderzoek.services.onderzoek_uit_signaal).
class OnderzoekStarter(Protocol):
    def __call__(self, *, user: User, signaal: Signaal, toelichting: str) -> object: ...


_onderzoek_starters: list[OnderzoekStarter] = []


def register_onderzoek_starter(starter: OnderzoekStarter) -> None:
    if starter not in _onderzoek_starters:
        _onderzoek_starters.append(starter)


#: The page of the investigation a signal was handed to (its `onderzoek_ref`), from the investigation
#: capability, so the signal page links to it without signalen knowing how investigations are addressed.
class OnderzoekLink(Protocol):
    def __call__(self, *, nummer: str) -> str | None: ...


_onderzoek_links: list[OnderzoekLink] = []


def register_onderzoek_link(*, link: OnderzoekLink) -> None:
    if link not in _onderzoek_links:
        _onderzoek_links.append(link)


def onderzoek_link(*, onderzoek_ref: str) -> str | None:
    """The address of the investigation `onderzoek_ref` ('O000017'), or None when no app knows it."""
    for link in _onderzoek_links if onderzoek_ref else ():
        url = link(nummer=onderzoek_ref)
        if url:
            return url
    return None


def signaal_triageer(
    *,
    user: User,
    signaal: Signaal,
    uitkomst: str,
    reden: str,
    toelichting: str,
    bevestiging_bron: str = "",
    bevestiging_uitleg: str = "",
) -> Triagebesluit:
    """Decide what happens with a signal, always with a reason from the list and free text.

    Rule (domain.md §4): an anonymous report is low-weight; alone it never justifies an
    investigation, so the handhaver must name the real, independent source that corroborates it
    (`bevestiging_bron`, 'soort:pk') and say what it confirms; `bevestiging.vereis_bevestiging` is
    the check, shared with a request made directly on the client.
    """
    _require_triage(user, signaal)
    errors: dict[str, str] = {}
    if uitkomst not in Uitkomst.values:
        errors["uitkomst"] = "Kies wat er met het signaal gebeurt."
    elif reden not in REDENEN:
        errors["reden"] = "Kies een reden uit de lijst."
    elif uitkomst not in REDENEN[reden][1]:
        errors["reden"] = (
            f"De reden '{REDENEN[reden][0]}' past niet bij '{Uitkomst(uitkomst).label}'."
        )
    toelichting = (toelichting or "").strip()
    if not toelichting:
        errors["toelichting"] = "Licht uw besluit toe in eigen woorden."
    verwijzing = None
    if uitkomst == Uitkomst.ONDERZOEK and signaal.anoniem and signaal.client is not None:
        try:
            verwijzing = vereis_bevestiging(
                user=user,
                client=signaal.client,
                grond=[signaal],
                bron=bevestiging_bron,
                uitleg=bevestiging_uitleg,
            )
        except ValidationError as exc:
            errors.update({k: " ".join(v) for k, v in exc.message_dict.items()})
    if (
        uitkomst in (Uitkomst.PREVENTIEF_CONTACT, Uitkomst.DOORZETTEN, Uitkomst.ONDERZOEK)
        and not signaal.client_id
    ):
        errors["uitkomst"] = "Koppel het signaal eerst aan een cliënt."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        signaal = (
            Signaal.objects.select_for_update(of=("self",))
            .select_related("client")
            .get(pk=signaal.pk)
        )
        if signaal.status == Status.ONTVANGEN:
            _beweeg(
                signaal=signaal,
                naar=Status.IN_TRIAGE,
                user=user,
                toelichting="In behandeling genomen",
            )
        _beweeg(
            signaal=signaal, naar=DOEL[uitkomst], user=user, toelichting=Uitkomst(uitkomst).label
        )
        besluit = Triagebesluit.objects.create(
            signaal=signaal,
            uitkomst=uitkomst,
            reden=reden,
            toelichting=toelichting,
            door=user,
            tijdstip=timezone.now(),
        )
        if verwijzing is not None:
            bevestiging_vastleggen(user=user, verwijzing=verwijzing)
        Signaal.objects.filter(pk=signaal.pk).update(uitkomst=uitkomst)
        signaal.uitkomst = uitkomst
        if (
            uitkomst in (Uitkomst.PREVENTIEF_CONTACT, Uitkomst.DOORZETTEN)
            and signaal.client is not None
        ):
            soort = (
                Taak.Soort.INFORMEREN
                if uitkomst == Uitkomst.PREVENTIEF_CONTACT
                else Taak.Soort.BEOORDELEN
            )
            Taak.objects.create(
                signaal=signaal,
                client=signaal.client,
                consulent=signaal.client.consulent,
                soort=soort,
                omschrijving=toelichting,
                aangemaakt_op=timezone.now(),
            )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=besluit,
            client=signaal.client,
            velden={"uitkomst": uitkomst, "reden": reden},
            reden=toelichting[:300],
        )
        if uitkomst == Uitkomst.ONDERZOEK:
            for starter in _onderzoek_starters:
                starter(user=user, signaal=signaal, toelichting=toelichting)
    return besluit


def signaal_koppel_onderzoek(*, user: User | None, signaal: Signaal, onderzoek_ref: str) -> Signaal:
    """Hand-over to the Onderzoek capability: it calls this when it opens an investigation for a
    signal whose triage was 'onderzoek starten' (state `onderzoek`). Idempotent for the same
    reference."""
    if signaal.status != Status.ONDERZOEK:
        raise ValidationError(
            "Alleen een signaal met triage 'onderzoek starten' gaat naar een onderzoek."
        )
    if signaal.onderzoek_ref and signaal.onderzoek_ref != onderzoek_ref:
        raise ValidationError("Dit signaal hoort al bij een ander onderzoek.")
    with transaction.atomic():
        Signaal.objects.filter(pk=signaal.pk).update(onderzoek_ref=onderzoek_ref)
        signaal.onderzoek_ref = onderzoek_ref
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=signaal,
            client=signaal.client,
            velden={"onderzoek": onderzoek_ref},
        )
    return signaal


def signaal_registreer_bevinding(*, user: User | None, signaal: Signaal, vastgesteld: bool) -> None:
    """The Onderzoek capability closes the signal when its investigation is closed: whether a
    finding was established (the per-source share in the yearly report), and the move onderzoek →
    afgehandeld, so the signal no longer counts as open nor gives a handhaver access to the
    client."""
    with transaction.atomic():
        # The stored state counts, not what the caller's copy last saw.
        signaal.status = (
            Signaal.objects.select_for_update().values_list("status", flat=True).get(pk=signaal.pk)
        )
        Signaal.objects.filter(pk=signaal.pk).update(bevinding_vastgesteld=vastgesteld)
        signaal.bevinding_vastgesteld = vastgesteld
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=signaal,
            client=signaal.client,
            velden={"bevinding_vastgesteld": vastgesteld},
        )
        if signaal.status == Status.ONDERZOEK:
            _beweeg(
                signaal=signaal,
                naar=Status.AFGEHANDELD,
                user=user,
                toelichting="Onderzoek afgerond: "
                + ("onrechtmatigheid vastgesteld" if vastgesteld else "geen bevinding vastgesteld"),
            )


def taak_rond_af(*, user: User, taak: Taak) -> Taak:
    if not may(user, "taak.afronden", taak.client):
        raise PermissionDenied("U mag deze taak niet afronden.")
    if taak.afgerond_op is not None:
        raise ValidationError("Deze taak is al afgerond.")
    with transaction.atomic():
        taak.afgerond_op = timezone.now()
        taak.save(update_fields=["afgerond_op"])
        audit_log(
            user=user, actie=Actie.WIJZIGEN, obj=taak, client=taak.client, velden={"afgerond": True}
        )
    return taak
