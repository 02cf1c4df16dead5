# SPDX-License-Identifier: EUPL-1.2
"""The investigative activities of Awb title 5.2, each with the fields it must record.

Every activity records why it is needed: a power may be used only as far as reasonably necessary (Awb 5:13).
Intrusive steps (observation, home visit) also need a justified step in the onderzoeksplan. The fields here are
the single source for both the forms and the service's validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from naleving.core import weergave


class Soort(models.TextChoices):
    GEGEVENS_VORDEREN = "gegevens_vorderen", "Gegevens vorderen (Awb 5:16)"
    INZAGE_ZAKELIJK = "inzage_zakelijk", "Inzage zakelijke gegevens (Awb 5:17)"
    RAADPLEGEN_REGISTRATIE = "raadplegen_registratie", "Raadplegen registratie (bijv. Suwinet)"
    WAARNEMING = "waarneming", "Waarneming"
    INTERNETONDERZOEK = "internetonderzoek", "Internetonderzoek (open bronnen)"
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    GESPREK = "gesprek", "Gesprek of verhoor"


#: Steps that intrude on private life (art. 8 EVRM) more than asking or looking up: each needs a justified
#: plan step (necessity and why nothing lighter suffices) before it can be recorded.
INGRIJPEND = frozenset({Soort.WAARNEMING, Soort.HUISBEZOEK})


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    soort: str = "tekst"  # tekst, lang, datum, tijdstip, getal, janee, keuze
    verplicht: bool = True
    hulp: str = ""
    keuzes: tuple[tuple[str, str], ...] = ()


WAAROM = Veld(
    "waarom",
    "Waarom is deze stap nodig?",
    "lang",
    hulp="Awb 5:13: alleen voor zover redelijkerwijs nodig.",
)

VELDEN: dict[str, tuple[Veld, ...]] = {
    Soort.GEGEVENS_VORDEREN: (
        Veld("van_wie", "Van wie"),
        Veld("welke_gegevens", "Welke gegevens", "lang"),
        WAAROM,
    ),
    Soort.INZAGE_ZAKELIJK: (
        Veld("bij_wie", "Bij wie"),
        Veld("welke_gegevens", "Welke zakelijke gegevens", "lang"),
        WAAROM,
    ),
    Soort.RAADPLEGEN_REGISTRATIE: (
        Veld("bron", "Welke registratie", hulp="Bijvoorbeeld Suwinet-Inkijk, BRP, RDW, Kadaster."),
        Veld("welke_gegevens", "Welke gegevens", "lang"),
        WAAROM,
    ),
    Soort.WAARNEMING: (
        Veld("locatie", "Waar"),
        Veld("begin", "Wanneer (begin)", "tijdstip"),
        Veld("duur_minuten", "Hoe lang (minuten)", "getal"),
        Veld("bevindingen", "Wat is waargenomen", "lang"),
        WAAROM,
    ),
    Soort.INTERNETONDERZOEK: (
        Veld("bron_url", "Bron (adres van de pagina)"),
        Veld("wat_gezien", "Wat is gezien", "lang"),
        Veld(
            "alleen_open_bronnen",
            "Ik heb alleen open bronnen gebruikt: geen account, geen schuilnaam, geen vriendschapsverzoek",
            "janee",
            hulp="VNG-handreiking internetonderzoek 2021.",
        ),
        WAAROM,
    ),
    Soort.HUISBEZOEK: (
        Veld("aangekondigd", "Was het huisbezoek aangekondigd?", "janee", verplicht=False),
        Veld(
            "redelijke_grond",
            "Redelijke grond",
            "lang",
            verplicht=False,
            hulp="Concrete, objectieve feiten die twijfel geven en niet op een lichtere manier te controleren "
            "zijn. Laat leeg als er geen redelijke grond is.",
        ),
        Veld(
            "gezegd_over_weigeren",
            "Wat is gezegd over weigeren",
            "keuze",
            keuzes=(
                ("geen_gevolgen", "Weigeren heeft geen gevolgen voor de uitkering"),
                ("kan_gevolgen_hebben", "Weigeren kan gevolgen hebben voor de uitkering"),
            ),
        ),
        Veld(
            "toestemming",
            "Toestemming van de bewoner",
            "keuze",
            keuzes=(("gegeven", "Gegeven"), ("geweigerd", "Geweigerd")),
        ),
        Veld("aanwezigen", "Wie waren er bij"),
        Veld("bevindingen", "Bevindingen", "lang", verplicht=False),
        WAAROM,
    ),
    Soort.GESPREK: (
        Veld("met_wie", "Met wie"),
        Veld("begin", "Begin van het gesprek", "tijdstip"),
        Veld(
            "gehoorde",
            "Wie wordt gehoord?",
            "keuze",
            hulp="Of een boete mogelijk is, volgt uit het onderzoek. Is dat zo, dan krijgen de cliënt en "
            "huisgenoten de cautie vóór de eerste vraag (Awb 5:10a).",
            keuzes=(
                ("client", "De cliënt"),
                ("huisgenoot", "De partner of een ander lid van het huishouden"),
                ("derde", "Iemand anders (bijvoorbeeld werkgever, verhuurder of getuige)"),
            ),
        ),
        Veld("cautie_tijdstip", "Cautie gegeven om", "tijdstip", verplicht=False),
        Veld("cautie_tekst", "Woorden van de cautie", "lang", verplicht=False),
        Veld("verslag", "Verslag", "lang"),
        WAAROM,
    ),
}


def als_tekst(soort: str, gegevens: dict[str, Any]) -> list[tuple[str, str]]:
    """The recorded fields of one activity as (label, text) for the screen, in the order of the form: the
    field's own label, the label of a choice, Ja/Nee, time stamps in local time the Dutch way. A field no longer
    in the form (an older record) keeps its value under a readable name."""
    velden = {veld.naam: veld for veld in VELDEN.get(soort, ())}
    regels: list[tuple[str, str]] = []
    for naam in [*velden, *(n for n in gegevens if n not in velden)]:
        if naam not in gegevens:
            continue
        value = gegevens[naam]
        veld = velden.get(naam)
        if veld is None:
            regels.append((weergave.veldnaam(naam), weergave.als_tekst(value)))
        elif veld.soort == "janee":
            regels.append((veld.label, weergave.ja_nee(bool(value))))
        elif veld.soort == "keuze":
            regels.append(
                (veld.label, dict(veld.keuzes).get(str(value), weergave.als_tekst(value)))
            )
        else:
            regels.append((veld.label, weergave.als_tekst(value)))
    return regels


def cautie_nodig(gegevens: dict[str, Any], *, boete_mogelijk: bool) -> bool:
    """Awb 5:10a: the cautie is for someone "verhoord met het oog op het aan hem opleggen van een bestraffende
    sanctie": when a fine is possible, the client and the members of the household (who share the
    inlichtingenplicht, PW art. 17 lid 1), not a third party. A hearing recorded before the field counts as one of
    the client."""
    return boete_mogelijk and gegevens.get("gehoorde", "client") != "derde"


def valideer(
    soort: str, gegevens: dict[str, Any], *, boete_mogelijk: bool = True
) -> dict[str, Any]:
    """Check and normalise the fields of one activity; raise ValidationError naming each field in Dutch.

    `boete_mogelijk` is derived from the investigation by the caller (onderzoek.cautie.boete_mogelijk), never a
    field the handhaver ticks; unknown, it is taken as possible."""
    if soort not in VELDEN:
        raise ValidationError({"soort": "Kies een soort activiteit uit de lijst."})
    unknown = set(gegevens) - {v.naam for v in VELDEN[soort]}
    if unknown:
        raise ValidationError(
            {"gegevens": f"Onbekende velden voor deze activiteit: {', '.join(sorted(unknown))}."}
        )
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for veld in VELDEN[soort]:
        raw = gegevens.get(veld.naam)
        try:
            value = _parse(veld, raw)
        except ValueError as exc:
            errors[veld.naam] = str(exc)
            continue
        if veld.verplicht and value in (None, "", False) and veld.soort != "janee":
            errors[veld.naam] = f"Vul in: {veld.label.lower()}."
        clean[veld.naam] = value
    if not errors:
        errors.update(_regels(soort, clean, boete_mogelijk=boete_mogelijk))
    if errors:
        raise ValidationError(errors)
    if (
        soort == Soort.GESPREK
        and not clean["cautie_tijdstip"]
        and not cautie_nodig(clean, boete_mogelijk=boete_mogelijk)
    ):
        # Words without the moment they were said are no cautie: the form's pre-filled standard text, left in
        # place at a hearing that needs none, is not recorded as if it had been given.
        clean["cautie_tekst"] = ""
    return clean


def _parse(veld: Veld, raw: Any) -> Any:
    if raw is None or raw == "":
        return (
            False
            if veld.soort == "janee"
            else None
            if veld.soort in ("tijdstip", "datum", "getal")
            else ""
        )
    if veld.soort == "janee":
        if isinstance(raw, bool):
            return raw
        return str(raw).lower() in {"1", "true", "on", "ja"}
    if veld.soort == "getal":
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{veld.label}: vul een heel getal in.") from None
        if value < 0:
            raise ValueError(f"{veld.label}: vul een getal van 0 of meer in.")
        return value
    if veld.soort == "tijdstip":
        moment = raw if isinstance(raw, datetime) else parse_datetime(str(raw))
        if moment is None:
            raise ValueError(f"{veld.label}: vul een datum en tijd in, zoals 2026-11-28 14:30.")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        if moment > timezone.now():
            raise ValueError(f"{veld.label}: dit tijdstip ligt in de toekomst.")
        return moment.isoformat()
    if veld.soort == "datum":
        day = raw if isinstance(raw, date) else parse_date(str(raw))
        if day is None:
            raise ValueError(f"{veld.label}: vul een datum in, zoals 2026-11-28.")
        return day.isoformat()
    if veld.soort == "keuze" and str(raw) not in {k for k, _ in veld.keuzes}:
        raise ValueError(f"{veld.label}: kies een van de mogelijkheden.")
    return str(raw).strip()


def _regels(soort: str, v: dict[str, Any], *, boete_mogelijk: bool) -> dict[str, str]:
    """The rules between fields, each from the law or the case law it implements."""
    errors: dict[str, str] = {}
    if soort == Soort.INTERNETONDERZOEK and not v["alleen_open_bronnen"]:
        # VNG-handreiking 2021: only open sources; no fake accounts, pseudonyms or friend requests.
        errors["alleen_open_bronnen"] = (
            "Internetonderzoek mag alleen in open bronnen. Bevestig dat u geen account, schuilnaam of "
            "vriendschapsverzoek heeft gebruikt; anders kunt u dit niet vastleggen."
        )
    if soort == Soort.HUISBEZOEK:
        # A home may be entered only with the occupant's informed, voluntary consent (Awb 5:15 lid 1; art. 12
        # Grondwet; art. 8 EVRM). Only with a redelijke grond may the resident be told that refusing can have
        # consequences; without it, refusing has none (domain.md §4, huisbezoek).
        if v["gezegd_over_weigeren"] == "kan_gevolgen_hebben" and not v["redelijke_grond"]:
            errors["gezegd_over_weigeren"] = (
                "Zonder redelijke grond heeft weigeren geen gevolgen. Dat moet ook zo gezegd zijn; vul de "
                "redelijke grond in als die er was."
            )
        if v["toestemming"] == "geweigerd" and v["bevindingen"]:
            errors["bevindingen"] = (
                "Bij weigering eindigt het huisbezoek: er zijn dan geen bevindingen in de woning."
            )
        if v["toestemming"] == "gegeven" and not v["bevindingen"]:
            errors["bevindingen"] = "Vul de bevindingen van het huisbezoek in."
    if soort == Soort.GESPREK and cautie_nodig(v, boete_mogelijk=boete_mogelijk):
        # Awb 5:10a: the cautie before the questions; without it statements cannot prove blame (CRvB 2019:767).
        if not v["cautie_tijdstip"] or not v["cautie_tekst"]:
            errors["cautie_tijdstip"] = (
                "Dit onderzoek kan leiden tot een boete: leg eerst vast wanneer de cautie is gegeven en met welke "
                "woorden (Awb 5:10a)."
            )
        elif datetime.fromisoformat(v["cautie_tijdstip"]) > datetime.fromisoformat(v["begin"]):
            errors["cautie_tijdstip"] = (
                "De cautie moet gegeven zijn vóór de eerste vraag (Awb 5:10a)."
            )
    return errors
