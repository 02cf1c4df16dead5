# SPDX-License-Identifier: EUPL-1.2
"""Issue 18 part 4: staff get ONE digest a day (not a mail per item) with what needs them: a signal assigned to
them through triage, a decision waiting for their four-eyes check, an investigation past its term, a client due
for an information moment. Counts and links only: no BSN, no client name, no signal text anywhere in it."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from naleving.audit.models import AuditEntry
from naleving.besluiten import services as bservices
from naleving.cli import main
from naleving.mail.dagoverzicht import dagoverzicht_versturen
from naleving.mail.models import Mail, Status
from naleving.onderzoek import services as oservices
from naleving.onderzoek.models import Onderzoek
from naleving.preventie.models import Herinnering, SoortHerinnering
from naleving.signalen.models import Taak
from naleving.signalen.services import NieuwSignaal, signaal_maak

DAG = date(2026, 6, 1)
OMSCHRIJVING = "Nieuwe werkgever bij de bakkerij"


def _werk(casus) -> None:
    """A triage task for the consultant, a fine waiting for four eyes, an investigation past its term and a
    client due for the periodic information moment."""
    s = signaal_maak(
        user=None,
        nieuw=NieuwSignaal(
            bron="ketenpartner",
            bron_naam="Inlichtingenbureau",
            product="inkomstenverhouding",
            datum=date(2026, 1, 5),
            bsn=casus.client.bsn,
            omschrijving=OMSCHRIJVING,
        ),
    )
    Taak.objects.create(
        signaal=s,
        client=casus.client,
        consulent=casus.consulent,
        soort=Taak.Soort.INFORMEREN,
        omschrijving="Uitleg geven",
        aangemaakt_op=timezone.now(),
    )
    boete = casus.besluit(
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="Werkte bewust zwart.",
        financieel_voordeel_beoogd=True,
        zienswijze="Ik wist het niet.",
        zienswijze_ontvangen_op=date(2026, 5, 1),
    )
    bservices.besluit_vaststellen(user=casus.consulent, besluit=boete)
    o = oservices.onderzoek_vraag_aan(
        user=casus.consulent, client=casus.client, aanleiding="lopende_uitkering", vraag="Werk?"
    )
    Onderzoek.objects.filter(pk=o.pk).update(termijn=timezone.localdate() - timedelta(days=1))
    Herinnering.objects.create(
        soort=SoortHerinnering.INFORMATIE_NODIG,
        client=casus.client,
        consulent=casus.consulent,
        aangemaakt_op=timezone.now(),
    )


def _adressen(casus) -> None:
    for user, adres in (
        (casus.consulent, "ilse@baanbrekers.example"),
        (casus.teamleider, "tessa@baanbrekers.example"),
    ):
        user.email = adres
        user.first_name = user.username.capitalize()
        user.save()


def test_one_digest_per_staff_member_with_exact_subject_counts_and_links(
    smtp, casus, django_capture_on_commit_callbacks
) -> None:
    _werk(casus)
    _adressen(casus)  # the handhaver has no address: no mail, no error
    with django_capture_on_commit_callbacks(execute=True):
        assert dagoverzicht_versturen(datum=DAG) == 2

    post = {tuple(m.aan): m for m in smtp.postbus.ontvangen}
    assert set(post) == {("ilse@baanbrekers.example",), ("tessa@baanbrekers.example",)}
    for m in post.values():
        assert m.onderwerp == "Uw taken in Naleving op 1 juni 2026"
        for deel in (m.deel("plain"), m.deel("html")):
            for verboden in (casus.client.bsn, "de Wit", casus.client.voornamen, OMSCHRIJVING):
                assert verboden not in deel
            assert "https://naleving.example/start/" in deel

    consulent = post[("ilse@baanbrekers.example",)].deel("plain")
    assert consulent.startswith("Beste Ilse,\n\nDit wacht op u in Naleving op 1 juni 2026:\n")
    assert "- Taken uit de triage van signalen: 1\n  https://naleving.example/start/\n" in consulent
    assert "- Onderzoeken bij uw cliënten over de termijn: 1\n" in consulent
    assert (
        "- Cliënten toe aan een periodiek informatiemoment: 1\n"
        "  https://naleving.example/preventie/werklijst/\n"
    ) in consulent
    teamleider = post[("tessa@baanbrekers.example",)].deel("plain")
    assert "- Vier-ogencontrole op boetes: 1\n  https://naleving.example/besluiten/\n" in teamleider
    assert "- Onderzoeken over de termijn: 1\n" in teamleider
    html = post[("tessa@baanbrekers.example",)].deel("html")
    assert (
        '<a href="https://naleving.example/besluiten/" '
        'style="color:#00537a;text-decoration:underline;">Vier-ogencontrole op boetes</a>'
    ) in html

    assert Mail.objects.filter(status=Status.VERZONDEN).count() == 2
    ontvangers = sorted(
        e.velden["ontvanger"] for e in AuditEntry.objects.filter(reden="E-mail verzonden")
    )
    assert ontvangers == sorted(
        [f"medewerker {casus.consulent.pk}", f"medewerker {casus.teamleider.pk}"]
    )


def test_the_digest_is_planned_once_a_day_and_not_for_staff_without_work(
    smtp, casus, django_capture_on_commit_callbacks
) -> None:
    _adressen(casus)
    with django_capture_on_commit_callbacks(execute=True):
        assert dagoverzicht_versturen(datum=DAG) == 0  # nothing to do, no mail
    _werk(casus)
    with django_capture_on_commit_callbacks(execute=True):
        assert dagoverzicht_versturen(datum=DAG) == 2
        assert dagoverzicht_versturen(datum=DAG) == 0
    assert len(smtp.postbus.ontvangen) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert dagoverzicht_versturen(datum=DAG + timedelta(days=1)) == 2
    assert len(smtp.postbus.ontvangen) == 4


def test_the_cli_command_runs_the_same_digest(
    smtp, casus, capsys, django_capture_on_commit_callbacks
) -> None:
    _werk(casus)
    _adressen(casus)
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["mail-dagoverzicht"]) == 0
    assert capsys.readouterr().out.strip() == "Dagoverzicht gepland voor 2 medewerker(s)."
    assert len(smtp.postbus.ontvangen) == 2
