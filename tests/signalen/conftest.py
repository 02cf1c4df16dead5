# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import io
from datetime import date

import pytest

from naleving.signalen.models import Bron, Product
from naleving.signalen.services import NieuwSignaal, signaal_maak


@pytest.fixture
def handhaver(make_user):
    return make_user("handhaver", "Waalwijk", username="hanna")


@pytest.fixture
def make_signaal(db):
    def make(
        client=None,
        *,
        bsn="",
        product=Product.INKOMSTENVERHOUDING,
        bron=Bron.KETENPARTNER,
        datum=date(2026, 1, 5),
        anoniem=False,
        gemeente=None,
        **extra,
    ):
        nieuw = NieuwSignaal(
            bron=bron,
            bron_naam=extra.pop("bron_naam", "Inlichtingenbureau"),
            product=product,
            datum=datum,
            bsn=bsn or (client.bsn if client else ""),
            anoniem=anoniem,
            gemeente=gemeente,
            omschrijving=extra.pop("omschrijving", "Nieuwe werkgever"),
            **extra,
        )
        return signaal_maak(user=None, nieuw=nieuw)

    return make


def csv_bytes(*rows: str, header: str = "extern_id,product,bsn,datum,omschrijving") -> io.BytesIO:
    return io.BytesIO(("\n".join((header, *rows)) + "\n").encode())


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "bestanden"
