# SPDX-License-Identifier: EUPL-1.2
"""The staff pages: queue, triage, linking by hand, colleague form from the client file, teamleider
overview,
batch upload with its error report, and audited attachment downloads."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse

from naleving.audit.models import AuditEntry
from naleving.signalen import melden
from naleving.signalen.models import Bron, Signaal, Status

PDF = b"%PDF-1.4\n%%EOF\n"


def _browser(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def test_queue_shows_linked_and_unmatched_in_their_own_queue(
    handhaver, make_client, make_signaal
) -> None:
    linked = make_signaal(make_client())
    unmatched = make_signaal(bsn="999990019")
    b = _browser(handhaver)
    page = b.get(reverse("signalen:wachtrij")).content.decode()
    assert f"Signaal {linked.pk}<" in page and f"Signaal {unmatched.pk}<" not in page
    assert "1 signaal in deze wachtrij." in page
    page = b.get(
        reverse("signalen:wachtrij"), {"rij": "ongekoppeld", "orde": "termijn"}
    ).content.decode()
    assert f"Signaal {unmatched.pk}<" in page and f"Signaal {linked.pk}<" not in page


def test_queue_orders_only_by_age_deadline_or_type(handhaver, make_client, make_signaal) -> None:
    client = make_client()
    a = make_signaal(client, product="voertuig")
    b_ = make_signaal(client, product="detentie")
    b = _browser(handhaver)
    page = b.get(reverse("signalen:wachtrij"), {"orde": "soort"}).content.decode()
    assert page.index(f"Signaal {b_.pk}<") < page.index(f"Signaal {a.pk}<")
    page = b.get(reverse("signalen:wachtrij"), {"orde": "risico"}).content.decode()
    assert page.index(f"Signaal {a.pk}<") < page.index(f"Signaal {b_.pk}<")


def test_triage_through_the_page_and_refusal_shows_the_error(
    handhaver, make_client, make_signaal
) -> None:
    s = make_signaal(make_client(), bron=Bron.MELDER, anoniem=True, product="overig")
    b = _browser(handhaver)
    response = b.post(
        reverse("signalen:triage", args=[s.pk]),
        {
            "uitkomst": "onderzoek",
            "reden": "niet_lichter",
            "toelichting": "Melding over samenwonen.",
        },
    )
    assert response.status_code == 400
    assert "Een anonieme melding is alleen geen grond voor onderzoek." in response.content.decode()
    response = b.post(
        reverse("signalen:triage", args=[s.pk]),
        {"uitkomst": "geen_actie", "reden": "onvoldoende_concreet", "toelichting": "Te vaag."},
        follow=True,
    )
    assert "Het triagebesluit is vastgelegd." in response.content.decode()
    s.refresh_from_db()
    assert s.status == Status.AFGEHANDELD


def test_signal_outside_municipality_is_404_and_logged(
    make_user, make_client, make_signaal
) -> None:
    s = make_signaal(make_client("Heusden"))
    hh = make_user("handhaver", "Waalwijk", username="hw")
    assert _browser(hh).get(reverse("signalen:signaal", args=[s.pk])).status_code == 404
    assert AuditEntry.objects.filter(
        gebruiker="hw", actie="geweigerd", object_id=str(s.pk)
    ).exists()


def test_link_by_hand_from_the_page(handhaver, make_client, make_signaal) -> None:
    s = make_signaal(bsn="999990019")
    client = make_client()
    response = _browser(handhaver).post(
        reverse("signalen:koppelen", args=[s.pk]), {"client": client.bsn}
    )
    assert response.status_code == 302
    s.refresh_from_db()
    assert s.client == client


def test_colleague_records_a_signal_from_the_client_file(make_user, make_client, handhaver) -> None:
    ic = make_user("inkomensconsulent", "Waalwijk")
    client = make_client(consulent=ic)
    b = _browser(ic)
    dossier = b.get(reverse("clienten:dossier", args=[client.clientnummer])).content.decode()
    assert "Signaal of waarneming vastleggen" in dossier
    response = b.post(
        reverse("signalen:registreren", args=[client.clientnummer]),
        {"product": "huishouden", "datum": "2026-01-10", "omschrijving": "Tweede naam op de bel."},
        follow=True,
    )
    assert "Het signaal is vastgelegd. Team Handhaving beoordeelt het." in response.content.decode()
    s = Signaal.objects.get()
    assert (s.bron, s.client, s.geregistreerd_door) == (Bron.COLLEGA, client, ic)
    # The handhaver now has a ground and sees the signal in the client file.
    page = (
        _browser(handhaver)
        .get(reverse("clienten:dossier", args=[client.clientnummer]))
        .content.decode()
    )
    assert reverse("signalen:signaal", args=[s.pk]) in page


def test_teamleider_overview_per_municipality_and_share_per_source(
    make_user, make_client, make_signaal, handhaver
) -> None:
    tl = make_user("teamleider", "Waalwijk", "Heusden", username="tessa")
    from naleving.signalen import services

    s1 = make_signaal(make_client("Waalwijk"))
    make_signaal(make_client("Heusden"))
    services.signaal_triageer(
        user=handhaver,
        signaal=s1,
        uitkomst="onderzoek",
        reden="niet_lichter",
        toelichting="Loon niet gemeld.",
    )
    services.signaal_registreer_bevinding(user=None, signaal=s1, vastgesteld=True)
    make_signaal(make_client("Waalwijk"), bron_naam="UWV")
    page = _browser(tl).get(reverse("signalen:overzicht")).content.decode()
    # the received count carries a bar as wide as its share of the largest count (both 1 of 1: 100 %)
    staaf = (
        '<span class="staaf" aria-hidden="true" data-procent="100">'
        '<span class="staaf__vulling staaf--100"></span></span>'
    )
    assert f'<td>Heusden</td><td class="getal">1{staaf}</td><td class="getal">0</td>' in page
    assert f'<td>Waalwijk</td><td class="getal">1{staaf}</td><td class="getal">0</td>' in page
    assert (
        f'<td>Ketenpartner: Inlichtingenbureau</td><td class="getal">2{staaf}</td><td class="getal">1</td>'
        '<td class="getal">1</td><td class="getal">50,0 %</td>'
    ) in page
    assert _browser(handhaver).get(reverse("signalen:overzicht")).status_code == 403


def test_teamleider_uploads_a_batch_and_downloads_the_errors(make_user) -> None:
    tl = make_user("teamleider", "Waalwijk")
    inhoud = (
        b"extern_id,product,bsn,datum,omschrijving\n"
        b"U1,overig,999990019,2026-01-01,\nU2,overig,1,2026-01-01,\n"
    )
    b = _browser(tl)
    response = b.post(
        reverse("signalen:importeren"),
        {"bron": "UWV", "bestand": SimpleUploadedFile("uwv.csv", inhoud, "text/csv")},
    )
    page = response.content.decode()
    assert "1 nieuw, 0 al ontvangen, 1 geweigerd." in page
    csv = b.get(reverse("signalen:foutrapport", args=[Signaal.objects.get().signaalimport_id]))
    # the one CSV dialect of every export (core.spreadsheet): BOM, ';', CRLF
    assert b"".join(csv.streaming_content).decode() == (
        "\ufeffrij;extern_id;veld;probleem\r\n"
        "3;U2;bsn;Een BSN heeft 9 cijfers (of 8, dan met een 0 ervoor).\r\n"
    )
    bad = b.post(
        reverse("signalen:importeren"),
        {"bron": "UWV", "bestand": SimpleUploadedFile("leeg.csv", b"", "text/csv")},
    )
    assert bad.status_code == 400


def test_attachment_only_for_handhaver_and_every_download_audited(
    gemeenten, handhaver, make_user
) -> None:
    bewijs = melden.melding_ontvang(
        wat="x",
        over_naam="y",
        gemeente=gemeenten["Waalwijk"],
        bijlagen=[SimpleUploadedFile("foto.pdf", PDF, "application/pdf")],
    )
    bijlage = bewijs.signaal.bijlagen.get()
    assert Path(settings.MEDIA_ROOT) in (Path(settings.MEDIA_ROOT) / bijlage.bestand).parents
    url = reverse("signalen:bijlage", args=[bijlage.pk])
    response = _browser(handhaver).get(url)
    assert b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(
        gebruiker="hanna", actie="exporteren", object_id=str(bijlage.pk)
    ).exists()
    assert _browser(make_user("inkomensconsulent")).get(url).status_code == 403
    assert Browser().get(url).status_code == 302


def test_queue_query_count_does_not_grow_with_the_number_of_signals(
    handhaver, make_client, make_signaal, django_assert_max_num_queries
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    b = _browser(handhaver)
    make_signaal(make_client())
    with CaptureQueriesContext(connection) as few:
        b.get(reverse("signalen:wachtrij"))
    for _ in range(10):
        make_signaal(make_client())
    with django_assert_max_num_queries(len(few.captured_queries)):
        b.get(reverse("signalen:wachtrij"))
