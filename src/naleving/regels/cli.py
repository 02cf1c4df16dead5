# SPDX-License-Identifier: EUPL-1.2
"""Command line: ``naleving advies FILE.json``, ``naleving invordering FILE.json`` and ``naleving regels``.

Errors for people are Dutch, name the field, and never show a traceback; exit code 2 means the
input could not be used.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from . import jsoninvoer
from .configuratie import Configuratie
from .feiten import FeitenFout
from .invordering import invordering
from .leesbaar import leesbaar, leesbaar_invordering
from .motor import adviseer
from .parameters import ParameterFout, ParameterWaarde

_ADVIES_GEBRUIK = (
    "gebruik: naleving advies [--uitleg] [--activeer REGELING=JJJJ-MM-DD] BESTAND.json\n"
    "  BESTAND.json  de feiten van de zaak als JSON; '-' leest van standaardinvoer\n"
    "  --uitleg      toon de uitleg in gewone taal (met de technische verantwoording) in plaats van JSON\n"
    "  --activeer    zet een (concept)regeling aan vanaf een datum, bijv. whsz-concept=2027-01-01"
)
_INVORDERING_GEBRUIK = (
    "gebruik: naleving invordering [--uitleg] [--activeer REGELING=JJJJ-MM-DD] BESTAND.json\n"
    "  BESTAND.json  de feiten van de vordering en het inkomen als JSON; '-' leest van standaardinvoer\n"
    "  --uitleg      toon de uitleg in gewone taal (met de technische verantwoording) in plaats van JSON\n"
    "  --activeer    zet een (concept)regeling aan vanaf een datum, bijv. whsz-concept=2027-01-01"
)
_REGELS_GEBRUIK = (
    "gebruik: naleving regels [--json] [--activeer REGELING=JJJJ-MM-DD]\n"
    "  toont de regelingen, hun parameters, bronnen, geldigheid en onzekerheden"
)


class _Gebruiksfout(Exception):
    pass


def _schrijf(tekst: str) -> None:
    try:
        print(tekst)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped early; that is not an error of the advice.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _fout(bericht: str) -> int:
    print(f"naleving: {bericht}", file=sys.stderr)
    return 2


def _opties(argv: list[str], vlaggen: set[str]) -> tuple[set[str], list[str], dict[str, date]]:
    gezet: set[str] = set()
    posities: list[str] = []
    activeringen: dict[str, date] = {}
    rest = iter(argv)
    for arg in rest:
        if arg in vlaggen:
            gezet.add(arg)
        elif arg == "--activeer" or arg.startswith("--activeer="):
            waarde = arg.partition("=")[2] if "=" in arg else next(rest, "")
            regeling, _, datum = waarde.partition("=")
            try:
                activeringen[regeling] = date.fromisoformat(datum)
            except ValueError:
                raise _Gebruiksfout(
                    f"--activeer verwacht REGELING=JJJJ-MM-DD, niet {waarde!r}"
                ) from None
        elif arg.startswith("-") and arg != "-":
            raise _Gebruiksfout(f"onbekende optie {arg!r}")
        else:
            posities.append(arg)
    return gezet, posities, activeringen


def _configuratie(activeringen: dict[str, date]) -> Configuratie:
    if not activeringen:
        return Configuratie.standaard()
    return Configuratie.laad(activeringen=activeringen)


def _lees_invoer(bestand: str) -> Any:
    """The JSON in the file (or stdin for '-'); raises _Gebruiksfout with the Dutch message."""
    try:
        tekst = sys.stdin.read() if bestand == "-" else Path(bestand).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _Gebruiksfout(f"bestand {bestand!r} bestaat niet") from None
    except (OSError, UnicodeDecodeError) as fout:
        raise _Gebruiksfout(
            f"bestand {bestand!r} kan niet gelezen worden ({fout.__class__.__name__})"
        ) from None
    try:
        return jsoninvoer.laad(tekst)
    except jsoninvoer.JsonFout as fout:
        raise _Gebruiksfout(fout.bericht) from None


def _rekenopdracht(
    argv: list[str],
    gebruik: str,
    reken: Callable[[Any, Configuratie], Any],
    tekst: Callable[[Any], str],
) -> int:
    """One file of facts in, one answer of the engine out (JSON, or ``--uitleg`` as text); the usage
    and input errors as every command of the engine gives them (exit 2, a Dutch line on stderr)."""
    try:
        gezet, posities, activeringen = _opties(argv, {"--uitleg", "-h", "--help"})
    except _Gebruiksfout as fout:
        return _fout(f"{fout}\n{gebruik}")
    if gezet & {"-h", "--help"}:
        print(gebruik)
        return 0
    if len(posities) != 1:
        return _fout(f"geef precies één invoerbestand (of '-')\n{gebruik}")
    try:
        antwoord = reken(_lees_invoer(posities[0]), _configuratie(activeringen))
    except _Gebruiksfout as fout:
        return _fout(str(fout))
    except FeitenFout as fout:
        return _fout(f"ongeldige invoer in veld '{fout.veld}': {fout.bericht}")
    except ParameterFout as fout:
        return _fout(f"de configuratie van de regels is ongeldig: {fout}")
    if "--uitleg" in gezet:
        _schrijf(tekst(antwoord))
    else:
        _schrijf(json.dumps(antwoord.to_dict(), ensure_ascii=False, indent=2))
    return 0


def advies_main(argv: list[str]) -> int:
    """``naleving advies FILE.json``: print the advice as JSON (or ``--uitleg`` as text)."""
    return _rekenopdracht(
        argv,
        _ADVIES_GEBRUIK,
        lambda feiten, config: adviseer(feiten, configuratie=config),
        lambda advies: leesbaar(advies).tekst(),
    )


def invordering_main(argv: list[str]) -> int:
    """``naleving invordering FILE.json``: the collection advice as JSON (``--uitleg``: text)."""
    return _rekenopdracht(
        argv,
        _INVORDERING_GEBRUIK,
        lambda feiten, config: invordering(feiten, configuratie=config),
        lambda advies: leesbaar_invordering(advies).tekst(),
    )


def _parameter_dict(waarde: ParameterWaarde) -> dict[str, Any]:
    return {
        "waarde": list(waarde.waarde) if isinstance(waarde.waarde, tuple) else waarde.waarde,
        "geldig_vanaf": waarde.geldig_vanaf.isoformat() if waarde.geldig_vanaf else None,
        "geldig_tot": waarde.geldig_tot.isoformat() if waarde.geldig_tot else None,
        "bron": waarde.bron,
        "omschrijving": waarde.omschrijving,
        "onzeker": waarde.onzeker,
    }


def overzicht(config: Configuratie) -> dict[str, Any]:
    """The organisation's rule sets and parameters as a JSON-ready structure."""
    organisatie = config.organisatie
    regelingen = []
    for keuze in organisatie.regelingen:
        regeling = config.regelingen[keuze.id]
        vanaf = config.vanaf(keuze)
        basis = config.onderliggend(regeling)
        regelingen.append(
            {
                "id": regeling.id,
                "naam": regeling.naam,
                "omschrijving": regeling.omschrijving,
                "bron": regeling.bron,
                "basis": basis.id if basis else None,
                "concept": regeling.concept,
                "actief": vanaf is not None,
                "geldig_vanaf": vanaf.isoformat() if vanaf else None,
                "geldig_tot": keuze.geldig_tot.isoformat() if keuze.geldig_tot else None,
                "onzeker": keuze.onzeker or regeling.onzeker,
                "parameters": {
                    naam: [_parameter_dict(v) for v in versies]
                    for naam, versies in regeling.parameters.items()
                },
            }
        )
    return {
        "organisatie": {
            "id": organisatie.id,
            "naam": organisatie.naam,
            "bron": organisatie.bron,
            "parameters": {
                naam: [_parameter_dict(v) for v in versies]
                for naam, versies in organisatie.parameters.items()
            },
        },
        "gemeenten": [
            {
                "naam": g.naam,
                "cbs_code": g.cbs_code,
                "parameters": {
                    naam: [_parameter_dict(v) for v in versies]
                    for naam, versies in g.parameters.items()
                },
            }
            for g in organisatie.gemeenten
        ],
        "regelingen": regelingen,
    }


def _tekst_parameters(parameters: dict[str, list[dict[str, Any]]]) -> list[str]:
    regels = []
    for naam, versies in parameters.items():
        for v in versies:
            periode = f"vanaf {v['geldig_vanaf'] or 'activering'}"
            if v["geldig_tot"]:
                periode += f" t/m {v['geldig_tot']}"
            onzeker = " [ONZEKER]" if v["onzeker"] else ""
            regels.append(f"  - {naam} = {v['waarde']} ({periode}){onzeker}")
            if v["omschrijving"]:
                regels.append(f"      {v['omschrijving']}")
            regels.append(f"      bron: {v['bron']}")
    return regels


def _tekst_overzicht(gegevens: dict[str, Any]) -> str:
    organisatie = gegevens["organisatie"]
    regels = [f"Organisatie: {organisatie['naam']} ({organisatie['id']}) — {organisatie['bron']}"]
    regels.append(
        "Gemeenten: " + ", ".join(f"{g['naam']} ({g['cbs_code']})" for g in gegevens["gemeenten"])
    )
    for g in gegevens["gemeenten"]:
        for naam, versies in g["parameters"].items():
            for v in versies:
                regels.append(f"  {g['naam']}: {naam} = {v['waarde']} ({v['bron']})")
    if organisatie["parameters"]:
        regels += [
            "",
            f"Werkafspraken van {organisatie['naam']} (geen wet; de organisatie stelt ze vast)",
        ]
        regels += _tekst_parameters(organisatie["parameters"])
    for r in gegevens["regelingen"]:
        if r["actief"]:
            geldig = f"geldig vanaf {r['geldig_vanaf']}"
            if r["geldig_tot"]:
                geldig += f" tot en met {r['geldig_tot']}"
        else:
            geldig = "CONCEPT, staat uit (activeringsdatum niet ingesteld)"
        regels += ["", f"Regeling {r['id']}: {r['naam']}", f"  {geldig}"]
        if r["onzeker"]:
            regels.append("  ONZEKER: datum of inhoud nog niet bevestigd")
        if r["basis"]:
            regels.append(f"  bouwt voort op: {r['basis']}")
        regels.append(f"  bron: {r['bron']}")
        if r["omschrijving"]:
            regels.append(f"  {r['omschrijving']}")
        regels += _tekst_parameters(r["parameters"])
    return "\n".join(regels)


def regels_main(argv: list[str]) -> int:
    """``naleving regels``: list rule sets and parameters (``--json`` for JSON)."""
    try:
        gezet, posities, activeringen = _opties(argv, {"--json", "-h", "--help"})
    except _Gebruiksfout as fout:
        return _fout(f"{fout}\n{_REGELS_GEBRUIK}")
    if gezet & {"-h", "--help"}:
        print(_REGELS_GEBRUIK)
        return 0
    if posities:
        return _fout(f"onverwacht argument {posities[0]!r}\n{_REGELS_GEBRUIK}")
    try:
        gegevens = overzicht(_configuratie(activeringen))
    except ParameterFout as fout:
        return _fout(f"de configuratie van de regels is ongeldig: {fout}")
    if "--json" in gezet:
        _schrijf(json.dumps(gegevens, ensure_ascii=False, indent=2))
    else:
        _schrijf(_tekst_overzicht(gegevens))
    return 0


def algoritmeregister_main(argv: list[str]) -> int:
    """``naleving algoritmeregister [--json]``: the Algoritmeregister text from the rule sets."""
    from . import algoritmeregister

    gebruik = (
        "gebruik: naleving algoritmeregister [--json]\n"
        "  de tekst voor het Algoritmeregister, gemaakt uit de regelingen en hun bronnen (Markdown)"
    )
    try:
        gezet, posities, activeringen = _opties(argv, {"--json", "-h", "--help"})
    except _Gebruiksfout as fout:
        return _fout(f"{fout}\n{gebruik}")
    if gezet & {"-h", "--help"}:
        print(gebruik)
        return 0
    if posities or activeringen:
        return _fout(f"onverwacht argument\n{gebruik}")
    try:
        if "--json" in gezet:
            _schrijf(json.dumps(algoritmeregister.als_dict(), ensure_ascii=False, indent=2))
        else:
            _schrijf(algoritmeregister.als_markdown().rstrip("\n"))
    except ParameterFout as fout:
        return _fout(f"de configuratie van de regels is ongeldig: {fout}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry for ``python -m naleving.regels {advies|invordering|regels|algoritmeregister} ...``."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "advies":
        return advies_main(args[1:])
    if args and args[0] == "regels":
        return regels_main(args[1:])
    if args and args[0] == "invordering":
        return invordering_main(args[1:])
    if args and args[0] == "algoritmeregister":
        return algoritmeregister_main(args[1:])
    return _fout(
        "gebruik: python -m naleving.regels {advies|invordering|regels|algoritmeregister} ..."
    )
