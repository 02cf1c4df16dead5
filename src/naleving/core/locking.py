# SPDX-License-Identifier: EUPL-1.2
"""Optimistic locking: every editable record has a `versie` column that each write checks and raises by one."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F


class VerouderdeVersie(Exception):
    """Someone else saved the record after this form was opened; nothing was written."""

    bericht = (
        "Iemand anders heeft deze gegevens gewijzigd nadat u het formulier opende. "
        "Uw wijziging is niet opgeslagen. Open de pagina opnieuw, bekijk de nieuwe gegevens en voer uw wijziging "
        "daarna nog eens in."
    )


class Versioned(models.Model):
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def update_versioned(
    obj: Versioned, *, expected_version: int, changes: dict[str, Any]
) -> dict[str, Any]:
    """Write `changes` to `obj` only if its stored version is still `expected_version`.

    Returns {field: [old, new]} for the fields that really changed. Must run inside a transaction.
    """
    model = type(obj)
    old = {name: getattr(obj, name) for name in changes}
    updated = model._default_manager.filter(pk=obj.pk, versie=expected_version).update(
        versie=F("versie") + 1, **changes
    )
    if updated != 1:
        raise VerouderdeVersie()
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.versie = expected_version + 1
    return {k: [_plain(old[k]), _plain(v)] for k, v in changes.items() if old[k] != v}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
