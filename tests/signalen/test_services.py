# SPDX-License-Identifier: EUPL-1.2
"""The state machine, triage with reasons, grouping, the handhaver's ground and the hand-over to
Onderzoek."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naleving.audit.models import AuditEntry
from naleving.clienten.selectors import clients_in_scope
from naleving.signalen import services
from naleving.signalen.models import Bron, Product, SignaalOvergang, Status, Taak, Uitkomst
from naleving.signalen.selectors import signalen_voor_onderzoek


def test_a_handhaver_sees_a_client_only_while_a_signal_is_open(
    handhaver, make_client, make_signaal
) -> None:
    client = make_client("Waalwijk")
    assert not clients_in_scope(user=handhaver).filter(pk=client.pk).exists()
    s = make_signaal(client)
    assert list(clients_in_scope(user=handhaver)) == [client]
    services.signaal_triageer(
        user=handhaver,
        signaal=s,
        uitkomst=Uitkomst.GEEN_ACTIE,
        reden="al_bekend",
        toelichting="Inkomsten al verrekend in januari.",
    )
    assert not clients_in_scope(user=handhaver).filter(pk=client.pk).exists()


def test_triage_records_both_moves_the_decision_and_audit(
    handhaver, make_client, make_signaal
) -> None:
    s = make_signaal(make_client())
    besluit = services.signaal_triageer(
        user=handhaver,
        signaal=s,
        uitkomst=Uitkomst.GEEN_ACTIE,
        reden="verklaarbaar",
        toelichting="Vakantiewerk, al gemeld.",
    )
    s.refresh_from_db()
    assert (s.status, s.uitkomst) == (Status.AFGEHANDELD, Uitkomst.GEEN_ACTIE)
    assert [(o.van, o.naar) for o in SignaalOvergang.objects.filter(signaal=s)] == [
        ("", "ontvangen"),
        ("ontvangen", "in_triage"),
        ("in_triage", "afgehandeld"),
    ]
    assert (besluit.door, besluit.reden) == (handhaver, "verklaarbaar")
    assert (
        AuditEntry.objects.filter(object_type="signalen.triagebesluit", gebruiker="hanna").count()
        == 1
    )


def test_illegal_moves_are_refused(handhaver, make_client, make_signaal) -> None:
    s = make_signaal(make_client())
    services.signaal_triageer(
        user=handhaver,
        signaal=s,
        uitkomst=Uitkomst.GEEN_ACTIE,
        reden="al_bekend",
        toelichting="Bekend.",
    )
    with pytest.raises(ValidationError) as exc:
        services.signaal_neem_in_behandeling(user=handhaver, signaal=s)
    assert exc.value.messages == ["Een signaal met status 'Afgehandeld' kan niet naar 'In triage'."]


def test_reason_and_free_text_are_required_and_must_fit(
    handhaver, make_client, make_signaal
) -> None:
    s = make_signaal(make_client())
    with pytest.raises(ValidationError) as exc:
        services.signaal_triageer(
            user=handhaver,
            signaal=s,
            uitkomst=Uitkomst.ONDERZOEK,
            reden="al_bekend",
            toelichting=" ",
        )
    assert exc.value.message_dict == {
        "reden": [
            "De reden 'Al bekend en verwerkt in het dossier' past niet bij 'Onderzoek starten'."
        ],
        "toelichting": ["Licht uw besluit toe in eigen woorden."],
    }
    s.refresh_from_db()
    assert s.status == Status.ONTVANGEN


def test_anonymous_report_alone_cannot_start_an_investigation(
    handhaver, make_client, make_signaal
) -> None:
    s = make_signaal(make_client(), bron=Bron.MELDER, anoniem=True, product=Product.OVERIG)
    with pytest.raises(ValidationError) as exc:
        services.signaal_triageer(
            user=handhaver,
            signaal=s,
            uitkomst=Uitkomst.ONDERZOEK,
            reden="niet_lichter",
            toelichting="Melder zegt dat er iemand inwoont.",
        )
    assert "bevestiging_bron" in exc.value.message_dict
    partner = make_signaal(s.client, product=Product.HUISHOUDEN)
    services.signaal_triageer(
        user=handhaver,
        signaal=s,
        uitkomst=Uitkomst.ONDERZOEK,
        reden="bevestigd",
        toelichting="Melding plus samenloopsignaal.",
        bevestiging_bron=f"signaal:{partner.pk}",
        bevestiging_uitleg="Het Inlichtingenbureau meldt een tweede volwassene op het adres.",
    )
    s.refresh_from_db()
    assert s.status == Status.ONDERZOEK
    # The hand-over opens the investigation at once and links both ways; the teamleider assigns it.
    from naleving.onderzoek.models import Onderzoek

    onderzoek = Onderzoek.objects.get(signaal_id=s.pk)
    assert (onderzoek.aanleiding, onderzoek.status, onderzoek.client_id) == (
        "signaal",
        "aangevraagd",
        s.client_id,
    )
    assert s.onderzoek_ref == onderzoek.nummer
    assert list(signalen_voor_onderzoek()) == []


def test_preventive_contact_creates_a_task_for_the_consultant(
    handhaver, make_user, make_client, make_signaal
) -> None:
    ic = make_user("inkomensconsulent", "Waalwijk")
    client = make_client(consulent=ic)
    s = make_signaal(client)
    services.signaal_triageer(
        user=handhaver,
        signaal=s,
        uitkomst=Uitkomst.PREVENTIEF_CONTACT,
        reden="wijziging_doorgeven",
        toelichting="Leg uit dat werk doorgegeven moet worden.",
    )
    taak = Taak.objects.get()
    assert (taak.consulent, taak.soort, taak.client) == (ic, Taak.Soort.INFORMEREN, client)
    services.taak_rond_af(user=ic, taak=taak)
    assert Taak.objects.get().afgerond_op is not None


def test_signals_of_same_client_and_kind_within_window_are_grouped(
    make_client, make_signaal
) -> None:
    client = make_client()
    a = make_signaal(client, datum=date(2026, 1, 1))
    b = make_signaal(client, datum=date(2026, 3, 1))
    c = make_signaal(client, datum=date(2026, 9, 1))
    d = make_signaal(client, datum=date(2026, 3, 2), product=Product.VOERTUIG)
    assert a.groep_id == b.groep_id
    assert len({a.groep_id, c.groep_id, d.groep_id}) == 3


def test_unmatched_signal_is_linked_by_hand(
    handhaver, make_client, make_signaal, gemeenten
) -> None:
    s = make_signaal(bsn="999990019")
    assert s.client is None
    with pytest.raises(ValidationError) as exc:
        services.signaal_koppel(user=handhaver, signaal=s, bsn_of_clientnummer="123456789")
    assert exc.value.message_dict == {
        "client": ["Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."]
    }
    client = make_client()
    services.signaal_koppel(user=handhaver, signaal=s, bsn_of_clientnummer=client.clientnummer)
    s.refresh_from_db()
    assert (s.client, s.gemeente) == (client, client.gemeente)


def test_only_a_handhaver_triages(make_user, make_client, make_signaal) -> None:
    s = make_signaal(make_client())
    with pytest.raises(PermissionDenied):
        services.signaal_triageer(
            user=make_user("teamleider"),
            signaal=s,
            uitkomst=Uitkomst.GEEN_ACTIE,
            reden="al_bekend",
            toelichting="x",
        )


def test_colleague_registers_a_signal_but_not_in_the_future(make_user, make_client) -> None:
    ic = make_user("inkomensconsulent", "Waalwijk")
    client = make_client()
    with pytest.raises(ValidationError) as exc:
        services.signaal_registreer(
            user=ic, client=client, product="overig", datum=date(2999, 1, 1), omschrijving="x"
        )
    assert exc.value.message_dict == {
        "datum": ["De datum van het signaal kan niet in de toekomst liggen."]
    }
    s = services.signaal_registreer(
        user=ic,
        client=client,
        product="huishouden",
        datum=date(2026, 1, 1),
        omschrijving="Zag een tweede naam op de brievenbus.",
        waarneming=True,
    )
    assert (s.bron, s.client, s.status) == (Bron.WAARNEMING, client, Status.ONTVANGEN)
