# SPDX-License-Identifier: EUPL-1.2
"""The pages: the advice re-renders with htmx as judgements change (and without JS by saving), errors are shown
in Dutch, scope is enforced, the letter downloads as PDF."""

from __future__ import annotations

import pytest

from naleving.audit.models import AuditEntry
from naleving.besluiten import services
from naleving.besluiten.models import Besluit


def _form(b: Besluit, **extra: str) -> dict[str, str]:
    return {
        "versie": str(b.versie),
        "verwijtbaarheid": "normaal",
        "verwijtbaarheid_reden": "Vergeten.",
        "financieel_voordeel_beoogd": "nee",
        "keuze": "volgt",
        "motivering": "U gaf uw werk niet door.",
        **extra,
    }


def test_htmx_partial_shows_the_advice_for_the_inputs_without_saving(casus, client) -> None:
    b = casus.besluit(verwijtbaarheid="")
    client.force_login(casus.consulent)
    r = client.post(
        f"/besluiten/{b.pk}/advies/",
        _form(b, verwijtbaarheid="opzet", financieel_voordeel_beoogd="ja"),
        HTTP_HX_REQUEST="true",
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert "Boete van € 1.300,00" in html
    page = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert 'hx-trigger="change from:#oordeel"' in page
    b.refresh_from_db()
    assert b.verwijtbaarheid == ""  # nothing saved


def test_without_js_saving_recalculates(casus, client) -> None:
    b = casus.besluit(verwijtbaarheid="")
    client.force_login(casus.consulent)
    r = client.post(f"/besluiten/{b.pk}/", _form(b, herbereken="1"), follow=True)
    html = r.content.decode()
    assert "Opgeslagen. Het advies is opnieuw berekend." in html
    assert "<strong>Waarschuwing</strong>" in html


def test_deciding_shows_dutch_errors_and_then_the_letter_downloads(casus, client) -> None:
    b = casus.besluit()
    client.force_login(casus.consulent)
    r = client.post(
        f"/besluiten/{b.pk}/",
        _form(b, keuze="wijkt_af", sanctie="geen", vaststellen="1"),
    )
    assert r.status_code == 400
    assert (
        "U wijkt af van het advies: schrijf op waarom (motivering verplicht)." in r.content.decode()
    )
    b.refresh_from_db()
    r = client.post(f"/besluiten/{b.pk}/", _form(b, vaststellen="1"), follow=True)
    assert "Het besluit is definitief. De beschikking is gemaakt." in r.content.decode()
    brief = b.brieven.get()
    r = client.get(f"/besluiten/{b.pk}/brief/{brief.pk}/pdf/")
    assert (r.status_code, r["Content-Type"]) == (200, "application/pdf")
    assert r.content.startswith(b"%PDF")
    r = client.get(f"/besluiten/{b.pk}/brief/{brief.pk}/")
    assert "Bent u het niet eens met dit besluit?" in r.content.decode()


def test_a_handhaver_cannot_see_or_open_decisions(casus, client) -> None:
    b = casus.besluit()
    client.force_login(casus.handhaver)
    assert client.get(f"/besluiten/{b.pk}/").status_code == 404
    assert client.get(f"/besluiten/nieuw/{casus.client.clientnummer}/").status_code in (403, 404)
    assert AuditEntry.objects.filter(
        gebruiker="hanna", actie="geweigerd", object_type="besluiten.besluit"
    ).exists()


def test_teamleider_approves_a_fine_on_the_page(casus, client) -> None:
    b = casus.besluit(
        verwijtbaarheid="opzet",
        financieel_voordeel_beoogd=True,
        zienswijze="Geen reactie.",
        zienswijze_ontvangen_op=casus.client.uitkeringen.get().ingangsdatum,
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    client.force_login(casus.teamleider)
    r = client.post(f"/besluiten/{b.pk}/review/", {"besluit": "akkoord"}, follow=True)
    assert (
        "Goedgekeurd. Het besluit is definitief en de beschikking is gemaakt." in r.content.decode()
    )


def test_dossier_offers_a_decision_for_a_finished_investigation(casus, client) -> None:
    from datetime import date

    services.besluit_open(  # a direct decision (no investigation) must not hide the offer
        user=casus.consulent,
        client=casus.client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2026, 1, 1),
        benadelingsbedrag_cent=10_000,
    )
    o = casus.onderzoek()
    client.force_login(casus.consulent)
    html = client.get(f"/clienten/{casus.client.clientnummer}/").content.decode()
    assert f"Besluit openen bij onderzoek {o.nummer}" in html
    r = client.post(f"/besluiten/uit-onderzoek/{o.pk}/", follow=True)
    assert "is geopend met de feiten uit het rapport." in r.content.decode()


@pytest.mark.parametrize(
    ("veld", "waarde", "fout"),
    [
        ("boete_cent", "1" * 40, "Dit bedrag is hoger dan € 10.000.000,00. Controleer het bedrag."),
        (
            "terugvordering_cent",
            "9" * 5000,
            "Dit bedrag is hoger dan € 10.000.000,00. Controleer het bedrag.",
        ),
        ("maatregel_percentage", "1" * 40, "Zorg ervoor dat deze waarde hoogstens 100 is."),
    ],
    ids=["boete-40-cijfers", "terugvordering-5000-cijfers", "percentage-40-cijfers"],
)
def test_absurd_numbers_in_the_decision_form_get_a_dutch_error_not_a_500(
    casus, client, veld, waarde, fout
) -> None:
    """core.money.MAX_CENT bounds every amount, so no typed number reaches the 64-bit column or
    Python's limit on digits (both gave a 500); the whole numbers have their own bounds."""
    b = casus.besluit()
    versie = b.versie
    client.force_login(casus.consulent)
    r = client.post(f"/besluiten/{b.pk}/", _form(b, keuze="wijkt_af", **{veld: waarde}))
    assert r.status_code == 400
    assert fout in r.content.decode()
    b.refresh_from_db()
    assert b.versie == versie  # nothing saved


@pytest.mark.parametrize(
    ("maand", "fout"),
    [
        ("9999-12", "Kies een maand van 2000-01 tot en met"),
        ("1999-12", "Kies een maand van 2000-01 tot en met"),
        ("2026-13", "Schrijf de maand als 2026-03."),
        ("99999999999999999999-01", "Schrijf de maand als 2026-03."),
    ],
)
def test_cbs_page_with_a_month_out_of_range_answers_400_in_dutch(
    casus, client, maand, fout
) -> None:
    """9999-12 gave a 500 (the next month does not exist)."""
    client.force_login(casus.teamleider)
    r = client.get("/besluiten/cbs/", {"maand": maand})
    assert r.status_code == 400
    assert fout in r.content.decode()


def test_cbs_page_delivers_the_current_month(casus, client) -> None:
    from django.utils import timezone

    maand = f"{timezone.localdate():%Y-%m}"
    client.force_login(casus.teamleider)
    r = client.get("/besluiten/cbs/", {"maand": maand})
    assert (r.status_code, r["Content-Disposition"]) == (
        200,
        f'attachment; filename="bdfs-{maand}.csv"',
    )


@pytest.mark.django_db
def test_the_consultant_records_the_end_of_collection_on_the_claim_page(casus, client) -> None:
    """nazorg.vordering_beeindig through the page: a waiver needs its reasons; then the end is shown."""
    from django.urls import reverse
    from django.utils import timezone

    from naleving.besluiten.models import Vordering

    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    v = Vordering.objects.get(besluit=b)
    client.force_login(casus.consulent)
    url = reverse("besluiten:einde", args=[v.pk])
    vandaag = timezone.localdate().strftime("%d-%m-%Y")
    antwoord = client.post(url, {"versie": v.versie, "reden": "afgezien", "op": vandaag})
    assert antwoord.status_code == 400
    assert "Schrijf op waarom de invordering stopt (de motivering)." in antwoord.content.decode()
    antwoord = client.post(
        url,
        {
            "versie": v.versie,
            "reden": "afgezien",
            "op": vandaag,
            "toelichting": "De helft van de rest is ineens betaald.",
        },
    )
    assert antwoord.status_code == 302
    v.refresh_from_db()
    assert (v.status, v.invordering_einde_reden, v.invordering_einde_op) == (
        "gestopt",
        "afgezien",
        timezone.localdate(),
    )
    pagina = client.get(reverse("besluiten:regeling", args=[v.pk])).content.decode()
    assert (
        f"De invordering is geëindigd op {vandaag}. Reden: Afgezien van verdere invordering "
        "(PW art. 58 lid 7)." in pagina
    )
    detail = client.get(reverse("besluiten:detail", args=[b.pk])).content.decode()
    assert f"Invordering gestopt op {vandaag}: Afgezien van verdere invordering" in detail
