# SPDX-License-Identifier: EUPL-1.2
"""Batch intake: idempotent by (source, external id), every row checked, good rows stored together,
a Dutch error per bad row, and the exit codes of `naleving import-signalen`."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from naleving.cli import main
from naleving.signalen.bestanden import Bestandsfout
from naleving.signalen.importeren import importeer
from naleving.signalen.models import Signaal, SignaalOvergang, Status
from tests.signalen.conftest import csv_bytes

BSN_OK = "999990019"  # passes the 11-proef
BSN_FOUT = "123456789"


def _run(stream, naam="ib.csv", bron="Inlichtingenbureau"):
    return importeer(stream=stream, bestandsnaam=naam, bron_naam=bron, user=None)


@pytest.fixture
def client_ok(make_client):
    return make_client("Waalwijk", bsn=BSN_OK)


def test_good_rows_are_stored_linked_grouped_and_start_as_ontvangen(client_ok) -> None:
    r = _run(
        csv_bytes(
            f"IB-1,inkomstenverhouding,{BSN_OK},2026-01-02,Werkgever X,extra",
            f"IB-2,inkomstenverhouding,{BSN_OK},2026-01-20,Werkgever Y,",
            header="extern_id,product,bsn,datum,omschrijving,loon",
        )
    )
    assert (r.nieuw, r.bestaand, r.fout, r.exitcode) == (2, 0, 0, 0)
    s1, s2 = Signaal.objects.order_by("extern_id")
    assert s1.client == client_ok and s1.gemeente == client_ok.gemeente
    assert s1.payload == {"loon": "extra"}
    assert s1.groep_id == s2.groep_id is not None
    assert s1.status == Status.ONTVANGEN
    assert SignaalOvergang.objects.filter(naar=Status.ONTVANGEN).count() == 2


def test_import_is_idempotent_by_source_and_external_id(client_ok) -> None:
    row = f"IB-1,detentie,{BSN_OK},2026-01-02,"
    _run(csv_bytes(row))
    again = _run(csv_bytes(row))
    assert (again.nieuw, again.bestaand, again.exitcode) == (0, 1, 0)
    other_source = _run(csv_bytes(row), bron="UWV")
    assert other_source.nieuw == 1
    assert Signaal.objects.count() == 2


def test_bad_rows_are_reported_in_dutch_and_good_rows_still_stored(db) -> None:
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    r = _run(
        csv_bytes(
            f"A,voertuig,{BSN_OK},2026-01-02,ok",
            f"B,voertuig,{BSN_FOUT},2026-01-02,",
            f"C,voertuig,{BSN_OK},{morgen},",
            f"A,voertuig,{BSN_OK},2026-01-03,",
            f"D,fiets,{BSN_OK},2026-01-03,",
            "E,voertuig",
        )
    )
    assert (r.nieuw, r.fout, r.exitcode) == (1, 5, 1)
    problemen = [(f.rij, f.veld, f.probleem) for f in r.fouten]
    assert problemen == [
        (3, "bsn", "Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."),
        (
            4,
            "datum",
            f"De datum {timezone.localdate() + timedelta(days=1):%d-%m-%Y} ligt in de toekomst.",
        ),
        (
            6,
            "product",
            "Onbekend product 'fiets'. Kies uit: inkomstenverhouding, detentie, "
            "uitkering_andere_gemeente, huishouden, studiefinanciering, vermogen, box1_box3, "
            "voertuig, overig.",
        ),
        (7, "", "Deze rij heeft 2 kolommen; de kopregel heeft er 5."),
        (5, "extern_id", "extern_id 'A' staat eerder in dit bestand (rij 2)."),
    ]
    rapport = Path(settings.MEDIA_ROOT) / r.signaalimport.foutrapport
    rows = list(csv.reader(rapport.open(encoding="utf-8")))
    assert rows[0] == ["rij", "extern_id", "veld", "probleem"]
    assert len(rows) == 6


def test_duplicates_across_batches_within_one_file_are_refused(db, monkeypatch) -> None:
    monkeypatch.setattr("naleving.signalen.importeren.BATCH", 2)
    r = _run(csv_bytes(*(f"X{i},overig,{BSN_OK},2026-01-02," for i in (1, 2, 3, 1))))
    assert (r.nieuw, r.fout) == (3, 1)
    assert r.fouten[0].probleem == "extern_id 'X1' staat eerder in dit bestand."


def test_every_row_across_batches_gets_its_receipt_history_row_and_group(
    client_ok, monkeypatch
) -> None:
    """Rows are written per batch (COPY on PostgreSQL): each signal gets exactly one history row
    'ontvangen', and grouping carries over from one batch to the next."""
    monkeypatch.setattr("naleving.signalen.importeren.BATCH", 2)
    vreemd = "999990032"  # valid, but no client
    r = _run(
        csv_bytes(
            *(f"G{i},voertuig,{BSN_OK},2026-01-{i + 1:02d}," for i in range(5)),
            f"V1,voertuig,{vreemd},2026-01-02,",
        )
    )
    assert (r.nieuw, r.fout) == (6, 0)
    gekoppeld = list(Signaal.objects.filter(client=client_ok))
    assert len(gekoppeld) == 5
    assert len({s.groep_id for s in gekoppeld}) == 1
    los = Signaal.objects.get(extern_id="V1")
    assert (los.client_id, los.gemeente_id, los.groep_id) == (None, None, None)
    historie = list(SignaalOvergang.objects.values_list("signaal_id", "van", "naar"))
    assert sorted(historie) == sorted(
        (pk, "", Status.ONTVANGEN) for pk in Signaal.objects.values_list("pk", flat=True)
    )


def test_text_with_quotes_tabs_newlines_and_backslashes_is_stored_exactly(client_ok) -> None:
    """CSV quoting and the database's bulk format must not change a single character."""
    lastig = 'Regel 1\nRegel 2\t"tab" \\N ; café'
    r = _run(
        csv_bytes(
            f'L1,overig,{BSN_OK},2026-01-02,"{lastig.replace(chr(34), chr(34) * 2)}",'
            f'"{lastig.replace(chr(34), chr(34) * 2)}"',
            header="extern_id,product,bsn,datum,omschrijving,bron_kenmerk",
        )
    )
    assert r.nieuw == 1
    s = Signaal.objects.get(extern_id="L1")
    assert s.omschrijving == lastig
    assert s.payload == {"bron_kenmerk": lastig}


@pytest.mark.parametrize(
    ("inhoud", "bericht"),
    [
        (b"", "Het bestand is leeg: er staat geen kopregel in."),
        (
            b"extern_id;product;bsn;datum;omschrijving\nA;overig;999990019;2026-01-01;x\n",
            "Het scheidingsteken is een puntkomma; gebruik een komma tussen de kolommen.",
        ),
        (
            b"extern_id,product,datum\nA,overig,2026-01-01\n",
            "Deze kolommen ontbreken in de kopregel: bsn, omschrijving. "
            "Verwacht: extern_id,product,bsn,datum,omschrijving.",
        ),
        (
            "extern_id,product,bsn,datum,omschrijving\nA,overig,999990019,2026-01-01,Café\n".encode(
                "latin-1"
            ),
            "Het bestand is geen UTF-8 (regel 2). Sla het op als 'CSV UTF-8' en probeer opnieuw.",
        ),
    ],
    ids=["leeg", "puntkomma", "kolommen-ontbreken", "geen-utf8"],
)
def test_unusable_files_store_nothing(db, inhoud, bericht) -> None:
    with pytest.raises(Bestandsfout) as exc:
        _run(io.BytesIO(inhoud))
    assert exc.value.bericht == bericht
    assert Signaal.objects.count() == 0


def test_json_list_of_objects(client_ok) -> None:
    data = [
        {
            "extern_id": "J1",
            "product": "vermogen",
            "bsn": int(BSN_OK),
            "datum": "2026-02-01",
            "saldo": 12000,
        },
        {"extern_id": "J2", "product": "vermogen", "bsn": BSN_FOUT, "datum": "2026-02-01"},
        42,
    ]
    r = _run(io.BytesIO(json.dumps(data).encode()), naam="ib.json")
    assert (r.nieuw, r.fout) == (1, 2)
    assert Signaal.objects.get().payload == {"saldo": 12000}
    assert [(f.rij, f.veld) for f in r.fouten] == [(2, "bsn"), (3, "")]


@pytest.mark.parametrize(
    ("inhoud", "bericht"),
    [
        (b"", "Het bestand is leeg."),
        (b'{"a": 1}', "Het JSON-bestand moet een lijst van objecten zijn: [ {...}, {...} ]."),
        (b'[{"a": 1}', "Na record 1 ontbreekt een komma of ']'."),
        (b'[{"a": 1},', "Record 2 ontbreekt: het bestand houdt midden in de lijst op."),
    ],
)
def test_unusable_json(db, inhoud, bericht) -> None:
    with pytest.raises(Bestandsfout) as exc:
        _run(io.BytesIO(inhoud), naam="x.json")
    assert exc.value.bericht == bericht


def test_a_1_gb_file_is_streamed_never_read_whole(db, tmp_path) -> None:
    """A 1 GB file (sparse on disk) with one endless line is refused after reading 64 kB, in little
    memory."""
    pad = tmp_path / "groot.csv"
    with pad.open("wb") as f:
        f.write(b"extern_id,product,bsn,datum,omschrijving\n")
        f.truncate(1024**3)
    tracemalloc.start()
    with pad.open("rb") as stream, pytest.raises(Bestandsfout) as exc:
        _run(stream)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert exc.value.bericht == "Regel 2 is langer dan 64 kB. Is dit wel een signalenbestand?"
    assert peak < 5 * 1024 * 1024


def test_cli_exit_codes(db, tmp_path, capsys) -> None:
    goed = tmp_path / "goed.csv"
    goed.write_text(f"extern_id,product,bsn,datum,omschrijving\nK1,overig,{BSN_OK},2026-01-02,\n")
    deels = tmp_path / "deels.csv"
    deels.write_text(
        f"extern_id,product,bsn,datum,omschrijving\nK2,overig,{BSN_FOUT},2026-01-02,\n"
    )
    kapot = tmp_path / "kapot.csv"
    kapot.write_text("")
    assert main(["import-signalen", str(goed), "--bron", "IB", "--quiet"]) == 0
    assert "1 nieuw, 0 al ontvangen, 0 geweigerd." in capsys.readouterr().out
    assert main(["import-signalen", str(goed), "--bron", "IB", "--quiet"]) == 0
    assert main(["import-signalen", str(deels), "--bron", "IB", "--quiet"]) == 1
    assert "rij 2, bsn: Dit BSN klopt niet" in capsys.readouterr().err
    assert main(["import-signalen", str(kapot), "--bron", "IB", "--quiet"]) == 2
    assert "Bestand niet ingelezen: Het bestand is leeg" in capsys.readouterr().err


def test_a_later_file_joins_and_widens_the_existing_group(client_ok) -> None:
    _run(csv_bytes(f"G1,vermogen,{BSN_OK},2026-01-10,"))
    _run(csv_bytes(f"G2,vermogen,{BSN_OK},2026-03-01,", f"G3,vermogen,{BSN_OK},2026-09-30,"))
    g1, g2, g3 = (Signaal.objects.get(extern_id=e) for e in ("G1", "G2", "G3"))
    assert g1.groep_id == g2.groep_id != g3.groep_id
    g1.groep.refresh_from_db()
    assert (g1.groep.eerste_datum, g1.groep.laatste_datum) == (date(2026, 1, 10), date(2026, 3, 1))


def test_grouping_window_edges_and_products_across_files(client_ok) -> None:
    """Grouping window (NALEVING_SIGNAAL_GROEPVENSTER_DAGEN, 90 days): a later file joins a group
    whose last date is exactly 90 days earlier, not one 91 days earlier, and never a group of
    another product."""
    _run(csv_bytes(f"A1,vermogen,{BSN_OK},2026-01-01,", f"B1,voertuig,{BSN_OK},2026-01-01,"))
    _run(
        csv_bytes(
            f"A2,vermogen,{BSN_OK},2026-04-01,",  # 90 days after 1 January
            f"B2,voertuig,{BSN_OK},2026-04-02,",  # 91 days after 1 January
        )
    )
    a1, a2, b1, b2 = (Signaal.objects.get(extern_id=e) for e in ("A1", "A2", "B1", "B2"))
    assert a1.groep_id == a2.groep_id
    assert b1.groep_id != b2.groep_id
    assert len({a1.groep_id, b1.groep_id, b2.groep_id}) == 3


def test_a_clash_with_a_concurrent_import_stores_nothing_and_says_so(
    client_ok, monkeypatch
) -> None:
    """Never a half-written import: when the database refuses a row that the checks let through
    (another import of the same source stored that external id meanwhile), nothing is stored and the
    message says to read the file again."""
    _run(csv_bytes(f"C1,overig,{BSN_OK},2026-01-02,"))
    # As if the earlier import had not been committed yet when this one looked.
    monkeypatch.setattr("naleving.signalen.importeren._bestaand", lambda bron, ids: {})
    with pytest.raises(Bestandsfout) as fout:
        _run(csv_bytes(f"C0,overig,{BSN_OK},2026-01-02,", f"C1,overig,{BSN_OK},2026-01-02,"))
    assert fout.value.bericht.startswith("Er is niets opgeslagen: tijdens het inlezen veranderden")
    assert sorted(Signaal.objects.values_list("extern_id", flat=True)) == ["C1"]
    assert SignaalOvergang.objects.count() == 1


def test_a_broken_line_found_while_reading_ahead_stores_nothing(db, monkeypatch) -> None:
    """The next batch is read while the database takes in the current one: a file problem found then
    (here a line that is not UTF-8) still leaves nothing stored, not even the first batch."""
    monkeypatch.setattr("naleving.signalen.importeren.BATCH", 2)
    inhoud = csv_bytes(*(f"R{i},overig,{BSN_OK},2026-01-02," for i in range(3))).getvalue()
    inhoud += "R9,overig,999990019,2026-01-02,Café\n".encode("latin-1")
    with pytest.raises(Bestandsfout, match="Het bestand is geen UTF-8 \\(regel 5\\)"):
        _run(io.BytesIO(inhoud))
    assert Signaal.objects.count() == 0
    assert SignaalOvergang.objects.count() == 0
