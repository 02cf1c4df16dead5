# SPDX-License-Identifier: EUPL-1.2
"""The placeholders of the beschikking: the only data a letter template can show, each with a Dutch explanation
for the functioneel beheerder, and the plain data (texts, numbers, dates) a letter is made from. Model objects
never reach a template, so a template cannot reach anything that is not listed here. What is internal (the
consultant's note on a deviation from the advice, the advice's raw citations) has no placeholder at all."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from naleving.besluiten.afzender import afzender
from naleving.besluiten.models import (
    AfzienReden,
    Besluit,
    Keuze,
    Omstandigheid,
    Sanctie,
    Verwijtbaarheid,
)
from naleving.core.money import format_euro
from naleving.core.sjabloontaal import DATUM, GETAL, GROEP, LIJST, Plaatshouder

#: Awb 6:7: the term for an objection is six weeks.
BEZWAARTERMIJN = timedelta(weeks=6)


def _codes(keuzes: Any) -> str:
    return "; ".join(f'"{code}" = {label}' for code, label in keuzes.choices)


P = Plaatshouder
PLAATSHOUDERS: dict[str, Plaatshouder] = {
    "client": P(
        "De inwoner die de brief krijgt",
        GROEP,
        {
            "naam": P("Voornamen, tussenvoegsel en achternaam"),
            "straat": P("Straat"),
            "huisnummer": P("Huisnummer met toevoeging"),
            "postcode": P("Postcode"),
            "woonplaats": P("Woonplaats"),
            "clientnummer": P("Cliëntnummer"),
        },
    ),
    "besluit": P(
        "Het besluit",
        GROEP,
        {
            "nummer": P("Ons kenmerk, bijvoorbeeld B000123"),
            "wet": P("De wet: PW, IOAW, IOAZ of Bbz"),
            "sanctie": P(f"De sanctie als code: {_codes(Sanctie)}"),
            "keuze": P(f"Volgt of wijkt af van het advies, als code: {_codes(Keuze)}"),
            "feiten": P("Wat er is gebeurd, in gewone woorden"),
            "motivering": P(
                "Waarom wij dit besluit nemen, geschreven voor de inwoner (verplicht in elke brief). "
                "De interne toelichting op een afwijking van het advies komt nooit in de brief."
            ),
            "verwijtbaarheid": P(
                "Hoe verwijtbaar, voluit (leeg als niet beoordeeld), bijvoorbeeld Opzet"
            ),
            "verwijtbaarheid_reden": P("De reden voor die verwijtbaarheid"),
            "omstandigheden_toelichting": P("Toelichting op de situatie van de inwoner"),
            "maatregel_percentage": P("Verlaging van de uitkering in procent", GETAL),
            "maatregel_maanden": P("Aantal maanden van de verlaging", GETAL),
            "boete_cent": P("De boete in centen (0: geen boete)", GETAL),
            "terugvordering_cent": P("Wat de inwoner terugbetaalt, in centen (0: niets)", GETAL),
            "afgezien_cent": P("Wat wij niet terugvragen, in centen (0: niets)", GETAL),
            "afzien_reden": P("Waarom wij minder terugvragen, voluit"),
            "afzien_motivering": P("Toelichting op het minder terugvragen"),
            "genomen_door": P("Naam van de inkomensconsulent die besliste"),
        },
    ),
    "organisatie": P("Naam van de organisatie die de brief stuurt"),
    "afzender": P(
        "De organisatie die de brief stuurt (uit het bestand van de organisatie, tabel [afzender])",
        GROEP,
        {
            "naam": P("Naam"),
            "postadres": P("Postadres, bijvoorbeeld een postbus"),
            "postcode_plaats": P("Postcode en plaats van het postadres"),
            "bezoekadres": P("Bezoekadres"),
            "telefoon": P("Telefoonnummer"),
            "telefoon_link": P("Telefoonnummer als adres voor een link (tel:…)"),
            "website": P("Website (https://…)"),
            "website_tekst": P("Website zonder https://, om te lezen"),
            "email": P("E-mailadres"),
            "logo": P(
                'Het logo als afbeelding; alleen te gebruiken als <img src="{{ afzender.logo }}">'
            ),
            "bezwaar_aan": P("Aan wie de inwoner een bezwaar stuurt"),
            "ondertekening": P("Namens wie de brief is ondertekend"),
        },
    ),
    "datum": P("Datum van de brief", DATUM),
    "bezwaar_uiterlijk": P("Laatste dag voor bezwaar: 6 weken na de datum (Awb 6:7)", DATUM),
    "boete": P("De boete als bedrag, bijvoorbeeld € 1.300,00"),
    "terugvordering": P("Het terug te betalen bedrag, bijvoorbeeld € 1.300,00"),
    "afgezien": P("Het bedrag dat wij niet terugvragen"),
    "benadeling": P("Het bedrag dat de inwoner te veel kreeg (benadelingsbedrag)"),
    "artikelen": P("De wetsartikelen waarop het besluit rust (een lijst van teksten)", LIJST),
    "omstandigheden": P("De omstandigheden die wij hebben gewogen (een lijst van teksten)", LIJST),
    "toets": P(
        "De stappen van de Omgekeerde Toets (een lijst; leeg als die niet is gedaan)",
        LIJST,
        {"vraag": P("De vraag van de stap"), "antwoord": P("Het antwoord")},
    ),
}

#: A letter template must show these (Awb 3:46 motivation; Awb 3:45 the objection clause).
VERPLICHT = ("besluit.motivering", "bezwaar_uiterlijk")
#: Placeholders an <img src> may be: their value is made by the system (the logo as a data: image).
VEILIGE_ADRESSEN = ("afzender.logo",)


def _label(keuzes: Any, code: str) -> str:
    return str(dict(keuzes.choices).get(code, "")) if code else ""


def brief_gegevens(
    besluit: Besluit,
    *,
    artikelen: list[str],
    stappen: list[tuple[str, str]],
    datum: date | None = None,
) -> dict[str, Any]:
    """The plain data for one letter, exactly the shape of PLAATSHOUDERS (`stappen`: the Omgekeerde Toets)."""
    snap = besluit.advies_snapshot or {}
    advies = snap.get("advies") or {}
    van = afzender()
    datum = datum or timezone.localdate()
    client = besluit.client
    door = besluit.genomen_door
    return {
        "client": {
            "naam": client.naam,
            "straat": client.straat,
            "huisnummer": client.huisnummer,
            "postcode": client.postcode,
            "woonplaats": client.woonplaats,
            "clientnummer": client.clientnummer,
        },
        "besluit": {
            "nummer": besluit.nummer,
            "wet": besluit.wet,
            "sanctie": besluit.sanctie,
            "keuze": besluit.keuze,
            "feiten": besluit.feiten,
            "motivering": besluit.motivering,
            "verwijtbaarheid": _label(Verwijtbaarheid, besluit.verwijtbaarheid),
            "verwijtbaarheid_reden": besluit.verwijtbaarheid_reden,
            "omstandigheden_toelichting": besluit.omstandigheden_toelichting,
            "maatregel_percentage": besluit.maatregel_percentage,
            "maatregel_maanden": besluit.maatregel_maanden,
            "boete_cent": besluit.boete_cent,
            "terugvordering_cent": besluit.terugvordering_cent or 0,
            "afgezien_cent": besluit.afgezien_cent,
            "afzien_reden": _label(AfzienReden, besluit.afzien_reden),
            "afzien_motivering": besluit.afzien_motivering,
            "genomen_door": (door.get_full_name() or door.username) if door else "",
        },
        "organisatie": van.naam,
        "afzender": van.gegevens(),
        "datum": datum,
        "bezwaar_uiterlijk": datum + BEZWAARTERMIJN,
        "boete": format_euro(besluit.boete_cent),
        "terugvordering": format_euro(besluit.terugvordering_cent or 0),
        "afgezien": format_euro(besluit.afgezien_cent),
        "benadeling": format_euro(advies.get("benadelingsbedrag_cent", 0)),
        "artikelen": artikelen,
        "omstandigheden": [
            str(label) for code, label in Omstandigheid.choices if code in besluit.omstandigheden
        ],
        "toets": [{"vraag": v, "antwoord": a} for v, a in stappen],
    }


def voorbeeld_besluit() -> Besluit:
    """A synthetic decision (never saved) for the preview: a fine and a claim, with circumstances weighed."""
    from naleving.accounts.models import User
    from naleving.clienten.models import Client

    client = Client(
        clientnummer="C-VOORBEELD",
        voornamen="Sam",
        achternaam="Voorbeeld",
        straat="Voorbeeldstraat",
        huisnummer="1a",
        postcode="1234 AB",
        woonplaats="Waalwijk",
    )
    besluit = Besluit(
        pk=123,
        client=client,
        wet="PW",
        overtreding="inlichtingenplicht",
        feiten="U werkte in maart en april bij een schoonmaakbedrijf.\nU gaf dat niet aan ons door.",
        verwijtbaarheid=Verwijtbaarheid.VERMINDERD,
        verwijtbaarheid_reden="U wist niet goed wat u moest doorgeven.",
        omstandigheden=[Omstandigheid.SCHULDEN],
        omstandigheden_toelichting="U heeft schulden en krijgt hulp van de schuldhulpverlening.",
        keuze=Keuze.VOLGT,
        sanctie=Sanctie.BOETE,
        boete_cent=65_000,
        motivering="U had uw inkomsten moeten doorgeven. Dat deed u niet.",
        terugvordering_voorgesteld_cent=130_000,
        terugvordering_cent=130_000,
        advies_snapshot={"advies": {"benadelingsbedrag_cent": 130_000, "uitleg": []}},
        genomen_door=User(username="voorbeeld", first_name="Inge", last_name="Consulent"),
    )
    return besluit
