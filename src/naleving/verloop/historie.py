# SPDX-License-Identifier: EUPL-1.2
"""The one history model of every state machine: an append-only row per move.

`Overgangshistorie` is abstract; each kind of case has its own concrete table that inherits it and
adds only its foreign key to the case (`signaal`, `onderzoek`, `besluit`, `actie`) and its status
choices (`statussen`). Why not one generic table with a content type: the lead-time figures
(`beleid.kpi_dienst`, a LEAD window over one investigation's rows) and the signal import (one
INSERT ... SELECT writes the first row of a whole batch) join the history to its case by a real
foreign key and its index; a generic table would trade that for a join on (content type, object
id) in every such query, lose the database's foreign-key integrity and mix the kinds in one index.

The shared columns: `van` ("" for the first row of a case), `naar`, `door` (None: the system, which
only a machine that declares `zonder_gebruiker` allows), `op` and `toelichting`. `door` is not
indexed: nothing reads the history by user, and users are deactivated, never deleted.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models


class _StatusVeld(models.CharField):  # type: ignore[type-arg]
    """A state column that takes its choices from the concrete model's `statussen`, so one field
    definition serves every kind of case."""

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        statussen = getattr(cls, "statussen", None)
        if statussen is not None and not cls._meta.abstract:
            self.choices = statussen.choices
        super().contribute_to_class(cls, name, private_only)

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class Overgangshistorie(models.Model):
    #: the status choices of the concrete history model (its case's Status)
    statussen: ClassVar[type[models.TextChoices]]

    van = _StatusVeld(max_length=30, blank=True)
    naar = _StatusVeld(max_length=30)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )
    op = models.DateTimeField()
    toelichting = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.van or '—'} → {self.naar}"
