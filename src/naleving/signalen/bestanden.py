# SPDX-License-Identifier: EUPL-1.2
"""Reading batch files of chain partners as a stream of records, never the whole file in memory.

CSV: UTF-8, comma-separated, header `extern_id,product,bsn,datum,omschrijving`; further columns only
those of the allow-list (`extravelden.py`), else the file is refused. JSON: a list of objects with the
same keys (a record with a field not on the list is refused). A problem with the file as a whole
raises `Bestandsfout`; a problem with one record is left to the row validation.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from naleving.signalen import extravelden
from naleving.signalen.models import Bron

KOLOMMEN = ("extern_id", "product", "bsn", "datum", "omschrijving")
MAX_REGEL = 64 * 1024  # bytes: one CSV line or one JSON record; anything longer is not a signal
CHUNK = 64 * 1024


class Bestandsfout(Exception):
    """The file cannot be used at all; `bericht` is the Dutch message."""

    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


class Teller:
    """Counts the bytes read, for a progress bar."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.gelezen = 0

    def readline(self, limit: int) -> bytes:
        data = self.stream.readline(limit)
        self.gelezen += len(data)
        return data

    def read(self, size: int) -> bytes:
        data = self.stream.read(size)
        self.gelezen += len(data)
        return data


def _regels(bron: Teller) -> Iterator[str]:
    nummer = 0
    while True:
        raw = bron.readline(MAX_REGEL + 1)
        if not raw:
            return
        nummer += 1
        if len(raw) > MAX_REGEL:
            raise Bestandsfout(
                f"Regel {nummer} is langer dan {MAX_REGEL // 1024} kB. "
                "Is dit wel een signalenbestand?"
            )
        try:
            tekst = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Bestandsfout(
                f"Het bestand is geen UTF-8 (regel {nummer}). "
                "Sla het op als 'CSV UTF-8' en probeer opnieuw."
            ) from exc
        if nummer == 1:
            tekst = tekst.removeprefix("\ufeff")
        yield tekst


def csv_records(bron: Teller) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yields (row number, record) — or (row number, message) for a row with the wrong number of
    columns. Row 1 is the header, as in a spreadsheet."""
    reader = csv.reader(_regels(bron))
    try:
        kop = next(reader, None)
    except csv.Error as exc:
        raise Bestandsfout(f"De kopregel is geen geldige CSV: {exc}.") from exc
    if kop is None or not any(k.strip() for k in kop):
        raise Bestandsfout("Het bestand is leeg: er staat geen kopregel in.")
    kop = [k.strip().lower() for k in kop]
    if len(kop) == 1:
        for teken, naam in ((";", "puntkomma"), ("\t", "tab"), ("|", "verticale streep")):
            if teken in kop[0]:
                raise Bestandsfout(
                    f"Het scheidingsteken is een {naam}; gebruik een komma tussen de kolommen."
                )
    ontbreekt = [k for k in KOLOMMEN if k not in kop]
    if ontbreekt:
        raise Bestandsfout(
            "Deze kolommen ontbreken in de kopregel: "
            + ", ".join(ontbreekt)
            + ". Verwacht: "
            + ",".join(KOLOMMEN)
            + "."
        )
    if len(set(kop)) != len(kop):
        raise Bestandsfout("De kopregel bevat een kolomnaam twee keer.")
    # A column is the same for every row: one we do not accept refuses the file (extravelden.py).
    onbekend = extravelden.onbekende_kolommen(
        Bron.KETENPARTNER, [k for k in kop if k not in KOLOMMEN]
    )
    if onbekend:
        raise Bestandsfout(extravelden.kolommen_bericht(Bron.KETENPARTNER, onbekend))
    rij = 1
    try:
        for waarden in reader:
            rij += 1
            if not any(w.strip() for w in waarden):
                continue
            if len(waarden) != len(kop):
                yield (
                    rij,
                    f"Deze rij heeft {len(waarden)} kolommen; de kopregel heeft er {len(kop)}.",
                )
                continue
            yield rij, dict(zip(kop, waarden, strict=True))
    except csv.Error as exc:
        raise Bestandsfout(f"Rij {rij + 1} is geen geldige CSV: {exc}.") from exc


def json_records(bron: Teller) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """A streaming reader for `[ {...}, {...} ]`: decodes one record at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    jd = json.JSONDecoder()
    buf, pos, eof = "", 0, False

    def meer() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        chunk = bron.read(CHUNK)
        try:
            tekst = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise Bestandsfout(
                "Het bestand is geen UTF-8. Sla het op als UTF-8 en probeer opnieuw."
            ) from exc
        eof = not chunk
        buf = buf[pos:] + tekst
        pos = 0
        return not eof or bool(tekst)

    def teken() -> str:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not meer():
                return ""

    eerste = teken()
    if eerste == "":
        raise Bestandsfout("Het bestand is leeg.")
    if eerste != "[":
        raise Bestandsfout("Het JSON-bestand moet een lijst van objecten zijn: [ {...}, {...} ].")
    pos += 1
    nummer = 0
    if teken() == "]":
        return
    while True:
        nummer += 1
        if teken() == "":
            raise Bestandsfout(
                f"Record {nummer} ontbreekt: het bestand houdt midden in de lijst op."
            )
        while True:
            try:
                waarde, einde = jd.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if len(buf) - pos > MAX_REGEL or not meer():
                    raise Bestandsfout(
                        f"Record {nummer} is geen geldige JSON ({exc.msg})."
                    ) from exc
                continue
            if einde == len(buf) and meer():
                continue
            break
        pos = einde
        yield (
            nummer,
            waarde if isinstance(waarde, dict) else "Dit record is geen object met velden.",
        )
        volgende = teken()
        if volgende == ",":
            pos += 1
            continue
        if volgende == "]":
            pos += 1
            if teken() != "":
                raise Bestandsfout("Na het einde van de lijst staat nog tekst.")
            return
        raise Bestandsfout(f"Na record {nummer} ontbreekt een komma of ']'.")
