# SPDX-License-Identifier: EUPL-1.2
"""The trace of one evaluation: explanation items, open questions and the parameters read.

Rule functions read parameters only through a Spoor, so that every value that shaped an advice
is listed in its explanation with its date and source (the OpenFisca tracer idea).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .configuratie import Waarden
from .parameters import ParameterFout, ParameterWaarde


# Named tuples rather than frozen dataclasses: immutable all the same, and several times cheaper
# to create, which matters at tens of thousands of advices per second.
class Uitleg(NamedTuple):
    regel: str
    bron: str
    tekst: str


class OpenVraag(NamedTuple):
    veld: str
    vraag: str
    grondslag: str


class Maatregel(NamedTuple):
    percentage: int
    maanden: int


class Spoor:
    __slots__ = ("activering", "gelezen", "open_vragen", "peildatum", "uitleg", "waarden")

    def __init__(self, waarden: Waarden, peildatum: date, activering: date | None) -> None:
        self.waarden = waarden
        self.peildatum = peildatum
        self.activering = activering
        self.uitleg: list[Uitleg] = []
        self.open_vragen: list[OpenVraag] = []
        self.gelezen: dict[str, ParameterWaarde] = {}

    def regel(self, regel: str, bron: str, tekst: str) -> None:
        self.uitleg.append(Uitleg(regel, bron, tekst))

    def vraag(self, veld: str, vraag: str, grondslag: str) -> None:
        self.open_vragen.append(OpenVraag(veld, vraag, grondslag))

    def markeer(self) -> tuple[int, int]:
        return len(self.uitleg), len(self.open_vragen)

    def herstel(self, markering: tuple[int, int]) -> None:
        del self.uitleg[markering[0] :]
        del self.open_vragen[markering[1] :]

    def _lees(self, naam: str) -> ParameterWaarde | None:
        waarde = self.waarden.waarden.get(naam)
        if waarde is not None:
            self.gelezen[naam] = waarde
        return waarde

    def parameter(self, naam: str) -> ParameterWaarde:
        waarde = self._lees(naam)
        if waarde is None:
            raise ParameterFout(
                f"regeling {self.waarden.regeling.id}: parameter '{naam}' heeft geen waarde op "
                f"{self.peildatum.isoformat()}"
            )
        return waarde

    def getal(self, naam: str) -> int:
        # The same lookup as parameter(), inlined: this is the engine's hottest call
        # (bench/bench_regels.py).
        gevonden = self.waarden.waarden.get(naam)
        if gevonden is None:
            gevonden = self.parameter(naam)  # raises with a clear message
        self.gelezen[naam] = gevonden
        waarde = gevonden.waarde
        assert isinstance(waarde, int)
        return waarde

    def optioneel_getal(self, naam: str) -> int | None:
        waarde = self._lees(naam)
        return None if waarde is None else int(waarde.waarde)  # type: ignore[arg-type]

    def ja_nee(self, naam: str) -> bool:
        return bool(self.parameter(naam).waarde)

    def lijst(self, naam: str) -> tuple[str, ...]:
        waarde = self.parameter(naam).waarde
        assert isinstance(waarde, tuple)
        return waarde

    def bron(self, naam: str) -> str:
        return self.parameter(naam).bron

    def parameter_uitleg(self) -> Uitleg | None:
        if not self.gelezen:
            return None
        waarden = self.waarden
        sleutel = tuple(self.gelezen)
        tekst = waarden.teksten.get(sleutel)
        if tekst is None:
            delen = [waarde.beschrijving(self.activering) for waarde in self.gelezen.values()]
            tekst = waarden.teksten[sleutel] = "Gebruikte parameters: " + "; ".join(delen) + "."
        return Uitleg("parameters", f"parameterbestand regeling {waarden.regeling.id}", tekst)
