# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 item 4: the queue flags signals past their triage term (werkafspraak
`signaal_triagetermijn_dagen` in the organisation's parameter file), and a triage that starts an
investigation leads on to it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.onderzoek.models import Onderzoek
from naleving.signalen.models import Signaal

TE_LAAT = '<strong class="utrecht-status-badge utrecht-status-badge--danger">Te laat</strong>'


def _browser(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


@pytest.mark.django_db
def test_queue_flags_exactly_the_signals_past_their_triage_term(
    handhaver, make_client, make_signaal, monkeypatch
) -> None:
    client = make_client()
    oud, vandaag_af, nieuw = (
        make_signaal(client, product=p) for p in ("voertuig", "detentie", "overig")
    )
    Signaal.objects.filter(pk=oud.pk).update(termijn=date(2026, 3, 9))
    Signaal.objects.filter(pk=vandaag_af.pk).update(termijn=date(2026, 3, 10))
    Signaal.objects.filter(pk=nieuw.pk).update(termijn=date(2026, 3, 24))
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 3, 10))
    page = _browser(handhaver).get(reverse("signalen:wachtrij")).content.decode()
    rijen = {
        s.pk: page.split(f"Signaal {s.pk}<")[1].split("</tr>")[0] for s in (oud, vandaag_af, nieuw)
    }
    assert TE_LAAT in rijen[oud.pk]
    assert TE_LAAT not in rijen[vandaag_af.pk] and TE_LAAT not in rijen[nieuw.pk]
    assert "3 signalen in deze wachtrij. <strong>1 is over de termijn.</strong>" in page
    assert "De termijn voor triage is 14 dagen na ontvangst" in page


@pytest.mark.django_db
def test_a_triage_that_starts_an_investigation_links_to_it(
    handhaver, make_user, make_client, make_signaal
) -> None:
    consulent = make_user("inkomensconsulent", username="ilse")
    s = make_signaal(make_client(consulent=consulent))
    b = _browser(handhaver)
    b.post(reverse("signalen:oppakken", args=[s.pk]))
    response = b.post(
        reverse("signalen:triage", args=[s.pk]),
        {"uitkomst": "onderzoek", "reden": "niet_lichter", "toelichting": "Loon niet gemeld."},
        follow=True,
    )
    onderzoek = Onderzoek.objects.get(signaal_id=s.pk)
    page = response.content.decode()
    assert (
        f"Het triagebesluit is vastgelegd. Onderzoek {onderzoek.nummer} is aangevraagd; "
        "de teamleider wijst het toe." in page
    )
    assert f'<a href="/onderzoek/{onderzoek.pk}/">Onderzoek {onderzoek.nummer} openen</a>' in page
    assert "Concrete aanwijzing die niet op een lichtere manier is na te gaan (Awb 5:13)" in page
    assert "niet_lichter" not in page.split("<h2>Triagebesluit</h2>")[1]
    assert b.get(f"/onderzoek/{onderzoek.pk}/").status_code == 200
