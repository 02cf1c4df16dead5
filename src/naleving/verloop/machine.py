# SPDX-License-Identifier: EUPL-1.2
"""The transition table type, the declaration of one kind of case, and the register of all four.

Every kind of case (signal, investigation, decision, plan action) is one `Machine`: its table of
allowed moves and the few ways in which it differs from the others, declared as properties instead
of written as separate code paths:

- a per-move right (`Overgang.recht`): investigations and decisions check it for the client; plan
  actions have no client (`client=None`), so the right is checked for the role alone; signals
  declare no right, the triage service is their gate;
- `zonder_gebruiker`: a signal may be moved by the system (user None), when its investigation is
  closed; the others always by a person;
- `sinds`: the case's "in this state since" column, where it has one;
- `persoonsgegevens`: a move of a plan action touches no personal data, so it writes no audit entry;
- `melding`, `naam`, `foutveld`: the Dutch refusal exactly as each kind has always worded it.

Optimistic locking is not declared: it follows from the model (a `Versioned` model is written with
its version check, a model without a version column with a compare-and-set on its status).

Each `Machine` registers itself in `MACHINES` when it is declared, so there is one place to see
which kinds of case exist and that all of them are applied by `verloop.services.beweeg`.
Pure: no project imports, no database access (the history model is resolved by its label).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

if TYPE_CHECKING:
    from naleving.verloop.historie import Overgangshistorie


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    recht: str | None = None  # the right the user needs; None: the calling service is the gate
    omschrijving: str = ""  # opens the audit entry's reason
    handmatig: bool = True  # False: only a service makes this move (carry-over of a plan action)


#: Every machine declared anywhere, by kind. Filled by `Machine.__post_init__`.
MACHINES: dict[str, Machine] = {}


@dataclass(frozen=True)
class Machine:
    soort: str
    overgangen: tuple[Overgang, ...]
    statussen: type[models.TextChoices]
    historie: str  # label of the history model, e.g. "onderzoek.OnderzoekOvergang"
    veld: str  # the history row's foreign key to the case
    melding: str  # the refusal of a move the table does not allow, with {van} and {naar}
    naam: str  # "het onderzoek", for "U mag deze stap in het onderzoek niet zetten."
    foutveld: str | None = None  # the form field a refusal belongs to, if any
    client: str | None = "client"  # the case's attribute that holds the client; None: no client
    sinds: str | None = "status_sinds"  # the case's column "in this state since", if any
    zonder_gebruiker: bool = False  # the system may make a move without a user
    persoonsgegevens: bool = True  # a move is written to the audit log

    def __post_init__(self) -> None:
        if MACHINES.setdefault(self.soort, self) != self:
            raise ValueError(f"Er is al een toestandsmachine voor '{self.soort}'.")

    def overgang(self, van: str, naar: str, *, handmatig: bool = True) -> Overgang:
        """The move from `van` to `naar`, or OngeldigeOvergang. A move that only a service makes
        (`handmatig=False` in the table) is refused unless the caller says it is that service."""
        for overgang in self.overgangen:
            if (overgang.van, overgang.naar) == (van, naar) and (
                overgang.handmatig or not handmatig
            ):
                return overgang
        raise OngeldigeOvergang(self, van, naar)

    def volgende(self, van: str) -> list[str]:
        """The states a person may choose from `van`, in the order of their codes."""
        return sorted(o.naar for o in self.overgangen if o.van == van and o.handmatig)

    def historiemodel(self) -> type[Overgangshistorie]:
        return cast("type[Overgangshistorie]", apps.get_model(self.historie))

    def label(self, status: str) -> str:
        return str(self.statussen(status).label)


class OngeldigeOvergang(ValidationError):
    """A move the table does not allow; the message is the machine's own Dutch sentence."""

    def __init__(self, machine: Machine, van: str, naar: str) -> None:
        tekst = machine.melding.format(van=machine.label(van), naar=machine.label(naar))
        super().__init__({machine.foutveld: tekst} if machine.foutveld else tekst)
        self.van, self.naar = van, naar
