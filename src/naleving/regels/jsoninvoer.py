# SPDX-License-Identifier: EUPL-1.2
"""Reading JSON from outside with a bound on nesting: no input makes the reader fail with a
RecursionError or leaves a structure so deep that the code after it fails.

Pure Python, as all of `regels`; the partner API's parser (naleving.core.api) uses it too, so both
entrances refuse the same input with the same message.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Levels of arrays and objects. The facts of a case need 3 (object, list of earlier sanctions,
#: object), a delivery of signals 2; 32 leaves room for any honest document.
MAX_DIEPTE = 32


class JsonFout(ValueError):
    """The input is no usable JSON; `bericht` is the Dutch message (a sentence fragment that
    starts in lower case, to follow 'naleving: ' or to be capitalised)."""

    def __init__(self, bericht: str) -> None:
        super().__init__(bericht)
        self.bericht = bericht


def _geen_constante(naam: str) -> Any:
    raise JsonFout(f"{naam} is geen geldige waarde in JSON; schrijf een getal")


def _te_diep(bericht_diepte: int) -> JsonFout:
    return JsonFout(f"de invoer is dieper genest dan {bericht_diepte} niveaus")


def diepte(waarde: Any) -> int:
    """Levels of arrays and objects in `waarde`, counted without recursion."""
    hoogste, stapel = 0, [(waarde, 1)]
    while stapel:
        w, d = stapel.pop()
        if isinstance(w, dict):
            kinderen: Any = w.values()
        elif isinstance(w, list):
            kinderen = w
        else:
            continue
        hoogste = max(hoogste, d)
        stapel.extend((k, d + 1) for k in kinderen if isinstance(k, dict | list))
    return hoogste


#: A JSON string (with its escapes), and everything that is no bracket.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_GEEN_HAAK = re.compile(r"[^\[\]{}]+")
_STAP = {"[": 1, "{": 1, "]": -1, "}": -1}


def tekstdiepte(tekst: str) -> int:
    """The deepest nesting of brackets in the text outside strings, read without parsing, so that
    input deeper than the bound never reaches the decoder (whose RecursionError would otherwise
    be the only answer, and leaves the interpreter's recursion accounting to chance)."""
    haken = _GEEN_HAAK.sub("", _STRING.sub("", tekst))
    hoogste = d = 0
    for haak in haken:
        d += _STAP[haak]
        hoogste = max(hoogste, d)
    return hoogste


def laad(tekst: str | bytes, *, max_diepte: int = MAX_DIEPTE) -> Any:
    """The parsed value; JsonFout with a Dutch message for invalid or too deeply nested input."""
    try:
        if isinstance(tekst, bytes):
            tekst = tekst.decode(json.detect_encoding(tekst), "surrogatepass")
        if tekstdiepte(tekst) > max_diepte:
            raise _te_diep(max_diepte)
        waarde = json.loads(tekst, parse_constant=_geen_constante)
    except RecursionError:
        # The decoder recursed deeper than the interpreter allows: far beyond max_diepte.
        raise _te_diep(max_diepte) from None
    except json.JSONDecodeError as fout:
        raise JsonFout(
            f"de invoer is geen geldige JSON (regel {fout.lineno}, kolom {fout.colno})"
        ) from None
    except UnicodeDecodeError:
        raise JsonFout("de invoer is geen UTF-8") from None
    if diepte(waarde) > max_diepte:
        raise _te_diep(max_diepte)
    return waarde
