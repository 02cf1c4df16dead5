# SPDX-License-Identifier: EUPL-1.2
"""Writing many rows at once on PostgreSQL: ids reserved from the table's sequence, then COPY.

Used where the ORM's per-object work is the bottleneck (batch import of signals, generated data).
Both run inside the caller's transaction; database errors surface as Django's (IntegrityError...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import connection


def reserveer_ids(cursor: Any, tabel: str, aantal: int, kolom: str = "id") -> list[int]:
    """`aantal` new ids from the table's sequence (PostgreSQL)."""
    cursor.execute(
        f"SELECT nextval(pg_get_serial_sequence('{tabel}', '{kolom}')) FROM generate_series(1, %s)",
        [aantal],
    )
    return [pk for (pk,) in cursor.fetchall()]


def copy_rijen(
    cursor: Any,
    tabel: str,
    kolommen: Sequence[str],
    rijen: Iterable[Sequence[Any]],
    *,
    daarna: Callable[[], None] | None = None,
) -> None:
    """COPY `rijen` into `tabel` (PostgreSQL) through psycopg's own cursor (Django's wrapper has no
    copy()). `daarna` runs after the rows are sent, while the server still takes them in; it must
    not use the database."""
    namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
    sql = f"COPY {connection.ops.quote_name(tabel)} ({namen}) FROM STDIN"
    with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for rij in rijen:
            copy.write_row(rij)
        if daarna:
            daarna()
