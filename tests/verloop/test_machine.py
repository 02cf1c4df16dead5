# SPDX-License-Identifier: EUPL-1.2
"""The one state machine of every case (design.md §2: "a table of allowed transitions and one
service that applies them"): every move is checked against the table, the right is checked where
the machine declares one, a stale copy is refused, and a move leaves exactly one history row and,
for personal data, one audit entry, or nothing at all."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.beleid import services as beleid_services
from naleving.beleid import statemachine as beleid_machine
from naleving.beleid.models import ActieOvergang
from naleving.besluiten import services as besluit_services
from naleving.besluiten import statemachine as besluit_machine
from naleving.besluiten.models import BesluitOvergang
from naleving.core.locking import VerouderdeVersie
from naleving.onderzoek import services as onderzoek_services
from naleving.onderzoek import statemachine as onderzoek_machine
from naleving.onderzoek.models import Onderzoek, OnderzoekOvergang
from naleving.signalen import services as signaal_services
from naleving.signalen import triage as signaal_machine
from naleving.signalen.models import Bron, Product, Signaal, SignaalOvergang, Status
from naleving.verloop import services as verloop
from naleving.verloop.historie import Overgangshistorie
from naleving.verloop.machine import MACHINES, Machine, OngeldigeOvergang
from tests.besluiten.conftest import Casus

HISTORIE = (SignaalOvergang, OnderzoekOvergang, BesluitOvergang, ActieOvergang)


@pytest.fixture
def casus(make_user, make_client) -> Casus:
    consulent = make_user("inkomensconsulent", username="ilse")
    return Casus(
        consulent=consulent,
        teamleider=make_user("teamleider", username="tessa"),
        handhaver=make_user("handhaver", username="hanna"),
        client=make_client("Waalwijk", consulent=consulent, achternaam="de Wit"),
    )


def _onderzoek(casus: Casus) -> Onderzoek:
    return onderzoek_services.onderzoek_vraag_aan(
        user=casus.consulent, client=casus.client, aanleiding="lopende_uitkering", vraag="Werk?"
    )


def _signaal(casus: Casus) -> Signaal:
    nieuw = signaal_services.NieuwSignaal(
        bron=Bron.KETENPARTNER,
        bron_naam="Inlichtingenbureau",
        product=Product.INKOMSTENVERHOUDING,
        datum=date(2026, 1, 5),
        client=casus.client,
    )
    return signaal_services.signaal_maak(user=None, nieuw=nieuw)


def _rijen() -> tuple[int, int]:
    return sum(m.objects.count() for m in HISTORIE), AuditEntry.objects.count()


def test_every_kind_of_case_declares_its_machine_in_the_one_register() -> None:
    assert MACHINES == {
        "signaal": signaal_machine.MACHINE,
        "onderzoek": onderzoek_machine.MACHINE,
        "besluit": besluit_machine.MACHINE,
        "actie": beleid_machine.MACHINE,
    }
    for machine in MACHINES.values():
        model = machine.historiemodel()
        assert issubclass(model, Overgangshistorie)
        assert [f.name for f in model._meta.fields] == [
            "id",
            "van",
            "naar",
            "door",
            "op",
            "toelichting",
            machine.veld,
        ]
        assert model._meta.get_field(machine.veld).related_model is not None


def test_a_second_machine_for_the_same_kind_is_refused() -> None:
    with pytest.raises(ValueError) as exc:
        Machine(
            soort="signaal",
            overgangen=(),
            statussen=Status,
            historie="signalen.SignaalOvergang",
            veld="signaal",
            melding="",
            naam="het signaal",
        )
    assert str(exc.value) == "Er is al een toestandsmachine voor 'signaal'."
    assert MACHINES["signaal"] is signaal_machine.MACHINE


def test_all_four_kinds_are_moved_by_the_one_apply_function(casus, make_user, monkeypatch) -> None:
    """Every move row written below comes through `verloop.beweeg`: one call per row."""
    gezien: list[str] = []
    echt = verloop.beweeg

    def spion(*, machine, **kwargs):  # type: ignore[no-untyped-def]
        gezien.append(machine.soort)
        return echt(machine=machine, **kwargs)

    monkeypatch.setattr(verloop, "beweeg", spion)
    signaal_services.signaal_neem_in_behandeling(user=casus.handhaver, signaal=_signaal(casus))
    besluit_services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    bm = make_user("beleidsmedewerker")
    plan = beleid_services.plan_aanmaken(user=bm, jaar=2026, doelen="Uitleg.", themas="Werk")
    actie = beleid_services.actie_toevoegen(
        user=bm,
        plan=plan,
        pijler="communicatie",
        titel="Folder in B1",
        eigenaar="Team Handhaving",
        deadline=date(2026, 3, 1),
    )
    beleid_services.actie_bijwerken(
        user=bm, actie=actie, versie=actie.versie, status="in_uitvoering"
    )
    assert set(gezien) == {"signaal", "onderzoek", "besluit", "actie"}
    zetten = sum(m.objects.exclude(van="").count() for m in HISTORIE)
    assert zetten == len(gezien)


def test_a_move_the_table_does_not_allow_is_refused_in_plain_dutch_and_leaves_nothing(
    casus,
) -> None:
    o = _onderzoek(casus)
    voor = _rijen()
    with pytest.raises(OngeldigeOvergang) as exc:
        verloop.beweeg(
            machine=onderzoek_machine.MACHINE,
            obj=o,
            naar=onderzoek_machine.Status.AFGEROND,
            user=casus.teamleider,
        )
    assert exc.value.messages == [
        "Dit kan niet: een onderzoek met status 'Aangevraagd' kan niet naar 'Afgerond'."
    ]
    assert isinstance(exc.value, ValidationError)
    assert _rijen() == voor


def test_a_move_without_the_right_is_refused_and_leaves_no_history_and_no_audit(casus) -> None:
    # Assigning needs onderzoek.toewijzen: the teamleider's right, not the consultant's.
    o = _onderzoek(casus)
    voor = _rijen()
    with pytest.raises(PermissionDenied) as exc:
        verloop.beweeg(
            machine=onderzoek_machine.MACHINE,
            obj=o,
            naar=onderzoek_machine.Status.TOEGEWEZEN,
            user=casus.consulent,
            changes={"handhaver": casus.handhaver},
        )
    assert str(exc.value) == "U mag deze stap in het onderzoek niet zetten."
    assert _rijen() == voor
    o.refresh_from_db()
    assert (o.status, o.handhaver_id, o.versie) == ("aangevraagd", None, 1)


def test_a_stale_copy_is_refused_by_its_version(casus) -> None:
    o = _onderzoek(casus)
    oud = Onderzoek.objects.get(pk=o.pk)
    onderzoek_services.onderzoek_wijs_toe(
        user=casus.teamleider, onderzoek=o, handhaver=casus.handhaver
    )
    voor = _rijen()
    with pytest.raises(VerouderdeVersie):
        verloop.beweeg(
            machine=onderzoek_machine.MACHINE,
            obj=oud,
            naar=onderzoek_machine.Status.TOEGEWEZEN,
            user=casus.teamleider,
        )
    assert _rijen() == voor


def test_a_stale_signal_is_refused_by_its_stored_state(casus) -> None:
    """A signal has no version column: the move is a compare-and-set on the status."""
    s = _signaal(casus)
    oud = Signaal.objects.get(pk=s.pk)
    signaal_services.signaal_neem_in_behandeling(user=casus.handhaver, signaal=s)
    voor = _rijen()
    with pytest.raises(OngeldigeOvergang) as exc:
        verloop.beweeg(
            machine=signaal_machine.MACHINE, obj=oud, naar=Status.IN_TRIAGE, user=casus.handhaver
        )
    assert exc.value.messages == ["Een signaal met status 'In triage' kan niet naar 'In triage'."]
    assert _rijen() == voor


def test_the_system_moves_a_signal_without_a_user(casus) -> None:
    s = _signaal(casus)
    Signaal.objects.filter(pk=s.pk).update(status=Status.ONDERZOEK)
    s.status = Status.ONDERZOEK
    verloop.beweeg(
        machine=signaal_machine.MACHINE,
        obj=s,
        naar=Status.AFGEHANDELD,
        user=None,
        toelichting="Onderzoek afgerond",
    )
    s.refresh_from_db()
    assert s.status == Status.AFGEHANDELD
    rij = SignaalOvergang.objects.filter(signaal=s).last()
    assert rij is not None
    assert (rij.van, rij.naar, rij.door, rij.toelichting) == (
        "onderzoek",
        "afgehandeld",
        None,
        "Onderzoek afgerond",
    )
    entry = AuditEntry.objects.filter(object_type="signalen.signaal").order_by("volgnummer").last()
    assert entry is not None
    assert (entry.gebruiker, entry.velden, entry.reden, entry.clientnummer) == (
        "systeem",
        {"status": ["onderzoek", "afgehandeld"]},
        "Onderzoek afgerond",
        casus.client.clientnummer,
    )


def test_only_a_signal_may_be_moved_without_a_user(casus) -> None:
    o = _onderzoek(casus)
    voor = _rijen()
    with pytest.raises(PermissionDenied) as exc:
        verloop.beweeg(
            machine=onderzoek_machine.MACHINE,
            obj=o,
            naar=onderzoek_machine.Status.TOEGEWEZEN,
            user=None,
        )
    assert str(exc.value) == "U mag deze stap in het onderzoek niet zetten."
    assert _rijen() == voor


def test_a_plan_action_keeps_the_history_of_its_moves_without_audit(make_user) -> None:
    """Plan actions have no client and hold no personal data: the right is the role's, and a move
    leaves an ActieOvergang row but no audit entry. Only the carry-over sets 'doorgeschoven'."""
    bm = make_user("beleidsmedewerker")
    plan = beleid_services.plan_aanmaken(user=bm, jaar=2026, doelen="Uitleg.", themas="Werk")
    actie = beleid_services.actie_toevoegen(
        user=bm,
        plan=plan,
        pijler="communicatie",
        titel="Folder in B1",
        eigenaar="Team Handhaving",
        deadline=date(2026, 3, 1),
    )
    with pytest.raises(ValidationError) as exc:
        beleid_services.actie_bijwerken(
            user=bm, actie=actie, versie=actie.versie, status="doorgeschoven"
        )
    assert exc.value.message_dict == {
        "status": [
            "Een actie met status 'Gepland' kan niet naar 'Doorgeschoven naar volgend jaar'."
        ]
    }
    beleid_services.actie_bijwerken(
        user=bm, actie=actie, versie=actie.versie, status="in_uitvoering"
    )
    volgend = beleid_services.plan_aanmaken(user=bm, jaar=2027, doelen="Verder.", themas="Werk")
    assert list(
        ActieOvergang.objects.filter(actie=actie).values_list("van", "naar", "door", "toelichting")
    ) == [
        ("", "gepland", bm.pk, ""),
        ("gepland", "in_uitvoering", bm.pk, ""),
        ("in_uitvoering", "doorgeschoven", bm.pk, "Doorgeschoven naar 2027"),
    ]
    kopie = volgend.acties.get()
    assert list(ActieOvergang.objects.filter(actie=kopie).values_list("van", "naar")) == [
        ("", "in_uitvoering")
    ]
    assert not AuditEntry.objects.filter(object_type="beleid.actie").exists()


def test_the_choices_a_person_has_for_an_action_come_from_the_table() -> None:
    assert beleid_machine.volgende("gepland") == ["in_uitvoering", "vervallen"]
    assert beleid_machine.volgende("in_uitvoering") == ["afgerond", "gepland", "vervallen"]
    assert beleid_machine.volgende("doorgeschoven") == []


def test_the_signal_page_shows_when_and_by_whom_each_move_was_made(casus) -> None:
    """The history column `op` (formerly `tijdstip` for signals) is what the page shows."""
    s = _signaal(casus)
    signaal_services.signaal_neem_in_behandeling(user=casus.handhaver, signaal=s)
    b = Browser()
    b.force_login(casus.handhaver)
    page = b.get(reverse("signalen:signaal", args=[s.pk])).content.decode()
    ontvangen, in_triage = SignaalOvergang.objects.filter(signaal=s)
    wanneer = [
        timezone.localtime(rij.op).strftime("%d-%m-%Y %H:%M") for rij in (ontvangen, in_triage)
    ]
    assert f"<tr><td>{wanneer[0]}</td><td>—</td><td>Ontvangen</td><td>Systeem</td></tr>" in page
    assert (
        f"<tr><td>{wanneer[1]}</td><td>Ontvangen</td><td>In triage</td>"
        f"<td>{casus.handhaver}</td></tr>"
    ) in page
