# SPDX-License-Identifier: EUPL-1.2
"""Retention and destruction (AVG art. 5 lid 1 sub e; Selectielijst gemeenten 2020): what is past its term
goes, what is not stays, a legal hold stops it, the log holds counts only and the audit chain still verifies."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.test import TestCase

from naleving import cli
from naleving.audit.models import AuditEntry
from naleving.audit.selectors import verify_chain
from naleving.bewaren.models import Bewaarstop, Vernietiging
from naleving.bewaren.schema import SOORTEN, schema
from naleving.bewaren.services import (
    BewaarstopFout,
    bewaarstop_hef_op,
    bewaarstop_plaats,
    vernietig,
)
from naleving.clienten.models import Contactmoment
from naleving.onderzoek.models import Activiteit, Bewijsstuk, Onderzoek
from naleving.preventie.models import Wijzigingsmelding
from naleving.signalen.models import Melding, Signaal, SignaalGroep
from tests.bewaren.conftest import NU, Uitkomst

pytestmark = pytest.mark.django_db

OUD = datetime(2014, 3, 1, 9, 0, tzinfo=NU.tzinfo)  # past every term at NU
RECENT = NU - timedelta(days=30)  # within every term
BINNEN_TIEN_JAAR = datetime(2020, 6, 1, 9, 0, tzinfo=NU.tzinfo)  # past five years, within ten


@pytest.fixture
def stand(maker, make_client):
    """Client A: everything old, client file closed in 2015. Client B: the same, but recent. Client C: old,
    closed, under a legal hold."""
    a, b, c = (
        make_client(achternaam="Oud"),
        make_client(achternaam="Nieuw"),
        make_client(achternaam="Stop"),
    )
    for client, moment in ((a, OUD), (b, RECENT), (c, OUD)):
        maker.signaal(client, triage_op=moment, melder="Petra Melder")
        maker.onderzoek(client, afgerond_op=moment, uitkomst=Uitkomst.GEEN_ONRECHTMATIGHEID)
        maker.contact(client, op=moment)
        maker.wijziging(client, op=moment)
    # With a finding the term is ten years: the one of 2014 goes, the one of 2020 stays.
    maker.onderzoek(a, afgerond_op=OUD, uitkomst=Uitkomst.ONRECHTMATIGHEID)
    maker.onderzoek(a, afgerond_op=BINNEN_TIEN_JAAR, uitkomst=Uitkomst.ONRECHTMATIGHEID)
    maker.dossier_gesloten(a, einde=date(2015, 1, 31))
    maker.dossier_gesloten(c, einde=date(2015, 1, 31))
    return a, b, c


def _aantallen(resultaten) -> dict[str, tuple[int, int]]:
    return {r.termijn.soort.code: (r.aantal, r.tegengehouden) for r in resultaten}


def test_elke_soort_heeft_een_termijn_uit_het_parameterbestand_met_bron():
    termijnen = schema(nu=NU)
    assert [t.soort.code for t in termijnen] == [s.code for s in SOORTEN]
    assert {t.soort.code for t in termijnen} >= {
        "signaal_zonder_vervolg",
        "onderzoek_zonder_bevinding",
        "onderzoek_met_bevinding",
        "besluit",
        "vordering",
        "wijzigingsmelding",
        "contactmoment",
        "toegangslog",
        "bewijsstuk_zonder_bevinding",
        "bewijsstuk_met_bevinding",
        "melder",
    }
    for t in termijnen:
        assert t.waarde.bron.strip() and t.waarde.omschrijving.strip()
        assert t.waarde.onzeker  # no term is confirmed by the archivist yet
    per_code = {t.soort.code: t for t in termijnen}
    assert per_code["besluit"].in_woorden == "10 jaar"
    # Evidence has its investigation's term: 5 years without a finding, 10 years with one.
    assert per_code["bewijsstuk_zonder_bevinding"].in_woorden == "5 jaar"
    assert per_code["bewijsstuk_met_bevinding"].in_woorden == "10 jaar"
    assert (
        per_code["bewijsstuk_met_bevinding"].waarde.bron
        == per_code["onderzoek_met_bevinding"].waarde.bron
    )
    assert per_code["vordering"].in_woorden == "10 jaar" and per_code["vordering"].soort.automatisch
    assert per_code["melder"].in_woorden == "365 dagen"
    assert per_code["signaal_zonder_vervolg"].grens == datetime(
        2025, 12, 1, 12, 0, tzinfo=NU.tzinfo
    )


def test_droge_run_telt_wat_zou_gaan_en_wijzigt_niets(stand):
    voor = (Signaal.objects.count(), Onderzoek.objects.count(), AuditEntry.objects.count())
    resultaten = vernietig(nu=NU, droog=True)
    assert _aantallen(resultaten) == {
        "melder": (2, 0),  # A and C; B is recent
        "signaal_zonder_vervolg": (2, 0),
        "onderzoek_zonder_bevinding": (2, 0),
        "onderzoek_met_bevinding": (1, 0),  # A's of 2014, not that of 2020
        "besluit": (0, 0),
        "vordering": (0, 0),
        "bewijsstuk_zonder_bevinding": (4, 0),  # two versions each, of A and C
        "bewijsstuk_met_bevinding": (2, 0),  # of A's of 2014
        "contactmoment": (2, 0),
        "wijzigingsmelding": (2, 0),
        "toegangslog": (0, 0),  # every entry is from this run of the tests
    }
    assert (Signaal.objects.count(), Onderzoek.objects.count(), AuditEntry.objects.count()) == voor
    assert not Vernietiging.objects.exists()
    assert Melding.objects.filter(melder_naam="Petra Melder").count() == 3


def test_de_run_vernietigt_wat_over_zijn_termijn_is_en_laat_de_rest(stand, maker):
    a, b, _c = stand
    paden_a = list(Bewijsstuk.objects.filter(onderzoek__client=a).values_list("pad", flat=True))
    assert SignaalGroep.objects.filter(client=a).exists()
    assert Activiteit.objects.filter(onderzoek__client=a).count() == 6
    with TestCase.captureOnCommitCallbacks(execute=True):
        vernietig(nu=NU)
    # Client A: the signal without follow-up, the investigation without a finding with its evidence and
    # files, the contact moment and the change report are gone; the investigation with a finding stays.
    assert not Signaal.objects.filter(client=a).exists()
    assert not SignaalGroep.objects.filter(client=a).exists()
    assert not Activiteit.objects.filter(
        onderzoek__client=a, onderzoek__uitkomst=Uitkomst.GEEN_ONRECHTMATIGHEID
    ).exists()
    assert list(Onderzoek.objects.filter(client=a).values_list("afgerond_op", flat=True)) == [
        BINNEN_TIEN_JAAR
    ]
    assert Bewijsstuk.objects.filter(onderzoek__client=a).count() == 2  # of the one of 2020
    assert not Contactmoment.objects.filter(client=a).exists()
    assert not Wijzigingsmelding.objects.filter(client=a).exists()
    geen_bevinding = [p for p in paden_a if not Bewijsstuk.objects.filter(pad=p).exists()]
    assert len(geen_bevinding) == 4
    assert not any((maker.media / p).exists() for p in geen_bevinding)
    # Client B is within every term.
    assert Signaal.objects.filter(client=b).count() == 1
    assert Onderzoek.objects.filter(client=b).count() == 1
    assert Contactmoment.objects.filter(client=b).count() == 1
    assert Wijzigingsmelding.objects.filter(client=b).count() == 1
    assert Melding.objects.get(signaal__client=b).melder_naam == "Petra Melder"


def test_een_bewaarstop_houdt_de_vernietiging_tegen_tot_hij_is_opgeheven(stand, make_user):
    _a, _b, c = stand
    beheerder = make_user("beheerder")
    stop = bewaarstop_plaats(
        user=beheerder,
        clientnummer=c.clientnummer,
        reden="beroep",
        toelichting="Rechtbank Zeeland-West-Brabant",
    )
    resultaten = vernietig(nu=NU)
    assert _aantallen(resultaten)["signaal_zonder_vervolg"] == (1, 1)
    assert Signaal.objects.filter(client=c).count() == 1
    assert Onderzoek.objects.filter(client=c).count() == 1
    assert Contactmoment.objects.filter(client=c).count() == 1
    assert Melding.objects.get(signaal__client=c).melder_naam == "Petra Melder"
    log = Vernietiging.objects.get(soort="signaal_zonder_vervolg")
    assert (log.aantal, log.tegengehouden) == (1, 1)

    bewaarstop_hef_op(user=beheerder, bewaarstop_id=stop.pk)
    assert _aantallen(vernietig(nu=NU))["signaal_zonder_vervolg"] == (1, 0)
    assert not Signaal.objects.filter(client=c).exists()


def test_alleen_de_functioneel_beheerder_plaatst_een_bewaarstop(stand, make_user):
    a, _, _ = stand
    with pytest.raises(BewaarstopFout, match="Alleen de functioneel beheerder"):
        bewaarstop_plaats(
            user=make_user("privacy"), clientnummer=a.clientnummer, reden="bezwaar", toelichting="x"
        )
    with pytest.raises(BewaarstopFout, match="geen cliënt met nummer C9999999"):
        bewaarstop_plaats(
            user=make_user("beheerder"), clientnummer="C9999999", reden="bezwaar", toelichting="x"
        )
    with pytest.raises(BewaarstopFout, match="zaaknummer"):
        bewaarstop_plaats(
            user=make_user("beheerder"),
            clientnummer=a.clientnummer,
            reden="bezwaar",
            toelichting=" ",
        )
    assert not Bewaarstop.objects.exists()


def test_het_toegangslog_blijft_verifieerbaar_na_de_vernietiging(stand, capsys):
    assert AuditEntry.objects.filter(object_type="onderzoek.onderzoek").exists()
    vernietig(nu=NU)
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.problem
    assert cli.main(["audit", "verify"]) == 0
    assert "Toegangslog in orde" in capsys.readouterr().out
    # Entries about records that are gone are still there: the chain covers the log, not the records.
    assert AuditEntry.objects.filter(object_type="onderzoek.onderzoek").exists()


def test_het_vernietigingslog_en_de_logregel_bevatten_geen_persoonsgegevens(stand):
    a, b, c = stand
    vernietig(nu=NU)
    regels = list(Vernietiging.objects.values())
    assert {r["soort"]: r["aantal"] for r in regels} == {
        "melder": 2,
        "signaal_zonder_vervolg": 2,
        "onderzoek_zonder_bevinding": 2,
        "onderzoek_met_bevinding": 1,
        "bewijsstuk_zonder_bevinding": 4,
        "bewijsstuk_met_bevinding": 2,
        "contactmoment": 2,
        "wijzigingsmelding": 2,
    }
    run = AuditEntry.objects.get(object_type="bewaren.vernietiging")
    tekst = repr(regels) + repr([run.velden, run.reden, run.clientnummer, run.client_id])
    for client in (a, b, c):
        for gegeven in (client.bsn, client.clientnummer, client.achternaam):
            assert gegeven not in tekst
    assert "Petra" not in tekst
    assert regels[0]["bron"]  # the rule's source is written with it


def test_de_opdracht_met_droog_toont_wat_zou_gaan(stand, capsys, monkeypatch):
    assert cli.main(["bewaartermijnen", "--droog"]) == 0
    uit = capsys.readouterr().out
    assert "Droge run: er is niets gewijzigd" in uit
    assert "Signaal zonder vervolg: 2 vernietigen" in uit
    assert "Naam en contactgegevens van een melder: 2 anonimiseren" in uit
    assert Signaal.objects.count() == 3


def test_celery_beat_draait_de_ene_bewaarrun_en_geen_eigen_melderrun():
    import naleving.bewaren.tasks
    import naleving.signalen.tasks  # noqa: F401
    from naleving.config.celery import app

    schema_ = app.conf.beat_schedule
    assert schema_["bewaren-vernietig"]["task"] == "bewaren.vernietig"
    assert "signalen-anonimiseer-melders" not in schema_


def test_naam_en_contact_van_een_melder_gaan_na_365_dagen_en_de_omgeving_kan_dat_overschrijven(
    gemeenten, monkeypatch
):
    from django.utils import timezone

    from naleving.signalen import melden

    melden.melding_ontvang(
        wat="x",
        over_naam="y",
        gemeente=gemeenten["Waalwijk"],
        melder_naam="Piet",
        melder_contact="06-12345678",
    )
    nu = timezone.now()
    assert _aantallen(vernietig(nu=nu + timedelta(days=364)))["melder"] == (0, 0)
    assert _aantallen(vernietig(nu=nu + timedelta(days=366)))["melder"] == (1, 0)
    m = Melding.objects.get()
    assert (m.melder_naam, m.melder_contact, m.signaal.anoniem) == ("", "", False)
    assert m.geanonimiseerd_op == nu + timedelta(days=366)

    monkeypatch.setenv("NALEVING_MELDER_BEWAARTERMIJN_DAGEN", "30")
    melder = {t.soort.code: t for t in schema(nu=NU)}["melder"]
    assert (melder.in_woorden, melder.grens) == ("30 dagen", NU - timedelta(days=30))


@pytest.fixture
def besluitcasus(make_user, make_client):
    from tests.besluiten.conftest import Casus

    consulent = make_user("inkomensconsulent")
    return Casus(
        consulent=consulent,
        teamleider=make_user("teamleider"),
        handhaver=make_user("handhaver"),
        client=make_client(consulent=consulent, achternaam="Besluit"),
    )


def _oud_besluit(casus, *, register_tot: date | None):
    from naleving.besluiten.models import Besluit, RegisterItem

    besluit = casus.besluit()
    Besluit.objects.filter(pk=besluit.pk).update(definitief_op=OUD)
    Onderzoek.objects.filter(pk=besluit.onderzoek_id).update(afgerond_op=OUD)
    if register_tot is not None:
        RegisterItem.objects.create(
            client=casus.client,
            besluit=besluit,
            soort="waarschuwing",
            overtreding="inlichtingenplicht",
            datum=OUD.date(),
            bewaren_tot=register_tot,
        )
    return besluit


def test_een_besluit_zonder_vordering_gaat_na_tien_jaar_en_zijn_onderzoek_de_nacht_erna(
    besluitcasus,
):
    from naleving.besluiten.models import Besluit, OmgekeerdeToets, RegisterItem, Vordering

    besluit = _oud_besluit(besluitcasus, register_tot=date(2019, 3, 1))
    assert (
        not Vordering.objects.exists() and OmgekeerdeToets.objects.filter(besluit=besluit).exists()
    )
    assert _aantallen(vernietig(nu=NU, droog=True))["besluit"] == (1, 0)

    assert _aantallen(vernietig(nu=NU))["onderzoek_met_bevinding"] == (
        0,
        0,
    )  # its decision still pointed at it
    assert not Besluit.objects.filter(pk=besluit.pk).exists()
    assert not RegisterItem.objects.exists() and not OmgekeerdeToets.objects.exists()
    assert Onderzoek.objects.filter(pk=besluit.onderzoek_id).exists()

    assert _aantallen(vernietig(nu=NU))["onderzoek_met_bevinding"] == (1, 0)
    assert not Onderzoek.objects.filter(pk=besluit.onderzoek_id).exists()
    assert verify_chain().ok


def test_een_besluit_dat_het_register_nog_meetelt_of_met_een_vordering_blijft(besluitcasus):
    from naleving.besluiten.models import Besluit, Vordering

    telt_mee = _oud_besluit(besluitcasus, register_tot=date(2027, 1, 1))
    met_vordering = _oud_besluit(besluitcasus, register_tot=None)
    Vordering.objects.create(
        client=besluitcasus.client,
        besluit=met_vordering,
        herkomst="inlichtingenplicht",
        oorspronkelijk_cent=130_000,
        openstaand_cent=0,
        status="afgelost",
        aangemaakt_op=OUD,
    )
    assert _aantallen(vernietig(nu=NU))["besluit"] == (0, 0)
    assert Besluit.objects.filter(pk__in=[telt_mee.pk, met_vordering.pk]).count() == 2


def _vordering(casus, besluit, *, einde: date | None, reden: str = "afgelost"):
    from naleving.besluiten.models import Vordering

    return Vordering.objects.create(
        client=casus.client,
        besluit=besluit,
        herkomst="inlichtingenplicht",
        oorspronkelijk_cent=130_000,
        openstaand_cent=0 if einde else 130_000,
        status=("afgelost" if reden == "afgelost" else "gestopt") if einde else "open",
        aangemaakt_op=OUD,
        invordering_einde_op=einde,
        invordering_einde_reden=reden if einde else "",
    )


def test_een_vordering_gaat_tien_jaar_na_het_einde_van_de_invordering_met_haar_besluit(
    besluitcasus,
):
    """Selectielijst gemeenten 2020 as VHIC applies it: sanctions with collection, 10 years after the
    collection ends; the claims of one decision go together, with the decision, once the last one is due."""
    from naleving.besluiten.models import Besluit, RegisterItem, Vordering

    besluit = _oud_besluit(besluitcasus, register_tot=date(2019, 3, 1))
    _vordering(besluitcasus, besluit, einde=date(2016, 5, 1))  # past ten years at NU
    _vordering(besluitcasus, besluit, einde=date(2017, 2, 1), reden="afgezien")  # not yet
    lopend = _oud_besluit(besluitcasus, register_tot=None)
    _vordering(besluitcasus, lopend, einde=None)  # collection still runs: never due

    assert _aantallen(vernietig(nu=NU))["vordering"] == (0, 0)
    assert Vordering.objects.count() == 3

    later = datetime(2027, 3, 1, 12, 0, tzinfo=NU.tzinfo)  # ten years after 01-02-2017
    assert _aantallen(vernietig(nu=later, droog=True))["vordering"] == (2, 0)
    resultaten = _aantallen(vernietig(nu=later))
    assert resultaten["vordering"] == (2, 0)
    assert resultaten["besluit"] == (0, 0)  # counted with its claims, not as a decision without one
    assert not Besluit.objects.filter(pk=besluit.pk).exists()
    assert not RegisterItem.objects.filter(besluit_id=besluit.pk).exists()
    assert list(Vordering.objects.values_list("besluit_id", flat=True)) == [lopend.pk]
    assert Besluit.objects.filter(pk=lopend.pk).exists()
    log = Vernietiging.objects.get(soort="vordering")
    assert (log.aantal, log.regel, log.termijn, log.grens) == (
        2,
        "bewaartermijn_vordering_jaren",
        "10 jaar",
        date(2017, 3, 1),
    )
    # Its investigation no longer has a decision pointing at it: it follows the next night.
    assert _aantallen(vernietig(nu=later))["onderzoek_met_bevinding"] == (1, 0)
    assert not Onderzoek.objects.filter(pk=besluit.onderzoek_id).exists()
    assert verify_chain().ok


def test_een_bewaarstop_houdt_ook_een_afgelopen_vordering_en_haar_besluit_vast(
    besluitcasus, make_user
):
    from naleving.besluiten.models import Besluit, Vordering

    besluit = _oud_besluit(besluitcasus, register_tot=None)
    _vordering(besluitcasus, besluit, einde=date(2015, 1, 1), reden="verjaard")
    bewaarstop_plaats(
        user=make_user("beheerder"),
        clientnummer=besluitcasus.client.clientnummer,
        reden="beroep",
        toelichting="Zaak over de terugvordering",
    )
    assert _aantallen(vernietig(nu=NU))["vordering"] == (0, 1)
    assert Vordering.objects.count() == 1 and Besluit.objects.filter(pk=besluit.pk).exists()


def test_het_toegangslog_wordt_na_tien_jaar_aan_het_begin_ingekort_en_blijft_verifieerbaar(
    make_client, make_user, monkeypatch
):
    """bewaartermijn_toegangslog_jaren: entries older than ten years go, from the start of the log only;
    the first entry about a client under a legal hold, and all after it, stay."""
    from naleving.audit import services as audit_services
    from naleving.audit.models import Actie, AuditInkorting
    from naleving.audit.services import audit_log

    vrij, gestopt = make_client(achternaam="Vrij"), make_client(achternaam="Gestopt")
    echt = audit_services.timezone.now
    for jaar, client in ((2013, vrij), (2014, vrij), (2015, gestopt), (2015, vrij)):
        monkeypatch.setattr(
            audit_services.timezone, "now", lambda j=jaar: datetime(j, 5, 1, tzinfo=NU.tzinfo)
        )
        audit_log(user=None, actie=Actie.BEKIJKEN, object_type="test", client=client)
    monkeypatch.setattr(audit_services.timezone, "now", echt)
    eerste_gestopt = AuditEntry.objects.get(client_id=gestopt.pk).volgnummer
    assert eerste_gestopt == 3

    stop = bewaarstop_plaats(
        user=make_user("beheerder"),
        clientnummer=gestopt.clientnummer,
        reden="beroep",
        toelichting="Zaak over inzage",
    )
    # 2013 and 2014 go; the entry of 2015 about the held client and the one after it stay.
    assert _aantallen(vernietig(nu=NU, droog=True))["toegangslog"] == (2, 2)
    vernietig(nu=NU)
    assert AuditEntry.objects.filter(volgnummer=eerste_gestopt).exists()
    assert verify_chain().ok

    bewaarstop_hef_op(user=make_user("beheerder", username="fb2"), bewaarstop_id=stop.pk)
    assert _aantallen(vernietig(nu=NU))["toegangslog"] == (2, 0)
    assert not AuditEntry.objects.filter(
        tijdstip__lt=datetime(2016, 12, 1, tzinfo=NU.tzinfo)
    ).exists()
    assert AuditInkorting.objects.count() == 2
    assert Vernietiging.objects.filter(soort="toegangslog").count() == 2
    resultaat = verify_chain()
    assert resultaat.ok, resultaat.problem
