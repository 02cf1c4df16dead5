# SPDX-License-Identifier: EUPL-1.2
"""Everything the client reported to the organisation in a period, from every place it can be registered.

A report made in time to any team or officer counts as reported (CRvB 10-10-2023, ECLI:NL:CRVB:2023:1967).
So before anyone concludes "niet gemeld", every source is searched: contact moments here, and every app that
registers a source (change reports, for instance) through `register_melding_bron`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from django.utils import timezone

from naleving.clienten.models import Client


@dataclass(frozen=True)
class Melding:
    bron: str  # "contactmoment", "wijzigingsmelding", ...
    tijdstip: datetime
    onderwerp: str
    inhoud: str
    door: str  # who registered it (staff name, or "cliënt zelf")
    referentie: str  # object id in its own app, for the record of the check


class MeldingBron(Protocol):
    """The reports of one source about `client` between `van` and `tot`."""

    def __call__(self, *, client: Client, van: datetime, tot: datetime) -> list[Melding]: ...


_bronnen: list[MeldingBron] = []


def register_melding_bron(bron: MeldingBron) -> None:
    if bron not in _bronnen:
        _bronnen.append(bron)


def _contactmomenten(*, client: Client, van: datetime, tot: datetime) -> list[Melding]:
    return [
        Melding(
            bron="contactmoment",
            tijdstip=c.tijdstip,
            onderwerp=c.onderwerp,
            inhoud=c.tekst,
            door=str(c.medewerker) if c.medewerker else "",
            referentie=f"contactmoment:{c.pk}",
        )
        for c in client.contactmomenten.filter(tijdstip__gte=van, tijdstip__lte=tot).select_related(
            "medewerker"
        )
    ]


register_melding_bron(_contactmomenten)


def meldingen_in_periode(client: Client, van: date, tot: date) -> list[Melding]:
    """All registered reports and contacts of the client from `van` to `tot` inclusive, oldest first."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(van, time.min, tzinfo=tz)
    end = datetime.combine(tot, time.max, tzinfo=tz)
    found: list[Melding] = []
    for bron in _bronnen:
        found.extend(bron(client=client, van=start, tot=end))
    return sorted(found, key=lambda m: m.tijdstip)
