# SPDX-License-Identifier: EUPL-1.2
"""Right after `naleving demo`, every navigation element of issue 14 item 4 has something to show: each kind of
task on the demo consultant's and teamleider's start page, a late signal in the queue, a triage that leads on
to its investigation, and an investigation page that opens or prepares its decision."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.utils import timezone

from naleving.accounts.models import User
from naleving.besluiten.models import Besluit
from naleving.clienten.taken import mijn_taken
from naleving.demodata.demo import ensure_demo_accounts
from naleving.demodata.seed import ensure_gemeenten, seed_database
from naleving.onderzoek.models import Onderzoek
from naleving.signalen.models import Signaal


@pytest.mark.django_db
def test_every_new_navigation_element_is_visible_in_the_demo(settings) -> None:
    settings.NALEVING_DEMO = True
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(clients=120, years=1, seed_value=2026, progress=False)
    consulent = User.objects.get(username="inkomensconsulent")
    teamleider = User.objects.get(username="teamleider")
    assert {g.soort for g in mijn_taken(user=consulent)} >= {
        "Taken uit de triage van signalen",
        "Besluit voorbereiden na onderzoek",
        "Besluiten afmaken",
        "Maatregel heroverwegen",
    }
    # PW art. 18 lid 5 (2015): a maatregel in concept whose advice spreads the reduction over three months;
    # lid 3: a fixed maatregel of three months whose reconsideration is due.
    from naleving.besluiten.advies import bereken

    concept = Besluit.objects.get(overtreding="arbeidsverplichting", status="concept")
    plan = bereken(concept)["advies"]["verlaging"]
    assert plan["gespreid"] is True and len(plan["per_maand_cent"]) == 3
    assert plan["per_maand_cent"][0] * 3 >= plan["totaal_cent"] == sum(plan["per_maand_cent"])
    assert Besluit.objects.filter(
        overtreding="arbeidsverplichting", heroverweging_uiterlijk__isnull=False
    ).exists()
    assert {g.soort for g in mijn_taken(user=teamleider)} >= {
        "Signalen over de triagetermijn",
        "Onderzoeken toewijzen",
        "Rapporten beoordelen",
        "Onderzoeken over de termijn",
        "Vier-ogencontrole op boetes",
    }
    assert Signaal.objects.filter(
        status__in=("ontvangen", "in_triage"), termijn__lt=timezone.localdate()
    ).exists()
    met_onderzoek = Signaal.objects.exclude(onderzoek_ref="").first()
    assert met_onderzoek is not None
    handhaver = Browser()
    handhaver.force_login(User.objects.get(username="handhaver"))
    page = handhaver.get(f"/signalen/{met_onderzoek.pk}/").content.decode()
    assert f"Onderzoek {met_onderzoek.onderzoek_ref} openen</a>" in page

    def pagina(user: User, onderzoek_id: int) -> str:
        browser = Browser()
        browser.force_login(user)
        return browser.get(f"/onderzoek/{onderzoek_id}/").content.decode()

    voorbereiden = Onderzoek.objects.get(
        client__consulent=consulent, status="afgerond", uitkomst="onrechtmatigheid_vastgesteld"
    )
    assert "Besluit voorbereiden</button>" in pagina(consulent, voorbereiden.pk)
    met_besluit = Besluit.objects.filter(onderzoek__isnull=False).order_by("pk").first()
    assert met_besluit is not None and met_besluit.onderzoek_id is not None
    assert "Besluit openen</a>" in pagina(teamleider, met_besluit.onderzoek_id)

    # A concept decision shows its recovery worked out (PW art. 58-59): the family is jointly liable.
    terug = Besluit.objects.exclude(terugvordering_feiten={}).order_by("pk").first()
    assert terug is not None
    html = Browser()
    html.force_login(terug.client.consulent)
    assert "Berekening terugvordering" in html.get(f"/besluiten/{terug.pk}/").content.decode()
