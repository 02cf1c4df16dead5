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
class Terugvorderingsberekening:
    """How the recovery was worked out (PW art. 58-59), when its facts were given.

    ``bruto_cent`` is what may be recovered (net plus the wage tax that is recovered too);
    ``afzien_cent`` the part the consultant's judgements allow to waive; ``te_vorderen_cent``
    what remains; ``openstaand_cent`` what remains after payments by any of the debtors.
    """

    grondslag: str
    netto_cent: int
    loonheffing_cent: int
    bruto_cent: int
    terugbetaling_jaar: int
    schuldenaren: tuple[str, ...]
    hoofdelijk: bool
    dringende_redenen: bool | None
    onevenredig: bool | None
    afzien_grond: str | None
    afzien_cent: int
    te_vorderen_cent: int
    betaald_cent: int
    openstaand_cent: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "grondslag": self.grondslag,
            "netto_cent": self.netto_cent,
            "loonheffing_cent": self.loonheffing_cent,
            "bruto_cent": self.bruto_cent,
            "terugbetaling_jaar": self.terugbetaling_jaar,
            "schuldenaren": list(self.schuldenaren),
            "hoofdelijk": self.hoofdelijk,
            "dringende_redenen": self.dringende_redenen,
            "onevenredig": self.onevenredig,
            "afzien_grond": self.afzien_grond,
            "afzien_cent": self.afzien_cent,
            "te_vorderen_cent": self.te_vorderen_cent,
            "betaald_cent": self.betaald_cent,
            "openstaand_cent": self.openstaand_cent,
        }

    @classmethod
    def uit_dict(cls, data: Mapping[str, Any]) -> Terugvorderingsberekening:
        return cls(**{**data, "schuldenaren": tuple(data["schuldenaren"])})


@dataclass(frozen=True, slots=True)
class Terugvordering:
    verplicht: bool
    bedrag_cent: int
    afzien_mogelijk: bool
    # Only when the recovery facts were given; older advices (and stored JSON) have none.
    berekening: Terugvorderingsberekening | None = None

    def to_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "verplicht": self.verplicht,
            "bedrag_cent": self.bedrag_cent,
            "afzien_mogelijk": self.afzien_mogelijk,
        }
        if self.berekening is not None:
            uit["berekening"] = self.berekening.to_dict()
        return uit

    @classmethod
    def uit_dict(cls, data: Mapping[str, Any]) -> Terugvordering:
        berekening = data.get("berekening")
        return cls(
            verplicht=data["verplicht"],
            bedrag_cent=data["bedrag_cent"],
            afzien_mogelijk=data["afzien_mogelijk"],
            berekening=None
            if berekening is None
            else Terugvorderingsberekening.uit_dict(berekening),
        )


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
            "terugvordering": terug.to_dict(),
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
            terugvordering=Terugvordering.uit_dict(terug),
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
                + (f"; {afzien_tekst(terug)}" if terug.afzien_mogelijk else "")
                if terug.verplicht
                else (
                    f"bevoegdheid, {euro(terug.bedrag_cent)}"
                    if terug.berekening is not None
                    else "niet verplicht"
                )
            ),
        ]
        berekening = terug.berekening
        if berekening is not None:
            regels.append(f"  {terugvordering_tekst(berekening)}")
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


AFZIEN_GRONDEN = {
    "dringende_redenen": "dringende redenen",
    "onevenredig": "volledige terugvordering is onevenredig",
    "trage_reactie": "de organisatie reageerde traag op signalen",
}


def afzien_tekst(terug: Terugvordering) -> str:
    grond = terug.berekening.afzien_grond if terug.berekening else None
    if grond is None or grond == "dringende_redenen":
        return "afzien is mogelijk wegens dringende redenen"
    return f"afzien is mogelijk: {AFZIEN_GRONDEN[grond]}"


def terugvordering_tekst(b: Terugvorderingsberekening) -> str:
    """One line on how the recovery was worked out, for the advice text and the decision page."""
    delen = [f"netto {euro(b.netto_cent)}"]
    if b.loonheffing_cent:
        delen.append(f"loonheffing {euro(b.loonheffing_cent)}")
    delen.append(f"te vorderen {euro(b.bruto_cent)} ({b.grondslag})")
    if b.afzien_cent:
        grond = AFZIEN_GRONDEN.get(b.afzien_grond or "", b.afzien_grond or "")
        delen.append(f"afzien {euro(b.afzien_cent)} ({grond})")
        delen.append(f"blijft {euro(b.te_vorderen_cent)}")
    if b.hoofdelijk:
        delen.append("belanghebbende en partner zijn hoofdelijk aansprakelijk")
    if b.betaald_cent:
        delen.append(f"betaald {euro(b.betaald_cent)}, open {euro(b.openstaand_cent)}")
    return "; ".join(delen)
