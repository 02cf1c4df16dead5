# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 item 4: from a finished investigation the consultant goes on to its decision in one step, and the
investigation page says which decision belongs to it."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from naleving.besluiten import services
from naleving.besluiten.models import Besluit

VOORBEREIDEN = "Besluit voorbereiden"
OPENEN = "Besluit openen</a>"


def test_a_breach_without_decision_offers_the_consultant_to_prepare_one(casus, client) -> None:
    o = casus.onderzoek()
    client.force_login(casus.consulent)
    page = client.get(f"/onderzoek/{o.pk}/").content.decode()
    assert VOORBEREIDEN in page and f'action="/besluiten/uit-onderzoek/{o.pk}/"' in page
    assert OPENEN not in page
    r = client.post(f"/besluiten/uit-onderzoek/{o.pk}/")
    besluit = Besluit.objects.get(onderzoek=o)
    assert r.status_code == 302 and r["Location"] == f"/besluiten/{besluit.pk}/"


def test_once_the_decision_exists_the_investigation_page_links_to_it(casus, client) -> None:
    o = casus.onderzoek()
    besluit = services.besluit_open_uit_onderzoek(user=casus.consulent, onderzoek=o)
    for user in (casus.consulent, casus.teamleider):
        client.force_login(user)
        page = client.get(f"/onderzoek/{o.pk}/").content.decode()
        assert f'href="/besluiten/{besluit.pk}/">Besluit openen</a>' in page
        assert f"besluit {besluit.nummer} (concept)" in page
        assert VOORBEREIDEN not in page


def test_who_may_not_decide_gets_no_button_and_a_handhaver_sees_no_decision(casus, client) -> None:
    o = casus.onderzoek()
    for user in (casus.teamleider, casus.handhaver):
        client.force_login(user)
        page = client.get(f"/onderzoek/{o.pk}/").content.decode()
        assert VOORBEREIDEN not in page and OPENEN not in page
    services.besluit_open_uit_onderzoek(user=casus.consulent, onderzoek=o)
    client.force_login(casus.handhaver)
    assert OPENEN not in client.get(f"/onderzoek/{o.pk}/").content.decode()


def test_a_running_investigation_reads_nothing_of_decisions(casus, client) -> None:
    from naleving.onderzoek import services as oservices

    o = oservices.onderzoek_vraag_aan(
        user=casus.consulent, client=casus.client, aanleiding="lopende_uitkering", vraag="Werk?"
    )
    client.force_login(casus.consulent)
    client.get(f"/onderzoek/{o.pk}/")
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(f"/onderzoek/{o.pk}/").content.decode()
    assert VOORBEREIDEN not in page
    assert not [q for q in ctx.captured_queries if "besluiten_besluit" in q["sql"]]
