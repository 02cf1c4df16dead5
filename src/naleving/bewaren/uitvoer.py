# SPDX-License-Identifier: EUPL-1.2
"""`naleving bewaartermijnen [--droog]`: the run, or what it would do, in plain lines (counts only)."""

from __future__ import annotations

from django.utils import timezone

from naleving.bewaren.schema import SOORTEN
from naleving.bewaren.services import vernietig


def druk_af(*, droog: bool) -> int:
    resultaten = vernietig(droog=droog)
    kop = "Droge run: er is niets gewijzigd. Dit zou nu gaan:" if droog else "Uitgevoerd:"
    print(kop)
    handeling = {"vernietigd": "vernietigen", "geanonimiseerd": "anonimiseren"}
    for r in resultaten:
        soort = r.termijn.soort
        werkwoord = handeling[soort.handeling] if droog else soort.handeling
        grens = timezone.localtime(r.termijn.grens).strftime("%d-%m-%Y")
        regel = (
            f"  {soort.naam}: {r.aantal} {werkwoord} "
            f"(termijn {r.termijn.in_woorden} na {soort.vanaf}, dus vóór {grens}; "
            f"regel {soort.parameter})"
        )
        if r.tegengehouden:
            regel += f"; {r.tegengehouden} blijven bewaard door een bewaarstop"
        print(regel)
    for soort in SOORTEN:
        if not soort.automatisch:
            print(f"  {soort.naam}: {soort.waarom_niet}")
    return 0
