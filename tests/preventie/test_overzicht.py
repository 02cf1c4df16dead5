# SPDX-License-Identifier: EUPL-1.2
"""'Uw rechten en plichten' fits the client's situation: law, household (Huishoudlid) and work."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.clienten.models import Relatie
from naleving.preventie.selectors import overzicht_rechten_en_plichten, situatie_van

pytestmark = pytest.mark.django_db
PEILDATUM = date(2026, 11, 28)


def _codes(client, werk: bool = False) -> dict[str, list[str]]:
    situatie = situatie_van(client=client, peildatum=PEILDATUM, werk=werk)
    return {
        wet: [v.code for v in lijst]
        for wet, lijst in overzicht_rechten_en_plichten(
            situatie=situatie, peildatum=PEILDATUM
        ).items()
    }


def test_a_client_with_a_partner_sees_the_duty_about_the_partner_not_the_one_about_moving_in(
    make_client, add_lid
) -> None:
    client = make_client()
    add_lid(client, Relatie.PARTNER)
    codes = _codes(client)["PW"]
    assert "pw-partner" in codes
    assert "pw-samenwonen" not in codes
    assert "pw-kinderen" not in codes and "pw-kostendeler" not in codes


def test_a_single_client_sees_the_duty_to_report_living_together(make_client) -> None:
    codes = _codes(make_client())["PW"]
    assert "pw-samenwonen" in codes
    assert "pw-partner" not in codes
    assert codes == [
        "pw-werk-inkomen",
        "pw-huishouden",
        "pw-adres",
        "pw-samenwonen",
        "pw-vermogen",
        "pw-giften",
        "pw-buitenland",
        "pw-opleiding",
        "pw-detentie",
        "pw-meewerken",
    ]


def test_children_a_house_mate_and_work_add_their_duties(make_client, add_lid) -> None:
    client = make_client()
    add_lid(client, Relatie.KIND, geboortedatum=date(2015, 1, 1))
    add_lid(client, Relatie.KOSTENDELER)
    codes = _codes(client, werk=True)["PW"]
    assert {"pw-kinderen", "pw-kostendeler", "pw-loonstrook"} <= set(codes)


def test_an_ioaw_client_gets_the_ioaw_texts_only_and_no_asset_test(make_client, zet_wet) -> None:
    client = make_client()
    zet_wet(client, "IOAW")
    codes = _codes(client)
    assert list(codes) == ["IOAW"]
    assert "ioaw-bezit" in codes["IOAW"]
    assert "pw-vermogen" not in codes["IOAW"]


def test_an_ended_benefit_gives_no_overview(make_client, zet_wet) -> None:
    client = make_client()
    zet_wet(client, "PW", ingangsdatum=date(2020, 1, 1), einddatum=date(2025, 12, 31))
    assert _codes(client) == {}
