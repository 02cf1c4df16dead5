# SPDX-License-Identifier: EUPL-1.2
"""Letter templates edited by the functioneel beheerder render in a sandbox: only the declared placeholders, only
{% if %} and {% for %} and the listed filters. A template is checked when saved (a clear Dutch message with the
line; nothing stored), the beheerder sees a preview first, and a saved template always makes a letter."""

from __future__ import annotations

import html
import importlib
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from naleving.besluiten import brieven, services
from naleving.besluiten.models import Brief, Briefsjabloon
from naleving.core.pdf import html_naar_pdf

OUD = Path(__file__).with_name("beschikking_oud.html").read_text(encoding="utf-8")
BEGIN = "<p>Beste {{ client.naam }},</p>\n"
EINDE = "<p>{{ besluit.motivering }}</p><p>Bezwaar tot {{ bezwaar_uiterlijk|datum }}</p>"


def _tekst(stuk: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", stuk))).strip()


HOSTIEL = [
    (
        "{% debug %}",
        "Regel 2: De opdracht {% debug %} bestaat niet of is niet toegestaan. "
        "Toegestaan zijn alleen {% if %} … {% endif %} en {% for %} … {% endfor %}.",
    ),
    (
        '{% include "core/_veld.html" %}',
        "Regel 2: De opdracht {% include %} is niet toegestaan. Toegestaan zijn alleen {% if %} en {% for %}.",
    ),
    (
        '{% extends "base.html" %}',
        "Regel 2: De opdracht {% extends %} is niet toegestaan. Toegestaan zijn alleen {% if %} en {% for %}.",
    ),
    (
        '{% import "x" as x %}',
        "Regel 2: De opdracht {% import %} is niet toegestaan. Toegestaan zijn alleen {% if %} en {% for %}.",
    ),
    (
        "{% set x = 1 %}",
        "Regel 2: De opdracht {% set %} is niet toegestaan. Toegestaan zijn alleen {% if %} en {% for %}.",
    ),
    (
        "{% autoescape false %}{{ client.naam }}{% endautoescape %}",
        "Regel 2: De opdracht {% autoescape %} is niet toegestaan. Toegestaan zijn alleen {% if %} en {% for %}.",
    ),
    (
        "{{ request }}",
        "Regel 2: De plaatshouder 'request' bestaat niet. "
        "Kijk in de lijst met plaatshouders onder het sjabloon.",
    ),
    (
        "{{ settings.SECRET_KEY }}",
        "Regel 2: De plaatshouder 'settings' bestaat niet. "
        "Kijk in de lijst met plaatshouders onder het sjabloon.",
    ),
    (
        "{{ besluit.client }}",
        "Regel 2: De plaatshouder 'besluit.client' bestaat niet. "
        "Kijk in de lijst met plaatshouders onder het sjabloon.",
    ),
    (
        "{{ ''.__class__.__mro__ }}",
        "Regel 2: '__mro__' is niet toegestaan: onderdelen die met een liggend streepje "
        "beginnen zijn nooit te gebruiken.",
    ),
    (
        "{{ besluit.__class__ }}",
        "Regel 2: '__class__' is niet toegestaan: onderdelen die met een liggend streepje "
        "beginnen zijn nooit te gebruiken.",
    ),
    (
        "{{ client.naam.upper() }}",
        "Regel 2: Functies of methoden aanroepen met ( ) is niet toegestaan.",
    ),
    (
        "{{ lipsum() }}",
        "Regel 2: Functies of methoden aanroepen met ( ) is niet toegestaan.",
    ),
    (
        "{{ client['naam'] }}",
        "Regel 2: Vierkante haken [ ] zijn niet toegestaan; gebruik een punt, zoals besluit.nummer.",
    ),
    (
        "{{ client|attr('naam') }}",
        "Regel 2: Het filter 'attr' bestaat niet of is niet toegestaan. Toegestaan: "
        "datum, regels, meervoud, hoofdletter, kleine_letters, samenvoegen, standaard.",
    ),
    (
        "{{ besluit.motivering|safe }}",
        "Regel 2: Het filter 'safe' bestaat niet of is niet toegestaan. Toegestaan: "
        "datum, regels, meervoud, hoofdletter, kleine_letters, samenvoegen, standaard.",
    ),
    (
        "{{ 'x' * 100000000 }}",
        "Regel 2: Deze schrijfwijze is niet toegestaan (rekenen of lijsten maken).",
    ),
    (
        "{% if besluit.maatregel_maanden > 'drie' %}x{% endif %}",
        "Regel 2: Met < of > vergelijkt u alleen twee getallen of twee datums.",
    ),
    ("{{ besluit }}", "Regel 2: besluit is een groep; gebruik een onderdeel ervan."),
    (
        "{% if %}",
        'Regel 2: Hier hoort een plaatshouder of een waarde, zoals {% if besluit.sanctie == "boete" %}. '
        "(Technisch: Expected an expression, got 'end of statement block')",
    ),
    (
        "<script>alert(1)</script>",
        "Regel 2: De HTML-code <script> is niet toegestaan in een brief.",
    ),
    (
        '<img src="file:///etc/passwd" alt="">',
        "Regel 2: Het adres in src=… is niet toegestaan: alleen https:, mailto: of tel:.",
    ),
    (
        '<p onclick="alert(1)">x</p>',
        "Regel 2: Het HTML-kenmerk onclick=… is niet toegestaan in een brief.",
    ),
]


@pytest.mark.parametrize(("regel", "melding"), HOSTIEL, ids=[h[0] for h in HOSTIEL])
def test_a_template_outside_the_sandbox_is_refused_with_line_and_problem_and_not_stored(
    casus, make_user, regel, melding
) -> None:
    beheerder = make_user("beheerder", username="bea")
    brieven.sjabloon_actief()
    voor = Briefsjabloon.objects.count()
    with pytest.raises(ValidationError) as err:
        brieven.sjabloon_nieuwe_versie(
            user=beheerder, inhoud=BEGIN + regel + "\n" + EINDE, toelichting="Proef"
        )
    assert err.value.message_dict == {
        "inhoud": [f"Het sjabloon kan zo niet worden gebruikt. {melding}"]
    }
    assert Briefsjabloon.objects.count() == voor
    # The decision still gets its letter from the active (shipped) template.
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit())
    assert Brief.objects.get(besluit=b).sjabloon.versie == 1


def test_a_template_must_show_the_motivation_and_the_objection_term(make_user) -> None:
    beheerder = make_user("beheerder", username="bea")
    with pytest.raises(ValidationError) as err:
        brieven.sjabloon_nieuwe_versie(
            user=beheerder, inhoud="<p>{{ besluit.motivering }} bezwaar</p>", toelichting="x"
        )
    assert err.value.message_dict == {
        "inhoud": [
            "Het sjabloon moet {{ bezwaar_uiterlijk }} bevatten: elke beschikking noemt de "
            "motivering en de termijn voor bezwaar (Awb 3:46 en 3:45)."
        ]
    }


def test_a_saved_template_renders_every_decision_even_with_empty_fields(casus, make_user) -> None:
    """Every filter takes any value and nothing that could raise passes the check, so an odd but valid
    template still makes the letter for a decision with no fine, no claim and no toets."""
    beheerder = make_user("beheerder", username="bea")
    inhoud = (
        BEGIN
        + "{{ besluit.afzien_reden|datum|meervoud|hoofdletter|kleine_letters|standaard('—') }}\n"
        + "{{ datum|regels }} {{ artikelen|samenvoegen(' en ') }} {{ omstandigheden|meervoud('s') }}\n"
        + "{% for s in toets %}{{ loop.index }}{{ s.vraag|datum('kort') }}{% else %}geen toets{% endfor %}\n"
        + "{% if 'x' in besluit.feiten and besluit.boete_cent >= 0 or not omstandigheden %}ja{% endif %}\n"
        + "{{ besluit.wet if besluit.keuze == 'volgt' }}\n"
        + EINDE
    )
    brieven.sjabloon_nieuwe_versie(user=beheerder, inhoud=inhoud, toelichting="Alles")
    b = services.besluit_vaststellen(
        user=casus.consulent,
        besluit=casus.besluit(
            toets=False,
            sanctie="geen",
            omstandigheden=[],
            terugvordering_cent=0,
            afzien_reden="onevenredig",
            afzien_motivering="U betaalt al af op andere schulden.",
        ),
    )
    letter = Brief.objects.get(besluit=b).html
    assert letter.startswith("<p>Beste Anna de Wit,</p>\n—\n")
    assert "\ngeen toets\nja\nPW\n<p>U heeft uw inkomsten niet doorgegeven.</p>" in letter


def test_the_preview_shows_the_letter_for_an_example_and_stores_nothing(client, make_user) -> None:
    beheerder = make_user("beheerder", username="bea")
    client.force_login(beheerder)
    inhoud = brieven.standaard_inhoud().replace("Ons besluit", "Ons besluit over uw uitkering")
    r = client.post(
        "/besluiten/sjablonen/", {"inhoud": inhoud, "toelichting": "", "voorbeeld": "1"}
    )
    page = r.content.decode()
    assert r.status_code == 200
    assert "Voorbeeld (nog niet opgeslagen)" in page
    assert "<h1>Ons besluit over uw uitkering</h1>" in page
    assert "<p>Beste Sam Voorbeeld,</p>" in page
    assert "<code>besluit.motivering</code>" in page  # the documented list of placeholders
    assert list(Briefsjabloon.objects.values_list("versie", flat=True)) == [1]

    r = client.post(
        "/besluiten/sjablonen/",
        {"inhoud": BEGIN + "{% debug %}\n" + EINDE, "toelichting": "", "voorbeeld": "1"},
    )
    assert r.status_code == 400
    assert "Regel 2: De opdracht {% debug %} bestaat niet of is niet toegestaan." in html.unescape(
        r.content.decode()
    )
    assert list(Briefsjabloon.objects.values_list("versie", flat=True)) == [1]


def test_old_django_versions_stay_as_history_and_a_sandbox_version_takes_over(make_user) -> None:
    """The migration to the sandbox: the newest Django version gets a successor in the new language (the
    shipped template); one the beheerder had changed is named for review. Old versions are never rendered."""
    migratie = importlib.import_module(
        "naleving.besluiten.migrations.0004_briefsjabloon_veilige_sjabloontaal"
    )
    nu = timezone.now()
    Briefsjabloon.objects.create(versie=1, inhoud=OUD, syntaxis="django", op=nu)
    Briefsjabloon.objects.create(
        versie=2, inhoud=OUD.replace("Ons besluit", "Besluit"), syntaxis="django", op=nu
    )
    migratie.zet_om(apps, None)
    nieuw = brieven.sjabloon_actief()
    assert (nieuw.versie, nieuw.syntaxis, nieuw.inhoud) == (3, "veilig", brieven.standaard_inhoud())
    assert nieuw.toelichting == (
        "Meegeleverd sjabloon in de veilige sjabloontaal. Versie 2 had eigen wijzigingen in de oude "
        "sjabloontaal: kijk die na en neem ze over in een nieuwe versie."
    )
    migratie.zet_om(apps, None)  # idempotent: the newest is already in the new language
    assert Briefsjabloon.objects.count() == 3


def test_the_shipped_django_template_migrates_without_review(db) -> None:
    migratie = importlib.import_module(
        "naleving.besluiten.migrations.0004_briefsjabloon_veilige_sjabloontaal"
    )
    Briefsjabloon.objects.create(versie=1, inhoud=OUD, syntaxis="django", op=timezone.now())
    migratie.zet_om(apps, None)
    assert brieven.sjabloon_actief().toelichting == (
        "Meegeleverd sjabloon, omgezet naar de veilige sjabloontaal."
    )


def test_a_pdf_reads_no_file_or_address_outside_the_document(tmp_path) -> None:
    """WeasyPrint would otherwise read file:// and http(s):// resources named in the HTML."""
    geheim = tmp_path / "geheim.css"
    geheim.write_text('p::after { content: "GEHEIM-UIT-BESTAND"; }', encoding="utf-8")
    pdf = html_naar_pdf(
        f'<!DOCTYPE html><html lang="nl"><head><title>t</title>'
        f'<link rel="stylesheet" href="{geheim.as_uri()}"></head><body><p>Brief</p></body></html>',
        "",
    )
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Brief" in tekst
    assert "GEHEIM-UIT-BESTAND" not in tekst
