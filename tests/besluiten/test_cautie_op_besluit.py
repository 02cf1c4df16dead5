# SPDX-License-Identifier: EUPL-1.2
"""The decision page lists the hearings it relies on (Awb 5:10a; CRvB 2019:767) with the moment each began and
the moment of the cautie, in Dutch and in Amsterdam time; a hearing recorded before the start was kept shows its
day and says the start is not recorded."""

from __future__ import annotations

from naleving.besluiten.models import Besluit


def test_besluitpagina_toont_begin_en_cautie_van_elk_gesprek(casus, client) -> None:
    b = casus.besluit()
    gesprekken = b.cautie_gesprekken
    assert gesprekken[0]["begin"] and gesprekken[0]["cautie_tijdstip"]
    Besluit.objects.filter(pk=b.pk).update(
        cautie_gesprekken=[
            {
                **gesprekken[0],
                "begin": "2026-07-01T08:30:00+00:00",  # summer time: 10:30 in Amsterdam
                "cautie_tijdstip": "2026-07-01T08:29:00+00:00",
            },
            {
                "activiteit": 0,
                "datum": "2026-06-30",
                "met_wie": "Werkgever",
                "kan_leiden_tot_boete": False,
                "cautie_gegeven": False,
            },
        ]
    )
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert (
        "<br>Gesprek met cliënt, begonnen op 1 juli 2026 om 10:30: cautie gegeven op 1 juli 2026 om 10:29"
        in html
    )
    assert (
        "<br>Gesprek met Werkgever, op 30 juni 2026 (begintijd niet vastgelegd): geen cautie nodig"
        in html
    )
