# SPDX-License-Identifier: EUPL-1.2
"""Gunicorn's access log as one JSON object a line.

Only what operations needs: time, method, path, status, size, duration, the client's address (as the proxy
passed it), and the correlation id that the app's log lines and audit entries carry too. Never the query
string: a search for a BSN or a name is a GET (`/clienten/?q=...`), and personal data has no place in a log.
Nor a reporter's secret follow-up link (`/melden/aanvullen/<token>/`): long tokens in the path are masked.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from gunicorn.glogging import Logger

from naleving.config import env
from naleving.core.logging import formatter

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,}")


class JsonLogger(Logger):  # type: ignore[misc]
    def setup(self, cfg: Any) -> None:
        """Gunicorn's own lines (workers started, a worker timed out) in the application's format: JSON in
        production, as settings.NALEVING_LOG_JSON decides for the application's lines."""
        super().setup(cfg)
        json_ = env.flag(
            "NALEVING_LOG_JSON", env.text("NALEVING_ENV", "development") == "production"
        )
        for handler in self.error_log.handlers:
            handler.setFormatter(formatter(json=json_))

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        try:
            self.access_log.info(json.dumps(regel(resp, environ, request_time), ensure_ascii=False))
        except Exception:
            self.exception("Toegangslogregel niet geschreven")


def regel(resp: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
    headers = dict(resp.headers or [])
    correlatie = next(
        (v for k, v in headers.items() if k.lower() == "x-correlation-id"),
        environ.get("HTTP_X_CORRELATION_ID", ""),
    )
    return {
        "tijd": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "soort": "toegang",
        "methode": environ.get("REQUEST_METHOD", ""),
        "pad": _TOKEN.sub("[token]", environ.get("PATH_INFO", "")),
        "status": int(str(resp.status).split(None, 1)[0]) if resp.status else None,
        "bytes": getattr(resp, "sent", None),
        "duur_ms": round(request_time.total_seconds() * 1000, 1),
        "adres": environ.get("HTTP_X_FORWARDED_FOR", environ.get("REMOTE_ADDR", "")),
        "correlation_id": correlatie,
    }
