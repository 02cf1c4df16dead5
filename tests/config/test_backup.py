# SPDX-License-Identifier: EUPL-1.2
"""`naleving backup` and `naleving restore` (issue 15, item 4): one archive with the database, the uploaded
files and the audit checkpoints; a restore puts back every row and every file, the audit chain verifies, and
a truncated or foreign file or a database in use is refused without changing anything.

Runs on the database of the run: SQLite (online backup API) or PostgreSQL (pg_dump/pg_restore)."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from naleving import cli
from naleving.audit.models import AuditEntry
from naleving.audit.selectors import verify_chain
from naleving.clienten.models import Client, Contactmoment
from naleving.config import backup
from naleving.demodata.seed import seed_database
from naleving.onderzoek import services as onderzoek_services
from naleving.onderzoek.models import Bewijsstuk, Onderzoek
from tests.conftest import ensure_reference_data

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% bewijs van de woonsituatie\n%%EOF\n"


@pytest.fixture
def var(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "var" / "bestanden"
    return tmp_path


@pytest.fixture
def gevuld(var) -> None:
    """The synthetic demo, plus two evidence files (the demo itself has none)."""
    ensure_reference_data()  # a test that commits ends with every table emptied
    seed_database(clients=30, years=1, seed_value=15, peildatum=date(2026, 11, 1), progress=False)
    onderzoek = Onderzoek.objects.filter(status="in_uitvoering").select_related("handhaver")[0]
    for nummer in (1, 2):
        onderzoek_services.bewijs_toevoegen(
            user=onderzoek.handhaver,
            onderzoek=onderzoek,
            bestand=SimpleUploadedFile(f"foto-{nummer}.pdf", PDF + bytes([nummer])),
            omschrijving=f"Bewijsstuk {nummer}",
        )


def _rijen() -> dict[str, int]:
    with connection.cursor() as cursor:
        return backup._tel(cursor)


def _bestanden(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _verder_werken() -> str:
    """Work after the backup: a client renamed, a contact moment removed. Returns the client's old name."""
    client = Client.objects.order_by("pk")[0]
    Client.objects.filter(pk=client.pk).update(achternaam="Na de reservekopie")
    Contactmoment.objects.order_by("pk")[0].delete()
    return client.achternaam


def _naleving(*args: str) -> int:
    return cli.main([str(a) for a in args])


def test_round_trip_puts_back_every_row_every_file_and_a_verifiable_audit_chain(
    gevuld, var, settings, capsys
) -> None:
    archief = var / "reservekopie.tar"
    voor = _rijen()
    assert _naleving("backup", archief) == 0
    assert capsys.readouterr().out.startswith(f"Reservekopie gemaakt: {archief}")

    with tarfile.open(archief) as tar:
        namen = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert namen[-1] == "manifest.json"  # written last: a cut-off archive has none
    assert manifest["formaat"] == "naleving-backup" and manifest["formaat_versie"] == 1
    assert manifest["database"]["soort"] == connection.vendor
    assert "audit.0003_truncate_weigeren" in manifest["migraties"]
    assert manifest["rijen"] == voor  # counted in the snapshot; the backup is logged after it
    assert AuditEntry.objects.order_by("-volgnummer")[0].reden == (
        "Reservekopie gemaakt (naleving backup)"
    )
    media = Path(settings.MEDIA_ROOT)
    for stuk in Bewijsstuk.objects.all():
        assert manifest["bestanden"][f"bestanden/{stuk.pad}"] == {
            "sha256": stuk.sha256,
            "grootte": stuk.grootte,
        }
    assert set(manifest["bestanden"]) == {
        "database.dump" if connection.vendor == "postgresql" else "database.sqlite3",
        "audit-anker.jsonl",
        *(f"bestanden/{naam}" for naam in _bestanden(media)),
    }
    bestanden_voor = _bestanden(media)
    ankers_voor = Path(settings.NALEVING_AUDIT_ANKER).read_bytes()

    # Afterwards: work goes on, an evidence file is lost and the checkpoints file is damaged.
    achternaam = _verder_werken()
    (media / Bewijsstuk.objects.first().pad).unlink()  # type: ignore[union-attr]
    Path(settings.NALEVING_AUDIT_ANKER).write_bytes(b"")

    assert _naleving("restore", archief, "--force") == 0
    uit = capsys.readouterr().out
    assert "teruggezet" in uit and f"{sum(manifest['rijen'].values())} rijen" in uit

    na = _rijen()
    assert na == manifest["rijen"] | {"audit_auditentry": manifest["rijen"]["audit_auditentry"] + 1}
    assert AuditEntry.objects.order_by("-volgnummer")[0].reden == (
        "Reservekopie teruggezet (naleving restore)"
    )
    uitkomst = verify_chain()
    assert uitkomst.ok, uitkomst.problem
    assert uitkomst.ankerpunten >= ankers_voor.count(b"\n")
    assert Client.objects.order_by("pk")[0].achternaam == achternaam
    assert _bestanden(media) == bestanden_voor
    assert Bewijsstuk.objects.count() == 2
    for stuk in Bewijsstuk.objects.all():
        assert hashlib.sha256((media / stuk.pad).read_bytes()).hexdigest() == stuk.sha256
    assert _naleving("audit", "verify") == 0


def test_restore_into_a_database_in_use_refuses_in_dutch_without_force(gevuld, var, capsys) -> None:
    archief = var / "reservekopie.tar"
    assert _naleving("backup", archief) == 0
    _verder_werken()
    voor = _rijen()
    capsys.readouterr()

    assert _naleving("restore", archief) == 5
    assert capsys.readouterr().err.startswith(
        "De database bevat al gegevens (gebruikers, cliënten of het toegangslog). "
        "Terugzetten vervangt die allemaal. Er is niets veranderd. "
        "Weet u het zeker, geef dan --force mee."
    )
    assert _rijen() == voor


def test_restore_into_an_empty_database_needs_no_force(gevuld, var, settings) -> None:
    archief = var / "reservekopie.tar"
    assert _naleving("backup", archief) == 0
    with tarfile.open(archief) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    call_command("flush", interactive=False, verbosity=0)
    assert not Client.objects.exists() and not AuditEntry.objects.exists()

    assert _naleving("restore", archief) == 0
    assert _rijen()["clienten_client"] == manifest["rijen"]["clienten_client"]
    assert verify_chain().ok


def _kapot(bron: Path, doel: Path, *, vervang: dict[str, bytes]) -> None:
    """A copy of the archive with members' contents replaced but the manifest kept."""
    with tarfile.open(bron) as oud, tarfile.open(doel, "w") as nieuw:
        for lid in oud:
            data = vervang.get(lid.name, oud.extractfile(lid).read())  # type: ignore[union-attr]
            lid.size = len(data)
            nieuw.addfile(lid, io.BytesIO(data))


@pytest.mark.parametrize(
    ("soort", "reden"),
    [
        ("afgebroken", "het bestand is afgebroken of beschadigd (unexpected end of data)"),
        ("pdf", "het is geen archiefbestand"),
        ("ander archief", "onverwacht onderdeel 'notities.txt'"),
        ("zonder manifest", "het overzicht (manifest) ontbreekt; het bestand is afgebroken"),
        ("bestand gewijzigd", "de inhoud klopt niet met het overzicht; andere inhoud: bestanden/"),
        ("ander manifest", "het is geen reservekopie van Naleving"),
    ],
)
def test_restore_of_a_truncated_or_foreign_file_exits_2_in_dutch_and_changes_nothing(
    gevuld, var, settings, capsys, soort, reden
) -> None:
    archief = var / "reservekopie.tar"
    assert _naleving("backup", archief) == 0
    media = Path(settings.MEDIA_ROOT)
    slecht = var / "slecht.tar"
    if soort == "afgebroken":
        slecht.write_bytes(archief.read_bytes()[: archief.stat().st_size // 2])
    elif soort == "pdf":
        slecht.write_bytes(PDF * 400)
    elif soort == "ander archief":
        with tarfile.open(slecht, "w") as tar:
            info = tarfile.TarInfo("notities.txt")
            info.size = 5
            tar.addfile(info, io.BytesIO(b"hallo"))
    elif soort == "zonder manifest":
        with tarfile.open(archief) as oud, tarfile.open(slecht, "w") as nieuw:
            for lid in oud:
                if lid.name != "manifest.json":
                    nieuw.addfile(lid, oud.extractfile(lid))
    elif soort == "bestand gewijzigd":
        pad = f"bestanden/{Bewijsstuk.objects.first().pad}"  # type: ignore[union-attr]
        _kapot(archief, slecht, vervang={pad: PDF + b"vervalst"})
    else:
        _kapot(archief, slecht, vervang={"manifest.json": b'{"formaat": "iets anders"}'})
    _verder_werken()
    rijen, bestanden = _rijen(), _bestanden(media)
    ankers = Path(settings.NALEVING_AUDIT_ANKER).read_bytes()
    capsys.readouterr()

    assert _naleving("restore", slecht, "--force") == 2
    fout = capsys.readouterr().err
    assert fout.startswith(f"{slecht} is geen bruikbare reservekopie van Naleving: {reden}")
    assert fout.rstrip().endswith("Er is niets veranderd.")
    assert _rijen() == rijen
    assert _bestanden(media) == bestanden
    assert Path(settings.NALEVING_AUDIT_ANKER).read_bytes() == ankers
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".herstel-")]


def test_backup_never_overwrites_an_existing_file(var, capsys) -> None:
    archief = var / "bestaat.tar"
    archief.write_bytes(b"vorige reservekopie")
    assert _naleving("backup", archief) == 2
    assert capsys.readouterr().err.startswith(f"{archief} bestaat al.")
    assert archief.read_bytes() == b"vorige reservekopie"


def test_restore_of_a_backup_of_a_newer_release_is_refused(gevuld, var, capsys) -> None:
    archief, nieuwer = var / "reservekopie.tar", var / "nieuwer.tar"
    assert _naleving("backup", archief) == 0
    with tarfile.open(archief) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    manifest["migraties"].append("clienten.9999_uit_de_toekomst")
    _kapot(archief, nieuwer, vervang={"manifest.json": json.dumps(manifest).encode()})
    capsys.readouterr()
    assert _naleving("restore", nieuwer, "--force") == 2
    assert "kent 1 migratie(s) niet, zoals clienten.9999_uit_de_toekomst" in capsys.readouterr().err


def test_restore_with_another_audit_key_is_refused_before_anything_changes(
    gevuld, var, settings, capsys
) -> None:
    archief = var / "reservekopie.tar"
    assert _naleving("backup", archief) == 0
    _verder_werken()
    rijen = _rijen()
    settings.NALEVING_AUDIT_SLEUTEL = "een-andere-sleutel-van-minstens-32-tekens"
    capsys.readouterr()
    assert _naleving("restore", archief, "--force") == 2
    assert capsys.readouterr().err.startswith(
        "De ankerpunten van het toegangslog in de reservekopie zijn met een andere sleutel "
        "ondertekend dan deze installatie gebruikt. Zet dezelfde NALEVING_AUDIT_SLEUTEL"
    )
    assert _rijen() == rijen


def _dump_naam() -> str:
    return "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"


def test_restore_of_an_unreadable_database_copy_exits_2_and_changes_nothing(
    gevuld, var, capsys
) -> None:
    """The copy matches its (rewritten) manifest, but is no database: found before anything is replaced."""
    archief, slecht = var / "reservekopie.tar", var / "slecht.tar"
    assert _naleving("backup", archief) == 0
    with tarfile.open(archief) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    onzin = b"geen database" * 1000
    manifest["bestanden"][_dump_naam()] = {
        "sha256": hashlib.sha256(onzin).hexdigest(),
        "grootte": len(onzin),
    }
    _kapot(
        archief,
        slecht,
        vervang={_dump_naam(): onzin, "manifest.json": json.dumps(manifest).encode()},
    )
    _verder_werken()
    rijen = _rijen()
    capsys.readouterr()
    assert _naleving("restore", slecht, "--force") == 2
    assert capsys.readouterr().err.startswith(
        "De databasekopie in de reservekopie is onleesbaar of beschadigd. Er is niets veranderd."
    )
    assert _rijen() == rijen


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_pg_restore_failing_halfway_is_rolled_back_whole(gevuld, var, settings, capsys) -> None:
    """pg_restore runs in one transaction: when it fails after dropping tables, nothing of it stays."""
    archief = var / "reservekopie.tar"
    assert _naleving("backup", archief) == 0
    achternaam = _verder_werken()
    with connection.cursor() as cursor:  # an object the archive does not know blocks DROP TABLE
        cursor.execute(
            "CREATE TABLE extern_koppeling (client_id bigint REFERENCES clienten_client (id))"
        )
    try:
        rijen, bestanden = _rijen(), _bestanden(Path(settings.MEDIA_ROOT))
        capsys.readouterr()
        assert _naleving("restore", archief, "--force") == 1
        fout = capsys.readouterr().err
        assert fout.startswith(
            "pg_restore is mislukt; de database is teruggedraaid en staat zoals hij was."
        )
        assert "Technische melding: " in fout
        assert _rijen() == rijen
        assert Client.objects.order_by("pk")[0].achternaam != achternaam
        assert _bestanden(Path(settings.MEDIA_ROOT)) == bestanden
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE extern_koppeling")
