# SPDX-License-Identifier: EUPL-1.2
"""Wat als een concept aangaat: every open case advised under the rules in force and under the draft.

Open cases are the decisions not yet fixed (concept, ter review) and the investigations whose rapport states a
finding (breach and pleegdatum, not closed as "no breach" or "cannot be established") and that have no
decision yet. Their facts come from the same builders as
the live advice (`besluiten.advies.feiten_voor`, `onderzoek.advies.feiten_uit_rapport`, both through
`clienten.regelfeiten`); the comparison itself is `naleving.regels.vergelijking` and keeps only counts and
sums. The page suppresses small numbers (`onderdrukking`) like every policy figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from naleving.beleid import onderdrukking
from naleving.besluiten.advies import feiten_voor
from naleving.besluiten.models import Besluit
from naleving.besluiten.statemachine import Status
from naleving.onderzoek.advies import feiten_uit_rapport
from naleving.onderzoek.models import Rapport
from naleving.onderzoek.statemachine import Uitkomst
from naleving.regels import Configuratie
from naleving.regels.tekst import euro
from naleving.regels.vergelijking import SANCTIE_NAMEN, Vergelijking, variant, vergelijk

OPEN_BESLUIT = (Status.CONCEPT, Status.TER_REVIEW)
#: An investigation closed with one of these outcomes has no finding to advise on.
GEEN_BEVINDING = (Uitkomst.GEEN_ONRECHTMATIGHEID, Uitkomst.NIET_VAST_TE_STELLEN)


def open_zaken(
    *, beoordelingsdatum: date, gemeenten: Sequence[int] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, facts) of every open case, optionally within the given municipalities (of the client)."""
    besluiten = Besluit.objects.filter(status__in=OPEN_BESLUIT).select_related("client__gemeente")
    rapporten = (
        Rapport.objects.exclude(overtreding="")
        .filter(pleegdatum__isnull=False)
        .exclude(onderzoek__uitkomst__in=GEEN_BEVINDING)
        .exclude(
            onderzoek_id__in=Besluit.objects.filter(onderzoek__isnull=False).values("onderzoek_id")
        )
        .select_related("onderzoek__client__gemeente")
    )
    if gemeenten is not None:
        besluiten = besluiten.filter(client__gemeente_id__in=gemeenten)
        rapporten = rapporten.filter(onderzoek__client__gemeente_id__in=gemeenten)
    for besluit in (
        besluiten.prefetch_related("client__uitkeringen").order_by("pk").iterator(chunk_size=500)
    ):
        yield "besluit", feiten_voor(besluit, beoordelingsdatum=beoordelingsdatum)
    for rapport in (
        rapporten.prefetch_related("onderzoek__client__uitkeringen")
        .order_by("pk")
        .iterator(chunk_size=500)
    ):
        feiten = feiten_uit_rapport(rapport, beoordelingsdatum=beoordelingsdatum)
        if feiten is not None:
            yield "onderzoek", feiten


def basis() -> Configuratie:
    """The rules in force at this installation (the side "nu" of the comparison)."""
    return Configuratie.standaard()


def concepten() -> list[tuple[str, str]]:
    """The organisation's drafts that can be explored on the page: (id, name)."""
    config = basis()
    return [
        (keuze.id, config.regelingen[keuze.id].naam)
        for keuze in config.organisatie.regelingen
        if config.regelingen[keuze.id].concept
    ]


def wat_als(
    *,
    activeringen: Mapping[str, date],
    beoordelingsdatum: date | None = None,
    concept_bestanden: Sequence[Path] = (),
    gemeenten: Sequence[int] | None = None,
    vandaag: date,
) -> Vergelijking:
    """The comparison over all open cases. Both sides are judged on the same day: by default the latest
    activation date (when the draft would be in force), at the earliest today."""
    huidig = basis()
    met_concept = variant(huidig, activeringen=activeringen, concepten=concept_bestanden)
    op = beoordelingsdatum or max([vandaag, *activeringen.values()])
    return vergelijk(
        open_zaken(beoordelingsdatum=op, gemeenten=gemeenten),
        huidig=huidig,
        variant=met_concept,
        beoordelingsdatum=op,
    )


KOLOMMEN = (
    "Advies nu",
    "Advies met het concept",
    "Aantal zaken",
    "Boetes nu",
    "Boetes met het concept",
    "Terugvordering nu",
    "Terugvordering met het concept",
)


def tabel(v: Vergelijking, *, n: int) -> list[list[object]]:
    """The changes as rows for the page, suppressed: a count below `n` and the amounts of such a row are
    hidden, and so is what would let a reader compute one back from the totals (the row "Advies gelijk" and
    the row "Totaal", which the count column adds up)."""
    rijen: list[list[object]] = [
        [
            SANCTIE_NAMEN[o.van],
            SANCTIE_NAMEN[o.naar],
            o.aantal,
            o.boete_van_cent,
            o.boete_naar_cent,
            o.terugvordering_van_cent,
            o.terugvordering_naar_cent,
        ]
        for o in v.gesorteerde_overgangen()
    ]
    rijen.append(["Advies gelijk", "", v.gelijk, None, None, None, None])
    rijen.append(["Totaal", "", v.aantal, None, None, None, None])
    totaal = len(rijen) - 1
    onderdrukt = onderdrukking.onderdruk(
        rijen,
        aantallen=[(r, 2) for r in range(len(rijen))],
        relaties=[onderdrukking.Relatie((totaal, 2), tuple((r, 2) for r in range(totaal)))],
        afgeleid={(r, k): ((r, 2),) for r in range(totaal) for k in range(3, 7)},
        n=n,
    )
    return [
        [
            euro(w) if k >= 3 and isinstance(w, int) else ("" if w is None else w)
            for k, w in enumerate(rij)
        ]
        for rij in onderdrukt
    ]


def wat_als_main(
    *, activeer: Sequence[str], regelingen: Sequence[str], op: str | None, als_json: bool
) -> int:
    """`naleving wat-als --activeer whsz-concept=2027-01-01 [--regeling FILE.toml] [--op DATE] [--json]`."""
    import json
    import sys

    from django.utils import timezone

    from naleving.regels import ParameterFout

    def fout(bericht: str) -> int:
        print(f"naleving wat-als: {bericht}", file=sys.stderr)
        return 2

    activeringen: dict[str, date] = {}
    for waarde in activeer:
        regeling, _, datum = waarde.partition("=")
        try:
            activeringen[regeling] = date.fromisoformat(datum)
        except ValueError:
            return fout(f"--activeer verwacht REGELING=JJJJ-MM-DD, niet {waarde!r}")
    try:
        beoordelingsdatum = date.fromisoformat(op) if op else None
    except ValueError:
        return fout(f"--op verwacht een datum JJJJ-MM-DD, niet {op!r}")
    bestanden = [Path(p) for p in regelingen]
    for pad in bestanden:
        if not pad.is_file():
            return fout(f"bestand {str(pad)!r} bestaat niet")
    try:
        uitkomst = wat_als(
            activeringen=activeringen,
            beoordelingsdatum=beoordelingsdatum,
            concept_bestanden=bestanden,
            vandaag=timezone.localdate(),
        )
    except ParameterFout as exc:
        return fout(str(exc))
    if als_json:
        print(json.dumps(uitkomst.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(uitkomst.tekst())
    return 0
