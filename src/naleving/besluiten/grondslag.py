# SPDX-License-Identifier: EUPL-1.2
"""The legal basis a letter names (Awb 3:46: a decision rests on a motivation that names its grounds): only the
articles and regulations that carry what was decided, each once, written as a resident reads them. The advice's
citations are the source; internal remarks in them ("datum inwerkingtreding onzeker", "boete alleen bij opzet"),
case law and parameter files stay out of the letter (they remain in the decision's explanation)."""

from __future__ import annotations

import re
from typing import Any

#: The articles each decision rests on, per law (PW; IOAW/IOAZ have their own numbering; Bbz follows the PW).
ARTIKELEN: dict[str, dict[str, str]] = {
    "PW": {
        "inlichtingenplicht": "artikel 17, eerste lid, van de Participatiewet",
        "arbeidsverplichting": "artikel 9 en artikel 18, vierde lid, van de Participatiewet",
        "tekortschietend_besef": "artikel 18, tweede lid, van de Participatiewet",
        "medewerkingsplicht": "artikel 17, tweede lid, van de Participatiewet",
        "overige_verplichting": "artikel 9, eerste lid, en artikel 55 van de Participatiewet",
        "boete": "artikel 18a van de Participatiewet",
        "maatregel": "artikel 18 van de Participatiewet en de afstemmingsverordening",
        "terugvordering": "artikel 58 van de Participatiewet",
        "terugvordering_gezin": "artikel 59 van de Participatiewet",
        "waarschuwing": "artikel 18a, elfde lid, van de Participatiewet",
    },
    "IOAW": {
        "inlichtingenplicht": "artikel 13 van de IOAW",
        "boete": "artikel 20a van de IOAW",
        "maatregel": "artikel 20 van de IOAW",
        "terugvordering": "artikel 25 van de IOAW",
        "waarschuwing": "artikel 20a van de IOAW",
    },
    "IOAZ": {
        "inlichtingenplicht": "artikel 13 van de IOAZ",
        "boete": "artikel 20a van de IOAZ",
        "maatregel": "artikel 20 van de IOAZ",
        "terugvordering": "artikel 25 van de IOAZ",
        "waarschuwing": "artikel 20a van de IOAZ",
    },
}

#: The steps of the advice whose citations carry each sanction. Steps that only inform the consultant (the rule
#: set in force, the lapse term, the parameters read) never name a ground in the letter.
STAPPEN: dict[str, tuple[str, ...]] = {
    "boete": (
        "verwijtbaarheid",  # Awb 5:41: no fine without blame
        "financieel_voordeel",
        "recidive",
        "boete_hoogte",  # Boetebesluit socialezekerheidswetten
        "boete_zonder_benadeling",
        "draagkracht",  # Awb 5:46: the fine fits the person's means
        "dringende_redenen",
    ),
    "waarschuwing": ("waarschuwing", "gedifferentieerde_handhaving"),
    "maatregel": (
        "maatregel_arbeidsverplichting",
        "tekortschietend_besef",
        "maatregel_verordening",
        "dringende_redenen",
    ),
    "geen": ("dringende_redenen",),
}

WETTEN = {
    "PW": "Participatiewet",
    "Awb": "Algemene wet bestuursrecht",
    "IOAW": "IOAW",
    "IOAZ": "IOAZ",
}
#: Regulations a letter may name (by their title, without remarks).
REGELINGEN = ("Boetebesluit", "Beleidsregels", "Afstemmingsverordening", "Verordening")
#: Citations of the organisation's own policy: named only when the decision follows the advice built on them.
BELEID = ("Beleidsregels", "Afstemmingsverordening", "Verordening")

RANGTELWOORDEN = (
    "",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
)

_CITAAT = re.compile(
    r"^(?P<wet>PW|Awb|IOAW|IOAZ)\s+art\.\s+(?P<art>[0-9]+(?::[0-9]+)?[a-z]?)"
    r"(?:\s+lid\s+(?P<van>[0-9]+)(?:-(?P<tot>[0-9]+))?)?"
)
_BRIEFTEKST = re.compile(
    r"^artikel (?P<art>[0-9]+(?::[0-9]+)?[a-z]?)\b.*? van de "
    r"(?P<wet>Participatiewet|Algemene wet bestuursrecht|IOAW|IOAZ)"
)


def _lid(van: str | None, tot: str | None) -> str:
    if not van or int(van) >= len(RANGTELWOORDEN) or (tot and int(tot) >= len(RANGTELWOORDEN)):
        return ""
    if not tot:
        return f", {RANGTELWOORDEN[int(van)]} lid,"
    verbinding = " en " if int(tot) == int(van) + 1 else " tot en met "
    return f", {RANGTELWOORDEN[int(van)]}{verbinding}{RANGTELWOORDEN[int(tot)]} lid,"


def brieftekst(citaat: str) -> tuple[tuple[str, str], str] | None:
    """One citation of the rules ("PW art. 18a lid 5-6 (2015)") as a letter names it, with the key that makes it
    appear once ("artikel 18a, vijfde en zesde lid, van de Participatiewet"); None for what a letter does not cite
    (case law, parameter files, other codes)."""
    citaat = citaat.strip()
    m = _CITAAT.match(citaat)
    if m:
        wet = WETTEN[m["wet"]]
        return (wet, m["art"]), f"artikel {m['art']}{_lid(m['van'], m['tot'])} van de {wet}"
    if citaat.startswith(REGELINGEN):
        titel = re.sub(r"\s*\([^)]*\)", "", citaat.split(":", 1)[0]).strip()
        return ("regeling", titel), titel
    return None


def _sleutel(tekst: str) -> tuple[str, str]:
    m = _BRIEFTEKST.match(tekst)
    return (m["wet"], m["art"]) if m else ("tekst", tekst)


def artikelen(
    *,
    wet: str,
    overtreding: str,
    sanctie: str,
    terugvordering_cent: int,
    advies: dict[str, Any] | None,
) -> list[str]:
    """The grounds of one decision: the duty that was breached, the sanction chosen and the recovery (per law),
    then what the advice's steps for that sanction cite. Each article once (the first mention wins); a policy rule
    only when the decision follows the advice that applied it."""
    tabel = ARTIKELEN.get(wet, ARTIKELEN["PW"])
    basis = [tabel.get(overtreding, "")]
    if sanctie in ("boete", "maatregel", "waarschuwing"):
        basis.append(tabel.get(sanctie, ""))
    gezien: dict[tuple[str, str], str] = {}
    for tekst in filter(None, basis):
        gezien.setdefault(_sleutel(tekst), tekst)
    advies = advies or {}
    volgt_beleid = advies.get("sanctie") == sanctie
    stappen = STAPPEN.get(sanctie, ())
    for stap in advies.get("uitleg", []):
        if stap.get("regel") not in stappen:
            continue
        for citaat in (stap.get("bron") or "").split(";"):
            if citaat.strip().startswith(BELEID) and not volgt_beleid:
                continue
            gevonden = brieftekst(citaat)
            if gevonden:
                gezien.setdefault(*gevonden)
    if terugvordering_cent:
        terug = tabel["terugvordering"]
        gezien.setdefault(_sleutel(terug), terug)
        # PW art. 59: when the partner is liable too, the letter names that article (without a lid:
        # its numbering is not confirmed).
        berekening = (advies.get("terugvordering") or {}).get("berekening") or {}
        gezin = tabel.get("terugvordering_gezin")
        if berekening.get("hoofdelijk") and gezin:
            gezien.setdefault(_sleutel(gezin), gezin)
    return list(gezien.values())
