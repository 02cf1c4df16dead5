# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import logging

from naleving.core.context import get_correlation_id


class CorrelationFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = get_correlation_id()
        return True
