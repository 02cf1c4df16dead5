# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from datetime import date

import pytest

from naleving.clienten.models import Huishoudlid, Relatie, Uitkering


@pytest.fixture
def consulent(make_user):
    return make_user("inkomensconsulent", "Waalwijk", username="ilse")


@pytest.fixture
def add_lid():
    def add(client, relatie: str, naam: str = "Sam Jansen", geboortedatum: date = date(1982, 3, 4)):
        return Huishoudlid.objects.create(
            client=client, relatie=relatie, naam=naam, geboortedatum=geboortedatum
        )

    return add


@pytest.fixture
def zet_wet():
    """Replace the client's benefit by one under another law."""

    def zet(
        client, wet: str, ingangsdatum: date = date(2024, 1, 1), einddatum: date | None = None
    ) -> None:
        client.uitkeringen.all().delete()
        Uitkering.objects.create(
            client=client,
            wet=wet,
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
            norm_cent=140_000,
            gemeente=client.gemeente,
        )

    return zet


__all__ = ["Relatie"]
