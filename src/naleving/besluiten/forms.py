# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
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
        return d

    @classmethod
    def initial_van(cls, besluit: Any) -> dict[str, Any]:
        initial = {n: getattr(besluit, n) for n in cls.base_fields if hasattr(besluit, n)}
        for naam in ("financieel_voordeel_beoogd", "aangifte_gedaan"):
            initial[naam] = {True: "ja", False: "nee"}.get(getattr(besluit, naam), "")
        for naam in ("boete_cent", "terugvordering_cent"):
            initial[naam] = euro_initial(getattr(besluit, naam) or None)
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
