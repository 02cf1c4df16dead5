# SPDX-License-Identifier: EUPL-1.2
"""After the decision: terugvordering 'tenzij', the Omgekeerde Toets, claims with a repayment plan that respects
the beslagvrije voet, the CBS export, the register's retention and objections."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.besluiten import nazorg, selectors, services
from naleving.besluiten.models import Besluit, RegisterItem, Vordering


def test_recovery_waiver_needs_reason_and_motivation_and_is_counted(casus) -> None:
    b = casus.besluit(terugvordering_cent=30_000)
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict == {
        "afzien_motivering": [
            "U ziet (deels) af van terugvordering: kies de reden en schrijf de motivering (PW art. 58 lid 8)."
        ]
    }
    b = services.besluit_wijzig(
        user=casus.consulent,
        besluit=b,
        afzien_reden="trage_reactie",
        afzien_motivering="Het signaal lag vier maanden stil.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.terugvordering_voorgesteld_cent, b.terugvordering_cent, b.afgezien_cent) == (
        130_000,
        30_000,
        100_000,
    )
    assert Vordering.objects.get(besluit=b).oorspronkelijk_cent == 30_000
    cijfers = selectors.afzien_per_jaar(user=casus.teamleider, jaar=b.definitief_op.year)
    assert cijfers == [
        {
            "afzien_reden": "trage_reactie",
            "afzien_reden_label": "De organisatie reageerde traag op signalen",
            "aantal": 1,
            "bedrag_afgezien_cent": 100_000,
            "geheel": 0,
        }
    ]


def test_recovery_cannot_exceed_the_proposal(casus) -> None:
    b = casus.besluit(terugvordering_cent=200_000)
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert list(err.value.message_dict) == ["terugvordering_cent"]


def test_omgekeerde_toets_needs_all_five_steps_and_is_kept(casus) -> None:
    b = casus.besluit()
    with pytest.raises(ValidationError) as err:
        services.toets_opslaan(user=casus.consulent, besluit=b, effect_nodig="Dat zij weer meldt.")
    assert sorted(err.value.message_dict) == [
        "doel_van_de_wet",
        "effect_op_persoon",
        "ethisch",
        "strijdig_met_regel",
    ]
    toets = services.toets_opslaan(
        user=casus.consulent,
        besluit=b,
        effect_nodig="Dat zij voortaan werk meldt.",
        effect_op_persoon="Een boete zou de schulden vergroten.",
        doel_van_de_wet="Bestaanszekerheid en terugkeer naar werk.",
        ethisch="Een waarschuwing met uitleg is verantwoord.",
        strijdig_met_regel="Nee: de beleidsregel laat een waarschuwing toe.",
    )
    assert toets.stappen()[0] == (
        "1. Welk effect is nodig voor deze persoon?",
        "Dat zij voortaan werk meldt.",
    )


def test_repayment_plan_respects_the_beslagvrije_voet(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    v = Vordering.objects.get(besluit=b)
    with pytest.raises(ValidationError) as err:
        nazorg.vordering_regeling(
            user=casus.consulent,
            vordering=v,
            maandinkomen_cent=140_000,
            beslagvrije_voet_cent=133_000,
            aflossing_cent=10_000,
            verrekenen=True,
        )
    assert err.value.message_dict == {
        "aflossing_cent": [
            "De aflossing gaat onder de beslagvrije voet. Er is € 70,00 per maand ruimte."
        ]
    }
    v = nazorg.vordering_regeling(
        user=casus.consulent,
        vordering=v,
        maandinkomen_cent=140_000,
        beslagvrije_voet_cent=133_000,
        aflossing_cent=7_000,
        verrekenen=True,
    )
    assert (v.status, v.aflossing_cent) == ("betalingsregeling", 7_000)
    with pytest.raises(PermissionDenied):
        nazorg.vordering_regeling(
            user=casus.handhaver,
            vordering=v,
            maandinkomen_cent=1,
            beslagvrije_voet_cent=0,
            aflossing_cent=1,
            verrekenen=False,
        )


def test_cbs_export_has_one_row_per_claim_without_personal_data(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    tekst = nazorg.cbs_export(user=casus.teamleider, maand=date.today())
    assert tekst.startswith("\ufeffpeilmaand;gemeente;")  # the one CSV dialect (core.spreadsheet)
    rows = list(csv.reader(io.StringIO(tekst[1:], newline=""), delimiter=";"))
    assert rows == [
        [
            "peilmaand",
            "gemeente",
            "vordering",
            "herkomst",
            "oorspronkelijk_cent",
            "openstaand_cent",
        ],
        [
            date.today().strftime("%Y-%m"),
            "0867",
            str(Vordering.objects.get(besluit=b).pk),
            "inlichtingenplicht",
            "130000",
            "130000",
        ],
    ]
    with pytest.raises(PermissionDenied):
        nazorg.cbs_export(user=casus.consulent, maand=date.today())


def test_register_entries_leave_when_retention_ends(casus) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    item = RegisterItem.objects.get(besluit=b)
    assert nazorg.register_opschonen(vandaag=item.bewaren_tot) == 0
    assert nazorg.register_opschonen(vandaag=item.bewaren_tot + timedelta(days=1)) == 1
    assert not RegisterItem.objects.filter(besluit=b).exists()


def _verzonden(casus) -> Besluit:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    return services.besluit_verzend(user=casus.consulent, besluit=b)


def _bezwaar(casus, b: Besluit):
    bz = nazorg.bezwaar_registreer(
        user=casus.consulent, besluit=b, ontvangen_op=date.today(), gronden="Ik had het gemeld."
    )
    return nazorg.bezwaar_hoorzitting(
        user=casus.consulent, bezwaar=bz, op=date.today(), verslag="Cliënt toont een e-mail."
    )


def test_objection_ongegrond_keeps_the_decision(casus) -> None:
    b = _verzonden(casus)
    bz = _bezwaar(casus, b)
    bz = nazorg.bezwaar_beslis(
        user=casus.consulent,
        bezwaar=bz,
        uitkomst="ongegrond",
        toelichting="De e-mail ging over iets anders.",
    )
    b.refresh_from_db()
    assert (b.status, bz.uitkomst, bz.herzien_besluit) == ("beslist_op_bezwaar", "ongegrond", None)
    assert RegisterItem.objects.filter(besluit=b).exists()


@pytest.mark.parametrize("uitkomst", ["gegrond", "deels_gegrond"])
def test_objection_upheld_opens_a_revised_decision_and_never_overwrites(casus, uitkomst) -> None:
    b = _verzonden(casus)
    origineel = Besluit.objects.filter(pk=b.pk).values().get()
    bz = _bezwaar(casus, b)
    with pytest.raises(ValidationError):
        nazorg.bezwaar_beslis(user=casus.consulent, bezwaar=bz, uitkomst=uitkomst, toelichting="")
    bz = nazorg.bezwaar_beslis(
        user=casus.consulent, bezwaar=bz, uitkomst=uitkomst, toelichting="Het was wel gemeld."
    )
    herzien = bz.herzien_besluit
    assert herzien is not None
    assert (herzien.status, herzien.herziet_id, herzien.perioden) == ("concept", b.pk, b.perioden)
    na = Besluit.objects.filter(pk=b.pk).values().get()
    assert {k: v for k, v in na.items() if k not in ("status", "status_sinds", "versie")} == {
        k: v for k, v in origineel.items() if k not in ("status", "status_sinds", "versie")
    }
    herzien = services.besluit_wijzig(
        user=casus.consulent,
        besluit=herzien,
        verwijtbaarheid="geen",
        verwijtbaarheid_reden="De cliënt meldde het werk per e-mail aan de klantenservice.",
        motivering="Uw bezwaar is gegrond: u had het werk op tijd gemeld.",
        keuze="volgt",
        terugvordering_cent=0,
        afzien_reden="dringende_redenen",
        afzien_motivering="Tijdig gemeld bij een ander team.",
    )
    herzien = services.besluit_vaststellen(user=casus.consulent, besluit=herzien)
    assert herzien.sanctie == "geen"
    assert not RegisterItem.objects.filter(besluit=b).exists()
    vervangen = Vordering.objects.get(besluit=b)
    # Its collection ended the day the revised decision became definitive: its retention term runs.
    assert (
        vervangen.status,
        vervangen.invordering_einde_op,
        vervangen.invordering_einde_reden,
    ) == ("gestopt", date.today(), "vervangen")


def test_the_end_of_collection_is_recorded_with_its_date_and_reason(casus) -> None:
    """Bewaartermijn vordering: 10 years from the end of collection; the service records that end."""
    from naleving.audit.models import AuditEntry

    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    v = Vordering.objects.get(besluit=b)
    from django.utils import timezone

    with pytest.raises(ValidationError, match="voordat de vordering er was"):
        nazorg.vordering_beeindig(
            user=casus.consulent,
            vordering=v,
            reden="afgelost",
            op=timezone.localdate() - timedelta(days=1),
        )
    vandaag = timezone.localdate()
    v = nazorg.vordering_beeindig(user=casus.consulent, vordering=v, reden="afgelost", op=vandaag)
    v.refresh_from_db()
    assert (v.status, v.openstaand_cent, v.invordering_einde_op, v.invordering_einde_reden) == (
        "afgelost",
        0,
        vandaag,
        "afgelost",
    )
    regel = AuditEntry.objects.filter(object_type="besluiten.vordering", actie="wijzigen").get()
    assert regel.velden["invordering_einde_reden"] == ["", "afgelost"]
    with pytest.raises(ValidationError, match="loopt niet meer"):
        nazorg.vordering_beeindig(user=casus.consulent, vordering=v, reden="afgelost", op=vandaag)


def test_ending_collection_other_than_by_payment_needs_a_reason_a_past_date_and_the_right(
    casus,
) -> None:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    v = Vordering.objects.get(besluit=b)
    with pytest.raises(ValidationError) as err:
        nazorg.vordering_beeindig(
            user=casus.consulent,
            vordering=v,
            reden="vervangen",
            op=date.today() + timedelta(days=1),
        )
    assert err.value.message_dict == {
        "reden": ["Kies waarom de invordering eindigt."],
        "op": ["De invordering kan niet eindigen op een dag in de toekomst."],
        "toelichting": ["Schrijf op waarom de invordering stopt (de motivering)."],
    }
    with pytest.raises(PermissionDenied):
        nazorg.vordering_beeindig(
            user=casus.handhaver, vordering=v, reden="verjaard", op=date.today(), toelichting="x"
        )
    v = nazorg.vordering_beeindig(
        user=casus.consulent,
        vordering=v,
        reden="afgezien",
        op=date.today(),
        toelichting="Helft van de rest ineens betaald (PW art. 58 lid 7).",
    )
    v.refresh_from_db()
    assert (v.status, v.openstaand_cent, v.invordering_einde_reden) == (
        "gestopt",
        v.oorspronkelijk_cent,
        "afgezien",
    )
