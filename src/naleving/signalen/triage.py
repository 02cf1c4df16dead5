# SPDX-License-Identifier: EUPL-1.2
"""The signal's state machine and the reasons triage may give. Data, no side effects.

The machine declares no right per move: the triage services are the gate (`_require_triage`). A
signal has no version column (its move is a compare-and-set on the status) and no "since" column,
and the system moves it without a user when its investigation is closed."""

from __future__ import annotations

from naleving.signalen.models import Status, Uitkomst
from naleving.verloop.machine import Machine, Overgang

#: Allowed moves: (from, to). A signal is ontvangen, then in triage, then afgehandeld (with its
#: outcome) or handed to an investigation; when that investigation is closed, the signal is
#: afgehandeld too (it no longer gives a handhaver access to the client). Nothing moves back: a new
#: fact is a new signal.
OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(Status.ONTVANGEN, Status.IN_TRIAGE),
    Overgang(Status.IN_TRIAGE, Status.AFGEHANDELD),
    Overgang(Status.IN_TRIAGE, Status.ONDERZOEK),
    Overgang(Status.ONDERZOEK, Status.AFGEHANDELD),
)

MACHINE = Machine(
    soort="signaal",
    overgangen=OVERGANGEN,
    statussen=Status,
    historie="signalen.SignaalOvergang",
    veld="signaal",
    melding="Een signaal met status '{van}' kan niet naar '{naar}'.",
    naam="het signaal",
    sinds=None,
    zonder_gebruiker=True,
)

#: Where each triage outcome leads.
DOEL: dict[str, str] = {
    Uitkomst.GEEN_ACTIE: Status.AFGEHANDELD,
    Uitkomst.PREVENTIEF_CONTACT: Status.AFGEHANDELD,
    Uitkomst.DOORZETTEN: Status.AFGEHANDELD,
    Uitkomst.ONDERZOEK: Status.ONDERZOEK,
}

#: Reason codes (domain.md §4: "triage records why"), each with the outcomes it can support.
#: Source for `niet_lichter`: Awb art. 5:13, a power is used only as far as reasonably necessary.
REDENEN: dict[str, tuple[str, frozenset[str]]] = {
    "al_bekend": ("Al bekend en verwerkt in het dossier", frozenset({Uitkomst.GEEN_ACTIE})),
    "verklaarbaar": ("Verklaarbaar uit gegevens in het dossier", frozenset({Uitkomst.GEEN_ACTIE})),
    "geen_gevolg_recht": (
        "Geen gevolg voor het recht op uitkering",
        frozenset({Uitkomst.GEEN_ACTIE}),
    ),
    "onvoldoende_concreet": (
        "Onvoldoende concreet om na te gaan",
        frozenset({Uitkomst.GEEN_ACTIE}),
    ),
    "wijziging_doorgeven": (
        "Cliënt kan de wijziging zelf nog doorgeven",
        frozenset({Uitkomst.PREVENTIEF_CONTACT}),
    ),
    "uitleg_plicht": (
        "Uitleg over de inlichtingenplicht helpt",
        frozenset({Uitkomst.PREVENTIEF_CONTACT}),
    ),
    "regulier_beoordelen": (
        "Gevolgen voor het recht; de consulent beoordeelt regulier",
        frozenset({Uitkomst.DOORZETTEN}),
    ),
    "niet_lichter": (
        "Concrete aanwijzing die niet op een lichtere manier is na te gaan (Awb 5:13)",
        frozenset({Uitkomst.ONDERZOEK}),
    ),
    "bevestigd": (
        "Bevestigd door een andere bron",
        frozenset({Uitkomst.ONDERZOEK, Uitkomst.DOORZETTEN}),
    ),
}


def reden_keuzes() -> list[tuple[str, str]]:
    return [(code, label) for code, (label, _u) in REDENEN.items()]
