# SPDX-License-Identifier: EUPL-1.2
"""Writing many synthetic rows fast: PostgreSQL COPY where available, bulk_create elsewhere.

Only for generated data (seed, benchmarks): it skips model save() and signals by design, like bulk_create.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models

from naleving.core.bulk import copy_rijen, reserveer_ids


def fast_insert(
    objs: Sequence[models.Model], *, need_ids: bool = False, batch_size: int = 2000
) -> None:
    """Insert `objs` of one model; with `need_ids` each object gets its primary key set."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=batch_size)
        return
    meta = model._meta
    table = meta.db_table
    fields = [f for f in meta.concrete_fields if not (f.primary_key and not need_ids)]
    with connection.cursor() as cursor:
        if need_ids:
            for obj, pk in zip(
                objs, reserveer_ids(cursor, table, len(objs), meta.pk.column), strict=True
            ):
                obj.pk = pk
        copy_rijen(
            cursor,
            table,
            [f.column for f in fields],
            (
                [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                for obj in objs
            ),
        )
