# SPDX-License-Identifier: EUPL-1.2
"""The application's log: structlog on top of the standard library, one line per event.

Every line carries the correlation id of the request or background job that wrote it (`core.context`), so the
log lines, the access log and the audit entries of one action can be joined. In production every line is one
JSON object (`{"tijd": ..., "niveau": ..., "logger": ..., "bericht": ..., "correlation_id": ...}`), as the
access log is; the demo and development console stays readable for a person.

Log lines carry no personal data: messages name records by their number, never by BSN, name or a signal's
free text (tests/core/test_logs_zonder_persoonsgegevens.py checks a realistic run). Fields passed as
`extra=` are not copied into the line, so a caller cannot add personal data by accident.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import structlog

from naleving.core import bsn
from naleving.core.context import get_correlation_id

_NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,}")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def add_correlation_id(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    event_dict.setdefault("correlation_id", get_correlation_id())
    return event_dict


class CorrelationFilter(logging.Filter):
    """For handlers outside this configuration that format `%(correlation_id)s` themselves."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = get_correlation_id()
        return True


def maskeer(tekst: str) -> str:
    """A last safety net for text from outside the project (a database error quoting a row's values, a path
    with a reporter's follow-up token): a nine-digit number that passes the 11-proef becomes `[bsn]`, a long
    token `[token]` (a job's id, a UUID, stays)."""
    tekst = _NEGEN_CIJFERS.sub(lambda m: "[bsn]" if bsn.is_valid(m.group()) else m.group(), tekst)
    return _TOKEN.sub(lambda m: m.group() if _UUID.match(m.group()) else "[token]", tekst)


def _maskeer_tekst(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for sleutel in ("event", "exception"):
        waarde = event_dict.get(sleutel)
        if isinstance(waarde, str):
            event_dict[sleutel] = maskeer(waarde)
    return event_dict


def _gedeelde_stappen() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="tijd"),
        add_correlation_id,
    ]


def formatter(*, json: bool) -> structlog.stdlib.ProcessorFormatter:
    """The formatter of every handler: JSON in production, a readable line otherwise."""
    if json:
        laatste: list[Any] = [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _maskeer_tekst,
            structlog.processors.EventRenamer("bericht"),
            _nederlandse_sleutels,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ]
    else:
        laatste = [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _maskeer_tekst,
            structlog.dev.ConsoleRenderer(colors=False, timestamp_key="tijd"),
        ]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_gedeelde_stappen(), processors=laatste
    )


def _nederlandse_sleutels(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    event_dict["niveau"] = event_dict.pop("level", "")
    return {"tijd": event_dict.pop("tijd", ""), "soort": "applicatie", **event_dict}


def logging_config(*, json: bool, level: str) -> dict[str, Any]:
    """Django's LOGGING: one console handler whose formatter is structlog's."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "naleving": {"()": formatter, "json": json},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "naleving"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            # Celery's own loggers go through the same handler (the worker does not take over the root).
            "celery": {"level": level},
        },
    }


def configure_structlog() -> None:
    """Loggers made with `structlog.get_logger()` write through the standard library's handlers above."""
    structlog.configure(
        processors=[
            *_gedeelde_stappen(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
