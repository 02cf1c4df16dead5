# SPDX-License-Identifier: EUPL-1.2
"""Records on both sides of their retention term, at a fixed moment NU."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from naleving.clienten.models import Client, Contactmoment, Uitkering
from naleving.onderzoek import services as onderzoek_services
from naleving.onderzoek.models import Activiteit, Bewijsstuk, Onderzoek
from naleving.onderzoek.statemachine import Status, Uitkomst
from naleving.preventie.models import Wijzigingsmelding
from naleving.signalen.models import Bron, Melding, Product, Signaal, Triagebesluit
from naleving.signalen.models import Uitkomst as TriageUitkomst
from naleving.signalen.services import NieuwSignaal, signaal_maak

NU = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "bestanden")
    Path(settings.MEDIA_ROOT).mkdir()


@dataclass
class Maker:
    consulent: object
    teamleider: object
    handhaver: object
    media: Path

    def signaal(self, client: Client, *, triage_op: datetime, melder: str = "") -> Signaal:
        s = signaal_maak(
            user=None,
            nieuw=NieuwSignaal(
                bron=Bron.KETENPARTNER,
                bron_naam="Inlichtingenbureau",
                product=Product.INKOMSTENVERHOUDING,
                datum=triage_op.date(),
                bsn=client.bsn,
                omschrijving="Nieuwe werkgever",
            ),
        )
        Signaal.objects.filter(pk=s.pk).update(ontvangen_op=triage_op, status="afgehandeld")
        Triagebesluit.objects.create(
            signaal=s,
            uitkomst=TriageUitkomst.GEEN_ACTIE,
            reden="al_bekend",
            toelichting="Al bekend bij de consulent.",
            door=self.handhaver,
            tijdstip=triage_op,
        )
        if melder:
            Melding.objects.create(
                signaal=s,
                referentie_hash=f"r{s.pk}",
                token_hash=f"t{s.pk}",
                token_geldig_tot=triage_op,
                over_naam="Iemand",
                melder_naam=melder,
                melder_contact="06-12345678",
            )
        return s

    def onderzoek(self, client: Client, *, afgerond_op: datetime, uitkomst: str) -> Onderzoek:
        o = onderzoek_services.onderzoek_vraag_aan(
            user=self.consulent,
            client=client,
            aanleiding="lopende_uitkering",
            vraag="Woont er iemand bij?",
        )
        Onderzoek.objects.filter(pk=o.pk).update(
            status=Status.AFGEROND, afgerond_op=afgerond_op, uitkomst=uitkomst
        )
        pad = f"bewijs/{o.pk}.pdf"
        (self.media / "bewijs").mkdir(exist_ok=True)
        (self.media / pad).write_bytes(b"%PDF-1.4 bewijs")
        weigering = Activiteit.objects.create(
            onderzoek=o,
            soort="huisbezoek",
            gegevens={},
            uitgevoerd_door=self.handhaver,
            vastgelegd_op=afgerond_op,
        )
        bezoek = Activiteit.objects.create(
            onderzoek=o,
            soort="huisbezoek",
            gegevens={},
            uitgevoerd_door=self.handhaver,
            vastgelegd_op=afgerond_op,
            eerdere_weigering=weigering,
        )
        eerste = Bewijsstuk.objects.create(
            activiteit=bezoek,
            onderzoek=o,
            omschrijving="Huurcontract",
            bestandsnaam="huur.pdf",
            pad=pad,
            content_type="application/pdf",
            grootte=15,
            sha256="0" * 64,
            door=self.handhaver,
            op=afgerond_op,
        )
        Bewijsstuk.objects.create(
            onderzoek=o,
            omschrijving="Huurcontract (leesbaar)",
            bestandsnaam="huur2.pdf",
            pad=pad + ".2",
            content_type="application/pdf",
            grootte=15,
            sha256="1" * 64,
            door=self.handhaver,
            op=afgerond_op,
            vervangt=eerste,
            reden_vervanging="Eerste scan onleesbaar",
        )
        return o

    def dossier_gesloten(self, client: Client, *, einde: date) -> None:
        Uitkering.objects.filter(client=client).update(
            ingangsdatum=date(2010, 1, 1), einddatum=einde
        )

    def contact(self, client: Client, *, op: datetime) -> Contactmoment:
        return Contactmoment.objects.create(
            client=client,
            tijdstip=op,
            kanaal="telefoon",
            onderwerp="Vraag",
            tekst="Belde over de uitkering.",
        )

    def wijziging(self, client: Client, *, op: datetime) -> Wijzigingsmelding:
        return Wijzigingsmelding.objects.create(
            ontvangstnummer=f"W{client.pk}-{op:%Y%m%d}",
            client=client,
            ontvangen_op=op,
            kanaal="balie",
            onderwerp="werk_inkomen",
            tekst="Ik werk weer.",
            identificatie="medewerker",
            inhoud_hash="0" * 64,
            status="afgehandeld",
            afgehandeld_op=op,
        )


@pytest.fixture
def maker(make_user, settings) -> Maker:
    return Maker(
        consulent=make_user("inkomensconsulent"),
        teamleider=make_user("teamleider"),
        handhaver=make_user("handhaver"),
        media=Path(settings.MEDIA_ROOT),
    )


__all__ = ["NU", "Maker", "Uitkomst"]
