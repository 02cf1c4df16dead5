# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from dataclasses import dataclass

import pytest

from naleving.accounts.models import User
from naleving.clienten.models import Client
from naleving.onderzoek import services
from naleving.onderzoek.models import Onderzoek


@dataclass
class Casus:
    consulent: User
    teamleider: User
    handhaver: User
    client: Client

    def onderzoek(self, status: str = "in_uitvoering") -> Onderzoek:
        o = services.onderzoek_vraag_aan(
            user=self.consulent,
            client=self.client,
            aanleiding="lopende_uitkering",
            vraag="Woont er iemand bij?",
        )
        if status == "aangevraagd":
            return o
        o = services.onderzoek_wijs_toe(user=self.teamleider, onderzoek=o, handhaver=self.handhaver)
        if status == "toegewezen":
            return o
        return services.onderzoek_start(user=self.handhaver, onderzoek=o)


@pytest.fixture
def casus(make_user, make_client) -> Casus:
    consulent = make_user("inkomensconsulent", username="ilse")
    return Casus(
        consulent=consulent,
        teamleider=make_user("teamleider", username="tessa"),
        handhaver=make_user("handhaver", username="hanna"),
        client=make_client("Waalwijk", consulent=consulent, achternaam="de Wit"),
    )
