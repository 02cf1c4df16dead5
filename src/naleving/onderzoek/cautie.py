# SPDX-License-Identifier: EUPL-1.2
"""Can this investigation lead to a fine, and so: which hearings need the cautie?

Derived from the investigation, never ticked per hearing by the person who holds it:
- a bestuurlijke boete is possible only for a breach of the inlichtingenplicht (PW art. 18a lid 1 jo. art. 17 lid 1;
  IOAW/IOAZ art. 20a jo. art. 13); other obligations lead to a maatregel (PW art. 18 lid 2), not a fine;
- since the Baanbrekers policy rules of 2025 a fine only follows an intentional breach for financial gain
  (domain.md §1, §5.1; exact wording UNCERTAIN), so only when there is a benadeling.
An investigation into the right to benefit is about a possible breach of the inlichtingenplicht with a possible
benadeling until its rapport records otherwise: another obligation, or months that show no benadeling. Until then a
fine is possible and a hearing of the person who could be fined needs the cautie before the first question
(Awb 5:10a); statements without it cannot prove grove schuld or opzet (CRvB 2019:767).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from naleving.onderzoek.activiteiten import Soort, cautie_nodig
from naleving.onderzoek.models import Activiteit, Onderzoek, Overtreding, Rapport
from naleving.regels import parameter


@dataclass(frozen=True)
class Cautietekst:
    tekst: str
    bron: str


def standaard_cautie(*, op: date) -> Cautietekst:
    """The words of the cautie as the organisation uses them (organisation file, `cautie_tekst`): Awb 5:10a lid 2
    asks that the person is told, before the hearing, that he is not obliged to answer; the law sets no words."""
    waarde = parameter("cautie_tekst", op=op)
    assert isinstance(waarde.waarde, str)
    return Cautietekst(tekst=waarde.waarde, bron=waarde.bron)


def boete_mogelijk(onderzoek: Onderzoek) -> bool:
    """True unless the (draft) rapport records a breach other than the inlichtingenplicht, or months without any
    benadeling; see the module docstring for the sources."""
    return boete_mogelijk_volgens(Rapport.objects.filter(onderzoek=onderzoek).first())


def boete_mogelijk_volgens(rapport: Rapport | None) -> bool:
    """`boete_mogelijk` for a rapport already read (None: no rapport yet)."""
    if rapport is None or not rapport.overtreding:
        return True
    if rapport.overtreding != Overtreding.INLICHTINGENPLICHT:
        return False
    return not rapport.perioden or rapport.benadelingsbedrag_cent > 0


def verhoren_zonder_cautie(
    onderzoek: Onderzoek,
    *,
    boete: bool | None = None,
    gesprekken: Iterable[Activiteit] | None = None,
) -> list[Activiteit]:
    """Hearings recorded without a cautie while the investigation can now lead to a fine: for example recorded
    before the rapport named the inlichtingenplicht. Their statements cannot prove blame (CRvB 2019:767).
    `boete` and `gesprekken` may be passed when the caller has read them already."""
    if not (boete_mogelijk(onderzoek) if boete is None else boete):
        return []
    if gesprekken is None:
        gesprekken = onderzoek.activiteiten.filter(soort=Soort.GESPREK)
    return [
        a
        for a in gesprekken
        if a.soort == Soort.GESPREK
        and cautie_nodig(a.gegevens, boete_mogelijk=True)
        and not a.gegevens.get("cautie_tijdstip")
    ]
