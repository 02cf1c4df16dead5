# SPDX-License-Identifier: EUPL-1.2
"""Signal → investigation → finding: triage 'onderzoek starten' opens the investigation, and its closing outcome
is recorded on the signal (the per-source share of established findings in the teamleider's overview)."""

from __future__ import annotations

from datetime import date

import pytest

from naleving.clienten.selectors import clients_in_scope
from naleving.onderzoek import services as onderzoek
from naleving.onderzoek.models import Onderzoek
from naleving.signalen import services
from naleving.signalen.models import SignaalOvergang


@pytest.mark.parametrize(
    ("uitkomst", "vastgesteld"),
    [("onrechtmatigheid_vastgesteld", True), ("geen_onrechtmatigheid", False)],
)
def test_closed_investigation_records_the_finding_on_its_signal(
    handhaver, make_user, make_client, make_signaal, uitkomst, vastgesteld
) -> None:
    consulent = make_user("inkomensconsulent")
    teamleider = make_user("teamleider")
    client = make_client(consulent=consulent)
    signaal = make_signaal(client)
    services.signaal_triageer(
        user=handhaver,
        signaal=signaal,
        uitkomst="onderzoek",
        reden="niet_lichter",
        toelichting="Polis UWV: nieuwe werkgever.",
    )
    o = Onderzoek.objects.get(signaal_id=signaal.pk)
    onderzoek.onderzoek_wijs_toe(user=teamleider, onderzoek=o, handhaver=handhaver)
    o = onderzoek.onderzoek_start(user=handhaver, onderzoek=o)
    velden = {"bevindingen": "Zie polis.", "advies": "Zie rapport."}
    if vastgesteld:
        velden |= {
            "overtreding": "arbeidsverplichting",
            "periode_van": date(2026, 1, 1),
            "periode_tot": date(2026, 1, 31),
            "pleegdatum": date(2026, 1, 5),
        }
    onderzoek.rapport_opslaan(user=handhaver, onderzoek=o, versie=None, **velden)
    onderzoek.rapport_indienen(user=handhaver, onderzoek=o)
    onderzoek.rapport_beoordeel(
        user=teamleider, onderzoek=o, akkoord=True, toelichting="", uitkomst=uitkomst
    )
    signaal.refresh_from_db()
    assert signaal.bevinding_vastgesteld is vastgesteld
    assert signaal.onderzoek_ref == o.nummer
    # The closed investigation closes its signal (onderzoek → afgehandeld), with the outcome of
    # triage kept.
    assert (signaal.status, signaal.uitkomst) == ("afgehandeld", "onderzoek")
    laatste = SignaalOvergang.objects.filter(signaal=signaal).order_by("pk").last()
    assert (laatste.van, laatste.naar, laatste.door) == ("onderzoek", "afgehandeld", teamleider)
    assert laatste.toelichting == (
        "Onderzoek afgerond: onrechtmatigheid vastgesteld"
        if vastgesteld
        else "Onderzoek afgerond: geen bevinding vastgesteld"
    )
    # Least privilege: with signal and investigation closed, the handhaver no longer sees the
    # client.
    assert not clients_in_scope(user=handhaver).filter(pk=client.pk).exists()


def test_closing_uses_the_stored_state_not_a_stale_copy(
    handhaver, make_client, make_signaal
) -> None:
    """A caller holding a copy read before triage still closes the signal: the stored state
    (onderzoek) decides the move to afgehandeld."""
    from naleving.signalen.models import Signaal

    signaal = make_signaal(make_client())
    oud = Signaal.objects.get(pk=signaal.pk)  # read while still 'ontvangen'
    services.signaal_triageer(
        user=handhaver,
        signaal=signaal,
        uitkomst="onderzoek",
        reden="niet_lichter",
        toelichting="Polis UWV: nieuwe werkgever.",
    )
    services.signaal_registreer_bevinding(user=None, signaal=oud, vastgesteld=False)
    signaal.refresh_from_db()
    assert (signaal.status, signaal.bevinding_vastgesteld) == ("afgehandeld", False)
