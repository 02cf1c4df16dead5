# SPDX-License-Identifier: EUPL-1.2
"""`naleving backup FILE` and `naleving restore FILE`: the database, the uploaded files and the audit log's
checkpoints in one archive, so that what belongs together is saved and put back together.

The archive is a plain tar file:

    database.dump | database.sqlite3   PostgreSQL: pg_dump custom format; SQLite: a copy by the online backup API
    bestanden/...                      everything under MEDIA_ROOT (evidence, letters, attachments, error reports)
    audit-anker.jsonl                  the signed checkpoints of the audit chain (naleving.audit.anker)
    manifest.json                      written last: format, release, migrations, rows per table, sha256 per file

Consistency: the checkpoint file is measured first and the database read after, in one snapshot (PostgreSQL:
a REPEATABLE READ transaction whose snapshot pg_dump shares, the row counts are taken in the same one;
SQLite: the copy is counted), so every checkpoint in the archive names an entry that the database copy holds,
and `naleving audit verify` passes after a restore.

A restore first unpacks and checks the whole archive (every file against its sha256, the database copy's
readability, the migrations known to this release) before it touches anything. The database is then replaced in
one transaction (`pg_restore --single-transaction`; SQLite's backup API into the live database), so a failure
leaves it as it was; the files and the checkpoints are swapped in after.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.migrations.loader import MigrationLoader

FORMAAT = "naleving-backup"
FORMAAT_VERSIE = 1
MANIFEST = "manifest.json"
ANKER = "audit-anker.jsonl"
BESTANDEN = "bestanden/"
DUMP = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}

GELUKT = 0
HULPMIDDEL_FAALDE = 1  # pg_dump/pg_restore or the copy failed; the database is as it was
BESTAND_ONBRUIKBAAR = 2  # truncated, foreign, damaged, or from another release or database kind
CONFIGURATIE_ONJUIST = 4  # pg_dump/pg_restore missing or older than the server
DATABASE_NIET_LEEG = 5  # restore refused: the database holds data and --force was not given

#: Tables whose rows mean "this database is in use": the reference data that migrations create is not data.
_IN_GEBRUIK = ("accounts_user", "clienten_client", "audit_auditentry")
_BLOK = 1024 * 1024


class BackupFout(Exception):
    def __init__(self, code: int, melding: str) -> None:
        super().__init__(melding)
        self.code = code


@dataclass(frozen=True)
class Resultaat:
    manifest: dict[str, Any]
    bericht: str


# --- backup -------------------------------------------------------------------------------------------------


def maak_backup(doel: Path) -> Resultaat:
    doel = Path(doel)
    if doel.exists():
        raise BackupFout(
            BESTAND_ONBRUIKBAAR,
            f"{doel} bestaat al. Kies een nieuwe bestandsnaam; er is niets overschreven.",
        )
    if not doel.parent.is_dir():
        raise BackupFout(BESTAND_ONBRUIKBAAR, f"De map {doel.parent} bestaat niet.")
    soort = _soort()
    anker_grootte = (
        _anker_grootte()
    )  # measured before the database snapshot: see the module's docstring
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=doel.parent) as werk:
        dump = Path(werk) / DUMP[soort]
        if soort == "postgresql":
            rijen, server = _pg_dump(dump)
        else:
            rijen, server = _sqlite_kopie(dump), sqlite3.sqlite_version
        anker_kopie = Path(werk) / ANKER
        _kopieer_begin(Path(settings.NALEVING_AUDIT_ANKER), anker_kopie, anker_grootte)
        ankerpunten = _regels(anker_kopie)

        bestanden: dict[str, dict[str, Any]] = {}
        tijdelijk = Path(werk) / "archief.tar"
        with tarfile.open(tijdelijk, "w", format=tarfile.PAX_FORMAT) as tar:
            for naam, pad in [(dump.name, dump), (ANKER, anker_kopie), *_media()]:
                bestanden[naam] = _voeg_toe(tar, naam, pad)
            manifest = {
                "formaat": FORMAAT,
                "formaat_versie": FORMAAT_VERSIE,
                "naleving_versie": _versie(),
                "gemaakt_op": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": {"soort": soort, "server_versie": server},
                "migraties": _migraties(),
                "rijen": rijen,
                "bestanden": bestanden,
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        os.chmod(tijdelijk, 0o600)  # the archive holds every client's personal data
        os.replace(tijdelijk, doel)
    from naleving.audit.models import Actie
    from naleving.audit.services import audit_log

    audit_log(  # after the archive is complete: the entry says it was made, so it is not in it
        user=None,
        actie=Actie.SYSTEEM,
        object_type="backup",
        velden={"bestand": doel.name, "gemaakt_op": manifest["gemaakt_op"]},
        reden="Reservekopie gemaakt (naleving backup)",
    )
    media = len(bestanden) - 2
    return Resultaat(
        manifest,
        f"Reservekopie gemaakt: {doel} ({doel.stat().st_size // 1024} kB). "
        f"{sum(rijen.values())} rijen in {len(rijen)} tabellen, {media} geüpload(e) bestand(en), "
        f"{ankerpunten} ankerpunt(en) van het toegangslog.",
    )


def _soort() -> str:
    if connection.vendor == "postgresql":
        return "postgresql"
    if connection.vendor == "sqlite":
        return "sqlite"
    raise BackupFout(CONFIGURATIE_ONJUIST, f"Database {connection.vendor} wordt niet ondersteund.")


def _pg_dump(doel: Path) -> tuple[dict[str, int], str]:
    """pg_dump from a snapshot that this connection holds open, and the row counts in that same snapshot."""
    programma = _pg_programma("pg_dump")
    connections.close_all()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot, server = cursor.fetchone()
        uitkomst = subprocess.run(
            [programma, "--format=custom", f"--snapshot={snapshot}", "--no-owner",
             "--no-privileges", f"--file={doel}"],
            env=_pg_omgeving(), capture_output=True, text=True,
        )  # fmt: skip
        if uitkomst.returncode != 0:
            raise BackupFout(
                HULPMIDDEL_FAALDE,
                f"pg_dump is mislukt; er is geen reservekopie gemaakt.\n{_eerste(uitkomst.stderr)}",
            )
        rijen = _tel(cursor)
    return rijen, str(server)


def _sqlite_kopie(doel: Path) -> dict[str, int]:
    connection.ensure_connection()
    kopie = sqlite3.connect(doel)
    try:
        connection.connection.backup(
            kopie
        )  # the online backup API: a consistent copy while others write
        return _tel(kopie.cursor())
    finally:
        kopie.close()


def _tel(cursor: Any) -> dict[str, int]:
    rijen = {}
    for tabel in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(tabel)}")
        rijen[tabel] = int(cursor.fetchone()[0])
    return rijen


def _migraties() -> list[str]:
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return sorted(f"{app}.{naam}" for app, naam in loader.applied_migrations or {})


def _media() -> Iterator[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for pad in sorted(root.rglob("*")):
        if pad.is_file() and not pad.is_symlink():
            yield BESTANDEN + pad.relative_to(root).as_posix(), pad


class _Hashend:
    """A file read through: the sha256 is of exactly the bytes that went into the archive."""

    def __init__(self, f: Any) -> None:
        self.f, self.digest = f, hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        blok: bytes = self.f.read(n)
        self.digest.update(blok)
        return blok


def _voeg_toe(tar: tarfile.TarFile, naam: str, pad: Path) -> dict[str, Any]:
    with pad.open("rb") as f:
        info = tarfile.TarInfo(naam)
        info.size, info.mtime, info.mode = (
            os.fstat(f.fileno()).st_size,
            int(pad.stat().st_mtime),
            0o600,
        )
        lezer = _Hashend(f)
        tar.addfile(info, lezer)
    return {"sha256": lezer.digest.hexdigest(), "grootte": info.size}


def _anker_grootte() -> int:
    from naleving.audit import anker

    return anker.grootte()


def _kopieer_begin(bron: Path, doel: Path, grootte: int) -> None:
    with doel.open("wb") as uit:
        if grootte:
            with bron.open("rb") as f:
                uit.write(f.read(grootte))


# --- restore ------------------------------------------------------------------------------------------------


def herstel(bron: Path, *, force: bool) -> Resultaat:
    bron = Path(bron)
    if not bron.is_file():
        raise BackupFout(BESTAND_ONBRUIKBAAR, f"Het bestand {bron} bestaat niet.")
    soort = _soort()
    var = Path(settings.MEDIA_ROOT).parent
    var.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".herstel-", dir=var) as werk:
        manifest = _pak_uit(bron, Path(werk))
        _controleer(manifest, soort)
        _controleer_ankers(Path(werk) / ANKER)
        if not force and _in_gebruik():
            raise BackupFout(
                DATABASE_NIET_LEEG,
                "De database bevat al gegevens (gebruikers, cliënten of het toegangslog). Terugzetten "
                "vervangt die allemaal. Er is niets veranderd. Weet u het zeker, geef dan --force mee.",
            )
        dump = Path(werk) / DUMP[soort]
        _controleer_kopie(dump, soort)
        if soort == "postgresql":
            _pg_restore(dump)
        else:
            _sqlite_terug(dump)
        _zet_bestanden(Path(werk) / "bestanden", Path(werk) / "oud")
        anker_doel = Path(settings.NALEVING_AUDIT_ANKER)
        anker_doel.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk_anker = anker_doel.with_name(anker_doel.name + ".herstel")
        shutil.copyfile(Path(werk) / ANKER, tijdelijk_anker)
        os.chmod(tijdelijk_anker, 0o600)
        os.replace(tijdelijk_anker, anker_doel)

    afwijkend = _vergelijk_rijen(manifest["rijen"])
    from naleving.audit.models import Actie
    from naleving.audit.services import audit_log

    audit_log(
        user=None,
        actie=Actie.SYSTEEM,
        object_type="backup",
        velden={"bestand": bron.name, "gemaakt_op": manifest["gemaakt_op"]},
        reden="Reservekopie teruggezet (naleving restore)",
    )
    if afwijkend:
        raise BackupFout(
            HULPMIDDEL_FAALDE,
            "Teruggezet, maar het aantal rijen klopt niet met de reservekopie in: "
            + ", ".join(afwijkend),
        )
    bericht = (
        f"Reservekopie van {_lokaal(manifest['gemaakt_op'])} teruggezet: {sum(manifest['rijen'].values())} "
        f"rijen in {len(manifest['rijen'])} tabellen kloppen, "
        f"{len(manifest['bestanden']) - 2} geüpload(e) bestand(en) teruggezet."
    )
    nog = sorted(set(_bekende_migraties()) - set(manifest["migraties"]))
    if nog:
        bericht += (
            f" De reservekopie is van een eerdere versie: voer nu 'naleving migrate' uit "
            f"({len(nog)} migratie(s))."
        )
    return Resultaat(manifest, bericht)


def _onbruikbaar(bron: Path, reden: str) -> BackupFout:
    return BackupFout(
        BESTAND_ONBRUIKBAAR,
        f"{bron} is geen bruikbare reservekopie van Naleving: {reden}. Er is niets veranderd.",
    )


_NAAM = re.compile(
    r"^(manifest\.json|audit-anker\.jsonl|database\.(dump|sqlite3)|bestanden/[^\0]+)$"
)


def _pak_uit(bron: Path, werk: Path) -> dict[str, Any]:
    """Unpack into `werk`, checking names and types, and every file against the manifest's sha256."""
    gevonden: dict[str, dict[str, Any]] = {}
    manifest: dict[str, Any] | None = None
    if not tarfile.is_tarfile(bron):
        raise _onbruikbaar(bron, "het is geen archiefbestand")
    try:
        with tarfile.open(bron, "r:") as tar:
            for lid in tar:
                naam = lid.name
                if not lid.isfile() or not _NAAM.match(naam) or ".." in naam.split("/"):
                    raise _onbruikbaar(bron, f"onverwacht onderdeel '{naam}'")
                f = tar.extractfile(lid)
                assert f is not None
                if naam == MANIFEST:
                    manifest = _lees_manifest(bron, f.read(4 * _BLOK))
                    continue
                doel = werk / naam
                doel.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with doel.open("xb") as uit:
                    while blok := f.read(_BLOK):
                        digest.update(blok)
                        uit.write(blok)
                gevonden[naam] = {"sha256": digest.hexdigest(), "grootte": lid.size}
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise _onbruikbaar(bron, f"het bestand is afgebroken of beschadigd ({exc})") from exc
    if manifest is None:
        raise _onbruikbaar(bron, "het overzicht (manifest) ontbreekt; het bestand is afgebroken")
    if gevonden != manifest["bestanden"]:
        ontbreekt = sorted(set(manifest["bestanden"]) - set(gevonden))
        anders = sorted(n for n in gevonden if manifest["bestanden"].get(n) != gevonden[n])
        raise _onbruikbaar(
            bron,
            "de inhoud klopt niet met het overzicht"
            + (f"; ontbreekt: {', '.join(ontbreekt[:5])}" if ontbreekt else "")
            + (f"; andere inhoud: {', '.join(anders[:5])}" if anders else ""),
        )
    return manifest


def _lees_manifest(bron: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data)
    except ValueError as exc:
        raise _onbruikbaar(bron, "het overzicht (manifest) is onleesbaar") from exc
    if not isinstance(manifest, dict) or manifest.get("formaat") != FORMAAT:
        raise _onbruikbaar(bron, "het is geen reservekopie van Naleving")
    if manifest.get("formaat_versie") != FORMAAT_VERSIE:
        raise _onbruikbaar(
            bron, f"formaatversie {manifest.get('formaat_versie')} kent deze versie niet"
        )
    sleutels = {"database", "migraties", "rijen", "bestanden", "gemaakt_op", "naleving_versie"}
    if not sleutels <= manifest.keys():
        raise _onbruikbaar(bron, "het overzicht (manifest) is onvolledig")
    return manifest


def _controleer(manifest: dict[str, Any], soort: str) -> None:
    van = manifest["database"]["soort"]
    if van != soort:
        raise BackupFout(
            BESTAND_ONBRUIKBAAR,
            f"De reservekopie is van een {_naam(van)}-database; deze installatie gebruikt "
            f"{_naam(soort)}. Er is niets veranderd.",
        )
    onbekend = sorted(set(manifest["migraties"]) - set(_bekende_migraties()))
    if onbekend:
        raise BackupFout(
            BESTAND_ONBRUIKBAAR,
            f"De reservekopie is gemaakt met een nieuwere versie van Naleving "
            f"({manifest['naleving_versie']}); deze versie ({_versie()}) kent {len(onbekend)} "
            f"migratie(s) niet, zoals {onbekend[0]}. Installeer eerst die versie. Er is niets veranderd.",
        )


def _controleer_ankers(bestand: Path) -> None:
    """The checkpoints are signed with the audit key, which is not in the archive: restored with another key,
    `naleving audit verify` would fail on every one. Say so before anything is replaced."""
    from naleving.audit import anker

    punten = list(anker.lees(bestand.stat().st_size, bestand=bestand))
    if any(not p.geldig for p in punten):
        raise BackupFout(
            BESTAND_ONBRUIKBAAR,
            "De ankerpunten van het toegangslog in de reservekopie zijn met een andere sleutel "
            "ondertekend dan deze installatie gebruikt. Zet dezelfde NALEVING_AUDIT_SLEUTEL (of, zonder "
            "die, dezelfde NALEVING_SECRET_KEY) als waar de reservekopie is gemaakt. Er is niets "
            "veranderd.",
        )


def _naam(soort: str) -> str:
    return {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(soort, soort)


def _bekende_migraties() -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [f"{app}.{naam}" for app, naam in loader.disk_migrations]


def _in_gebruik() -> bool:
    bestaand = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for tabel in _IN_GEBRUIK:
            if tabel in bestaand:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(tabel)} LIMIT 1")
                if cursor.fetchone():
                    return True
    return False


def _controleer_kopie(dump: Path, soort: str) -> None:
    """The database copy can be read: SQLite's integrity check, or pg_restore's table of contents."""
    if soort == "postgresql":
        uitkomst = subprocess.run(
            [_pg_programma("pg_restore"), "--list", str(dump)], capture_output=True, text=True
        )
        goed = uitkomst.returncode == 0
    else:
        try:
            kopie = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
            try:
                goed = kopie.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            finally:
                kopie.close()
        except sqlite3.DatabaseError:
            goed = False
    if not goed:
        raise BackupFout(
            BESTAND_ONBRUIKBAAR,
            "De databasekopie in de reservekopie is onleesbaar of beschadigd. Er is niets veranderd.",
        )


def _pg_restore(dump: Path) -> None:
    programma = _pg_programma("pg_restore")
    connections.close_all()  # an open connection of our own would hold locks the restore waits for
    omgeving = _pg_omgeving()
    # Running web instances or workers hold locks too: give up after a while instead of hanging.
    omgeving["PGOPTIONS"] = "-c lock_timeout=30s"
    uitkomst = subprocess.run(
        [programma, "--single-transaction", "--exit-on-error", "--clean", "--if-exists",
         "--no-owner", "--no-privileges", f"--dbname={connection.settings_dict['NAME']}", str(dump)],
        env=omgeving, capture_output=True, text=True,
    )  # fmt: skip
    if uitkomst.returncode != 0:
        raise BackupFout(
            HULPMIDDEL_FAALDE,
            "pg_restore is mislukt; de database is teruggedraaid en staat zoals hij was. Stop eerst "
            "de webserver, de workers en beat als die nog draaien.\n" + _eerste(uitkomst.stderr),
        )


def _sqlite_terug(dump: Path) -> None:
    kopie = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        connection.ensure_connection()
        # In one step: SQLite writes the destination in one transaction, so a failure leaves it as it was.
        kopie.backup(connection.connection)
    except sqlite3.Error as exc:
        raise BackupFout(
            HULPMIDDEL_FAALDE, f"Terugzetten van de SQLite-database is mislukt ({exc})."
        ) from exc
    finally:
        kopie.close()
    connection.close()


def _zet_bestanden(nieuw: Path, oud: Path) -> None:
    """Put the unpacked files in MEDIA_ROOT and the present ones aside in `oud` (removed with the work
    directory). Entry by entry, not the directory itself: MEDIA_ROOT may be a mount point of its own."""
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    nieuw.mkdir(exist_ok=True)
    oud.mkdir()
    for kind in list(root.iterdir()):
        shutil.move(kind, oud / kind.name)
    for kind in list(nieuw.iterdir()):
        shutil.move(kind, root / kind.name)


def _vergelijk_rijen(verwacht: dict[str, int]) -> list[str]:
    with connection.cursor() as cursor:
        nu = _tel(cursor)
    return [f"{t} ({nu.get(t)} in plaats van {n})" for t, n in verwacht.items() if nu.get(t) != n]


# --- PostgreSQL programs and helpers ------------------------------------------------------------------------


def _pg_omgeving() -> dict[str, str]:
    """The connection by libpq's environment variables, so the password is never on a command line."""
    db = connection.settings_dict
    omgeving = dict(os.environ)
    for sleutel, waarde in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if waarde:
            omgeving[sleutel] = str(waarde)
    return omgeving


def _pg_programma(naam: str) -> str:
    """pg_dump/pg_restore of at least the server's major version: NALEVING_PG_BIN, else Debian's directory
    for the server's version, else the one on PATH."""
    connection.ensure_connection()
    server = connection.pg_version // 10000  # type: ignore[attr-defined]
    kandidaten = []
    if eigen := os.environ.get("NALEVING_PG_BIN"):
        kandidaten.append(Path(eigen) / naam)
    kandidaten.append(Path(f"/usr/lib/postgresql/{server}/bin") / naam)
    if gevonden := shutil.which(naam):
        kandidaten.append(Path(gevonden))
    for programma in kandidaten:
        if not programma.is_file():
            continue
        versie = subprocess.run([str(programma), "--version"], capture_output=True, text=True)
        match = re.search(r"(\d+)(?:\.\d+)?", versie.stdout)
        if match and int(match.group(1)) >= server:
            return str(programma)
        raise BackupFout(
            CONFIGURATIE_ONJUIST,
            f"{programma} is versie {match.group(1) if match else '?'}, de databaseserver versie "
            f"{server}: installeer {naam} van versie {server} of hoger (of zet NALEVING_PG_BIN).",
        )
    raise BackupFout(
        CONFIGURATIE_ONJUIST,
        f"{naam} is niet gevonden. Installeer de PostgreSQL-clientprogramma's van versie {server} "
        f"(Debian: postgresql-client-{server}) of zet NALEVING_PG_BIN.",
    )


def _versie() -> str:
    try:
        return metadata.version("naleving")
    except metadata.PackageNotFoundError:
        return "onbekend"


def _lokaal(tijdstip: str) -> str:
    from django.utils import timezone

    try:
        return timezone.localtime(datetime.fromisoformat(tijdstip)).strftime("%d-%m-%Y %H:%M")
    except (TypeError, ValueError):
        return tijdstip


def _regels(pad: Path) -> int:
    with pad.open("rb") as f:
        return sum(1 for _ in f)


def _eerste(tekst: str) -> str:
    regels = [r for r in tekst.strip().splitlines() if r.strip()]
    return "Technische melding: " + (regels[0] if regels else "geen")
