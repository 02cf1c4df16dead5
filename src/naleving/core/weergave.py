# SPDX-License-Identifier: EUPL-1.2
"""Stored values as a reader sees them: Ja/Nee for a yes-or-no, dates the Dutch way in local time
(Europe/Amsterdam), a list as a sentence, a record of fields as labelled lines. Used by the template filters
(`naleving.core.templatetags.naleving`), so every screen shows the same thing the same way, and no screen shows
`True`, `2026-03-01T09:30:00+00:00`, `met_wie` or `{'velden': ...}`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

LEEG = "—"

_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIJD = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def ja_nee(value: object) -> str:
    if value is None or value == "":
        return LEEG
    return "Ja" if value else "Nee"


def datum(value: date | datetime | None) -> str:
    """Day-month-year with leading zeros, as on the other screens: 01-03-2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%d-%m-%Y")
    return value.strftime("%d-%m-%Y")


def datumtijd(value: datetime | str | None) -> str:
    """A time stamp in local time (Europe/Amsterdam), '01-03-2026 10:30'. Stored stamps are UTC; a naive one is
    taken as local already. An ISO text (as kept in JSON fields) is read first."""
    if isinstance(value, str):
        parsed = parse_datetime(value) if _ISO_TIJD.match(value) else None
        if parsed is None:
            return value
        value = parsed
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d-%m-%Y %H:%M")


def veldnaam(naam: str) -> str:
    """A stored field name without its underscores: 'met_wie' -> 'Met wie', for records that carry no labels
    of their own (the details of an audit row)."""
    tekst = naam.replace("_cent", "").replace("_", " ").replace(".", " ").strip()
    return tekst[:1].upper() + tekst[1:]


def als_tekst(value: Any) -> str:
    """Any stored value as text for a reader."""
    if value is None or value == "" or value == [] or value == {}:
        return LEEG
    if isinstance(value, bool):
        return ja_nee(value)
    if isinstance(value, datetime):
        return datumtijd(value)
    if isinstance(value, date):
        return datum(value)
    if isinstance(value, str):
        if _ISO_TIJD.match(value):
            return datumtijd(value)
        if _ISO_DATUM.match(value):
            parsed = parse_date(value)
            return datum(parsed) if parsed else value
        return value
    if isinstance(value, Mapping):
        return "; ".join(f"{veldnaam(str(k))}: {als_tekst(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(als_tekst(v) for v in value)
    return str(value)


_ISO_IN_TEKST = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})[0-9:.]*(?:Z|[+-]\d{2}:\d{2})?)?\b"
)


def datums_in_tekst(tekst: str) -> str:
    """ISO dates inside a sentence (an explanation written by the rules engine) the Dutch way; a time stamp in
    local time."""

    def dutch(match: re.Match[str]) -> str:
        if match.group(4):
            return datumtijd(match.group(0))
        return f"{match.group(3)}-{match.group(2)}-{match.group(1)}"

    return _ISO_IN_TEKST.sub(dutch, tekst)


def velden(record: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """A record of fields (a JSON field) as (label, text) pairs, in stored order."""
    if not record:
        return []
    return [(veldnaam(str(k)), als_tekst(v)) for k, v in record.items()]
