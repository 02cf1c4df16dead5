# SPDX-License-Identifier: EUPL-1.2
"""The authorisation matrix: every URL pattern × every role answers as declared in autorisatiematrix.py.

Least privilege per role (design.md §1; AVG art. 5 lid 1 sub f, art. 25 and 32). The URL conf is walked, so a
new URL without a declared rule fails here, by name. One GET per URL × role, on synthetic demo data (the
demo accounts, one per role, all three municipalities), with URL parameters filled by real objects."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client as HttpClient
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from naleving.accounts.models import ClaimKoppeling, Rechtenverzoek, Rol, User
from tests.accounts.autorisatiematrix import (
    ARGUMENTEN,
    GEBRUIKERS,
    UITKOMSTEN,
    Verwacht,
    uitkomst_voor,
)
from tests.conftest import ensure_reference_data

PEILDATUM = date(2026, 11, 1)


@dataclass(frozen=True)
class Patroon:
    sleutel: str  # "namespace:name", or "namespace:<route>" for an unnamed pattern
    route: str


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Patroon]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            name = p.name or f"<{route}>"
            yield Patroon(f"{namespace}{name}", route)


def url_patronen() -> list[Patroon]:
    return list(_walk(get_resolver().url_patterns))


def test_every_url_pattern_has_a_declared_rule() -> None:
    """A URL without an entry in the matrix is a URL nobody decided the access of."""
    sleutels = [p.sleutel for p in url_patronen()]
    missing = [s for s in sleutels if s not in UITKOMSTEN]
    assert not missing, "Geen regel in tests/accounts/autorisatiematrix.py voor: " + ", ".join(
        missing
    )
    stale = sorted(set(UITKOMSTEN) - set(sleutels))
    assert not stale, "Regel voor een URL die niet (meer) bestaat: " + ", ".join(stale)
    assert len(sleutels) == len(set(sleutels)), "Twee URL-patronen met dezelfde naam"
    for sleutel, verwacht in UITKOMSTEN.items():
        assert set(verwacht.per_gebruiker()) == set(GEBRUIKERS), sleutel


def _url(patroon: Patroon, waarden: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        return waarden[match.group(1)]

    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", value, patroon.route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", value, path)
    return "/" + path.lstrip("^").rstrip("$").replace("^", "")


def _file(root: Path, name: str, content: bytes) -> str:
    (root / name).write_bytes(content)
    return name


def _objecten(media: Path) -> dict[str, str]:
    """Real objects for the URL parameters, in scope of the demo accounts where that exists."""
    from naleving.beleid.models import Actie, Uitvoeringsplan
    from naleving.besluiten.models import Besluit, Brief, Vordering
    from naleving.bewaren.models import Bewaarstop
    from naleving.mail.models import Mail
    from naleving.onderzoek.activiteiten import Soort
    from naleving.onderzoek.models import Bewijsstuk, Onderzoek
    from naleving.preventie.models import Campagne, Instelling, Verplichting, Wijzigingsmelding
    from naleving.signalen.models import Bijlage, Signaal, Signaalimport, Taak

    consulent = User.objects.get(username="inkomensconsulent")
    handhaver = User.objects.get(username="handhaver")
    onderzoek = (
        Onderzoek.objects.filter(handhaver=handhaver, client__consulent=consulent)
        .order_by("pk")
        .first()
        or Onderzoek.objects.filter(handhaver=handhaver).order_by("pk").first()
    )
    assert onderzoek is not None, "de demo heeft een onderzoek van de demo-handhaver nodig"
    stuk = Bewijsstuk.objects.create(
        onderzoek=onderzoek,
        omschrijving="Kopie huurcontract",
        bestandsnaam="huur.txt",
        pad=_file(media, "bewijs.txt", b"synthetisch bewijs"),
        content_type="text/plain",
        grootte=18,
        sha256="0" * 64,
        door=handhaver,
        op=timezone.now(),
    )
    signaal = Signaal.objects.filter(client=onderzoek.client).first() or Signaal.objects.first()
    assert signaal is not None
    bijlage = Bijlage.objects.create(
        signaal=signaal,
        bestand=_file(media, "bijlage.txt", b"synthetische bijlage"),
        naam="foto.txt",
        content_type="text/plain",
        grootte=20,
        sha256="0" * 64,
        ontvangen_op=timezone.now(),
    )
    run = Signaalimport.objects.create(
        bron_naam="Inlichtingenbureau",
        foutrapport=_file(media, "fouten.csv", b"regel;fout\n"),
        door=User.objects.get(username="teamleider"),
    )
    besluit = (
        Besluit.objects.filter(brieven__isnull=False, client__consulent=consulent).first()
        or Besluit.objects.filter(brieven__isnull=False).first()
    )
    assert besluit is not None
    brief = Brief.objects.filter(besluit=besluit).first()
    assert brief is not None
    taak = Taak.objects.filter(consulent=consulent).first() or Taak.objects.first()
    assert taak is not None
    plan = Uitvoeringsplan.objects.order_by("jaar").first()
    assert plan is not None
    synthetisch = User.objects.filter(is_demo_account=False).order_by("pk").first()
    assert synthetisch is not None
    groep, _ = Group.objects.get_or_create(name="ongebruikt")
    values = {
        "clientnummer": onderzoek.client.clientnummer,
        "onderzoek": str(onderzoek.pk),
        "soort": Soort.GEGEVENS_VORDEREN.value,
        "stuk": str(stuk.pk),
        "signaal": str(signaal.pk),
        "bijlage": str(bijlage.pk),
        "import": str(run.pk),
        "taak": str(taak.pk),
        "besluit": str(besluit.pk),
        "brief": str(brief.pk),
        "vordering": str(Vordering.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "ontvangstnummer": Wijzigingsmelding.objects.order_by("pk").first().ontvangstnummer,  # type: ignore[union-attr]
        "token": "onbekend-token",
        "jaar": str(plan.jaar),
        "sleutel": "belasting",
        "formaat": "csv",
        "plan_actie": str(Actie.objects.filter(plan=plan).order_by("pk").first().pk),  # type: ignore[union-attr]
        "campagne": str(Campagne.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "verplichting": str(Verplichting.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "rechtenverzoek": str(Rechtenverzoek.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "bewaarstop": str(Bewaarstop.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        # the admin, per model
        "auth_group": str(groep.pk),
        "axes_accessattempt": "0",
        "axes_accesslog": "0",
        "axes_accessfailurelog": "0",
        "accounts_rol": "handhaver",
        "accounts_gemeente": str(consulent.gemeenten.order_by("pk").first().pk),  # type: ignore[union-attr]
        "accounts_user": str(synthetisch.pk),
        "accounts_rechtenverzoek": str(Rechtenverzoek.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "accounts_claimkoppeling": str(
            ClaimKoppeling.objects.get_or_create(
                soort="rol", waarde="NAL-Handhaver", rol=Rol.objects.get(code="handhaver")
            )[0].pk
        ),
        "accounts_ssoinstelling": "1",
        "preventie_instelling": str(Instelling.objects.get().pk),
        "preventie_verplichting": str(Verplichting.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "mail_mail": str(Mail.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
        "content_type_id": str(ContentType.objects.get_for_model(User).pk),
        "app_label": "accounts",
        "url": "bestaat-niet/",
    }
    return values


def _waarden(patroon: Patroon, objecten: dict[str, str]) -> dict[str, str]:
    """The URL's parameters: named in ARGUMENTEN, or for the admin taken from the model in the route."""
    names = dict(ARGUMENTEN.get(patroon.sleutel, {}))
    model = re.match(r"beheer/(\w+)/(\w+)/", patroon.route)
    for kwarg in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", patroon.route):
        kwarg = next(k for k in kwarg if k)
        if kwarg in names:
            continue
        if kwarg in ("object_id", "id") and model:
            names[kwarg] = f"{model.group(1)}_{model.group(2)}"
        elif kwarg == "object_id":
            names[kwarg] = "accounts_user"
        else:
            names[kwarg] = kwarg
    return {kwarg: objecten[naam] for kwarg, naam in names.items()}


@pytest.fixture
def demo(settings, tmp_path, monkeypatch) -> dict[str, str]:
    # The matrix checks who may open what, not the PDF layout (tests/besluiten, tests/beleid do): a stub
    # for WeasyPrint's rendering saves most of the run time.
    monkeypatch.setattr("weasyprint.HTML.write_pdf", lambda self, *args, **kwargs: b"%PDF-1.7\n")
    settings.NALEVING_DEMO = True
    settings.MEDIA_ROOT = str(tmp_path)
    settings.AXES_ENABLED = False
    from naleving.demodata.demo import ensure_demo_accounts
    from naleving.demodata.seed import ensure_gemeenten, seed_database

    ensure_reference_data()
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(clients=30, years=1, seed_value=2026, peildatum=PEILDATUM, progress=False)
    User.objects.create_user(username="geen_rol", password="een-lang-wachtwoord-123")
    return _objecten(tmp_path)


def _observed(response: Any) -> Verwacht:
    return uitkomst_voor(response.status_code, response.get("Location", ""))


@pytest.mark.django_db
def test_every_url_answers_every_role_as_declared(demo) -> None:
    clients: dict[str, HttpClient] = {}
    for gebruiker in GEBRUIKERS:
        http = HttpClient(raise_request_exception=False)
        if gebruiker != "anoniem":
            http.force_login(User.objects.get(username=gebruiker))
        clients[gebruiker] = http
    afwijkingen = []
    for patroon in url_patronen():
        verwacht = UITKOMSTEN[patroon.sleutel].per_gebruiker()
        url = _url(patroon, _waarden(patroon, demo))
        for gebruiker, http in clients.items():
            uitkomst = _observed(http.get(url))
            if uitkomst != verwacht[gebruiker]:
                afwijkingen.append(
                    f"{patroon.sleutel} ({url}) als {gebruiker}: "
                    f"verwacht {verwacht[gebruiker]}, kreeg {uitkomst}"
                )
    assert not afwijkingen, f"{len(afwijkingen)} afwijkingen:\n" + "\n".join(afwijkingen)


@pytest.mark.django_db
def test_the_demo_has_a_pending_rights_request(demo) -> None:
    """The beheerder and the privacy officer see the four-eyes step in the demo."""
    verzoek = Rechtenverzoek.objects.get()
    assert verzoek.status == Rechtenverzoek.Status.OPEN
    assert verzoek.aangevraagd_door.username == "beheerder"
    assert verzoek.wijziging["rol"] == "handhaver"
    assert verzoek.medewerker is not None and verzoek.medewerker.rol == Rol.objects.get(
        code="trajectbegeleider"
    )
