# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django import forms

from naleving.core.money import BedragFout, parse_euro
from naleving.onderzoek.activiteiten import INGRIJPEND, VELDEN, Soort
from naleving.onderzoek.cautie import Cautietekst
from naleving.onderzoek.models import Aanleiding, Gemeld, Overtreding
from naleving.onderzoek.statemachine import Uitkomst

DATUM = {"invalid": "Vul een geldige datum in, zoals 2026-11-28."}


class AanvraagForm(forms.Form):
    aanleiding = forms.ChoiceField(
        choices=[(k, v) for k, v in Aanleiding.choices if k != Aanleiding.SIGNAAL],
        error_messages={"required": "Kies de aanleiding."},
    )
    vraag = forms.CharField(
        widget=forms.Textarea,
        label="Wat moet het onderzoek uitzoeken?",
        error_messages={"required": "Beschrijf wat het onderzoek moet uitzoeken."},
    )
    bevestiging_bron = forms.ChoiceField(
        label="Welke bron bevestigt de anonieme melding?",
        required=False,
        help_text="Een contactmoment met de cliënt, een signaal van een ketenpartner of collega, "
        "of een bewijsstuk.",
    )
    bevestiging_uitleg = forms.CharField(
        label="Wat bevestigt deze bron?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        bron_keuzes: list[tuple[str, list[tuple[str, str]]]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`bron_keuzes` is given only when the client's only ground is anonymous signals
        (signalen.bevestiging.anonieme_grond); otherwise the corroboration fields are left out."""
        super().__init__(*args, **kwargs)
        if bron_keuzes is None:
            del self.fields["bevestiging_bron"], self.fields["bevestiging_uitleg"]
            return
        veld = self.fields["bevestiging_bron"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [("", "— kies een bron —"), *bron_keuzes]


class ToewijsForm(forms.Form):
    handhaver = forms.ChoiceField(
        label="Handhaver", error_messages={"required": "Kies een handhaver."}
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class PlanForm(forms.Form):
    vragen = forms.CharField(
        widget=forms.Textarea, label="Welke vragen moet het onderzoek beantwoorden?", required=False
    )
    feiten = forms.CharField(
        widget=forms.Textarea,
        label="Welke concrete, objectieve feiten geven twijfel?",
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for soort, label in Soort.choices:
            self.fields[f"gepland_{soort}"] = forms.BooleanField(
                required=False, label=f"Gepland: {label}"
            )
            self.fields[f"noodzaak_{soort}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                label="Waarom nodig (Awb 5:13)",
            )
            if soort in INGRIJPEND:
                self.fields[f"subsidiariteit_{soort}"] = forms.CharField(
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    label="Waarom volstaat niets lichters",
                )

    def stappen(
        self,
    ) -> list[tuple[str, str, forms.BoundField, forms.BoundField, forms.BoundField | None]]:
        return [
            (
                soort,
                label,
                self[f"gepland_{soort}"],
                self[f"noodzaak_{soort}"],
                self[f"subsidiariteit_{soort}"] if soort in INGRIJPEND else None,
            )
            for soort, label in Soort.choices
        ]


def activiteit_form(
    soort: str, data: Any = None, *, cautie: Cautietekst | None = None
) -> forms.Form:
    """A form built from the field list in activiteiten.VELDEN; the service does the real validation.

    With `cautie` (a hearing), the words of the cautie start as the organisation's standard text, with its
    source; the handhaver changes them to the words actually said."""
    fields: dict[str, forms.Field] = {}
    for veld in VELDEN[soort]:
        kwargs: dict[str, Any] = {"label": veld.label, "required": False, "help_text": veld.hulp}
        if cautie is not None and veld.naam == "cautie_tekst":
            kwargs["initial"] = cautie.tekst
            kwargs["help_text"] = (
                f"De standaardtekst staat al ingevuld ({cautie.bron}). Gebruikte u andere woorden, pas de "
                "tekst dan aan."
            )
        if veld.soort == "lang":
            fields[veld.naam] = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **kwargs)
        elif veld.soort == "janee":
            fields[veld.naam] = forms.BooleanField(**kwargs)
        elif veld.soort == "tijdstip":
            fields[veld.naam] = forms.CharField(
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), **kwargs
            )
        elif veld.soort == "getal":
            fields[veld.naam] = forms.CharField(
                widget=forms.NumberInput(attrs={"min": 0}), **kwargs
            )
        elif veld.soort == "keuze":
            fields[veld.naam] = forms.ChoiceField(
                choices=[("", "— kies —"), *veld.keuzes], **kwargs
            )
        else:
            fields[veld.naam] = forms.CharField(**kwargs)
    form_class = type("ActiviteitForm", (forms.Form,), fields)
    form: forms.Form = form_class(data)
    return form


class BewijsForm(forms.Form):
    omschrijving = forms.CharField(
        max_length=300, error_messages={"required": "Beschrijf het bewijsstuk."}
    )
    bestand = forms.FileField(
        label="Bestand (PDF, JPEG of PNG, hoogstens 25 MB)",
        error_messages={"required": "Kies een bestand."},
    )
    activiteit = forms.ChoiceField(required=False, label="Hoort bij activiteit")
    vervangt = forms.ChoiceField(required=False, label="Vervangt bewijsstuk")
    reden_vervanging = forms.CharField(required=False, label="Reden van vervanging")


class MeldcheckForm(forms.Form):
    van = forms.DateField(
        label="Periode vanaf", widget=forms.DateInput(attrs={"type": "date"}), error_messages=DATUM
    )
    tot = forms.DateField(
        label="Periode tot en met",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATUM,
    )
    conclusie = forms.CharField(
        widget=forms.Textarea, required=False, label="Wat laten de meldingen zien?"
    )


class RapportForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    bevindingen = forms.CharField(widget=forms.Textarea, required=False)
    overtreding = forms.ChoiceField(
        choices=Overtreding.choices, required=False, label="Welke verplichting is geschonden"
    )
    periode_van = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATUM,
        label="Periode vanaf",
    )
    periode_tot = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATUM,
        label="Periode tot en met",
    )
    pleegdatum = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages=DATUM,
        label="Pleegdatum",
        help_text="Wanneer had de cliënt het moeten melden?",
    )
    perioden = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Ontvangen en recht per maand",
        help_text="Eén regel per maand: maand; ontvangen; recht. Bijvoorbeeld: 2026-03; 1.400,00; 900,00",
    )
    gemeld = forms.ChoiceField(
        choices=Gemeld.choices, required=False, label="Is de wijziging gemeld?"
    )
    aanwijzingen_verwijtbaarheid = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Aanwijzingen over verwijtbaarheid",
    )
    omstandigheden = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Omstandigheden van de persoon (menselijke maat)",
    )
    awb_feiten = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Awb 5:48 — de feiten"
    )
    awb_voorschrift = forms.CharField(required=False, label="Awb 5:48 — het overtreden voorschrift")
    advies = forms.CharField(
        widget=forms.Textarea, required=False, label="Advies aan de inkomensconsulent"
    )
    aangifte_gedaan = forms.ChoiceField(
        label="Is aangifte gedaan bij het Openbaar Ministerie?",
        help_text="Na aangifte volgt geen boete en ook geen waarschuwing (Awb art. 5:44). Boven de "
        "vervolgingsgrens hangt het voorlopige advies van dit antwoord af.",
        choices=[
            ("", "Nog niet bekend"),
            ("ja", "Ja, aangifte is gedaan"),
            ("nee", "Nee, geen aangifte"),
        ],
        required=False,
    )

    def clean_aangifte_gedaan(self) -> bool | None:
        return {"ja": True, "nee": False}.get(self.cleaned_data.get("aangifte_gedaan") or "")

    def clean_perioden(self) -> list[dict[str, object]]:
        rows = []
        for i, line in enumerate((self.cleaned_data.get("perioden") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) != 3:
                raise forms.ValidationError(
                    f"Regel {i}: schrijf maand; ontvangen; recht, gescheiden door puntkomma's."
                )
            try:
                rows.append(
                    {
                        "maand": parts[0],
                        "ontvangen_cent": parse_euro(parts[1]),
                        "recht_cent": parse_euro(parts[2]),
                    }
                )
            except BedragFout as fout:
                raise forms.ValidationError(f"Regel {i}: {fout.bericht}") from None
        return rows


def perioden_als_tekst(perioden: list[dict[str, Any]]) -> str:
    from naleving.core.money import format_euro

    return "\n".join(
        f"{p['maand']}; {format_euro(p['ontvangen_cent'])[2:]}; {format_euro(p['recht_cent'])[2:]}"
        for p in perioden
    )


class BeoordeelForm(forms.Form):
    besluit = forms.ChoiceField(
        choices=[("akkoord", "Akkoord"), ("terug", "Terugsturen")],
        widget=forms.RadioSelect,
        label="Beoordeling",
    )
    uitkomst = forms.ChoiceField(
        choices=[("", "— kies bij akkoord —"), *Uitkomst.choices], required=False
    )
    toelichting = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
