# SPDX-License-Identifier: EUPL-1.2
"""What the resident reads in the beschikking: a motivation written for them (never the consultant's internal
note), only the articles that carry the decision (Awb 3:46), the objection clause with the term and the address
(Awb 3:45, 6:7), the organisation's sender block from its own file, one font family, plain Dutch (B1)."""

from __future__ import annotations

import html
import importlib
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone
from pypdf import PdfReader

from naleving.besluiten import afzender, briefvelden, brieven, grondslag, services
from naleving.besluiten.models import Brief, Briefsjabloon

ORGANISATIE = Path(afzender.__file__).parent.parent / "regels" / "parameters" / "organisaties"


def _tekst(stuk: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", stuk))).strip()


def _pdf_tekst(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _brief(casus, **velden: object) -> Brief:
    b = services.besluit_vaststellen(user=casus.consulent, besluit=casus.besluit(**velden))
    if b.status == "ter_review":
        b = services.besluit_review(user=casus.teamleider, besluit=b, akkoord=True)
    return Brief.objects.get(besluit=b)


OPZET = {
    "verwijtbaarheid": "opzet",
    "verwijtbaarheid_reden": "U wist dat u uw werk moest doorgeven.",
    "financieel_voordeel_beoogd": True,
    "zienswijze": "Ik had het geld nodig.",
    "zienswijze_termijn": timezone.localdate() - timedelta(days=1),
}


def test_the_letter_shows_the_motivation_for_the_resident_and_never_the_internal_deviation_note(
    casus,
) -> None:
    brief = _brief(
        casus,
        keuze="wijkt_af",
        sanctie="geen",
        afwijking_motivering="Ik vind het advies te streng; collega Jansen is het met mij eens.",
        motivering="U gaf uw werk te laat door. U deed dat niet expres.",
    )
    for tekst in (_tekst(brief.html), _pdf_tekst(brieven.pdf(brief))):
        assert "U gaf uw werk te laat door. U deed dat niet expres." in tekst
        assert "te streng" not in tekst
        assert "Jansen" not in tekst
    assert "afwijking_motivering" not in briefvelden.PLAATSHOUDERS["besluit"].velden


def test_the_letter_names_only_the_articles_of_the_fine_once_each_without_internal_remarks(
    casus,
) -> None:
    brief = _brief(casus, **OPZET)
    assert brieven.brief_context(brief.besluit)["artikelen"] == [
        "artikel 17, eerste lid, van de Participatiewet",
        "artikel 18a van de Participatiewet",
        "artikel 5:41 van de Algemene wet bestuursrecht",
        "Beleidsregels handhaving Baanbrekers 2025",
        "Boetebesluit socialezekerheidswetten",
        "artikel 5:46 van de Algemene wet bestuursrecht",
        "artikel 58 van de Participatiewet",
    ]
    tekst = _tekst(brief.html)
    for intern in ("onzeker", "alleen bij opzet", "ECLI", "CRvB", "parameterbestand", "(2015)"):
        assert intern not in tekst
    assert tekst.count("Artikel 18a") == 1


def test_a_fine_against_the_policy_rule_does_not_cite_the_policy_rule(casus) -> None:
    """Normal blame: the policy gives a warning; the consultant fines anyway (with a reason). The letter must not
    name the rule that says "boete alleen bij opzet" as its ground."""
    brief = _brief(
        casus,
        keuze="wijkt_af",
        sanctie="boete",
        boete_cent=65_000,
        afwijking_motivering="Herhaald en bewust.",
        beleid_afwijking_reden="Derde keer in twee jaar; een waarschuwing werkte niet.",
        zienswijze="Geen reactie.",
        zienswijze_termijn=timezone.localdate() - timedelta(days=1),
    )
    assert brieven.brief_context(brief.besluit)["artikelen"] == [
        "artikel 17, eerste lid, van de Participatiewet",
        "artikel 18a van de Participatiewet",
        "artikel 5:41 van de Algemene wet bestuursrecht",
        "artikel 58 van de Participatiewet",
    ]
    assert "Beleidsregels" not in brief.html
    assert "Derde keer" not in brief.html  # the reason for the departure is internal too


def test_a_warning_under_the_policy_names_the_policy_rule_without_its_remarks(casus) -> None:
    brief = _brief(casus)  # normal blame: the policy rule gives a warning
    assert brieven.brief_context(brief.besluit)["artikelen"] == [
        "artikel 17, eerste lid, van de Participatiewet",
        "artikel 18a, elfde lid, van de Participatiewet",
        "Beleidsregels handhaving Baanbrekers 2025",
        "artikel 58 van de Participatiewet",
    ]


@pytest.mark.parametrize(
    ("citaat", "tekst"),
    [
        ("PW art. 17 lid 1", "artikel 17, eerste lid, van de Participatiewet"),
        ("PW art. 18a lid 5-6 (2015)", "artikel 18a, vijfde en zesde lid, van de Participatiewet"),
        (
            "PW art. 18 lid 4-8 (2015)",
            "artikel 18, vierde tot en met achtste lid, van de Participatiewet",
        ),
        ("Awb art. 5:46", "artikel 5:46 van de Algemene wet bestuursrecht"),
        ("IOAW art. 20a", "artikel 20a van de IOAW"),
        (
            "Boetebesluit socialezekerheidswetten (sinds 2017)",
            "Boetebesluit socialezekerheidswetten",
        ),
        (
            "Beleidsregels handhaving Baanbrekers 2025: boete alleen bij opzet (gedifferentieerde handhaving)",
            "Beleidsregels handhaving Baanbrekers 2025",
        ),
        ("CRvB 11-01-2016, ECLI:NL:CRVB:2016:8", None),
        ("parameterbestand regeling baanbrekers-2025", None),
    ],
)
def test_a_citation_of_the_rules_is_written_as_a_letter_names_it(citaat, tekst) -> None:
    gevonden = grondslag.brieftekst(citaat)
    assert (gevonden[1] if gevonden else None) == tekst


def test_the_objection_clause_gives_the_term_the_article_and_where_to_send_it(casus) -> None:
    brief = _brief(casus)
    uiterlijk = brief.op.date() + timedelta(weeks=6)
    tekst = _tekst(brief.html)
    assert (
        "Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van deze brief. Zo staat het in "
        "artikel 6:7 van de Algemene wet bestuursrecht. Uw bezwaar moet dus uiterlijk op "
        f"{uiterlijk.day} {_MAANDEN[uiterlijk.month]} {uiterlijk.year} bij ons zijn."
    ) in tekst
    assert (
        "Stuur uw bezwaar naar het dagelijks bestuur van Baanbrekers, Postbus 100, 5140 AC Waalwijk."
    ) in tekst
    assert f"ons kenmerk {brief.besluit.nummer};" in tekst


_MAANDEN = {
    1: "januari",
    2: "februari",
    3: "maart",
    4: "april",
    5: "mei",
    6: "juni",
    7: "juli",
    8: "augustus",
    9: "september",
    10: "oktober",
    11: "november",
    12: "december",
}


def test_the_sender_block_and_contact_data_come_from_the_organisation_file(casus) -> None:
    brief = _brief(casus)
    assert '<img class="logo" src="data:image/svg+xml;base64,' in brief.html
    assert 'alt="Logo van Baanbrekers"' in brief.html
    tekst = _tekst(brief.html)
    assert tekst.startswith(
        "Baanbrekers Postbus 100 5140 AC Waalwijk Telefoon 0416 - 67 10 00 baanbrekers.org"
    )
    assert tekst.endswith(
        "Baanbrekers · Bezoekadres: Zanddonkweg 2, Waalwijk · Telefoon: 0416 - 67 10 00 · "
        "baanbrekers.org · info@baanbrekers.org"
    )
    assert "Inkomensconsulent, namens het dagelijks bestuur van Baanbrekers" in tekst


def test_another_organisation_gets_its_own_sender_from_its_own_file(
    casus, tmp_path, monkeypatch
) -> None:
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"
    )
    bestand = tmp_path / "voorbeeld.toml"
    bestand.write_text(
        '[afzender]\nnaam = "Sociale Dienst Voorbeeld"\npostadres = "Postbus 9"\n'
        'postcode_plaats = "9999 ZZ Voorbeeld"\nbezoekadres = "Plein 1, Voorbeeld"\n'
        'telefoon = "012 - 345 67 89"\nwebsite = "https://voorbeeld.example"\n'
        'email = "post@voorbeeld.example"\nlogo = "logo.svg"\n'
        'bezwaar_aan = "het college van Voorbeeld"\nondertekening = "namens het college van Voorbeeld"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(briefvelden, "afzender", lambda: afzender.lees(bestand))
    tekst = _tekst(_brief(casus).html)
    assert "Stuur uw bezwaar naar het college van Voorbeeld, Postbus 9, 9999 ZZ Voorbeeld." in tekst
    assert "Bel 012 - 345 67 89" in tekst
    assert "Postbus 100" not in tekst
    assert "dagelijks bestuur van Baanbrekers" not in tekst


def test_an_incomplete_sender_is_a_configuration_error_naming_the_file(tmp_path) -> None:
    bestand = tmp_path / "kapot.toml"
    bestand.write_text('[afzender]\nnaam = "X"\n', encoding="utf-8")
    with pytest.raises(afzender.AfzenderFout) as fout:
        afzender.lees(bestand)
    assert str(fout.value) == (
        "kapot.toml: [afzender] mist postadres, postcode_plaats, bezoekadres, telefoon, website, email, logo, "
        "bezwaar_aan, ondertekening"
    )


def test_the_pdf_uses_one_font_family(casus) -> None:
    """The page numbers in the margin used to fall back to a serif face."""
    reader = PdfReader(io.BytesIO(brieven.pdf(_brief(casus, **OPZET))))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    families = {re.sub(r"^/[A-Z]{6}\+", "", f).removesuffix("-Bold") for f in fonts}
    assert families == {"DejaVu-Sans"}


def test_the_shipped_letter_reads_at_b1_short_sentences_addressing_u(casus) -> None:
    """B1: short sentences (at most 20 words), the resident addressed as "u", no officialese."""
    letter = _brief(casus, **OPZET).html
    tekst = _tekst(letter)
    blokken = re.split(r"</?(?:p|li|h1|h2|th|td|br)\b[^>]*>", letter)
    zinnen = [
        z for blok in blokken for z in re.split(r"(?<=[.?!:;])\s+", _tekst(blok)) if z.strip()
    ]
    langste = max(zinnen, key=lambda z: len(z.split()))
    assert len(langste.split()) <= 20, langste
    woorden = set(re.findall(r"[a-zà-ÿ]+", tekst.lower()))
    assert {"u", "uw"} <= woorden
    assert not woorden & {
        "je",
        "jij",
        "jouw",
        "conform",
        "ingevolge",
        "onderhavig",
        "derhalve",
        "bovengenoemd",
    }


def test_installations_on_the_previous_shipped_template_move_to_the_new_one(db) -> None:
    migratie = importlib.import_module(
        "naleving.besluiten.migrations.0006_beleidsafwijking_en_brief"
    )
    vorige = (Path(__file__).with_name("beschikking_vorige.html")).read_text(encoding="utf-8")
    nu = timezone.now()
    Briefsjabloon.objects.create(versie=1, inhoud=vorige, syntaxis="veilig", op=nu)
    migratie.vervang_standaard(apps, None)
    nieuw = brieven.sjabloon_actief()
    assert (nieuw.versie, nieuw.inhoud) == (2, brieven.standaard_inhoud())
    assert nieuw.toelichting == migratie.TOELICHTING
    migratie.vervang_standaard(apps, None)  # idempotent
    assert Briefsjabloon.objects.count() == 2


def test_a_template_the_beheerder_changed_stays_active_and_shows_no_internal_note(casus) -> None:
    migratie = importlib.import_module(
        "naleving.besluiten.migrations.0006_beleidsafwijking_en_brief"
    )
    vorige = (Path(__file__).with_name("beschikking_vorige.html")).read_text(encoding="utf-8")
    eigen = vorige.replace("Ons besluit", "Ons besluit over uw uitkering")
    Briefsjabloon.objects.create(versie=1, inhoud=eigen, syntaxis="veilig", op=timezone.now())
    migratie.vervang_standaard(apps, None)
    assert brieven.sjabloon_actief().inhoud == eigen
    brief = _brief(
        casus,
        keuze="wijkt_af",
        sanctie="geen",
        afwijking_motivering="Intern: het advies is te streng.",
    )
    assert "Ons besluit over uw uitkering" in brief.html
    assert "te streng" not in brief.html
    assert "onzeker" not in brief.html


def test_the_beheerder_is_told_when_the_sender_still_holds_example_data(client, make_user) -> None:
    client.force_login(make_user("beheerder", username="bea"))
    pagina = html.unescape(client.get("/besluiten/sjablonen/").content.decode())
    assert (
        "<strong>Controleer de afzender.</strong> Het adres en telefoonnummer van Baanbrekers in de brief zijn "
        "voorbeeldgegevens."
    ) in pagina
    assert "<code>afzender.logo</code>" in pagina  # a documented placeholder


def test_a_change_of_the_sender_is_no_change_of_the_rules() -> None:
    from naleving.besluiten import advies

    tekst = (ORGANISATIE / "baanbrekers.toml").read_text(encoding="utf-8")
    assert "[afzender]" in tekst
    zonder = advies._zonder_afzender(tekst)
    assert "[afzender]" not in zonder and 'telefoon = "' not in zonder
    assert "[parameters.omgekeerde_toets_bij]" in zonder
    anders = tekst.replace('telefoon = "0416 - 67 10 00"', 'telefoon = "0416 - 11 11 11"')
    assert anders != tekst and advies._zonder_afzender(anders) == zonder
