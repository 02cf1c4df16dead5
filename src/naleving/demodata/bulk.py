# SPDX-License-Identifier: EUPL-1.2
"""Writing many synthetic rows fast: PostgreSQL COPY where available, bulk_create elsewhere.

Only for generated data (seed, benchmarks): it skips model save() and signals by design, like bulk_create.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


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
            cursor.execute(
                f"SELECT nextval(pg_get_serial_sequence('{table}', '{meta.pk.column}')) "
                "FROM generate_series(1, %s)",
                [len(objs)],
            )
            for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
                obj.pk = pk
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
        with raw.copy(f"COPY {connection.ops.quote_name(table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
