# SPDX-License-Identifier: EUPL-1.2
"""The beschikking: HTML from a versioned template (editable by the functioneel beheerder, in the sandboxed
template language of core.sjabloontaal, checked when saved), PDF with WeasyPrint (tagged, PDF/UA-1). A letter stores its HTML and the template version; the PDF is made from that stored HTML."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten import grondslag
from naleving.besluiten.briefvelden import (
    PLAATSHOUDERS,
    VEILIGE_ADRESSEN,
    VERPLICHT,
    brief_gegevens,
    voorbeeld_besluit,
)
from naleving.besluiten.models import TOETS_VRAGEN, Besluit, Brief, Briefsjabloon, Sjabloontaal
from naleving.core import sjabloontaal
from naleving.core.pdf import html_naar_pdf

SOORT = "beschikking"


def standaard_inhoud() -> str:
    return (resources.files("naleving.besluiten") / "sjablonen" / "beschikking.html").read_text(
        encoding="utf-8"
    )


def sjabloon_actief(soort: str = SOORT) -> Briefsjabloon:
    """The newest version in the sandboxed language; version 1 is the shipped template, created the first time
    it is needed. Versions in the old (Django) language are history only and never rendered."""
    sjabloon = (
        Briefsjabloon.objects.filter(soort=soort, syntaxis=Sjabloontaal.VEILIG)
        .order_by("-versie")
        .first()
    )
    if sjabloon is None:
        sjabloon, _ = Briefsjabloon.objects.get_or_create(
            soort=soort,
            versie=1,
            defaults={
                "inhoud": standaard_inhoud(),
                "syntaxis": Sjabloontaal.VEILIG,
                "toelichting": "Meegeleverd sjabloon",
                "op": timezone.now(),
            },
        )
    return sjabloon


def sjabloon_controleer(inhoud: str) -> str:
    """Check a template as the beheerder wrote it and return the letter for the example decision. Raises
    ValidationError on `inhoud` with the line and the problem, in Dutch. A template that passes renders every
    decision: the checker refuses all that could fail, and the example render proves it once more."""
    try:
        gebruikt = sjabloontaal.controleer(inhoud, PLAATSHOUDERS)
        sjabloontaal.controleer_html(inhoud, veilige_adressen=VEILIGE_ADRESSEN)
    except sjabloontaal.Sjabloonfout as exc:
        raise ValidationError(
            {"inhoud": f"Het sjabloon kan zo niet worden gebruikt. {exc}"}
        ) from exc
    for verplicht in VERPLICHT:
        if verplicht not in gebruikt:
            raise ValidationError(
                {
                    "inhoud": f"Het sjabloon moet {{{{ {verplicht} }}}} bevatten: elke beschikking "
                    "noemt de motivering en de termijn voor bezwaar (Awb 3:46 en 3:45)."
                }
            )
    if "bezwaar" not in inhoud.lower():
        raise ValidationError(
            {"inhoud": "Het sjabloon moet uitleggen hoe de inwoner bezwaar maakt (Awb 3:45)."}
        )
    return sjabloontaal.render(inhoud, _voorbeeld_gegevens())


def _voorbeeld_gegevens() -> dict[str, Any]:
    besluit = voorbeeld_besluit()
    return brief_gegevens(
        besluit,
        artikelen=_artikelen(besluit),
        stappen=[(vraag, "Voorbeeldantwoord.") for vraag in TOETS_VRAGEN.values()],
    )


def sjabloon_voorbeeld(*, user: User, inhoud: str) -> str:
    """The letter for a synthetic example decision, so the beheerder sees a template before saving it."""
    if not has_right(user, "sjabloon.beheren"):
        raise PermissionDenied("Alleen de functioneel beheerder wijzigt briefsjablonen.")
    return sjabloon_controleer(inhoud)


def plaatshouders_uitleg() -> list[tuple[str, str, str]]:
    """The documented placeholders (name, kind, Dutch explanation) for the page where templates are edited."""
    return sjabloontaal.beschrijving(PLAATSHOUDERS)


def filters_uitleg() -> list[tuple[str, str]]:
    return [(naam, uitleg) for naam, (_, uitleg) in sjabloontaal.FILTERS.items()]


def sjabloon_nieuwe_versie(*, user: User, inhoud: str, toelichting: str) -> Briefsjabloon:
    """The functioneel beheerder changes a template: always a new version, never an edit in place."""
    if not has_right(user, "sjabloon.beheren"):
        raise PermissionDenied("Alleen de functioneel beheerder wijzigt briefsjablonen.")
    if not toelichting.strip():
        raise ValidationError({"toelichting": "Schrijf op wat u verandert en waarom."})
    sjabloon_controleer(inhoud)
    with transaction.atomic():
        huidig = sjabloon_actief()
        laatste = Briefsjabloon.objects.filter(soort=SOORT).aggregate(m=Max("versie"))["m"] or 0
        nieuw = Briefsjabloon.objects.create(
            soort=SOORT,
            versie=max(laatste, huidig.versie) + 1,
            inhoud=inhoud,
            syntaxis=Sjabloontaal.VEILIG,
            toelichting=toelichting.strip(),
            door=user,
            op=timezone.now(),
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=nieuw,
            reden=f"Briefsjabloon {SOORT} versie {nieuw.versie}",
        )
    return nieuw


def _artikelen(besluit: Besluit) -> list[str]:
    return grondslag.artikelen(
        wet=besluit.wet,
        overtreding=besluit.overtreding,
        sanctie=besluit.sanctie,
        terugvordering_cent=besluit.terugvordering_cent or 0,
        advies=(besluit.advies_snapshot or {}).get("advies"),
    )


def brief_context(besluit: Besluit) -> dict[str, Any]:
    """The plain data of one letter (see briefvelden.PLAATSHOUDERS)."""
    toets = getattr(besluit, "omgekeerde_toets", None)
    return brief_gegevens(
        besluit, artikelen=_artikelen(besluit), stappen=toets.stappen() if toets else []
    )


def render_html(besluit: Besluit, sjabloon: Briefsjabloon) -> str:
    return sjabloontaal.render(sjabloon.inhoud, brief_context(besluit))


def brief_maak(*, besluit: Besluit, user: User) -> Brief:
    sjabloon = sjabloon_actief()
    html = render_html(besluit, sjabloon)
    brief = Brief.objects.create(
        besluit=besluit,
        sjabloon=sjabloon,
        html=html,
        sha256=hashlib.sha256(html.encode()).hexdigest(),
        op=timezone.now(),
    )
    audit_log(
        user=user,
        actie=Actie.AANMAKEN,
        obj=brief,
        client=besluit.client,
        reden=f"Beschikking bij besluit {besluit.nummer} (sjabloon versie {sjabloon.versie})",
    )
    return brief


def document(brief: Brief) -> str:
    """The stored letter (a fragment) as a whole document with language and title, for PDF/UA."""
    from django.utils.html import escape

    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>Beschikking {escape(brief.besluit.nummer)}</title></head>"
        f"<body>{brief.html}</body></html>"
    )


def stylesheet() -> str:
    return (resources.files("naleving.besluiten") / "static" / "besluiten" / "brief.css").read_text(
        encoding="utf-8"
    )


def pdf(brief: Brief) -> bytes:
    """The letter as tagged PDF (PDF/UA-1) from its stored HTML."""
    return html_naar_pdf(document(brief), stylesheet())
