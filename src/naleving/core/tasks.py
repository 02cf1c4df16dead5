# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import socket

from celery import shared_task


@shared_task(name="naleving.ping")  # type: ignore[untyped-decorator]
def ping(payload: str) -> dict[str, str]:
    """Health check for the background workers: echoes the payload with the worker's host name."""
    return {"payload": payload, "host": socket.gethostname()}
