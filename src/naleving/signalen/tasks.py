# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from kombu.exceptions import OperationalError

from naleving.accounts.models import User
from naleving.signalen.bestanden import Bestandsfout
from naleving.signalen.importeren import importeer
from naleving.signalen.models import Signaalimport

#: Uploaded batch files wait here (under MEDIA_ROOT, so on the var directory every instance and worker
#: shares) until a worker has read them; then they are removed.
WACHTRIJ = "imports-wachtrij"


@shared_task(name="signalen.importeer_bestand")  # type: ignore[untyped-decorator]
def importeer_bestand_taak(
    *, pad: str, bestandsnaam: str, bron_naam: str, user_id: int | None
) -> int:
    """Read one uploaded batch file on a worker; returns the import's id. A file that cannot be used at
    all is kept as an import with its Dutch reason (`bestandsfout`), so the teamleider sees why."""
    bestand = Path(settings.MEDIA_ROOT) / pad
    user = User.objects.filter(pk=user_id).first() if user_id else None
    try:
        with bestand.open("rb") as stream:
            resultaat = importeer(
                stream=stream, bestandsnaam=bestandsnaam, bron_naam=bron_naam, user=user
            )
        return int(resultaat.signaalimport.pk)
    except Bestandsfout as exc:
        run = Signaalimport.objects.create(
            bron_naam=bron_naam[:100],
            bestandsnaam=bestandsnaam[-255:],
            door=user,
            bestandsfout=exc.bericht,
        )
        return int(run.pk)
    finally:
        bestand.unlink(missing_ok=True)


def importeer_op_achtergrond(*, bestand: UploadedFile, bron_naam: str, user: User) -> None:
    """Hand an uploaded file to a worker (production): a file of a million rows does not hold a web worker
    past its timeout. Raises Bestandsfout (nothing stored) when the broker cannot be reached."""
    map_ = Path(settings.MEDIA_ROOT) / WACHTRIJ
    map_.mkdir(parents=True, exist_ok=True)
    naam = bestand.name or "bestand"
    pad = f"{WACHTRIJ}/{uuid.uuid4().hex}{Path(naam).suffix.lower()[:10]}"
    with (Path(settings.MEDIA_ROOT) / pad).open("wb") as uit:
        for stuk in bestand.chunks():
            uit.write(stuk)
    try:
        importeer_bestand_taak.apply_async(
            kwargs={"pad": pad, "bestandsnaam": naam, "bron_naam": bron_naam, "user_id": user.pk}
        )
    except OperationalError as exc:
        (Path(settings.MEDIA_ROOT) / pad).unlink(missing_ok=True)
        raise Bestandsfout(
            "De achtergrondtaken zijn nu niet bereikbaar, dus er is niets ingelezen. Probeer het "
            "over een paar minuten opnieuw; blijft dit zo, meld het dan bij functioneel beheer."
        ) from exc


# The reporters' data is wiped by the one retention run (naleving.bewaren.tasks), not by a schedule of its own.
