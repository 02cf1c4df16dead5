# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the what-if comparison (naleving.regels.vergelijking): open cases per second, each advised
twice (the rules in force and a draft switched on), on one core, without the database.

Run: PYTHONPATH=src python bench/regels_wat_als.py [--aantal 20000]
The cases are the mix of bench_regels.py; the draft is the test draft of lower fines and a higher warning
threshold (tests/regels/concepten/mild-concept.toml), switched on from 1 January 2027.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_regels import maak_zaak
from naleving.regels import Configuratie
from naleving.regels.vergelijking import variant, vergelijk

CONCEPT = Path(__file__).parents[1] / "tests" / "regels" / "concepten" / "mild-concept.toml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aantal", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(2026)
    zaken = [("besluit", maak_zaak(rng)) for _ in range(args.aantal)]
    huidig = Configuratie.standaard()
    met = variant(huidig, activeringen={"mild-concept": date(2027, 1, 1)}, concepten=[CONCEPT])
    begin = time.perf_counter()
    uitkomst = vergelijk(zaken, huidig=huidig, variant=met, beoordelingsdatum=date(2027, 1, 1))
    duur = time.perf_counter() - begin
    print(
        f"{args.aantal} zaken in {duur:.2f} s: {args.aantal / duur:,.0f} zaken/s "
        f"({duur / args.aantal * 1e6:.0f} µs per zaak, twee adviezen); {uitkomst.veranderd} veranderd"
    )


if __name__ == "__main__":
    main()
