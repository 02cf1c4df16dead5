# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from naleving.accounts.models import User
from naleving.besluiten import services
from naleving.besluiten.models import Besluit
from naleving.clienten.models import Client
from naleving.onderzoek import services as oservices
from naleving.onderzoek.models import Onderzoek

PERIODEN = [
    {"maand": "2026-03", "ontvangen_cent": 140_000, "recht_cent": 90_000},
    {"maand": "2026-04", "ontvangen_cent": 140_000, "recht_cent": 60_000},
]  # benadelingsbedrag € 1.300,00


@dataclass
class Casus:
    consulent: User
    teamleider: User
    handhaver: User
    client: Client

    def onderzoek(self, *, cautie: bool = True, aangifte: bool | None = None) -> Onderzoek:
        o = oservices.onderzoek_vraag_aan(
            user=self.consulent,
            client=self.client,
            aanleiding="lopende_uitkering",
            vraag="Werkt de cliënt?",
        )
        o = oservices.onderzoek_wijs_toe(
            user=self.teamleider, onderzoek=o, handhaver=self.handhaver
        )
        o = oservices.onderzoek_start(user=self.handhaver, onderzoek=o)
        now = timezone.now()
        oservices.activiteit_vastleggen(
            user=self.handhaver,
            onderzoek=o,
            soort="gesprek",
            gegevens={
                "met_wie": "cliënt",
                "begin": (now - timedelta(hours=1)).isoformat(),
                "gehoorde": "client",
                "cautie_tijdstip": (now - timedelta(hours=1, minutes=1)).isoformat()
                if cautie
                else "",
                "cautie_tekst": "U bent niet verplicht te antwoorden." if cautie else "",
                "verslag": "Cliënt bevestigt het werk.",
                "waarom": "Hoor en wederhoor.",
            },
        ) if cautie else None
        oservices.meldcheck_vastleggen(
            user=self.handhaver,
            onderzoek=o,
            van=date(2026, 3, 1),
            tot=date(2026, 4, 30),
            conclusie="Niets gemeld.",
        )
        oservices.rapport_opslaan(
            user=self.handhaver,
            onderzoek=o,
            versie=None,
            bevindingen="Werkt sinds maart 2026 bij een schoonmaakbedrijf; niet gemeld.",
            overtreding="inlichtingenplicht",
            periode_van=date(2026, 3, 1),
            periode_tot=date(2026, 4, 30),
            pleegdatum=date(2026, 3, 1),
            perioden=PERIODEN,
            gemeld="niet_gemeld",
            awb_feiten="Inkomsten uit arbeid maart-april 2026 niet gemeld.",
            awb_voorschrift="Art. 17 lid 1 Participatiewet",
            advies="Terugvorderen.",
            aangifte_gedaan=aangifte,
        )
        oservices.rapport_indienen(user=self.handhaver, onderzoek=o)
        return oservices.rapport_beoordeel(
            user=self.teamleider,
            onderzoek=o,
            akkoord=True,
            toelichting="Helder.",
            uitkomst="onrechtmatigheid_vastgesteld",
        )

    def toets(self, b: Besluit) -> None:
        """The Omgekeerde Toets, which the policy asks before a fine, measure or recovery is fixed."""
        services.toets_opslaan(
            user=self.consulent,
            besluit=b,
            effect_nodig="Dat u voortaan inkomsten op tijd doorgeeft.",
            effect_op_persoon="Het gezin houdt genoeg over om van te leven.",
            doel_van_de_wet="Bijstand is voor wie het nodig heeft.",
            ethisch="Ja.",
            strijdig_met_regel="Nee.",
        )

    def besluit(self, *, toets: bool = True, **velden: object) -> Besluit:
        b = services.besluit_open_uit_onderzoek(user=self.consulent, onderzoek=self.onderzoek())
        if toets:
            self.toets(b)
        standaard: dict[str, object] = {
            "verwijtbaarheid": "normaal",
            "verwijtbaarheid_reden": "Wist dat werk gemeld moest worden, maar vergat het.",
            "financieel_voordeel_beoogd": False,
            "keuze": "volgt",
            "motivering": "U heeft uw inkomsten niet doorgegeven.",
        }
        return services.besluit_wijzig(user=self.consulent, besluit=b, **(standaard | velden))


@pytest.fixture
def casus(make_user, make_client) -> Casus:
    consulent = make_user("inkomensconsulent", username="ilse")
    return Casus(
        consulent=consulent,
        teamleider=make_user("teamleider", username="tessa"),
        handhaver=make_user("handhaver", username="hanna"),
        client=make_client("Waalwijk", consulent=consulent, achternaam="de Wit"),
    )
