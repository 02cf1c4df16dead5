# SPDX-License-Identifier: EUPL-1.2
"""Reports by residents at /melden: no login, anonymous by default, no IP address or user agent
stored.

The reference code and the follow-up token are shown once and stored only as SHA-256 hashes.
Attachments are
checked on their content (magic bytes) and size before they are written, under MEDIA_ROOT (outside
the web root).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from naleving.accounts.models import Gemeente
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.signalen import conf
from naleving.signalen.forms import MAX_BIJLAGE_BYTES, MAX_BIJLAGEN
from naleving.signalen.models import Aanvulling, Bijlage, Bron, Melding, Product, Signaal
from naleving.signalen.services import NieuwSignaal, signaal_maak

#: Accepted attachment types by their first bytes (the file's own claim — name, Content-Type — is
#: not trusted).
MAGIC: dict[str, tuple[bytes, str]] = {
    "application/pdf": (b"%PDF-", ".pdf"),
    "image/jpeg": (b"\xff\xd8\xff", ".jpg"),
    "image/png": (b"\x89PNG\r\n\x1a\n", ".png"),
}
REF_ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class VervolgOngeldig(Exception):
    pass


class VervolgVerlopen(Exception):
    pass


@dataclass(frozen=True)
class Ontvangstbewijs:
    signaal: Signaal
    referentie: str
    token: str


def hash_geheim(waarde: str) -> str:
    return hashlib.sha256(waarde.strip().upper().encode()).hexdigest()


def bestandstype(bestand: Any) -> str:
    """The content type by magic bytes; ValidationError when it is not a PDF, JPEG or PNG."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    for content_type, (magic, _ext) in MAGIC.items():
        if kop.startswith(magic):
            return content_type
    raise ValidationError(
        {
            "bijlagen": f"{bestand.name} is geen PDF, JPEG of PNG "
            "(de inhoud klopt niet met het bestandstype)."
        }
    )


def melding_ontvang(
    *,
    wat: str,
    over_naam: str,
    gemeente: Gemeente,
    over_adres: str = "",
    sinds: str = "",
    melder_naam: str = "",
    melder_contact: str = "",
    bijlagen: list[Any] | None = None,
) -> Ontvangstbewijs:
    bijlagen = list(bijlagen or [])
    if len(bijlagen) > MAX_BIJLAGEN:
        raise ValidationError({"bijlagen": f"U kunt hoogstens {MAX_BIJLAGEN} bestanden meesturen."})
    soorten = []
    for f in bijlagen:
        if f.size > MAX_BIJLAGE_BYTES:
            raise ValidationError({"bijlagen": f"{f.name} is groter dan 10 MB."})
        soorten.append(bestandstype(f))
    if not (wat or "").strip():
        raise ValidationError({"wat": "Beschrijf wat er aan de hand is."})
    if not (over_naam or "").strip():
        raise ValidationError({"over_naam": "Vul in over wie de melding gaat."})
    referentie = "M-" + "".join(secrets.choice(REF_ALFABET) for _ in range(8))
    token = secrets.token_urlsafe(32)
    anoniem = not (melder_naam.strip() or melder_contact.strip())
    geschreven: list[Path] = []
    try:
        with transaction.atomic():
            signaal = signaal_maak(
                user=None,
                nieuw=NieuwSignaal(
                    bron=Bron.MELDER,
                    bron_naam="Inwoner",
                    product=Product.OVERIG,
                    datum=timezone.localdate(),
                    omschrijving=wat.strip(),
                    gemeente=gemeente,
                    anoniem=anoniem,
                ),
            )
            Melding.objects.create(
                signaal=signaal,
                referentie_hash=hash_geheim(referentie),
                token_hash=hash_geheim(token),
                token_geldig_tot=timezone.now() + timedelta(days=conf.vervolglink_dagen()),
                over_naam=over_naam.strip(),
                over_adres=over_adres.strip(),
                sinds=sinds.strip(),
                melder_naam=melder_naam.strip(),
                melder_contact=melder_contact.strip(),
            )
            for f, soort in zip(bijlagen, soorten, strict=True):
                geschreven.append(_bewaar(signaal, f, soort))
    except Exception:
        for pad in geschreven:
            pad.unlink(missing_ok=True)
        raise
    return Ontvangstbewijs(signaal, referentie, token)


def _bewaar(signaal: Signaal, bestand: Any, soort: str) -> Path:
    relatief = f"signalen/bijlagen/{uuid.uuid4().hex}{MAGIC[soort][1]}"
    doel = Path(settings.MEDIA_ROOT) / relatief
    doel.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with doel.open("wb") as uit:
        for chunk in bestand.chunks():
            digest.update(chunk)
            uit.write(chunk)
    Bijlage.objects.create(
        signaal=signaal,
        bestand=relatief,
        naam=Path(bestand.name).name[:255],
        content_type=soort,
        grootte=bestand.size,
        sha256=digest.hexdigest(),
        ontvangen_op=timezone.now(),
    )
    return doel


def melding_voor_token(token: str, *, nu: datetime | None = None) -> Melding:
    melding = Melding.objects.filter(token_hash=hash_geheim(token or "")).first()
    if melding is None:
        raise VervolgOngeldig()
    if melding.token_geldig_tot < (nu or timezone.now()):
        raise VervolgVerlopen()
    return melding


def melding_aanvullen(*, token: str, tekst: str) -> Aanvulling:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf wat u wilt aanvullen."})
    with transaction.atomic():
        melding = melding_voor_token(token)
        aanvulling = Aanvulling.objects.create(
            melding=melding, tekst=tekst, ontvangen_op=timezone.now()
        )
        audit_log(
            user=None,
            actie=Actie.AANMAKEN,
            obj=aanvulling,
            client=melding.signaal.client,
            reden="Aanvulling van de melder",
        )
    return aanvulling
