# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import re

from django.core.exceptions import ValidationError

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")


def normalize_postcode(value: str) -> str:
    """'5141ab' -> '5141 AB'. Dutch postcodes: four digits (not starting with 0), two letters."""
    match = _POSTCODE.match((value or "").strip())
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise ValidationError({"postcode": "Vul een Nederlandse postcode in, zoals 5141 AB."})
    return f"{match.group(1)} {match.group(2).upper()}"
