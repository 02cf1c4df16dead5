# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of naleving.regels: advices per second with full explanation, on one core.

Run: PYTHONPATH=src python bench/bench_regels.py [--aantal 100000]
A realistic mix: mostly duty-to-inform breaches (with and without periods, recidive, ability to
pay, every blame, dates across the 2025 policy change so lex mitior runs), work obligations and
some incomplete cases that end in open questions. Each advice includes parsing, validation, the
whole rule chain with its Dutch explanation, and to_dict().
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from typing import Any

from naleving.regels import Configuratie, adviseer

WETTEN = ("PW", "PW", "PW", "PW", "IOAW", "IOAZ", "BBZ")
VERWIJTBAARHEDEN = ("geen", "verminderd", "normaal", "normaal", "grove_schuld", "opzet", None)
GEMEENTEN = (None, "0867", "0797", "0809", "Waalwijk")


def _datum(rng: random.Random, begin: date, dagen: int) -> date:
    return begin + timedelta(days=rng.randrange(dagen))


def maak_zaak(rng: random.Random) -> dict[str, Any]:
    pleeg = _datum(rng, date(2019, 1, 1), 365 * 6)
    beoordeling = pleeg + timedelta(days=rng.randrange(20, 900))
    soort = rng.random()
    zaak: dict[str, Any] = {
        "wet": rng.choice(WETTEN),
        "pleegdatum": pleeg.isoformat(),
        "beoordelingsdatum": beoordeling.isoformat(),
        "verwijtbaarheid": rng.choice(VERWIJTBAARHEDEN),
        "gemeente": rng.choice(GEMEENTEN),
    }
    if soort < 0.8:
        zaak["overtreding"] = "inlichtingenplicht"
        if rng.random() < 0.3:
            zaak["perioden"] = [
                {
                    "maand": f"{pleeg.year}-{m:02d}",
                    "ontvangen_cent": rng.randrange(90_000, 140_000),
                    "recht_cent": rng.randrange(60_000, 130_000),
                }
                for m in range(1, rng.randrange(2, 8))
            ]
        else:
            zaak["benadelingsbedrag_cent"] = (
                rng.choice((0, 9_999, 15_000, 15_001))
                if (rng.random() < 0.1)
                else rng.randrange(1, 3_000_000)
            )
        zaak["financieel_voordeel_beoogd"] = rng.choice((True, False, None))
        if rng.random() < 0.3:
            zaak["draagkracht"] = {"bijstandsniveau": True, "norm_cent": 130_000}
        if rng.random() < 0.05:
            zaak["dringende_redenen"] = "Schrijnende omstandigheden in het gezin"
        if rng.random() < 0.3:
            zaak["eerdere_sancties"] = [
                {
                    "soort": rng.choice(("boete", "waarschuwing")),
                    "overtreding": "inlichtingenplicht",
                    "datum": (pleeg - timedelta(days=rng.randrange(1, 2500))).isoformat(),
                }
            ]
    elif soort < 0.95:
        zaak["overtreding"] = "arbeidsverplichting"
        zaak["eerdere_sancties"] = [
            {
                "soort": "maatregel",
                "overtreding": "arbeidsverplichting",
                "datum": (pleeg - timedelta(days=rng.randrange(1, 500))).isoformat(),
            }
            for _ in range(rng.randrange(0, 4))
        ]
    else:
        zaak["overtreding"] = "tekortschietend_besef"
    return {k: v for k, v in zaak.items() if v is not None}


def _referentie() -> float:
    """A fixed piece of Python work, to compare figures between machines."""
    beste = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(1000):
            sum(range(1000))
        beste = min(beste, (time.perf_counter() - start) * 1000)
    return beste


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=100_000, help="aantal zaken (100000)")
    parser.add_argument("--zaad", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.zaad)
    zaken = [maak_zaak(rng) for _ in range(args.aantal)]
    config = Configuratie.standaard()

    for zaak in zaken[:2000]:  # warm-up: parameter caches, code paths
        adviseer(zaak, configuratie=config).to_dict()

    start = time.perf_counter()
    cpu_start = time.process_time()
    sancties: dict[str, int] = {}
    uitleg = 0
    for zaak in zaken:
        advies = adviseer(zaak, configuratie=config)
        advies.to_dict()
        sancties[advies.sanctie] = sancties.get(advies.sanctie, 0) + 1
        uitleg += len(advies.uitleg)
    duur = time.perf_counter() - start
    cpu = time.process_time() - cpu_start

    per_seconde = len(zaken) / duur
    print(f"zaken:                      {len(zaken):>10,}".replace(",", "."))
    print(f"tijd om alle te adviseren:  {duur:>10.2f} s")
    print(f"adviezen per seconde:       {per_seconde:>10,.0f}".replace(",", "."))
    print(f"gemiddeld per advies:       {duur / len(zaken) * 1e6:>10.1f} µs")
    print(
        f"processortijd (één kern):   {cpu:>10.2f} s = {len(zaken) / cpu:,.0f} adviezen/s".replace(
            ",", "."
        )
    )
    print(f"referentie sum(range(1000)):{_referentie():>10.1f} µs (snelheid van deze machine)")
    print(f"uitlegregels per advies:    {uitleg / len(zaken):>10.1f}")
    print(
        "sancties:                   " + ", ".join(f"{k} {v}" for k, v in sorted(sancties.items()))
    )
    doel = 20_000
    print(
        f"doel {doel:,} adviezen/s:".replace(",", ".")
        + (" GEHAALD" if per_seconde >= doel else " NIET GEHAALD")
    )


if __name__ == "__main__":
    main()
