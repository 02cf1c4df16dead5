# SPDX-License-Identifier: EUPL-1.2
"""The sender of a letter: the organisation's name, address, contact data and logo, from one place, the
organisation's own file (`regels/parameters/organisaties/<id>.toml`, table `[afzender]`). Each organisation that
runs the software sets its own there; a letter never carries a sender typed into code or a template."""

from __future__ import annotations

import base64
import tomllib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from naleving.regels.configuratie import Configuratie

#: What the letter needs of the sender; a missing one is a configuration error, named with the file.
VELDEN = (
    "naam",
    "postadres",
    "postcode_plaats",
    "bezoekadres",
    "telefoon",
    "website",
    "email",
    "logo",
    "bezwaar_aan",
    "ondertekening",
)


class AfzenderFout(ValueError):
    """The organisation file has no complete `[afzender]` table."""


@dataclass(frozen=True)
class Afzender:
    naam: str
    postadres: str
    postcode_plaats: str
    bezoekadres: str
    telefoon: str
    website: str
    email: str
    #: The logo as a `data:` address: a PDF reads nothing outside the document (core.pdf).
    logo: str
    bezwaar_aan: str
    ondertekening: str
    #: The file still holds example contact data that the beheerder must check.
    controleren: bool = False

    def gegevens(self) -> dict[str, str]:
        """The plain data for a letter (placeholder group `afzender`)."""
        waarden = asdict(self)
        waarden.pop("controleren")
        waarden["telefoon_link"] = "tel:" + "".join(
            c for c in self.telefoon if c.isdigit() or c == "+"
        )
        waarden["website_tekst"] = self.website.removeprefix("https://").removeprefix("www.")
        return waarden


def lees(pad: Path) -> Afzender:
    """The `[afzender]` table of an organisation file, with the logo file beside it as a data address."""
    with pad.open("rb") as bestand:
        tabel = tomllib.load(bestand).get("afzender")
    if not isinstance(tabel, dict):
        raise AfzenderFout(
            f"{pad.name}: de tabel [afzender] ontbreekt (naam, adres en contact voor brieven)"
        )
    ontbreekt = [v for v in VELDEN if not isinstance(tabel.get(v), str) or not tabel[v].strip()]
    if ontbreekt:
        raise AfzenderFout(f"{pad.name}: [afzender] mist {', '.join(ontbreekt)}")
    if not tabel["website"].startswith("https://"):
        raise AfzenderFout(f"{pad.name}: [afzender] website moet met https:// beginnen")
    logo = pad.with_name(tabel["logo"])
    if logo.suffix != ".svg" or logo.parent != pad.parent or not logo.is_file():
        raise AfzenderFout(
            f"{pad.name}: [afzender] logo moet een SVG-bestand naast dit bestand zijn"
        )
    data = base64.b64encode(logo.read_bytes()).decode("ascii")
    velden = {v: tabel[v].strip() for v in VELDEN} | {"logo": f"data:image/svg+xml;base64,{data}"}
    return Afzender(**velden, controleren=bool(tabel.get("controleren", False)))


@lru_cache(maxsize=1)
def afzender() -> Afzender:
    """The installation's sender (the organisation of `Configuratie.standaard()`)."""
    return lees(Path(Configuratie.standaard().organisatie.bestand))
