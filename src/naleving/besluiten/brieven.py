# SPDX-License-Identifier: EUPL-1.2
"""The beschikking: HTML from a versioned template (editable by the functioneel beheerder), PDF with WeasyPrint
(tagged, PDF/UA-1). A letter stores its HTML and the template version; the PDF is made from that stored HTML."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from importlib import resources
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten.models import Besluit, Brief, Briefsjabloon, Omstandigheid
from naleving.core.money import format_euro

SOORT = "beschikking"
#: Awb 6:7: the term for an objection is six weeks.
BEZWAARTERMIJN = timedelta(weeks=6)

#: The articles each decision rests on, per law (PW; IOAW/IOAZ have their own numbering; Bbz follows the PW).
ARTIKELEN: dict[str, dict[str, str]] = {
    "PW": {
        "inlichtingenplicht": "artikel 17, eerste lid, van de Participatiewet",
        "arbeidsverplichting": "artikel 9 en artikel 18, vierde lid, van de Participatiewet",
        "tekortschietend_besef": "artikel 18, tweede lid, van de Participatiewet",
        "boete": "artikel 18a van de Participatiewet",
        "maatregel": "artikel 18 van de Participatiewet en de afstemmingsverordening",
        "terugvordering": "artikel 58 van de Participatiewet",
        "waarschuwing": "artikel 18a, elfde lid, van de Participatiewet",
    },
    "IOAW": {
        "inlichtingenplicht": "artikel 13 van de IOAW",
        "boete": "artikel 20a van de IOAW",
        "maatregel": "artikel 20 van de IOAW",
        "terugvordering": "artikel 25 van de IOAW",
        "waarschuwing": "artikel 20a van de IOAW",
    },
    "IOAZ": {
        "inlichtingenplicht": "artikel 13 van de IOAZ",
        "boete": "artikel 20a van de IOAZ",
        "maatregel": "artikel 20 van de IOAZ",
        "terugvordering": "artikel 25 van de IOAZ",
        "waarschuwing": "artikel 20a van de IOAZ",
    },
}


def _engine() -> Engine:
    return Engine(
        builtins=["django.template.defaultfilters", "naleving.core.templatetags.naleving"],
        autoescape=True,
    )


def standaard_inhoud() -> str:
    return (resources.files("naleving.besluiten") / "sjablonen" / "beschikking.html").read_text(
        encoding="utf-8"
    )


def sjabloon_actief(soort: str = SOORT) -> Briefsjabloon:
    """The newest version; version 1 is the shipped template, created the first time it is needed."""
    sjabloon = Briefsjabloon.objects.filter(soort=soort).order_by("-versie").first()
    if sjabloon is None:
        sjabloon, _ = Briefsjabloon.objects.get_or_create(
            soort=soort,
            versie=1,
            defaults={
                "inhoud": standaard_inhoud(),
                "toelichting": "Meegeleverd sjabloon",
                "op": timezone.now(),
            },
        )
    return sjabloon


def sjabloon_nieuwe_versie(*, user: User, inhoud: str, toelichting: str) -> Briefsjabloon:
    """The functioneel beheerder changes a template: always a new version, never an edit in place."""
    if not has_right(user, "sjabloon.beheren"):
        raise PermissionDenied("Alleen de functioneel beheerder wijzigt briefsjablonen.")
    if not toelichting.strip():
        raise ValidationError({"toelichting": "Schrijf op wat u verandert en waarom."})
    try:
        _engine().from_string(inhoud)
    except TemplateSyntaxError as exc:
        raise ValidationError({"inhoud": f"Het sjabloon bevat een fout: {exc}"}) from exc
    for verplicht in ("bezwaar", "{{ besluit.motivering"):
        if verplicht not in inhoud:
            raise ValidationError(
                {
                    "inhoud": f"Het sjabloon moet '{verplicht}' bevatten (motivering en bezwaarclausule)."
                }
            )
    with transaction.atomic():
        huidig = sjabloon_actief()
        laatste = Briefsjabloon.objects.filter(soort=SOORT).aggregate(m=Max("versie"))["m"] or 0
        nieuw = Briefsjabloon.objects.create(
            soort=SOORT,
            versie=max(laatste, huidig.versie) + 1,
            inhoud=inhoud,
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


def brief_context(besluit: Besluit) -> dict[str, Any]:
    snap = besluit.advies_snapshot or {}
    advies = snap.get("advies") or {}
    artikelen = ARTIKELEN.get(besluit.wet, ARTIKELEN["PW"])
    gebruikt = [artikelen.get(besluit.overtreding, "")]
    if besluit.sanctie in ("boete", "maatregel", "waarschuwing"):
        gebruikt.append(artikelen.get(besluit.sanctie, ""))
    if besluit.terugvordering_cent:
        gebruikt.append(artikelen["terugvordering"])
    bronnen: list[str] = []
    for u in advies.get("uitleg", []):
        if u["bron"] and u["bron"] not in bronnen and u["regel"] != "parameters":
            bronnen.append(u["bron"])
    datum = timezone.localdate()
    toets = getattr(besluit, "omgekeerde_toets", None)
    return {
        "besluit": besluit,
        "client": besluit.client,
        "organisatie": settings.NALEVING_ORGANISATIE,
        "datum": datum,
        "bezwaar_uiterlijk": datum + BEZWAARTERMIJN,
        "artikelen": [a for a in gebruikt if a],
        "bronnen": bronnen,
        "advies": advies,
        "toets": toets.stappen() if toets else [],
        "boete": format_euro(besluit.boete_cent),
        "terugvordering": format_euro(besluit.terugvordering_cent or 0),
        "afgezien": format_euro(besluit.afgezien_cent),
        "benadeling": format_euro(advies.get("benadelingsbedrag_cent", 0)),
        "omstandigheden": [
            label for code, label in Omstandigheid.choices if code in besluit.omstandigheden
        ],
    }


def render_html(besluit: Besluit, sjabloon: Briefsjabloon) -> str:
    return _engine().from_string(sjabloon.inhoud).render(Context(brief_context(besluit)))


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
    from weasyprint import CSS, HTML

    result = HTML(string=document(brief), base_url=None).write_pdf(
        stylesheets=[CSS(string=stylesheet())], pdf_variant="pdf/ua-1"
    )
    assert result is not None
    return bytes(result)
