# SPDX-License-Identifier: EUPL-1.2
"""Rule: whether an investigation can lead to a fine follows from the investigation itself (PW art. 18a jo. 17 lid 1;
Baanbrekers policy 2025: only for an intentional breach for financial gain), not from a box the handhaver ticks;
when it can, a hearing of the client needs the cautie first (Awb 5:10a; CRvB 2019:767). A home visit with consent
after a refusal in the same investigation is linked to that refusal (Awb 5:15; art. 8 EVRM)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.besluiten.services import cautie_uit_onderzoek
from naleving.onderzoek.cautie import boete_mogelijk, verhoren_zonder_cautie
from naleving.onderzoek.models import Activiteit
from naleving.onderzoek.services import (
    StapInvoer,
    activiteit_vastleggen,
    plan_opslaan,
    rapport_opslaan,
)

CAUTIE_ONTBREEKT = (
    "Dit onderzoek kan leiden tot een boete: leg eerst vast wanneer de cautie is gegeven en met welke "
    "woorden (Awb 5:10a)."
)


def _as(user) -> Browser:
    b = Browser()
    b.force_login(user)
    return b


def _gesprek(**extra) -> dict:
    return {
        "met_wie": "Cliënt",
        "gehoorde": "client",
        "begin": (timezone.now() - timedelta(minutes=30)).isoformat(),
        "verslag": "Vragen over inkomsten.",
        "waarom": "Feiten uit Suwinet toelichten.",
        **extra,
    }


def _rapport(casus, o, overtreding: str, perioden=None) -> None:
    rapport_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        versie=None,
        bevindingen="Concept.",
        overtreding=overtreding,
        perioden=perioden or [],
    )


def test_a_hearing_without_cautie_is_refused_even_with_the_fine_box_left_unticked(casus) -> None:
    """The hole: the handhaver left 'kan leiden tot een boete' unticked and needed no cautie."""
    o = casus.onderzoek()
    begin = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = _as(casus.handhaver).post(
        reverse("onderzoek:activiteit", args=[o.pk, "gesprek"]),
        {"met_wie": "Cliënt", "gehoorde": "client", "begin": begin, "verslag": "x", "waarom": "y"},
    )
    assert response.status_code == 400
    assert "Dit onderzoek kan leiden tot een boete: leg eerst vast" in response.content.decode()
    assert not Activiteit.objects.exists()
    with pytest.raises(ValidationError) as exc:
        activiteit_vastleggen(
            user=casus.handhaver,
            onderzoek=o,
            soort="gesprek",
            gegevens=_gesprek(kan_leiden_tot_boete=False),
        )
    assert exc.value.message_dict == {
        "gegevens": ["Onbekende velden voor deze activiteit: kan_leiden_tot_boete."]
    }


def test_the_activity_page_says_the_fine_is_possible_and_why(casus) -> None:
    o = casus.onderzoek()
    page = _as(casus.handhaver).get(reverse("onderzoek:activiteit", args=[o.pk, "gesprek"]))
    text = page.content.decode()
    assert (
        "Dit onderzoek kan leiden tot een boete: het gaat over een mogelijke schending van de "
        in text
    )
    assert "Kan dit gesprek leiden tot een boete?" not in text


@pytest.mark.parametrize(
    "overtreding, perioden, verwacht",
    [
        (
            "",
            None,
            True,
        ),  # not yet concluded: a breach of the inlichtingenplicht cannot be excluded
        ("inlichtingenplicht", None, True),  # months not yet filled in
        (
            "inlichtingenplicht",
            [{"maand": "2026-03", "ontvangen_cent": 140000, "recht_cent": 90000}],
            True,
        ),
        (
            "inlichtingenplicht",
            [{"maand": "2026-03", "ontvangen_cent": 90000, "recht_cent": 90000}],
            False,
        ),
        ("arbeidsverplichting", None, False),  # a maatregel (PW art. 18 lid 2), not a fine
        ("tekortschietend_besef", None, False),
    ],
)
def test_fine_possible_is_derived_from_the_subject_and_the_benadeling(
    casus, overtreding, perioden, verwacht
) -> None:
    o = casus.onderzoek()
    if overtreding:
        _rapport(casus, o, overtreding, perioden)
    assert boete_mogelijk(o) is verwacht


def test_no_fine_possible_means_no_cautie_needed_but_a_later_change_flags_the_hearing(
    casus,
) -> None:
    o = casus.onderzoek()
    _rapport(casus, o, "arbeidsverplichting")
    act, _ = activiteit_vastleggen(
        user=casus.handhaver, onderzoek=o, soort="gesprek", gegevens=_gesprek()
    )
    assert act.gegevens["boete_mogelijk"] is False
    assert verhoren_zonder_cautie(o) == []
    _rapport(casus, o, "inlichtingenplicht")
    assert verhoren_zonder_cautie(o) == [act]
    assert cautie_uit_onderzoek(onderzoek=o)[0] == "niet_gegeven"
    page = _as(casus.handhaver).get(reverse("onderzoek:detail", args=[o.pk])).content.decode()
    assert "Let op: dit onderzoek kan leiden tot een boete, maar 1 verhoor zonder cautie." in page


def test_a_third_party_needs_no_cautie_and_does_not_count_as_missing_it(casus) -> None:
    o = casus.onderzoek()
    activiteit_vastleggen(
        user=casus.handhaver,
        onderzoek=o,
        soort="gesprek",
        gegevens=_gesprek(met_wie="Werkgever", gehoorde="derde"),
    )
    assert verhoren_zonder_cautie(o) == []
    assert cautie_uit_onderzoek(onderzoek=o)[0] == "gegeven"


HUISBEZOEK = {
    "aangekondigd": False,
    "redelijke_grond": "Twee voertuigen van een ander op het adres (RDW).",
    "gezegd_over_weigeren": "kan_gevolgen_hebben",
    "toestemming": "gegeven",
    "aanwezigen": "Cliënt, twee handhavers",
    "bevindingen": "Eén slaapkamer in gebruik.",
    "waarom": "Woonsituatie is niet lichter vast te stellen.",
}


def _huisbezoek(casus, o, **change) -> Activiteit:
    act, _ = activiteit_vastleggen(
        user=casus.handhaver, onderzoek=o, soort="huisbezoek", gegevens={**HUISBEZOEK, **change}
    )
    return act


def test_consent_after_a_refusal_is_linked_to_the_refusal_and_shown_beside_it(casus) -> None:
    o = casus.onderzoek()
    plan_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        vragen="Woont de partner er?",
        feiten="RDW: auto op adres.",
        stappen=[StapInvoer("huisbezoek", "Woonsituatie", "Registraties geven geen uitsluitsel.")],
    )
    weigering = _huisbezoek(casus, o, toestemming="geweigerd", bevindingen="")
    assert weigering.eerdere_weigering is None
    later = _huisbezoek(casus, o)
    assert later.eerdere_weigering == weigering
    page = _as(casus.handhaver).get(reverse("onderzoek:detail", args=[o.pk])).content.decode()
    assert (
        f"Eerder geweigerd: bij het huisbezoek van {timezone.localtime(weigering.vastgelegd_op):%d-%m-%Y %H:%M} "
        "weigerde de bewoner de toegang tot de woning (gezegd: weigeren kan gevolgen hebben voor de uitkering). "
        f"Daarna gaf de bewoner bij dit bezoek op {timezone.localtime(later.vastgelegd_op):%d-%m-%Y %H:%M} "
        "wel toestemming."
    ) in page
    assert "Toegang geweigerd; later, bij het huisbezoek van" in page


def test_a_first_consented_visit_has_no_refusal_link(casus) -> None:
    o = casus.onderzoek()
    plan_opslaan(
        user=casus.handhaver,
        onderzoek=o,
        vragen="Woont de partner er?",
        feiten="RDW: auto op adres.",
        stappen=[StapInvoer("huisbezoek", "Woonsituatie", "Registraties geven geen uitsluitsel.")],
    )
    assert _huisbezoek(casus, o).eerdere_weigering is None
