# SPDX-License-Identifier: EUPL-1.2
"""Every write of the prevention capability: one function per business action, checked, validated,
atomic, audited."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import Gemeente, User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Kanaal, Wet
from naleving.clienten.selectors import may
from naleving.mail.models import Soort
from naleving.mail.services import adres_controleren, mail_plannen
from naleving.preventie import identificatie
from naleving.preventie.models import (
    Campagne,
    Herinnering,
    Informatiemoment,
    Instelling,
    MeldingStap,
    MeldingStatus,
    Onderwerp,
    SoortHerinnering,
    SoortInformatiemoment,
    Verplichting,
    Wijzigingsmelding,
)

logger = logging.getLogger(__name__)

# --- information moments --------------------------------------------------------------------------


def informatiemoment_vastleggen(
    *,
    user: User,
    client: Client,
    datum: date,
    soort: str,
    kanaal: str,
    toelichting: str,
    verplichtingen: Iterable[Verplichting],
) -> Informatiemoment:
    if not may(user, "preventie.informeren", client):
        raise PermissionDenied("U mag geen informatiemoment vastleggen voor deze cliënt.")
    if soort not in SoortInformatiemoment.values:
        raise ValidationError({"soort": "Kies het soort informatiemoment."})
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies een kanaal uit de lijst."})
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een informatiemoment kan niet in de toekomst liggen."})
    gekozen = list(verplichtingen)
    if not gekozen:
        raise ValidationError(
            {"verplichtingen": "Kies minstens één verplichting die u heeft uitgelegd."}
        )
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise ValidationError({"toelichting": "Beschrijf kort wat u heeft uitgelegd."})
    with transaction.atomic():
        moment = Informatiemoment.objects.create(
            client=client,
            datum=datum,
            soort=soort,
            kanaal=kanaal,
            toelichting=toelichting,
            medewerker=user,
        )
        moment.verplichtingen.set(gekozen)
        Herinnering.objects.filter(
            client=client, soort=SoortHerinnering.INFORMATIE_NODIG, gesloten_op__isnull=True
        ).update(gesloten_op=timezone.now())
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=moment,
            client=client,
            velden={
                "soort": soort,
                "kanaal": kanaal,
                "verplichtingen": sorted(v.code for v in gekozen),
            },
        )
    return moment


def eenmalige_code_maken(*, user: User, client: Client) -> str:
    """A one-time code the consultant shows the client (INTERIM identification until DigiD). Returns
    the plain code once; only its hash is stored."""
    if not may(user, "preventie.informeren", client):
        raise PermissionDenied("U mag geen code maken voor deze cliënt.")
    code = identificatie.nieuwe_code()
    with transaction.atomic():
        opgeslagen = identificatie.code_opslaan(
            client=client,
            code=code,
            door=user,
            geldig_minuten=Instelling.huidig().code_geldig_minuten,
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=opgeslagen,
            client=client,
            reden="Eenmalige code gemaakt",
        )
    return code


# --- change reports -------------------------------------------------------------------------------


def inhoud_hash(*, melding: Wijzigingsmelding) -> str:
    """SHA-256 over the canonical JSON of what was reported, when and by whom: printed on the
    receipt so that anyone can check later that the stored report is what was received."""
    inhoud = {
        "ontvangstnummer": melding.ontvangstnummer,
        "clientnummer": melding.client.clientnummer,
        "ontvangen_op": melding.ontvangen_op.astimezone(UTC).isoformat(),
        "kanaal": melding.kanaal,
        "onderwerp": melding.onderwerp,
        "ingangsdatum": melding.ingangsdatum.isoformat() if melding.ingangsdatum else "",
        "tekst": melding.tekst,
    }
    canoniek = json.dumps(inhoud, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode("utf-8")).hexdigest()


def wijziging_doorgeven(
    *,
    client: Client,
    onderwerp: str,
    tekst: str,
    ingangsdatum: date | None,
    kanaal: str,
    identificatiemethode: str,
    user: User | None = None,
    email: str = "",
) -> Wijzigingsmelding:
    """Record a change report (PW art. 17 lid 1; IOAW/IOAZ art. 13) and its receipt, at once.

    By a resident (user None; identified by the identification backend) or by staff on the client's
    behalf. With `email`, the receipt also goes by e-mail: an outbox row planned after the report is
    committed, so a mail that fails never touches the report. The address is kept only on that row,
    until the mail is sent (naleving.mail)."""
    if user is not None and not may(user, "preventie.melding_vastleggen", client):
        raise PermissionDenied("U mag geen wijziging vastleggen voor deze cliënt.")
    if onderwerp not in Onderwerp.values:
        raise ValidationError({"onderwerp": "Kies waar de wijziging over gaat."})
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies een kanaal uit de lijst."})
    tekst = (tekst or "").strip()
    if len(tekst) < 5:
        raise ValidationError({"tekst": "Beschrijf wat er is veranderd."})
    if len(tekst) > 5000:
        raise ValidationError({"tekst": "Gebruik maximaal 5000 tekens."})
    nu = timezone.now()
    if ingangsdatum is not None and ingangsdatum > timezone.localdate() + timedelta(days=366):
        raise ValidationError({"ingangsdatum": "Vul een datum in binnen een jaar vanaf vandaag."})
    adres = adres_controleren(email) if (email or "").strip() else ""
    with transaction.atomic():
        melding = Wijzigingsmelding(
            ontvangstnummer=_ontvangstnummer(nu),
            client=client,
            ontvangen_op=nu,
            kanaal=kanaal,
            onderwerp=onderwerp,
            ingangsdatum=ingangsdatum,
            tekst=tekst,
            identificatie=identificatiemethode,
            vastgelegd_door=user,
        )
        melding.inhoud_hash = inhoud_hash(melding=melding)
        melding.save()
        MeldingStap.objects.create(
            melding=melding, van="", naar=MeldingStatus.ONTVANGEN, tijdstip=nu, door=user
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=melding,
            client=client,
            velden={
                "onderwerp": onderwerp,
                "kanaal": kanaal,
                "identificatie": identificatiemethode,
            },
            reden="Wijziging doorgegeven" + ("" if user else " door de inwoner"),
        )
    if adres:
        ontvangstbewijs_mailen(melding=melding, adres=adres)
    return melding


def ontvangstbewijs_mailen(*, melding: Wijzigingsmelding, adres: str) -> None:
    """Plan the receipt by e-mail. The report is already committed: whatever goes wrong here is logged
    and leaves it as it is (the resident has the receipt on screen and as a download)."""
    try:
        mail_plannen(
            soort=Soort.ONTVANGSTBEWIJS,
            sleutel=f"ontvangstbewijs:{melding.ontvangstnummer}",
            aan=adres,
            # The receipt number only: no name, no BSN, nothing of what was reported.
            onderwerp=f"Ontvangstbewijs van uw wijziging {melding.ontvangstnummer}",
            sjabloon="preventie/mail/ontvangstbewijs",
            context={"melding": melding},
            client=melding.client,
        )
    except Exception:
        logger.exception("Ontvangstbewijs per e-mail niet gepland voor melding %s", melding.pk)


def _ontvangstnummer(nu: datetime) -> str:
    return f"W{nu:%Y%m%d}-{secrets.token_hex(4).upper()}"


#: The change-report state machine: (from, to) -> the right needed.
TRANSITIES: dict[tuple[str, str], str] = {
    (MeldingStatus.ONTVANGEN, MeldingStatus.IN_BEHANDELING): "preventie.inbox",
    (MeldingStatus.ONTVANGEN, MeldingStatus.AFGEHANDELD): "preventie.inbox",
    (MeldingStatus.IN_BEHANDELING, MeldingStatus.AFGEHANDELD): "preventie.inbox",
}


def melding_verplaats(
    *, user: User, melding: Wijzigingsmelding, naar: str, toelichting: str = ""
) -> None:
    """Apply one move of the state machine; append a history row; record who handled it and when."""
    with transaction.atomic():
        melding = (
            Wijzigingsmelding.objects.select_for_update()
            .select_related("client")
            .get(pk=melding.pk)
        )
        recht = TRANSITIES.get((melding.status, naar))
        if recht is None:
            raise ValidationError(
                {
                    "status": f"Een melding met status '{MeldingStatus(melding.status).label}' "
                    f"kan niet naar '{naar}'."
                }
            )
        if not may(user, recht, melding.client):
            raise PermissionDenied("U mag deze wijziging niet behandelen.")
        toelichting = (toelichting or "").strip()
        if naar == MeldingStatus.AFGEHANDELD and not toelichting:
            raise ValidationError(
                {"toelichting": "Schrijf op wat u met de wijziging heeft gedaan."}
            )
        nu = timezone.now()
        vorige = melding.status
        melding.status = naar
        if naar == MeldingStatus.AFGEHANDELD:
            melding.afgehandeld_op, melding.afgehandeld_door = nu, user
        melding.save(update_fields=["status", "afgehandeld_op", "afgehandeld_door"])
        MeldingStap.objects.create(
            melding=melding, van=vorige, naar=naar, tijdstip=nu, door=user, toelichting=toelichting
        )
        if naar == MeldingStatus.AFGEHANDELD:
            Herinnering.objects.filter(melding=melding, gesloten_op__isnull=True).update(
                gesloten_op=nu
            )
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=melding,
            client=melding.client,
            velden={"status": [vorige, naar]},
        )


# --- reminders (scheduled) ------------------------------------------------------------------------


def maak_herinneringen(
    *, nu: datetime | None = None, peildatum: date | None = None
) -> dict[str, int]:
    """The scheduled job: a reminder for each change report waiting longer than the response term,
    and the worklist of clients whose periodic information moment is due. Idempotent: one open
    reminder per subject."""
    from naleving.preventie.selectors import periodiek_due

    nu = nu or timezone.now()
    peildatum = peildatum or timezone.localdate(nu)
    instelling = Instelling.huidig()
    grens = nu - timedelta(days=instelling.reactietermijn_dagen)
    wachtend = Wijzigingsmelding.objects.exclude(status=MeldingStatus.AFGEHANDELD).filter(
        ontvangen_op__lt=grens
    )
    nieuw_melding = _bulk_herinneringen(
        SoortHerinnering.MELDING_WACHT,
        wachtend.order_by("ontvangen_op").values_list("client_id", "client__consulent_id", "pk"),
        nu,
    )
    due = periodiek_due(
        user=None, peildatum=peildatum, interval_dagen=instelling.periodiek_interval_dagen
    )
    nieuw_info = _bulk_herinneringen(
        SoortHerinnering.INFORMATIE_NODIG,
        (
            (c, k, None)
            for c, k in due.order_by().values_list("pk", "consulent_id").iterator(chunk_size=5000)
        ),
        nu,
    )
    audit_log(
        user=None,
        actie=Actie.SYSTEEM,
        object_type="preventie.herinnering",
        velden={"melding_wacht": nieuw_melding, "informatie_nodig": nieuw_info},
        reden="Herinneringen preventie aangemaakt",
    )
    return {"melding_wacht": nieuw_melding, "informatie_nodig": nieuw_info}


def _bulk_herinneringen(
    soort: str, rijen: Iterable[tuple[int, int | None, int | None]], nu: datetime
) -> int:
    open_voor = set(
        Herinnering.objects.filter(soort=soort, gesloten_op__isnull=True).values_list(
            "client_id", flat=True
        )
    )
    batch: list[Herinnering] = []
    nieuw = 0
    for client_id, consulent_id, melding_id in rijen:
        if client_id in open_voor:
            continue
        open_voor.add(client_id)
        batch.append(
            Herinnering(
                soort=soort,
                client_id=client_id,
                consulent_id=consulent_id,
                melding_id=melding_id,
                aangemaakt_op=nu,
            )
        )
        if len(batch) >= 5000:
            Herinnering.objects.bulk_create(batch, ignore_conflicts=True)
            nieuw, batch = nieuw + len(batch), []
    Herinnering.objects.bulk_create(batch, ignore_conflicts=True)
    return nieuw + len(batch)


# --- campaigns ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doelgroep:
    """The ONLY criteria a campaign may select on (domain.md §9; SyRI ruling 2020): law,
    municipality and obligation. Any other attribute is refused, by construction."""

    wetten: tuple[str, ...]
    gemeenten: tuple[int, ...]
    verplichtingen: tuple[int, ...]

    @classmethod
    def uit(cls, gegevens: dict[str, Any]) -> Doelgroep:
        toegestaan = {f.name for f in fields(cls)}
        anders = sorted(set(gegevens) - toegestaan)
        if anders:
            raise ValidationError(
                {
                    "doelgroep": "Een doelgroep kiest u alleen op wet, gemeente en verplichting, "
                    f"niet op: {', '.join(anders)}."
                }
            )
        return cls(
            wetten=tuple(gegevens.get("wetten", ())),
            gemeenten=tuple(int(g) for g in gegevens.get("gemeenten", ())),
            verplichtingen=tuple(int(v) for v in gegevens.get("verplichtingen", ())),
        )


def campagne_plannen(
    *,
    user: User,
    naam: str,
    doel: str,
    start: date,
    einde: date,
    uitvoeringsplan_jaar: int,
    uitvoeringsplan_actie: str,
    doelgroep: Doelgroep,
) -> Campagne:
    if not has_right(user, "preventie.campagnes"):
        raise PermissionDenied("Uw rol mag geen campagnes plannen.")
    fouten: dict[str, str] = {}
    if not (naam or "").strip():
        fouten["naam"] = "Geef de campagne een naam."
    if einde < start:
        fouten["einde"] = "De einddatum ligt vóór de startdatum."
    if not doelgroep.wetten or set(doelgroep.wetten) - set(Wet.values):
        fouten["wetten"] = "Kies minstens één wet."
    gemeenten = list(Gemeente.objects.filter(pk__in=doelgroep.gemeenten))
    if not gemeenten or len(gemeenten) != len(set(doelgroep.gemeenten)):
        fouten["gemeenten"] = "Kies minstens één gemeente."
    verplichtingen = list(Verplichting.objects.filter(pk__in=doelgroep.verplichtingen))
    if not verplichtingen or len(verplichtingen) != len(set(doelgroep.verplichtingen)):
        fouten["verplichtingen"] = "Kies minstens één verplichting waar de campagne over gaat."
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        campagne = Campagne.objects.create(
            naam=naam.strip(),
            doel=(doel or "").strip(),
            start=start,
            einde=einde,
            uitvoeringsplan_jaar=uitvoeringsplan_jaar,
            uitvoeringsplan_actie=(uitvoeringsplan_actie or "").strip(),
            wetten=sorted(set(doelgroep.wetten)),
            aangemaakt_door=user,
        )
        campagne.gemeenten.set(gemeenten)
        campagne.verplichtingen.set(verplichtingen)
        audit_log(user=user, actie=Actie.AANMAKEN, obj=campagne, velden={"wetten": campagne.wetten})
    return campagne


def campagne_bereik_vastleggen(
    *, user: User, campagne: Campagne, brieven_verstuurd: int, bijeenkomsten: int, deelnemers: int
) -> Campagne:
    if not has_right(user, "preventie.campagnes"):
        raise PermissionDenied("Uw rol mag het bereik van campagnes niet vastleggen.")
    for veld, waarde in (
        ("brieven_verstuurd", brieven_verstuurd),
        ("bijeenkomsten", bijeenkomsten),
        ("deelnemers", deelnemers),
    ):
        if waarde < 0:
            raise ValidationError({veld: "Vul 0 of een hoger getal in."})
    with transaction.atomic():
        campagne.brieven_verstuurd = brieven_verstuurd
        campagne.bijeenkomsten = bijeenkomsten
        campagne.deelnemers = deelnemers
        campagne.save(update_fields=["brieven_verstuurd", "bijeenkomsten", "deelnemers"])
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=campagne,
            velden={
                "brieven": brieven_verstuurd,
                "bijeenkomsten": bijeenkomsten,
                "deelnemers": deelnemers,
            },
        )
    return campagne


# --- the catalogue --------------------------------------------------------------------------------


def verplichting_nieuwe_versie(
    *, user: User, vorige: Verplichting, geldig_vanaf: date, **tekst: Any
) -> Verplichting:
    """A new version of an obligation from `geldig_vanaf`; the previous version ends the day before.

    Texts that were valid stay as they were: an overview or information moment from the past keeps
    pointing at what the person was actually told."""
    if not has_right(user, "preventie.catalogus_beheren"):
        raise PermissionDenied("Uw rol mag de catalogus van verplichtingen niet wijzigen.")
    with transaction.atomic():
        vorige = Verplichting.objects.select_for_update().get(pk=vorige.pk)
        if (
            vorige.geldig_tot is not None
            or Verplichting.objects.filter(code=vorige.code, versie__gt=vorige.versie).exists()
        ):
            raise ValidationError({"geldig_vanaf": "Er is al een nieuwere versie; wijzig die."})
        if geldig_vanaf <= vorige.geldig_vanaf:
            raise ValidationError(
                {
                    "geldig_vanaf": f"Kies een datum na {vorige.geldig_vanaf:%d-%m-%Y}, "
                    "de start van de huidige versie."
                }
            )
        verplicht = ("titel", "wat", "wanneer", "hoe", "grondslag")
        for veld in verplicht:
            if not str(tekst.get(veld, "")).strip():
                raise ValidationError({veld: f"Vul {veld} in."})
        vorige.geldig_tot = geldig_vanaf - timedelta(days=1)
        vorige.save(update_fields=["geldig_tot"])
        nieuw = Verplichting.objects.create(
            code=vorige.code,
            versie=vorige.versie + 1,
            wet=vorige.wet,
            onderwerp=vorige.onderwerp,
            volgorde=vorige.volgorde,
            geldig_vanaf=geldig_vanaf,
            titel=tekst["titel"].strip(),
            wat=tekst["wat"].strip(),
            wanneer=tekst["wanneer"].strip(),
            hoe=tekst["hoe"].strip(),
            grondslag=tekst["grondslag"].strip(),
            grondslag_onzeker=bool(tekst.get("grondslag_onzeker")),
            voorwaarde=tekst.get("voorwaarde") or vorige.voorwaarde,
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=nieuw,
            velden={
                "code": nieuw.code,
                "versie": nieuw.versie,
                "geldig_vanaf": geldig_vanaf.isoformat(),
            },
        )
    return nieuw
