# SPDX-License-Identifier: EUPL-1.2
"""The allow-list of a signal's extra fields (its payload): per source and product, each field with
the reason the check needs it. Nothing else is stored or shown.

Data minimisation (AVG art. 5 lid 1 c): a signal holds only what is needed to check it against the
right to benefit. Characteristics of a person (nationality, origin, language, gender, neighbourhood,
housing type, health) are never accepted, under any name: they must never weigh in choosing whom
to check (domain.md §9; Rechtbank Den Haag 5 February 2020, ECLI:NL:RBDHA:2020:865, SyRI).

Every intake path passes through `controleer`: the partner API and the batch files through
`importeren.valideer`, single signals (public report form, colleague form, demo data) through
`services.signaal_maak`. The signal page shows only `toonbaar(signaal)`, so a key in an old row
that the list does not name is not shown either.

Field names follow the Inlichtingenbureau products (domain.md §4); the articles are of the
Participatiewet (PW), 2015 text, lid numbering UNCERTAIN.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from naleving.signalen.models import Bron, Product

MAX_WAARDE = 200  # characters of one text value: a name, a number, a reference; not a story


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str  # on the signal page
    waarom: str  # why the check needs it


_KENMERK = Veld(
    "bron_kenmerk",
    "Kenmerk bij de bron",
    "Om bij de ketenpartner na te vragen om welk bericht het gaat.",
)
_BEGIN = Veld("ingangsdatum", "Ingangsdatum", "Vanaf wanneer het recht mogelijk verandert.")
_EINDE = Veld("einddatum", "Einddatum", "Tot wanneer het recht mogelijk verandert.")

#: Chain partners, per product. Each field is needed to check the right to benefit.
KETENPARTNER: dict[str, tuple[Veld, ...]] = {
    Product.INKOMSTENVERHOUDING: (
        _KENMERK,
        Veld("werkgever", "Werkgever", "Om de inkomsten na te vragen (PW art. 31, 32)."),
        Veld("loon", "Loon", "Inkomsten worden gekort op de bijstand (PW art. 31, 32)."),
        _BEGIN,
        _EINDE,
    ),
    Product.DETENTIE: (
        _KENMERK,
        Veld(
            "inrichting",
            "Inrichting",
            "Wie gedetineerd is, heeft geen recht op bijstand (PW art. 13 lid 1 a).",
        ),
        _BEGIN,
        _EINDE,
    ),
    Product.UITKERING_ANDERE_GEMEENTE: (
        _KENMERK,
        Veld(
            "andere_gemeente",
            "Andere gemeente",
            "Bijstand komt van de gemeente waar iemand woont (PW art. 40).",
        ),
        _BEGIN,
    ),
    Product.HUISHOUDEN: (
        _KENMERK,
        Veld(
            "aantal_volwassenen",
            "Volwassenen op het adres",
            "Voor de kostendelersnorm (PW art. 22a).",
        ),
        _BEGIN,
    ),
    Product.STUDIEFINANCIERING: (
        _KENMERK,
        Veld(
            "bedrag",
            "Bedrag per maand",
            "Wie studiefinanciering kan krijgen, heeft meestal geen recht op bijstand "
            "(PW art. 13 lid 2 c).",
        ),
        _BEGIN,
    ),
    Product.VERMOGEN: (
        _KENMERK,
        Veld("saldo", "Saldo", "Vermogen boven de grens sluit bijstand uit (PW art. 34)."),
        Veld("peildatum", "Peildatum", "Op welke dag het saldo gold (PW art. 34)."),
    ),
    Product.BOX1_BOX3: (
        _KENMERK,
        Veld("belastingjaar", "Belastingjaar", "Het jaar waarover het bezit telt (PW art. 34)."),
        Veld("bedrag", "Bedrag", "Bezit telt als vermogen (PW art. 34)."),
    ),
    Product.VOERTUIG: (
        _KENMERK,
        Veld("kenteken", "Kenteken", "Om de waarde van het voertuig na te gaan (PW art. 34)."),
        Veld(
            "datum_tenaamstelling",
            "Datum tenaamstelling",
            "Sinds wanneer het voertuig meetelt als vermogen (PW art. 34).",
        ),
    ),
    Product.OVERIG: (_KENMERK,),
}

#: Per source. Residents and colleagues have no extra fields: what they tell goes into the
#: description, and the report form's fields into the Melding (names, address, since when).
TOEGESTAAN: dict[str, dict[str, tuple[Veld, ...]]] = {
    Bron.KETENPARTNER: KETENPARTNER,
    Bron.MELDER: {},
    Bron.COLLEGA: {},
    Bron.WAARNEMING: {},
}

#: Parts of a field name that point at a characteristic of a person that must never be stored.
_PROFILERING = (
    "nationalit",
    "nationality",
    "herkomst",
    "afkomst",
    "origin",
    "etnic",
    "etnis",
    "ethnic",
    "geboorteland",
    "taal",
    "language",
    "geslacht",
    "gender",
    "sekse",
    "sex",
    "wijk",
    "buurt",
    "neighbourhood",
    "neighborhood",
    "woonvorm",
    "woningtype",
    "woonsituatie",
    "huisvesting",
    "housing",
    "gezondheid",
    "health",
    "medisch",
    "medical",
    "ziekte",
    "beperking",
    "religie",
    "geloof",
    "religion",
)
PROFILERING_BERICHT = (
    "Het veld {naam} nemen we niet aan. Naleving slaat geen nationaliteit, herkomst, taal, "
    "geslacht, wijk, woonvorm of gezondheid op: zulke kenmerken mogen nooit meewegen bij de keuze "
    "wie gecontroleerd wordt (uitspraak SyRI, rechtbank Den Haag 5 februari 2020) en zijn niet "
    "nodig om een signaal te controleren (AVG art. 5, alleen noodzakelijke gegevens). "
    "Laat dit veld weg."
)


def velden(bron: str, product: str) -> dict[str, Veld]:
    return {v.naam: v for v in TOEGESTAAN.get(bron, {}).get(product, ())}


def alle_namen(bron: str) -> frozenset[str]:
    """Every field some product of this source may carry (the columns a batch file may have)."""
    return frozenset(v.naam for lijst in TOEGESTAAN.get(bron, {}).values() for v in lijst)


def is_profilering(naam: str) -> bool:
    delen = re.split(r"[^a-z0-9]+", str(naam).lower())
    return any(deel.startswith(stam) for deel in delen if deel for stam in _PROFILERING)


def weiger_bericht(naam: str, bron: str, product: str) -> str:
    """Why field `naam` is refused, in Dutch, with what is accepted instead."""
    getoond = repr(str(naam)[:40])
    if is_profilering(naam):
        return PROFILERING_BERICHT.format(naam=getoond)
    namen = ", ".join(velden(bron, product)) or "geen"
    return (
        f"Het veld {getoond} kennen we niet bij product {product}. "
        f"Extra velden die we aannemen: {namen}."
    )


def onbekende_kolommen(bron: str, kolommen: Iterable[str]) -> list[str]:
    """Columns of a batch file that no product of this source may carry."""
    namen = alle_namen(bron)
    return [k for k in kolommen if k not in namen]


def kolommen_bericht(bron: str, onbekend: list[str]) -> str:
    """Why a batch file with these columns is refused (nothing of it is stored)."""
    profiel = [k for k in onbekend if is_profilering(k)]
    anders = [k for k in onbekend if not is_profilering(k)]
    delen = ["Er is niets opgeslagen."]
    if profiel:
        namen = ", ".join(repr(k[:40]) for k in profiel)
        delen.append(
            PROFILERING_BERICHT.format(naam=namen)
            .replace("Het veld", "De kolom" if len(profiel) == 1 else "De kolommen")
            .replace(
                "Laat dit veld weg.",
                "Haal die kolom uit het bestand."
                if len(profiel) == 1
                else "Haal ze uit het bestand.",
            )
        )
    if anders:
        delen.append(
            "Deze kolommen kennen we niet: "
            + ", ".join(repr(k[:40]) for k in anders)
            + ". Extra kolommen die we aannemen: "
            + ", ".join(sorted(alle_namen(bron)))
            + "."
        )
    return " ".join(delen)


def controleer(
    bron: str, product: str, extra: Mapping[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The payload to store and the problems (field, Dutch message). Empty values are left out: an
    empty CSV cell is not a delivered value. A value is one text or number, never a nested
    structure (that could carry any field past this list)."""
    payload: dict[str, Any] = {}
    fouten: list[tuple[str, str]] = []
    toegestaan = velden(bron, product)
    for naam, waarde in extra.items():
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            continue
        veld = str(naam)[:40]
        if naam not in toegestaan:
            fouten.append((veld, weiger_bericht(naam, bron, product)))
        elif isinstance(waarde, bool) or not isinstance(waarde, str | int | float):
            fouten.append((veld, f"Het veld {naam} moet één tekst of getal zijn."))
        elif isinstance(waarde, float) and not math.isfinite(waarde):
            fouten.append((veld, f"Het veld {naam} moet een gewoon getal zijn."))
        elif isinstance(waarde, str) and len(waarde) > MAX_WAARDE:
            fouten.append((veld, f"Het veld {naam} is langer dan {MAX_WAARDE} tekens."))
        elif isinstance(waarde, str) and "\x00" in waarde:
            fouten.append((veld, f"Het veld {naam} bevat een ongeldig teken."))
        else:
            payload[naam] = waarde
    return payload, fouten


def toonbaar(bron: str, product: str, payload: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(label, value) of the stored fields the list names, in the list's order; anything else in
    an old row is not shown."""
    if not isinstance(payload, Mapping):
        return []
    return [
        (v.label, payload[v.naam])
        for v in TOEGESTAAN.get(bron, {}).get(product, ())
        if v.naam in payload and isinstance(payload[v.naam], str | int | float)
    ]
