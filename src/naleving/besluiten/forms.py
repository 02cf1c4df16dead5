# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from naleving.besluiten.models import (
    TOETS_VRAGEN,
    Aanleiding,
    AfzienReden,
    Cautie,
    EindeInvordering,
    Keuze,
    OmgekeerdeToets,
    Omstandigheid,
    Sanctie,
    Uitkomst,
    Verwijtbaarheid,
)
from naleving.core.money import BedragFout, format_euro, parse_euro
from naleving.onderzoek.models import Overtreding

DATUM = {"invalid": "Vul een geldige datum in, zoals 2026-11-28."}
LEEG = [("", "— kies —")]


class EuroField(forms.CharField):
    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_euro(text)
        except BedragFout as exc:
            raise forms.ValidationError(exc.bericht) from exc


def euro_initial(cent: int | None) -> str:
    return format_euro(cent).replace("€ ", "") if cent is not None else ""


class NieuwForm(forms.Form):
    aanleiding = forms.ChoiceField(
        choices=LEEG + [(k, v) for k, v in Aanleiding.choices if k != Aanleiding.ONDERZOEK],
        error_messages={"required": "Kies de aanleiding."},
    )
    overtreding = forms.ChoiceField(
        label="Welke verplichting is geschonden?",
        choices=LEEG + [(k, v) for k, v in Overtreding.choices if k],
        error_messages={"required": "Kies welke verplichting is geschonden."},
    )
    pleegdatum = forms.DateField(
        label="Pleegdatum", error_messages={"required": "Vul de pleegdatum in.", **DATUM}
    )
    benadelingsbedrag_cent = EuroField(
        label="Benadelingsbedrag (bij de inlichtingenplicht)", required=False
    )
    feiten = forms.CharField(
        label="Wat is er gebeurd?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf de feiten."},
    )


JA_NEE = [("", "Nog niet beoordeeld"), ("ja", "Ja"), ("nee", "Nee")]
LOONHEFFING_RIJEN = 4  # months with wage tax; a small fixed set, more is rare for one decision
BETALING_RIJEN = 2


def _ja_nee(label: str, hulp: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, help_text=hulp, choices=JA_NEE, widget=forms.RadioSelect, required=False
    )


def _terugvordering_velden() -> dict[str, forms.Field]:
    """The recovery facts and judgements (PW art. 58-59) as the engine reads them in `Feiten.terugvordering`
    (regels/feiten.py); every field is optional, the engine asks what is still open."""
    velden: dict[str, forms.Field] = {
        # PW art. 58 lid 2: only when the ground is not the duty to inform (the template hides them then).
        "tv_bedrag_cent": EuroField(
            label="Te veel betaald, netto",
            help_text="Het bedrag dat de inwoner te veel kreeg. Leeg: het benadelingsbedrag uit de perioden.",
            required=False,
        ),
        "tv_redelijkerwijs_kenbaar": _ja_nee(
            "Kon de inwoner redelijkerwijs begrijpen dat hij te veel kreeg?",
            "Dit weegt mee in de afweging of u terugvordert (artikel 58, tweede lid, Participatiewet).",
        ),
        "tv_fout_college": _ja_nee(
            "Kwam de te hoge betaling door een fout van de gemeente zelf?",
            "Bijvoorbeeld een rekenfout of een wijziging die niet is verwerkt.",
        ),
        "tv_afweging": forms.ChoiceField(
            label="Vordert u terug, na afweging van de belangen?",
            help_text="U beslist zelf. De regels geven alleen aan wat meeweegt.",
            choices=[
                ("", "Nog niet beoordeeld"),
                ("terugvorderen", "Ja, ik vorder terug"),
                ("niet_terugvorderen", "Nee, ik vorder niet terug"),
            ],
            widget=forms.RadioSelect,
            required=False,
        ),
        # PW art. 58 lid 5: gross or net.
        "tv_terugbetaling_jaar": forms.IntegerField(
            label="In welk jaar betaalt de inwoner terug?",
            help_text="Maanden uit dat jaar worden netto teruggevorderd, andere maanden bruto. "
            "Leeg: het jaar van vandaag.",
            required=False,
            error_messages={"invalid": "Vul een jaartal in, zoals 2026."},
        ),
        # PW art. 59: the family.
        "tv_gezin": forms.ChoiceField(
            label="Was de uitkering voor een gezin?",
            help_text="Bij een gezin zijn beide partners samen aansprakelijk voor het hele bedrag "
            "(artikel 59 Participatiewet).",
            choices=[
                ("nee", "Nee, geen partner"),
                ("gezin", "Ja, voor het gezin (met partner)"),
                ("verzwegen_partner", "Er was een partner, maar de inwoner meldde dat niet"),
            ],
            widget=forms.RadioSelect,
            required=False,
        ),
        "tv_partner_aanspreken": _ja_nee(
            "Vordert u ook terug van de partner die niet is gemeld?",
            "Beantwoord dit alleen als de inwoner een partner niet meldde.",
        ),
        # PW art. 58 lid 8; CRvB: dringende redenen and proportionality.
        "tv_gevolgen_onaanvaardbaar": _ja_nee(
            "Heeft terugvorderen onaanvaardbare gevolgen voor deze inwoner?",
            "Bijvoorbeeld door een uitzonderlijke situatie. Dat kan een dringende reden zijn om af te zien.",
        ),
        "tv_alleen_financieel": _ja_nee(
            "Gaat het alleen om geldproblemen of schulden?",
            "Alleen geldproblemen of schulden zijn geen dringende reden.",
        ),
        "tv_onevenredig": _ja_nee(
            "Is het hele bedrag terugvorderen onevenredig?",
            "Bijvoorbeeld omdat de gevolgen veel zwaarder zijn dan het doel (Awb artikel 3:4).",
        ),
        "tv_trage_reactie": _ja_nee(
            "Reageerde de gemeente traag op signalen?",
            "Als de gemeente lang niets deed, kan het hele bedrag terugvorderen onevenredig zijn.",
        ),
        "tv_afzien_cent": EuroField(
            label="Bedrag waarvan u afziet",
            help_text="Alleen als er een dringende reden is of het hele bedrag onevenredig is.",
            required=False,
        ),
    }
    for i in range(LOONHEFFING_RIJEN):
        velden[f"tv_lh{i}_maand"] = forms.CharField(
            label=f"Loonheffing rij {i + 1}: maand",
            help_text="Schrijf de maand als 2026-03." if i == 0 else "",
            required=False,
        )
        velden[f"tv_lh{i}_loonheffing"] = EuroField(
            label=f"Loonheffing rij {i + 1}: bedrag", required=False
        )
        velden[f"tv_lh{i}_zvw"] = EuroField(
            label=f"Loonheffing rij {i + 1}: Zvw-bijdrage", required=False
        )
    for i in range(BETALING_RIJEN):
        velden[f"tv_bet{i}_schuldenaar"] = forms.ChoiceField(
            label=f"Betaling {i + 1}: wie betaalde?",
            choices=[("", "— kies —"), ("belanghebbende", "De inwoner"), ("partner", "De partner")],
            required=False,
        )
        velden[f"tv_bet{i}_bedrag"] = EuroField(label=f"Betaling {i + 1}: bedrag", required=False)
    return velden


_JA_NEE_VELDEN = ("redelijkerwijs_kenbaar", "fout_college", "partner_aanspreken")
_AFZIEN_JA_NEE = ("gevolgen_onaanvaardbaar", "alleen_financieel", "onevenredig", "trage_reactie")
_LH_DELEN = {"maand": "maand", "loonheffing_cent": "loonheffing", "zvw_cent": "zvw"}
_BET_DELEN = {"schuldenaar": "schuldenaar", "bedrag_cent": "bedrag"}


class OordeelForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    verwijtbaarheid = forms.ChoiceField(
        label="Verwijtbaarheid", choices=LEEG + list(Verwijtbaarheid.choices), required=False
    )
    verwijtbaarheid_reden = forms.CharField(
        label="Waarom deze mate van verwijtbaarheid? (komt in de brief)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    financieel_voordeel_beoogd = forms.ChoiceField(
        label="Was de overtreding bedoeld om er financieel beter van te worden?",
        choices=[("", "Nog niet beoordeeld"), ("ja", "Ja"), ("nee", "Nee")],
        required=False,
    )
    aangifte_gedaan = forms.ChoiceField(
        label="Is aangifte gedaan bij het Openbaar Ministerie?",
        help_text="Na aangifte volgt geen boete en ook geen waarschuwing: een zaak gaat óf naar het "
        "Openbaar Ministerie, óf krijgt een boete (Awb art. 5:44). Boven de vervolgingsgrens hangt het "
        "advies van dit antwoord af.",
        choices=[
            ("", "Nog niet beoordeeld"),
            ("ja", "Ja, aangifte is gedaan"),
            ("nee", "Nee, geen aangifte"),
        ],
        required=False,
    )
    dringende_redenen = forms.CharField(
        label="Dringende redenen (leeg als die er niet zijn)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    omstandigheden = forms.MultipleChoiceField(
        label="Omstandigheden van de persoon",
        choices=Omstandigheid.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    omstandigheden_toelichting = forms.CharField(
        label="Toelichting op de omstandigheden (komt in de brief)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    keuze = forms.ChoiceField(
        label="Uw besluit", choices=Keuze.choices, widget=forms.RadioSelect, required=False
    )
    sanctie = forms.ChoiceField(
        label="Sanctie (alleen als u afwijkt)", choices=LEEG + list(Sanctie.choices), required=False
    )
    boete_cent = EuroField(label="Boete (alleen als u afwijkt)", required=False)
    maatregel_percentage = forms.IntegerField(
        label="Maatregel: verlaging in procenten", required=False, min_value=0, max_value=100
    )
    maatregel_maanden = forms.IntegerField(
        label="Maatregel: aantal maanden", required=False, min_value=0, max_value=3
    )
    afwijking_motivering = forms.CharField(
        label="Waarom wijkt u af van het advies? (intern, niet in de brief)",
        help_text="Voor de teamleider en het dossier. Schrijf wat de inwoner moet weten in de motivering.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    beleid_afwijking_reden = forms.CharField(
        label="Waarom wijkt u af van het beleid? (intern, niet in de brief)",
        help_text="Nodig als u een boete oplegt waar de beleidsregels geen boete geven (Awb 4:84).",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    motivering = forms.CharField(
        label="Motivering voor de inwoner (komt in de brief)",
        help_text="Schrijf in korte zinnen en spreek de inwoner aan met u.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    terugvordering_cent = EuroField(
        label="Terugvordering (leeg: het voorgestelde bedrag)", required=False
    )
    afzien_reden = forms.ChoiceField(
        label="Reden om (deels) af te zien van terugvordering",
        choices=LEEG + list(AfzienReden.choices),
        required=False,
    )
    afzien_motivering = forms.CharField(
        label="Motivering van het afzien (komt in de brief)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    cautie = forms.ChoiceField(
        label="Cautie bij de gebruikte verklaringen",
        choices=LEEG + list(Cautie.choices),
        required=False,
    )
    zienswijze = forms.CharField(
        label="Zienswijze van de cliënt", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    zienswijze_ontvangen_op = forms.DateField(
        label="Zienswijze ontvangen op", required=False, error_messages=DATUM
    )
    zienswijze_termijn = forms.DateField(
        label="Zienswijze mogelijk tot en met", required=False, error_messages=DATUM
    )

    def velden(self) -> dict[str, Any]:
        d = dict(self.cleaned_data)
        d.pop("versie", None)
        for naam in ("financieel_voordeel_beoogd", "aangifte_gedaan"):
            d[naam] = {"ja": True, "nee": False}.get(d.pop(naam))
        for naam in ("boete_cent", "maatregel_percentage", "maatregel_maanden"):
            d[naam] = d[naam] or 0
        if not d["cautie"]:
            del d["cautie"]  # a recorded cautie status is not erased by an empty field
        d["terugvordering_feiten"] = self._terugvordering(
            {n: d.pop(n) for n in list(d) if n.startswith("tv_")}
        )
        return d

    def _terugvordering(self, tv: dict[str, Any]) -> dict[str, Any]:
        """The engine's `terugvordering` object from the form (only what is filled in). Remembers which form
        row became which list item, so an error of the engine lands on the row the consultant typed."""
        uit: dict[str, Any] = {}
        for naam in ("bedrag_cent", "afweging", "terugbetaling_jaar"):
            if tv[f"tv_{naam}"] not in (None, ""):
                uit[naam] = tv[f"tv_{naam}"]
        if tv["tv_gezin"] and tv["tv_gezin"] != "nee":
            uit["gezin"] = tv["tv_gezin"]
        for naam in _JA_NEE_VELDEN:
            if tv[f"tv_{naam}"]:
                uit[naam] = tv[f"tv_{naam}"] == "ja"
        afzien: dict[str, Any] = {n: tv[f"tv_{n}"] == "ja" for n in _AFZIEN_JA_NEE if tv[f"tv_{n}"]}
        if tv["tv_afzien_cent"] is not None:
            afzien["afzien_cent"] = tv["tv_afzien_cent"]
        if afzien:
            uit["afzien"] = afzien
        self.rijen: dict[str, list[int]] = {"loonheffing": [], "betalingen": []}
        regels = []
        for i in range(LOONHEFFING_RIJEN):
            maand = tv[f"tv_lh{i}_maand"].strip()
            heffing, zvw = tv[f"tv_lh{i}_loonheffing"], tv[f"tv_lh{i}_zvw"]
            if not maand and heffing is None and zvw is None:
                continue
            regel: dict[str, Any] = {"maand": maand or None, "loonheffing_cent": heffing}
            if zvw is not None:
                regel["zvw_cent"] = zvw
            regels.append(regel)
            self.rijen["loonheffing"].append(i)
        if regels:
            uit["loonheffing"] = regels
        betalingen = []
        for i in range(BETALING_RIJEN):
            wie, bedrag = tv[f"tv_bet{i}_schuldenaar"], tv[f"tv_bet{i}_bedrag"]
            if not wie and bedrag is None:
                continue
            betalingen.append({"schuldenaar": wie or None, "bedrag_cent": bedrag})
            self.rijen["betalingen"].append(i)
        if betalingen:
            uit["betalingen"] = betalingen
        return uit

    def loonheffing_rijen(self) -> list[list[forms.BoundField]]:
        """The wage-tax rows for the template: per row the month, wage tax and Zvw fields."""
        return [
            [self[f"tv_lh{i}_{d}"] for d in ("maand", "loonheffing", "zvw")]
            for i in range(LOONHEFFING_RIJEN)
        ]

    def betaling_rijen(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"tv_bet{i}_{d}"] for d in ("schuldenaar", "bedrag")]
            for i in range(BETALING_RIJEN)
        ]

    def veld_voor(self, pad: str) -> str | None:
        """The form field for an engine path such as ``terugvordering.loonheffing[1].maand``."""
        gevonden = re.fullmatch(r"terugvordering\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", pad)
        if gevonden is None:
            return None
        naam, index, deel = gevonden.groups()
        if naam in ("loonheffing", "betalingen"):
            rijen = getattr(self, "rijen", {}).get(naam) or [0]
            rij = rijen[int(index)] if index is not None and int(index) < len(rijen) else rijen[0]
            if naam == "loonheffing":
                return f"tv_lh{rij}_{_LH_DELEN.get(deel or '', 'maand')}"
            return f"tv_bet{rij}_{_BET_DELEN.get(deel or '', 'bedrag')}"
        veld = f"tv_{deel}" if naam == "afzien" and deel else f"tv_{naam}"
        return veld if veld in self.fields else None

    def vertaal(self, exc: ValidationError) -> ValidationError:
        """A service error named by engine path (``terugvordering.…``) put on the form field that holds it."""
        if not hasattr(exc, "error_dict"):
            return exc
        fouten: dict[str, list[ValidationError]] = {}
        for pad, lijst in exc.error_dict.items():
            veld = self.veld_voor(pad) if pad.startswith("terugvordering.") else pad
            fouten.setdefault(veld or "__all__", []).extend(lijst)
        return ValidationError(fouten)

    @classmethod
    def initial_van(cls, besluit: Any) -> dict[str, Any]:
        initial = {n: getattr(besluit, n) for n in cls.base_fields if hasattr(besluit, n)}
        for naam in ("financieel_voordeel_beoogd", "aangifte_gedaan"):
            initial[naam] = {True: "ja", False: "nee"}.get(getattr(besluit, naam), "")
        for naam in ("boete_cent", "terugvordering_cent"):
            initial[naam] = euro_initial(getattr(besluit, naam) or None)
        return initial | _terugvordering_initial(besluit.terugvordering_feiten or {})


for _naam, _veld in _terugvordering_velden().items():
    OordeelForm.base_fields[_naam] = _veld


def _terugvordering_initial(tv: dict[str, Any]) -> dict[str, Any]:
    """The stored recovery facts back into the form's fields (the reverse of OordeelForm._terugvordering)."""

    def ja_nee(waarde: object) -> str:
        return "ja" if waarde is True else "nee" if waarde is False else ""

    afzien = tv.get("afzien") or {}
    initial: dict[str, Any] = {
        "tv_bedrag_cent": euro_initial(tv.get("bedrag_cent")),
        "tv_afweging": tv.get("afweging", ""),
        "tv_terugbetaling_jaar": tv.get("terugbetaling_jaar"),
        "tv_gezin": tv.get("gezin", "nee"),
        "tv_afzien_cent": euro_initial(afzien.get("afzien_cent")),
    }
    for naam in _JA_NEE_VELDEN:
        initial[f"tv_{naam}"] = ja_nee(tv.get(naam))
    for naam in _AFZIEN_JA_NEE:
        initial[f"tv_{naam}"] = ja_nee(afzien.get(naam))
    for i, regel in enumerate((tv.get("loonheffing") or [])[:LOONHEFFING_RIJEN]):
        initial[f"tv_lh{i}_maand"] = regel.get("maand", "")
        initial[f"tv_lh{i}_loonheffing"] = euro_initial(regel.get("loonheffing_cent"))
        initial[f"tv_lh{i}_zvw"] = euro_initial(regel.get("zvw_cent"))
    for i, betaling in enumerate((tv.get("betalingen") or [])[:BETALING_RIJEN]):
        initial[f"tv_bet{i}_schuldenaar"] = betaling.get("schuldenaar", "")
        initial[f"tv_bet{i}_bedrag"] = euro_initial(betaling.get("bedrag_cent"))
    return initial


class ReviewForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Beoordeling",
        choices=[("akkoord", "Akkoord"), ("terug", "Terugsturen")],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies akkoord of terugsturen."},
    )
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ToetsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam in OmgekeerdeToets.STAPPEN:
            self.fields[naam] = forms.CharField(
                label=TOETS_VRAGEN[naam],
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )


class BezwaarForm(forms.Form):
    ontvangen_op = forms.DateField(
        label="Bezwaar ontvangen op", error_messages={"required": "Vul de datum in.", **DATUM}
    )
    gronden = forms.CharField(
        label="Gronden van het bezwaar", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class HorenForm(forms.Form):
    op = forms.DateField(
        label="Hoorzitting op", error_messages={"required": "Vul de datum in.", **DATUM}
    )
    hoorverslag = forms.CharField(
        label="Verslag van de hoorzitting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class BeslisForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Uitkomst", choices=LEEG + list(Uitkomst.choices), required=False
    )
    toelichting = forms.CharField(
        label="Motivering", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RegelingForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    maandinkomen_cent = EuroField(
        label="Inkomen per maand", error_messages={"required": "Vul het inkomen in."}
    )
    beslagvrije_voet_cent = EuroField(
        label="Beslagvrije voet per maand",
        error_messages={"required": "Vul de beslagvrije voet in."},
    )
    aflossing_cent = EuroField(
        label="Aflossing per maand", error_messages={"required": "Vul de aflossing in."}
    )
    verrekenen = forms.BooleanField(label="Verrekenen met de uitkering", required=False)


class EindeForm(forms.Form):
    """The end of collection of a claim (nazorg.vordering_beeindig); "replaced" is set by a revised decision."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.ChoiceField(
        label="Waarom eindigt de invordering?",
        choices=LEEG + [c for c in EindeInvordering.choices if c[0] != EindeInvordering.VERVANGEN],
        required=False,
    )
    op = forms.DateField(
        label="Geëindigd op", error_messages={"required": "Vul de datum in.", **DATUM}
    )
    toelichting = forms.CharField(
        label="Motivering",
        help_text="Nodig als de vordering niet volledig is afgelost.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class InvorderingsadviesForm(forms.Form):
    """The facts the collection advice needs beyond the claim (Rv art. 475da): asked on the
    repayment-plan page, computed on request, never stored."""

    norm_cent = EuroField(
        label="Bijstandsnorm per maand (met vakantietoeslag)",
        help_text="De norm die bij dit huishouden hoort, zoals in de uitkering.",
        error_messages={"required": "Vul de bijstandsnorm in."},
    )
    netto_inkomen_cent = EuroField(
        label="Netto-inkomen per maand (met de uitkering)",
        error_messages={"required": "Vul het netto-inkomen in."},
    )
    betaaltermijn_einde = forms.DateField(
        label="Laatste dag van de betaaltermijn",
        error_messages={"required": "Vul de laatste dag van de betaaltermijn in.", **DATUM},
    )
    huishouden = forms.ChoiceField(
        label="Huishouden",
        choices=[("alleenstaand", "Alleenstaand"), ("partner", "Met partner")],
        initial="alleenstaand",
    )
    uitkering_lopend = forms.BooleanField(label="Er loopt een uitkering", required=False)
    zorgtoeslag = forms.BooleanField(label="Krijgt zorgtoeslag", required=False)
    huurtoeslag = forms.BooleanField(label="Krijgt huurtoeslag", required=False)
    woonkosten_cent = EuroField(
        label="Woonkosten per maand (huur of hypotheek)",
        help_text="Nodig als er geen huurtoeslag is.",
        required=False,
    )
    recidive = forms.BooleanField(label="Boete bij recidive (PW art. 60b)", required=False)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not gegevens.get("huurtoeslag") and gegevens.get("woonkosten_cent") is None:
            self.add_error(
                "woonkosten_cent", "Zonder huurtoeslag zijn de woonkosten nodig. Vul ze in."
            )
        return gegevens


class SjabloonForm(forms.Form):
    inhoud = forms.CharField(
        label="Sjabloon (HTML met plaatshouders)",
        help_text="Gebruik {{ plaatshouder }}, {% if … %} … {% endif %} en "
        "{% for item in lijst %} … {% endfor %}. De plaatshouders en filters staan onder het formulier.",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30}),
        error_messages={"required": "Het sjabloon is leeg. Schrijf de tekst van de brief."},
    )
    toelichting = forms.CharField(label="Wat verandert u en waarom?", required=False)


#: The first month a CBS delivery can be made for: no claim in this system is older (a working
#: bound of this project, not of the law; the BDFS asks for the current month).
EERSTE_CBS_MAAND = date(2000, 1, 1)


class CbsForm(forms.Form):
    maand = forms.CharField(
        label="Peilmaand (JJJJ-MM)", error_messages={"required": "Vul de maand in."}
    )

    def clean_maand(self) -> date:
        """The first day of the month; from EERSTE_CBS_MAAND to this month (a later month has
        no claims yet, and 9999-12 has no next month to count up to)."""
        tekst = self.cleaned_data["maand"].strip()
        try:
            if not re.fullmatch(r"\d{4}-\d{2}", tekst):
                raise ValueError(tekst)
            peil = date(int(tekst[:4]), int(tekst[5:]), 1)
        except ValueError:
            raise forms.ValidationError("Schrijf de maand als 2026-03.") from None
        deze = timezone.localdate().replace(day=1)
        if not EERSTE_CBS_MAAND <= peil <= deze:
            raise forms.ValidationError(
                f"Kies een maand van {EERSTE_CBS_MAAND:%Y-%m} tot en met {deze:%Y-%m}."
            )
        return peil
