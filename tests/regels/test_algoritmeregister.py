# SPDX-License-Identifier: EUPL-1.2
"""The Algoritmeregister text (issue 19): generated from the rule sets and their sources; what the rules cannot
answer is marked for the organisation; docs/algoritmeregister.md is the command's output, kept up to date."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from pathlib import Path

from naleving.cli import main
from naleving.regels import Configuratie, Feiten
from naleving.regels.algoritmeregister import (
    FEITEN_UITLEG,
    IN_TE_VULLEN,
    INVORDERING_UITLEG,
    als_dict,
    als_markdown,
)
from naleving.regels.invordering import InvorderingsFeiten

DOCS = Path(__file__).resolve().parents[2] / "docs" / "algoritmeregister.md"


def test_the_docs_file_is_the_output_of_the_command() -> None:
    """If this fails, the rules changed: run `naleving algoritmeregister > docs/algoritmeregister.md`."""
    assert DOCS.read_text(encoding="utf-8") == als_markdown()


def test_every_field_of_the_register_is_there_in_its_order() -> None:
    assert [v["veld"] for v in als_dict().values()] == [
        "Naam",
        "Organisatie",
        "Korte omschrijving",
        "Type algoritme",
        "Doel",
        "Impact",
        "Afwegingen (proportionaliteit)",
        "Wettelijke grondslag",
        "Menselijke tussenkomst",
        "Risicobeheer",
        "Bronnen (data)",
        "Werking",
        "Link naar broncode",
        "Status",
        "Contact",
    ]


def test_what_the_rules_cannot_answer_is_left_to_the_organisation() -> None:
    d = als_dict()
    te_vullen = sorted(k for k, v in d.items() if v["in_te_vullen"])
    assert te_vullen == [
        "broncode",
        "contact",
        "impact",
        "organisatie",
        "proportionaliteit",
        "risicobeheer",
        "status",
    ]
    assert all(d[k]["in_te_vullen"].startswith(f"{IN_TE_VULLEN}: ") for k in te_vullen)
    assert d["contact"]["tekst"] == ""


def test_the_data_field_names_every_fact_the_engine_reads_and_nothing_else() -> None:
    assert list(FEITEN_UITLEG) == [f.name for f in fields(Feiten)]
    assert list(INVORDERING_UITLEG) == [f.name for f in fields(InvorderingsFeiten)]
    tekst = als_dict()["bronnen"]["tekst"]
    for woord in ("nationaliteit", "afkomst", "geslacht", "wijk"):
        assert woord not in tekst


def test_the_text_comes_from_the_rule_sets_and_their_sources() -> None:
    config = Configuratie.standaard()
    d = als_dict(config)
    assert "Baanbrekers: Gemeenschappelijke regeling Baanbrekers" in d["organisatie"]["tekst"]
    assert "Waalwijk, Heusden en Loon op Zand." in d["organisatie"]["tekst"]
    onzeker = {
        w.naam
        for keuze in config.organisatie.regelingen
        for versies in config.regelingen[keuze.id].parameters.values()
        for w in versies
        if w.onzeker
    } | {
        # The afstemmingsverordening the municipalities share counts too (PW art. 18 lid 2).
        w.naam
        for gemeente in config.organisatie.gemeenten
        for versies in gemeente.parameters.values()
        for w in versies
        if w.onzeker
    }
    assert f"({len(onzeker)}, met hun naam in de parameterbestanden)" in d["risicobeheer"]["tekst"]
    assert "- PW art. 18a lid 6 (2015); IOAW/IOAZ art. 20a: tien jaar na" in als_markdown(config)
    assert "boete PW art. 18a lid 1 (2015)" in d["wettelijke_grondslag"]["tekst"]
    assert "Invordering: Rv art. 475da lid 1" in d["wettelijke_grondslag"]["tekst"]
    assert "whsz-concept: concept, staat uit" in d["status"]["tekst"]
    aan = Configuratie.laad(activeringen={"whsz-concept": date(2027, 1, 1)})
    assert "whsz-concept: geldt vanaf 1 januari 2027" in als_dict(aan)["status"]["tekst"]


def test_the_command_prints_markdown_or_json(capsys) -> None:
    assert main(["algoritmeregister"]) == 0
    assert capsys.readouterr().out == als_markdown()
    assert main(["algoritmeregister", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == als_dict()
    assert main(["algoritmeregister", "--onbekend"]) == 2
    assert "onbekende optie '--onbekend'" in capsys.readouterr().err
