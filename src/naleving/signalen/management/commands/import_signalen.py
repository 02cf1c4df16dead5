# SPDX-License-Identifier: EUPL-1.2
"""`naleving import-signalen FILE --bron NAME`: exit 0 all rows good, 1 some refused, 2 file
unusable."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from naleving.signalen.bestanden import Bestandsfout
from naleving.signalen.importeren import importeer


def _update(bar: tqdm, n: int) -> None:  # type: ignore[type-arg]
    bar.update(n)


def run_import(bestand: str, bron: str, *, progress: bool = True) -> int:
    pad = Path(bestand)
    if not pad.is_file():
        print(f"Bestand niet gevonden: {bestand}", file=sys.stderr)
        return 2
    bar = tqdm(
        total=pad.stat().st_size,
        unit="B",
        unit_scale=True,
        desc="Signalen",
        file=sys.stderr,
        disable=not progress,
    )
    try:
        # The bar closes on leaving the block, also when the database is gone: messages start on their own line.
        with pad.open("rb") as stream, bar:
            resultaat = importeer(
                stream=stream,
                bestandsnaam=pad.name,
                bron_naam=bron,
                user=None,
                voortgang=lambda n: _update(bar, n),
            )
    except Bestandsfout as exc:
        print(f"Bestand niet ingelezen: {exc.bericht}", file=sys.stderr)
        return 2
    print(
        f"{resultaat.nieuw} nieuw, {resultaat.bestaand} al ontvangen, {resultaat.fout} geweigerd."
    )
    for fout in resultaat.fouten:
        print(f"  rij {fout.rij}, {fout.veld or 'rij'}: {fout.probleem}", file=sys.stderr)
    if resultaat.fout > len(resultaat.fouten):
        print(
            f"  ... en meer; alle fouten staan in {resultaat.signaalimport.foutrapport}",
            file=sys.stderr,
        )
    return resultaat.exitcode


class Command(BaseCommand):
    help = "Signalen van een ketenpartner inlezen uit een CSV- of JSON-bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand")
        parser.add_argument(
            "--bron", required=True, help="naam van de ketenpartner, bijv. Inlichtingenbureau"
        )
        parser.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")

    def handle(self, *args: Any, **options: Any) -> None:
        code = run_import(options["bestand"], options["bron"], progress=not options["quiet"])
        if code:
            sys.exit(code)
