# SPDX-License-Identifier: EUPL-1.2
"""Batch intake of chain-partner signals (CLI, teamleider upload and partner API share this code).

Idempotent by (source, external id): a record already received is counted, not stored again. Every
row is validated; the good rows are stored in one transaction; bad rows go to an error report (CSV)
in Dutch with row number, field and problem. Memory stays flat: records are read, checked and
written per batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client
from naleving.core import bsn as bsn_rules
from naleving.core.bulk import copy_rijen, reserveer_ids
from naleving.core.spreadsheet import csv_schrijver
from naleving.signalen import conf, extravelden
from naleving.signalen.bestanden import KOLOMMEN, Bestandsfout, Teller, csv_records, json_records
from naleving.signalen.groepering import kies_groep, verbreed
from naleving.signalen.models import (
    Bron,
    Product,
    Signaal,
    SignaalGroep,
    Signaalimport,
    Status,
)
from naleving.signalen.services import termijn_voor

BATCH = 5000
PRODUCTEN = frozenset(Product.values)
_PRODUCTLIJST = ", ".join(Product.values)
TOON_FOUTEN = 50


@dataclass(frozen=True)
class Rijfout:
    rij: int
    veld: str
    probleem: str
    extern_id: str = ""


@dataclass
class Rij:
    rij: int
    extern_id: str
    product: str
    bsn: str
    datum: date
    omschrijving: str
    payload: dict[str, Any]


@dataclass
class Importresultaat:
    signaalimport: Signaalimport
    nieuw: int = 0
    bestaand: int = 0
    fout: int = 0
    fouten: list[Rijfout] = field(default_factory=list)  # the first TOON_FOUTEN, for the screen

    @property
    def exitcode(self) -> int:
        return 1 if self.fout else 0


def valideer(rij: int, record: dict[str, Any], vandaag: date) -> Rij | list[Rijfout]:
    """Check one record; every problem gets a Dutch message naming the field."""

    def tekst(naam: str) -> str:
        waarde = record.get(naam)
        return "" if waarde is None else str(waarde).strip()

    extern_id = tekst("extern_id")
    fouten: list[Rijfout] = []

    def fout(veld: str, probleem: str) -> None:
        fouten.append(Rijfout(rij, veld, probleem, extern_id[:100]))

    for naam in ("extern_id", "product", "bsn", "datum"):
        if naam not in record:
            fout(naam, f"Het veld {naam} ontbreekt.")
    if fouten:
        return fouten
    if not extern_id:
        fout("extern_id", "Vul extern_id in.")
    elif len(extern_id) > 100:
        fout("extern_id", "extern_id is langer dan 100 tekens.")
    product = tekst("product").lower()
    if product not in PRODUCTEN:
        fout("product", f"Onbekend product '{tekst('product')[:40]}'. Kies uit: {_PRODUCTLIJST}.")
    bsn = ""
    try:
        bsn = bsn_rules.normalize(tekst("bsn"))
    except bsn_rules.BsnFout as exc:
        fout("bsn", exc.bericht)
    datum = _datum(tekst("datum"))
    if datum is None:
        fout("datum", f"'{tekst('datum')[:20]}' is geen geldige datum; gebruik jjjj-mm-dd.")
    elif datum > vandaag:
        fout("datum", f"De datum {datum:%d-%m-%Y} ligt in de toekomst.")
    omschrijving = tekst("omschrijving")
    if len(omschrijving) > 10_000:
        fout("omschrijving", "De omschrijving is langer dan 10.000 tekens.")
    for naam, waarde in (("extern_id", extern_id), ("omschrijving", omschrijving)):
        if "\x00" in waarde:  # PostgreSQL stores no NUL character in text
            fout(naam, f"Het veld {naam} bevat een ongeldig teken (NUL).")
    if product in PRODUCTEN:
        extra = {k: v for k, v in record.items() if k not in KOLOMMEN}
        payload, onbekend = extravelden.controleer(Bron.KETENPARTNER, product, extra)
        for veld, probleem in onbekend:
            fout(veld, probleem)
    if fouten:
        return fouten
    return Rij(rij, extern_id, product, bsn, datum, omschrijving, payload)  # type: ignore[arg-type]


def _datum(waarde: str) -> date | None:
    if len(waarde) == 10 and waarde[4] == "-":
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            return None
    for formaat in ("%d-%m-%Y",):
        try:
            return datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    return None


def records(stream: Teller, bestandsnaam: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    if bestandsnaam.lower().endswith(".json"):
        return json_records(stream)
    return csv_records(stream)


class _Foutrapport:
    """Bad rows go to a CSV under MEDIA_ROOT as they come: a million bad rows do not fill memory."""

    def __init__(self) -> None:
        self.pad = ""
        self._bestand: TextIO | None = None
        self._writer: Any = None

    def schrijf(self, fout: Rijfout) -> None:
        if self._bestand is None:
            relatief = f"signalen/imports/{uuid.uuid4().hex}-fouten.csv"
            doel = Path(settings.MEDIA_ROOT) / relatief
            doel.parent.mkdir(parents=True, exist_ok=True)
            self._bestand = doel.open("w", encoding="utf-8", newline="")
            self._writer = csv_schrijver(self._bestand)
            self._writer.writerow(["rij", "extern_id", "veld", "probleem"])
            self.pad = relatief
        self._writer.writerow([fout.rij, fout.extern_id, fout.veld, fout.probleem])

    def sluit(self) -> None:
        if self._bestand is not None:
            self._bestand.close()


def importeer(
    *,
    stream: BinaryIO,
    bestandsnaam: str,
    bron_naam: str,
    user: User | None,
    voortgang: Callable[[int], None] | None = None,
) -> Importresultaat:
    """Import one file. Raises Bestandsfout (nothing stored) when the file itself is unusable."""
    bron_naam = (bron_naam or "").strip()
    if not bron_naam:
        raise Bestandsfout("Geef de bron op (de naam van de ketenpartner).")
    teller = Teller(stream)
    rapport = _Foutrapport()
    vandaag = timezone.localdate()
    try:
        with transaction.atomic():
            run = Signaalimport.objects.create(
                bron_naam=bron_naam[:100], bestandsnaam=bestandsnaam[-255:], door=user
            )
            resultaat = Importresultaat(run)

            def noteer(fout: Rijfout) -> None:
                resultaat.fout += 1
                if len(resultaat.fouten) < TOON_FOUTEN:
                    resultaat.fouten.append(fout)
                rapport.schrijf(fout)

            def batches() -> Iterator[list[Rij]]:
                batch: list[Rij] = []
                for rij, record in records(teller, bestandsnaam):
                    if isinstance(record, str):
                        noteer(Rijfout(rij, "", record))
                        continue
                    uitkomst = valideer(rij, record, vandaag)
                    if isinstance(uitkomst, list):
                        for f in uitkomst:
                            noteer(f)
                        continue
                    batch.append(uitkomst)
                    if len(batch) >= BATCH:
                        yield batch
                        batch = []
                if batch:
                    yield batch

            vooruit = _Vooruit(batches())
            gemeld = 0
            batch = vooruit.neem()
            while batch is not None:
                _schrijf(run, batch, resultaat, noteer, tijdens_schrijven=vooruit)
                if voortgang:
                    voortgang(teller.gelezen - gemeld)
                    gemeld = teller.gelezen
                batch = vooruit.neem()
            rapport.sluit()
            run.aantal_nieuw, run.aantal_bestaand, run.aantal_fout = (
                resultaat.nieuw,
                resultaat.bestaand,
                resultaat.fout,
            )
            run.foutrapport = rapport.pad
            run.save()
            audit_log(
                user=user,
                actie=Actie.AANMAKEN,
                obj=run,
                velden={
                    "bron": bron_naam,
                    "bestand": bestandsnaam[-255:],
                    "nieuw": resultaat.nieuw,
                    "bestaand": resultaat.bestaand,
                    "fout": resultaat.fout,
                },
                reden="Signalen ingelezen",
            )
    except (Bestandsfout, IntegrityError) as exc:
        rapport.sluit()
        if rapport.pad:
            (Path(settings.MEDIA_ROOT) / rapport.pad).unlink(missing_ok=True)
        if isinstance(exc, IntegrityError):
            # Another import of the same source stored some of these external ids while this one
            # ran (or a client was removed meanwhile): the transaction stored nothing.
            raise Bestandsfout(
                "Er is niets opgeslagen: tijdens het inlezen veranderden dezelfde gegevens "
                "(bijvoorbeeld een tweede import van deze bron). Lees het bestand opnieuw in; "
                "wat al binnen is, wordt dan overgeslagen."
            ) from exc
        raise
    return resultaat


class Aanleverfout(Exception):
    """The delivery is refused as a whole; nothing is stored. `fouten` per record (1-based), record
    0 for the delivery itself."""

    def __init__(self, fouten: list[Rijfout]) -> None:
        super().__init__(f"{len(fouten)} fout(en)")
        self.fouten = fouten


class GelijktijdigeAanlevering(Exception):
    """A concurrent delivery stored some of the same external ids first; nothing is stored, and
    delivering again is safe (idempotent)."""


def lever_aan(
    *, records: list[Any], bron_naam: str, user: Any, max_records: int
) -> Importresultaat:
    """Take in one delivery all or nothing (the partner API): every record checked by `valideer`
    as a file row is, the same idempotency by (source, external id), the same bulk write.

    Raises Aanleverfout (nothing stored) when any record is bad, GelijktijdigeAanlevering when a
    concurrent delivery got there first."""
    if not records or len(records) > max_records:
        raise Aanleverfout([Rijfout(0, "", f"Stuur 1 tot {max_records} signalen per aanroep.")])
    vandaag = timezone.localdate()
    goed: list[Rij] = []
    fouten: list[Rijfout] = []
    gezien: dict[str, int] = {}
    for nummer, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            fouten.append(Rijfout(nummer, "", "Dit record is geen object met velden."))
            continue
        uitkomst = valideer(nummer, record, vandaag)
        if isinstance(uitkomst, list):
            fouten.extend(uitkomst)
        elif uitkomst.extern_id in gezien:
            fouten.append(
                Rijfout(
                    nummer,
                    "extern_id",
                    f"extern_id '{uitkomst.extern_id}' staat al in "
                    f"record {gezien[uitkomst.extern_id]} van deze aanroep.",
                    uitkomst.extern_id,
                )
            )
        else:
            gezien[uitkomst.extern_id] = nummer
            goed.append(uitkomst)
    if fouten:
        raise Aanleverfout(fouten)
    try:
        with transaction.atomic():
            run = Signaalimport.objects.create(bron_naam=bron_naam[:100], bestandsnaam="API")
            resultaat = Importresultaat(run)
            _schrijf(run, goed, resultaat, resultaat.fouten.append)
            run.aantal_nieuw, run.aantal_bestaand = resultaat.nieuw, resultaat.bestaand
            run.save(update_fields=["aantal_nieuw", "aantal_bestaand"])
            audit_log(
                user=user,
                actie=Actie.AANMAKEN,
                obj=run,
                velden={"nieuw": resultaat.nieuw, "bestaand": resultaat.bestaand},
                reden="Signalen via API",
            )
    except IntegrityError as exc:
        raise GelijktijdigeAanlevering from exc
    return resultaat


class _Vooruit:
    """The next batch, read and checked while the database still writes the current one (the client
    and the database then work at the same time; bench/signalen_import.py)."""

    def __init__(self, stroom: Iterator[list[Rij]]) -> None:
        self._stroom = stroom
        self._volgende: list[Rij] | None = None
        self._gelezen = False

    def __call__(self) -> None:
        if not self._gelezen:
            self._volgende = next(self._stroom, None)
            self._gelezen = True

    def neem(self) -> list[Rij] | None:
        self()
        self._gelezen = False
        return self._volgende


def _schrijf(
    run: Signaalimport,
    batch: list[Rij],
    resultaat: Importresultaat,
    noteer: Callable[[Rijfout], None],
    tijdens_schrijven: Callable[[], None] | None = None,
) -> None:
    """Store the new rows of `batch`; `tijdens_schrijven` runs while the database takes them in (it
    must not use the database)."""
    if not batch:
        return
    bestaand = _bestaand(run.bron_naam, [r.extern_id for r in batch])
    gezien: dict[str, int] = {}
    nieuw: list[Rij] = []
    for r in batch:
        eerder = gezien.get(r.extern_id)
        if r.extern_id in bestaand and bestaand[r.extern_id] != run.pk:
            resultaat.bestaand += 1
        elif eerder is not None or r.extern_id in bestaand:
            waar = f" (rij {eerder})" if eerder is not None else ""
            noteer(
                Rijfout(
                    r.rij,
                    "extern_id",
                    f"extern_id '{r.extern_id}' staat eerder in dit bestand{waar}.",
                    r.extern_id,
                )
            )
        else:
            gezien[r.extern_id] = r.rij
            nieuw.append(r)
    if not nieuw:
        return
    clients = _clients({r.bsn for r in nieuw})
    groepen = _groepen(nieuw, clients)
    _insert(run, nieuw, clients, groepen, tijdens_schrijven)
    resultaat.nieuw += len(nieuw)


def _clients(bsns: set[str]) -> dict[str, tuple[int, int]]:
    """BSN -> (client id, municipality id) of the known clients among `bsns`."""
    if connection.vendor != "postgresql":
        return {
            bsn: (pk, gemeente_id)
            for bsn, pk, gemeente_id in Client.objects.filter(bsn__in=bsns)
            .order_by()
            .values_list("bsn", "pk", "gemeente_id")
        }
    # One array parameter instead of thousands of placeholders the driver must parse.
    with connection.cursor() as cur:
        cur.execute(
            "SELECT bsn, id, gemeente_id FROM clienten_client WHERE bsn = ANY(%s::text[])",
            [list(bsns)],
        )
        return {bsn: (pk, gemeente_id) for bsn, pk, gemeente_id in cur.fetchall()}


def _bestaand(bron_naam: str, extern_ids: list[str]) -> dict[str, int | None]:
    """External id -> import run of the signals of this source that already exist."""
    if connection.vendor != "postgresql":
        return dict(
            Signaal.objects.filter(bron_naam=bron_naam, extern_id__in=extern_ids)
            .order_by()
            .values_list("extern_id", "signaalimport_id")
        )
    # One index probe per id (LATERAL ... LIMIT 1). "extern_id IN (...)" or a plain join were
    # planned as scans of the whole source: inside the import's transaction the table statistics
    # still describe the table before the import (bench/signalen_import.py).
    with connection.cursor() as cur:
        cur.execute(
            "SELECT k.extern_id, s.signaalimport_id FROM unnest(%s::text[]) AS k(extern_id) "
            "CROSS JOIN LATERAL (SELECT signaalimport_id FROM signalen_signaal "
            "WHERE bron_naam = %s AND extern_id = k.extern_id AND extern_id <> '' LIMIT 1) s",
            [extern_ids, bron_naam],
        )
        return dict(cur.fetchall())


_SIGNAAL_KOLOMMEN = (
    "bron",
    "bron_naam",
    "extern_id",
    "product",
    "bsn",
    "datum",
    "omschrijving",
    "payload",
    "client_id",
    "gemeente_id",
    "groep_id",
    "status",
    "uitkomst",
    "anoniem",
    "ontvangen_op",
    "termijn",
    "geregistreerd_door_id",
    "signaalimport_id",
    "onderzoek_ref",
)
_SIGNAAL_SQL = (
    f"INSERT INTO signalen_signaal ({', '.join(_SIGNAAL_KOLOMMEN)}) "
    f"VALUES ({', '.join(['%s'] * len(_SIGNAAL_KOLOMMEN))})"
)
_OVERGANG_SQL = (
    "INSERT INTO signalen_signaalovergang (signaal_id, van, naar, door_id, op, toelichting) "
    "SELECT id, '', %s, %s, %s, '' FROM signalen_signaal WHERE id > %s AND signaalimport_id = %s"
)


def _insert(
    run: Signaalimport,
    rijen: list[Rij],
    clients: dict[str, tuple[int, int]],
    groepen: dict[int, int],
    tijdens_schrijven: Callable[[], None] | None = None,
) -> None:
    """Write the batch without the ORM's per-object work (it was the bottleneck, see bench/):
    PostgreSQL COPY, elsewhere one parameterised executemany. The receipt rows of the history are
    written by one INSERT ... SELECT for the whole batch. Everything runs inside the import's
    transaction, so a failure leaves nothing behind."""
    postgres = connection.vendor == "postgresql"
    ops = connection.ops
    now = timezone.now()
    termijn = termijn_voor(ontvangen_op=now)
    ts: Any = now if postgres else ops.adapt_datetimefield_value(now)
    termijn_db: Any = termijn if postgres else ops.adapt_datefield_value(termijn)
    door = run.door_id
    rows = []
    for r in rijen:
        client = clients.get(r.bsn)
        rows.append(
            (
                Bron.KETENPARTNER.value,
                run.bron_naam,
                r.extern_id,
                r.product,
                r.bsn,
                r.datum if postgres else ops.adapt_datefield_value(r.datum),
                r.omschrijving,
                json.dumps(r.payload),
                client[0] if client else None,
                client[1] if client else None,
                groepen.get(r.rij),
                Status.ONTVANGEN.value,
                "",
                False,
                ts,
                termijn_db,
                door,
                run.pk,
                "",
            )
        )
    with connection.cursor() as cur:
        # The batch's rows get ids above the highest id now: the sequence only goes up
        # (PostgreSQL) and SQLite has one writer. Rows of concurrent imports above it are not of
        # this run, and the history rows are written for this run's rows only.
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM signalen_signaal")
        vorige = cur.fetchone()[0]
        if postgres:  # text COPY: PostgreSQL parses the JSON string into the jsonb column
            copy_rijen(cur, "signalen_signaal", _SIGNAAL_KOLOMMEN, rows, daarna=tijdens_schrijven)
        else:
            cur.executemany(_SIGNAAL_SQL, rows)
            if tijdens_schrijven:
                tijdens_schrijven()
        cur.execute(_OVERGANG_SQL, [Status.ONTVANGEN, door, ts, vorige, run.pk])


@dataclass
class _Groep:
    """A signal group as plain data: model instances and bulk_update dominated the profile."""

    pk: int | None
    client_id: int
    product: str
    eerste_datum: date
    laatste_datum: date
    gewijzigd: bool = False


def _groepen(rijen: list[Rij], clients: dict[str, tuple[int, int]]) -> dict[int, int]:
    """Group id per row number: join a group of the same client and product within the window, or
    start one (groepering.kies_groep, the same rule as for a single signal)."""
    venster = timedelta(days=conf.groepvenster_dagen())
    gekoppeld = [r for r in rijen if r.bsn in clients]
    if not gekoppeld:
        return {}
    bereik: dict[tuple[int, str], tuple[date, date]] = {}  # (client, product) -> dates in batch
    for r in gekoppeld:
        sleutel = (clients[r.bsn][0], r.product)
        lo, hi = bereik.get(sleutel, (r.datum, r.datum))
        bereik[sleutel] = (min(lo, r.datum), max(hi, r.datum))
    bestaande = _open_groepen(bereik, venster)
    toewijzing: dict[int, _Groep] = {}
    nieuw: list[_Groep] = []
    for r in sorted(gekoppeld, key=lambda r: r.datum):
        sleutel = (clients[r.bsn][0], r.product)
        kandidaten = bestaande.setdefault(sleutel, [])
        groep = kies_groep(kandidaten, r.datum, venster)
        if groep is None:
            groep = _Groep(None, sleutel[0], r.product, r.datum, r.datum)
            kandidaten.append(groep)
            nieuw.append(groep)
        elif verbreed(groep, r.datum):
            groep.gewijzigd = groep.pk is not None
        toewijzing[r.rij] = groep
    _bewaar_groepen(nieuw, [g for lijst in bestaande.values() for g in lijst if g.gewijzigd])
    return {rij: groep.pk for rij, groep in toewijzing.items() if groep.pk is not None}


def _open_groepen(
    bereik: dict[tuple[int, str], tuple[date, date]], venster: timedelta
) -> dict[tuple[int, str], list[_Groep]]:
    """Per (client, product) of the batch only the groups that overlap its dates plus the window:
    what is fetched is bounded by the batch, not by the client's history."""
    if connection.vendor == "postgresql":
        sleutels = list(bereik)
        with connection.cursor() as cur:
            cur.execute(
                # LATERAL: an index probe per key, whatever the stale statistics suggest.
                "SELECT g.id, k.client_id, k.product, g.eerste_datum, g.laatste_datum "
                "FROM unnest(%s::bigint[], %s::text[], %s::date[], %s::date[]) "
                "AS k(client_id, product, lo, hi) CROSS JOIN LATERAL (SELECT id, eerste_datum, "
                "laatste_datum FROM signalen_signaalgroep WHERE client_id = k.client_id "
                "AND product = k.product AND laatste_datum >= k.lo AND eerste_datum <= k.hi) g",
                [
                    [c for c, _p in sleutels],
                    [p for _c, p in sleutels],
                    [bereik[k][0] - venster for k in sleutels],
                    [bereik[k][1] + venster for k in sleutels],
                ],
            )
            gevonden = cur.fetchall()
    else:
        gevonden = [
            rij
            for rij in SignaalGroep.objects.filter(
                client_id__in={c for c, _p in bereik},
                laatste_datum__gte=min(lo for lo, _hi in bereik.values()) - venster,
                eerste_datum__lte=max(hi for _lo, hi in bereik.values()) + venster,
            )
            .order_by()
            .values_list("pk", "client_id", "product", "eerste_datum", "laatste_datum")
            if (rij[1], rij[2]) in bereik
        ]
    bestaande: dict[tuple[int, str], list[_Groep]] = {}
    for pk, client_id, product, eerste, laatste in gevonden:
        bestaande.setdefault((client_id, product), []).append(
            _Groep(pk, client_id, product, eerste, laatste)
        )
    return bestaande


def _bewaar_groepen(nieuw: list[_Groep], gewijzigd: list[_Groep]) -> None:
    """Insert the new groups (each gets its id) and widen the changed ones."""
    if nieuw and connection.vendor == "postgresql":
        with connection.cursor() as cur:
            # Ids first, then one COPY: far cheaper than INSERT ... RETURNING per row.
            for g, pk in zip(
                nieuw, reserveer_ids(cur, "signalen_signaalgroep", len(nieuw)), strict=True
            ):
                g.pk = pk
            copy_rijen(
                cur,
                "signalen_signaalgroep",
                ("id", "client_id", "product", "eerste_datum", "laatste_datum"),
                ((g.pk, g.client_id, g.product, g.eerste_datum, g.laatste_datum) for g in nieuw),
            )
    elif nieuw:
        modellen = [
            SignaalGroep(
                client_id=g.client_id,
                product=g.product,
                eerste_datum=g.eerste_datum,
                laatste_datum=g.laatste_datum,
            )
            for g in nieuw
        ]
        SignaalGroep.objects.bulk_create(modellen, batch_size=500)
        for g, m in zip(nieuw, modellen, strict=True):
            g.pk = m.pk
    if gewijzigd:
        ops = connection.ops
        with connection.cursor() as cur:
            cur.executemany(
                "UPDATE signalen_signaalgroep SET eerste_datum = %s, laatste_datum = %s "
                "WHERE id = %s",
                [
                    (
                        ops.adapt_datefield_value(g.eerste_datum),
                        ops.adapt_datefield_value(g.laatste_datum),
                        g.pk,
                    )
                    for g in gewijzigd
                ],
            )
