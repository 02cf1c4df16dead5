# SPDX-License-Identifier: EUPL-1.2
"""Advies: the outcome of the rules for one case, with open questions and a full explanation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .maatregel import Verlagingsplan
from .spoor import Maatregel, OpenVraag, Uitleg
from .tekst import euro, maanden_tekst

GEEN_REGELING = "geen (alleen de wet; het beleidsdeel is niet beschikbaar)"


@dataclass(frozen=True, slots=True)
class Terugvordering:
    verplicht: bool
    bedrag_cent: int
    afzien_mogelijk: bool


@dataclass(frozen=True, slots=True)
class Advies:
    sanctie: str
    boete_cent: int
    maatregel: Maatregel | None
    benadelingsbedrag_cent: int
    terugvordering: Terugvordering
    # None when no rule set of the organisation applied on the pleegdatum: only the law answered.
    regeling: str | None
    open_vragen: tuple[OpenVraag, ...]
    uitleg: tuple[Uitleg, ...]
    # For a maatregel: the reduction per month when the norm was given (PW art. 18 lid 5), and the
    # term of the reconsideration in months when one is due (PW art. 18 lid 3).
    verlaging: Verlagingsplan | None = None
    heroverweging_binnen_maanden: int | None = None

    def to_dict(self) -> dict[str, Any]:
        maatregel = self.maatregel
        terug = self.terugvordering
        return {
            "sanctie": self.sanctie,
            "boete_cent": self.boete_cent,
            "maatregel": None
            if maatregel is None
            else {"percentage": maatregel.percentage, "maanden": maatregel.maanden},
            "benadelingsbedrag_cent": self.benadelingsbedrag_cent,
            "terugvordering": {
                "verplicht": terug.verplicht,
                "bedrag_cent": terug.bedrag_cent,
                "afzien_mogelijk": terug.afzien_mogelijk,
            },
            "regeling": self.regeling,
            "open_vragen": [
                {"veld": v.veld, "vraag": v.vraag, "grondslag": v.grondslag}
                for v in self.open_vragen
            ],
            "uitleg": [{"regel": u.regel, "bron": u.bron, "tekst": u.tekst} for u in self.uitleg],
            "verlaging": None
            if self.verlaging is None
            else {
                "per_maand_cent": list(self.verlaging.per_maand_cent),
                "totaal_cent": self.verlaging.totaal_cent,
                "niet_verrekend_cent": self.verlaging.niet_verrekend_cent,
                "gespreid": self.verlaging.gespreid,
            },
            "heroverweging": None
            if self.heroverweging_binnen_maanden is None
            else {"binnen_maanden": self.heroverweging_binnen_maanden},
        }

    @classmethod
    def uit_dict(cls, data: Mapping[str, Any]) -> Advies:
        """Rebuild an Advies from ``to_dict`` output (e.g. stored JSON)."""
        maatregel = data["maatregel"]
        terug = data["terugvordering"]
        # Advices stored before the reduction plan and reconsideration existed have neither key.
        verlaging = data.get("verlaging")
        heroverweging = data.get("heroverweging")
        return cls(
            sanctie=data["sanctie"],
            boete_cent=data["boete_cent"],
            maatregel=None if maatregel is None else Maatregel(**maatregel),
            benadelingsbedrag_cent=data["benadelingsbedrag_cent"],
            terugvordering=Terugvordering(**terug),
            regeling=data["regeling"],
            open_vragen=tuple(OpenVraag(**v) for v in data["open_vragen"]),
            uitleg=tuple(Uitleg(**u) for u in data["uitleg"]),
            verlaging=None
            if verlaging is None
            else Verlagingsplan(
                tuple(verlaging["per_maand_cent"]),
                verlaging["totaal_cent"],
                verlaging["niet_verrekend_cent"],
                verlaging["gespreid"],
            ),
            heroverweging_binnen_maanden=None
            if heroverweging is None
            else heroverweging["binnen_maanden"],
        )

    def samenvatting(self) -> str:
        return beschrijf_sanctie(self.sanctie, self.boete_cent, self.maatregel)

    def uitleg_tekst(self) -> str:
        """The advice as readable Dutch text, for people and for the ``--uitleg`` option."""
        terug = self.terugvordering
        regels = [
            f"Advies: {self.samenvatting()}",
            f"Regeling: {self.regeling or GEEN_REGELING}",
            f"Benadelingsbedrag: {euro(self.benadelingsbedrag_cent)}",
            "Terugvordering: "
            + (
                f"verplicht, {euro(terug.bedrag_cent)}"
                + ("; afzien is mogelijk wegens dringende redenen" if terug.afzien_mogelijk else "")
                if terug.verplicht
                else "niet verplicht"
            ),
        ]
        if self.verlaging is not None:
            regels.append(
                "Verlaging per maand: "
                + "; ".join(euro(b) for b in self.verlaging.per_maand_cent)
                + (" (gespreid)" if self.verlaging.gespreid else "")
            )
        if self.heroverweging_binnen_maanden is not None:
            regels.append(
                f"Heroverweging: binnen {maanden_tekst(self.heroverweging_binnen_maanden)} na "
                "het besluit"
            )
        if self.open_vragen:
            regels += ["", "Nog te beoordelen door een medewerker:"]
            regels += [
                f"  - {v.vraag} (veld: {v.veld}; grondslag: {v.grondslag})"
                for v in self.open_vragen
            ]
        regels += ["", "Toelichting:"]
        for nummer, item in enumerate(self.uitleg, start=1):
            regels.append(f"  {nummer}. {item.tekst}")
            regels.append(f"     [{item.regel}] Bron: {item.bron}")
        regels += [
            "",
            "Dit is een advies. Een medewerker beslist en legt de motivering vast (AVG art. 22).",
        ]
        return "\n".join(regels)


def beschrijf_sanctie(sanctie: str, boete_cent: int, maatregel: Maatregel | None) -> str:
    if sanctie == "boete":
        return f"boete van {euro(boete_cent)}"
    if sanctie == "maatregel" and maatregel is not None:
        return (
            f"maatregel: verlaging met {maatregel.percentage} % gedurende "
            f"{maanden_tekst(maatregel.maanden)}"
        )
    return {
        "geen": "geen sanctie",
        "waarschuwing": "waarschuwing",
        "oordeel_nodig": "oordeel nodig (eerst de open vragen beantwoorden)",
    }.get(sanctie, sanctie)
