# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.db.models import Max, QuerySet
from django.utils import timezone

from naleving.audit import anker
from naleving.audit.chain import GENESIS, HASHED_FIELDS, VerifyResult, entry_hash
from naleving.audit.models import Actie, AuditEntry, AuditHead, AuditInkorting


@dataclass(frozen=True)
class AuditFilter:
    gebruiker: str = ""
    clientnummer: str = ""
    actie: str = ""
    van: date | None = None
    tot: date | None = None


def audit_entries(*, f: AuditFilter) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.all()
    if f.gebruiker:
        qs = qs.filter(gebruiker=f.gebruiker)
    if f.clientnummer:
        qs = qs.filter(clientnummer=f.clientnummer)
    if f.actie:
        qs = qs.filter(actie=f.actie)
    tz = timezone.get_current_timezone()
    if f.van:
        qs = qs.filter(tijdstip__gte=datetime.combine(f.van, time.min, tzinfo=tz))
    if f.tot:
        qs = qs.filter(tijdstip__lte=datetime.combine(f.tot, time.max, tzinfo=tz))
    return qs.order_by("-volgnummer")


def recente_entries(*, limit: int = 15) -> QuerySet[AuditEntry]:
    """The newest entries of the log (the privacy officer's start page)."""
    return AuditEntry.objects.order_by("-volgnummer")[:limit]


def recente_weigeringen(*, limit: int = 10) -> QuerySet[AuditEntry]:
    """The newest refused accesses."""
    return AuditEntry.objects.filter(actie=Actie.GEWEIGERD).order_by("-volgnummer")[:limit]


def verify_chain(*, batch_size: int = 5000) -> VerifyResult:
    """Walk the log in order up to the head and recompute every hash; then hold the log against the signed
    checkpoints outside the database (`anker`), which show an end that was cut off and the head set back.

    The checkpoint file is measured first and the head read next, so entries and checkpoints written while
    this runs are left for the next run instead of looking like a broken chain."""
    anker_tot = anker.grootte()
    head = AuditHead.objects.filter(id=1).values_list("volgnummer", "hash").first()
    head_nummer, head_hash = head if head is not None else (0, GENESIS)
    inkorting = AuditInkorting.objects.order_by("-tot_en_met").first()
    if inkorting is not None and not anker.begin_geldig(
        inkorting.tot_en_met,
        inkorting.hash,
        inkorting.uitgevoerd_op.astimezone(UTC).isoformat(),
        inkorting.handtekening,
    ):
        return VerifyResult(
            False,
            0,
            inkorting.tot_en_met + 1,
            f"het beginpunt van het ingekorte log (na logregel {inkorting.tot_en_met}) is vervalst: "
            "de HMAC klopt niet (of NALEVING_AUDIT_SLEUTEL is veranderd)",
        )
    begin, previous = begin_van_de_keten(inkorting)
    expected_number = begin + 1
    checked = 0
    for entry in _in_order(batch_size, head_nummer, na=begin):
        if entry.volgnummer != expected_number:
            return VerifyResult(False, checked, expected_number, "logregel ontbreekt (verwijderd?)")
        if entry.vorige_hash != previous:
            return VerifyResult(False, checked, entry.volgnummer, "vorige hash klopt niet")
        values = {name: getattr(entry, name) for name in HASHED_FIELDS}
        if entry_hash(values, previous) != entry.hash:
            return VerifyResult(
                False, checked, entry.volgnummer, "inhoud gewijzigd: hash klopt niet"
            )
        previous = entry.hash
        expected_number += 1
        checked += 1
    laatst = begin + checked
    if laatst != head_nummer or previous != head_hash:
        return VerifyResult(False, checked, laatst + 1, "laatste logregel(s) ontbreken")
    # Read after the head: an entry committed meanwhile has moved the head past it.
    laatste = AuditEntry.objects.aggregate(m=Max("volgnummer"))["m"] or 0
    kop_nu = AuditHead.objects.filter(id=1).values_list("volgnummer", flat=True).first() or 0
    if laatste > kop_nu:
        return VerifyResult(
            False, checked, kop_nu + 1, "logregels staan na de kop van de keten (kop teruggezet?)"
        )
    return _verify_ankers(
        checked, anker_tot, batch_size, begin=begin, begin_hash=inkorting_hash(inkorting)
    )


def begin_van_de_keten(inkorting: AuditInkorting | None = None) -> tuple[int, str]:
    """(the number the chain starts after, the hash it starts from): after the newest cut, or from 0."""
    if inkorting is None:
        inkorting = AuditInkorting.objects.order_by("-tot_en_met").first()
    return (inkorting.tot_en_met, inkorting.hash) if inkorting is not None else (0, GENESIS)


def inkorting_hash(inkorting: AuditInkorting | None) -> str:
    return inkorting.hash if inkorting is not None else GENESIS


def _verify_ankers(
    checked: int, anker_tot: int, batch_size: int, *, begin: int = 0, begin_hash: str = GENESIS
) -> VerifyResult:
    """Every checkpoint must be signed with our key, and the log must still hold its entry with its hash.
    A checkpoint of the last entry a cut removed must name the hash the cut kept; older ones name entries
    that went with a cut after the whole chain was checked, and are only checked for their signature."""
    laatst = begin + checked
    if anker_tot == 0:
        waarschuwing = (
            f"geen ankerpunten in {anker.pad()}: of het einde van het log is afgekapt, "
            "is zo niet vast te stellen."
            if checked
            else ""
        )
        return VerifyResult(True, checked, waarschuwing=waarschuwing)
    hoogste: anker.Ankerpunt | None = None
    aantal = 0
    batch: list[anker.Ankerpunt] = []
    for punt in anker.lees(anker_tot):
        if not punt.geldig:
            return VerifyResult(
                False,
                checked,
                None,
                f"ankerpunt op regel {punt.regel} van {anker.pad()} is vervalst of beschadigd: "
                "de HMAC klopt niet (of NALEVING_AUDIT_SLEUTEL is veranderd)",
            )
        aantal += 1
        if hoogste is None or punt.volgnummer > hoogste.volgnummer:
            hoogste = punt
        if punt.volgnummer == begin and begin and punt.hash != begin_hash:
            return VerifyResult(
                False,
                checked,
                begin,
                f"hash wijkt af van het ankerpunt van {punt.tijdstip}: het beginpunt van het "
                "ingekorte log is niet de logregel die het ankerpunt vastlegde",
            )
        if begin < punt.volgnummer <= laatst:
            batch.append(punt)
        if len(batch) >= batch_size:
            if fout := _vergelijk(batch, checked):
                return fout
            batch = []
    if fout := _vergelijk(batch, checked):
        return fout
    if hoogste is not None and hoogste.volgnummer > laatst:
        return VerifyResult(
            False,
            checked,
            laatst + 1,
            f"logregels {laatst + 1} t/m {hoogste.volgnummer} ontbreken: het ankerpunt van "
            f"{hoogste.tijdstip} legt logregel {hoogste.volgnummer} vast, maar het log houdt op bij "
            f"{laatst} (het einde is afgekapt)",
            ankerpunten=aantal,
        )
    return VerifyResult(True, checked, ankerpunten=aantal)


def _vergelijk(punten: list[anker.Ankerpunt], checked: int) -> VerifyResult | None:
    hashes = dict(
        AuditEntry.objects.filter(volgnummer__in={p.volgnummer for p in punten}).values_list(
            "volgnummer", "hash"
        )
    )
    for punt in punten:
        if hashes.get(punt.volgnummer) != punt.hash:
            return VerifyResult(
                False,
                checked,
                punt.volgnummer,
                f"hash wijkt af van het ankerpunt van {punt.tijdstip} (logregel vervangen?)",
            )
    return None


def _in_order(batch_size: int, tot_en_met: int, *, na: int = 0) -> Iterator[AuditEntry]:
    last = na
    while True:
        batch = list(
            AuditEntry.objects.filter(volgnummer__gt=last, volgnummer__lte=tot_en_met).order_by(
                "volgnummer"
            )[:batch_size]
        )
        if not batch:
            return
        yield from batch
        last = batch[-1].volgnummer
