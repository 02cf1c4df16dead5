# SPDX-License-Identifier: EUPL-1.2
"""Una via (Awb art. 5:44; Aanwijzing sociale zekerheidsfraude): above the prosecution threshold the advice asks
whether aangifte was made, the consultant records the answer on the decision, and the sanction follows it: no
fine (and no warning in its place) once aangifte is made, the fine of PW art. 18a otherwise."""

from __future__ import annotations

from datetime import date

from naleving.besluiten import advies, services
from naleving.besluiten.models import Besluit
from naleving.clienten.regelfeiten import regelfeiten

BOVEN_DE_GRENS = 6_000_000  # € 60.000, above the € 50.000 of the Aanwijzing (onzeker)


def _besluit(casus, **velden: object) -> Besluit:
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2026, 3, 1),
        benadelingsbedrag_cent=BOVEN_DE_GRENS,
        feiten="Vermogen van € 60.000 op een buitenlandse rekening niet gemeld.",
    )
    standaard: dict[str, object] = {
        "verwijtbaarheid": "opzet",
        "verwijtbaarheid_reden": "Hield de rekening bewust buiten beeld.",
        "financieel_voordeel_beoogd": True,
        "keuze": "volgt",
        "motivering": "U heeft uw vermogen niet doorgegeven.",
        "cautie": "geen_verklaringen",
    }
    return services.besluit_wijzig(user=casus.consulent, besluit=b, **(standaard | velden))


def test_above_the_threshold_the_advice_waits_for_the_answer_on_aangifte(casus) -> None:
    uitkomst = advies.bereken(_besluit(casus))["advies"]
    assert (uitkomst["sanctie"], uitkomst["boete_cent"]) == ("oordeel_nodig", 0)
    assert [v["veld"] for v in uitkomst["open_vragen"]] == ["aangifte_gedaan"]


def test_after_aangifte_no_fine_and_the_decision_records_the_answer(casus) -> None:
    b = _besluit(casus, aangifte_gedaan=True)
    assert advies.feiten_voor(b)["aangifte_gedaan"] is True
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    b.refresh_from_db()
    assert (b.aangifte_gedaan, b.sanctie, b.boete_cent) == (True, "geen", 0)
    assert b.advies_snapshot["feiten"]["aangifte_gedaan"] is True
    assert b.advies_snapshot["advies"]["terugvordering"]["bedrag_cent"] == BOVEN_DE_GRENS


def test_without_aangifte_the_fine_follows_at_most_the_benadelingsbedrag(casus) -> None:
    uitkomst = advies.bereken(_besluit(casus, aangifte_gedaan=False))["advies"]
    assert (uitkomst["sanctie"], uitkomst["boete_cent"]) == ("boete", BOVEN_DE_GRENS)
    assert uitkomst["open_vragen"] == []


def test_the_page_asks_it_and_the_advice_follows_the_answer(casus, client) -> None:
    b = _besluit(casus)
    client.force_login(casus.consulent)
    page = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert "Is aangifte gedaan bij het Openbaar Ministerie?" in page
    assert "Eerst uw oordeel nodig" in page
    form = {
        "versie": str(b.versie),
        "verwijtbaarheid": "opzet",
        "verwijtbaarheid_reden": "Bewust.",
        "financieel_voordeel_beoogd": "ja",
        "keuze": "volgt",
        "motivering": "U gaf uw vermogen niet door.",
    }
    r = client.post(
        f"/besluiten/{b.pk}/advies/", form | {"aangifte_gedaan": "ja"}, HTTP_HX_REQUEST="true"
    )
    assert "<strong>Geen sanctie</strong>" in r.content.decode()
    r = client.post(
        f"/besluiten/{b.pk}/", form | {"aangifte_gedaan": "nee", "herbereken": "1"}, follow=True
    )
    assert "<strong>Boete van € 60.000,00</strong>" in r.content.decode()
    b.refresh_from_db()
    assert b.aangifte_gedaan is False


def test_a_maatregel_decision_does_not_ask_for_aangifte(casus, client) -> None:
    b = services.besluit_open(
        user=casus.consulent,
        client=casus.client,
        aanleiding="arbeidsverplichting",
        overtreding="arbeidsverplichting",
        pleegdatum=date(2026, 3, 1),
        feiten="Niet verschenen bij het werkbedrijf.",
    )
    client.force_login(casus.consulent)
    assert "Is aangifte gedaan" not in client.get(f"/besluiten/{b.pk}/").content.decode()


def test_regelfeiten_passes_the_answer_only_for_the_inlichtingenplicht(casus) -> None:
    samen = {
        "client": casus.client,
        "pleegdatum": date(2026, 3, 1),
        "beoordelingsdatum": date(2026, 6, 1),
    }
    assert "aangifte_gedaan" not in regelfeiten(
        overtreding="inlichtingenplicht", benadelingsbedrag_cent=1, **samen
    )
    feiten = regelfeiten(
        overtreding="inlichtingenplicht", benadelingsbedrag_cent=1, aangifte_gedaan=False, **samen
    )
    assert feiten["aangifte_gedaan"] is False
    assert "aangifte_gedaan" not in regelfeiten(
        overtreding="arbeidsverplichting", aangifte_gedaan=True, **samen
    )
