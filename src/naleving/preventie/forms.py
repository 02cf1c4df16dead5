# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import forms

from naleving.accounts.models import Gemeente
from naleving.clienten.models import Kanaal, Wet
from naleving.preventie.models import Onderwerp, SoortInformatiemoment, Verplichting, Voorwaarde

DATUM_FORMATEN = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
DATUM_FOUT = "Vul een datum in zoals 17-05-1980."


def _datum(label: str, *, required: bool = True, hulp: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=hulp,
        input_formats=DATUM_FORMATEN,
        error_messages={"required": f"Vul {label.lower()} in.", "invalid": DATUM_FOUT},
    )


class IdentificatieForm(forms.Form):
    clientnummer = forms.CharField(
        label="Cliëntnummer",
        max_length=12,
        help_text="Staat op uw brieven, bijvoorbeeld C0001234.",
        error_messages={"required": "Vul uw cliëntnummer in."},
    )
    geboortedatum = _datum("Geboortedatum", hulp="Bijvoorbeeld 17-05-1980.")
    code = forms.CharField(
        label="Eenmalige code",
        max_length=20,
        help_text="De code van 8 tekens die u van uw consulent kreeg.",
        error_messages={"required": "Vul de eenmalige code in."},
    )


class WijzigingForm(forms.Form):
    onderwerp = forms.ChoiceField(
        label="Waar gaat de wijziging over?",
        choices=[("", "Kies een onderwerp"), *Onderwerp.choices],
        error_messages={"required": "Kies waar de wijziging over gaat."},
    )
    ingangsdatum = _datum(
        "Vanaf wanneer", required=False, hulp="Leeg laten als u het niet precies weet."
    )
    tekst = forms.CharField(
        label="Wat is er veranderd?",
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Beschrijf wat er is veranderd."},
    )
    email = forms.EmailField(
        label="Uw e-mailadres (niet verplicht)",
        required=False,
        max_length=254,
        help_text=(
            "Dan sturen wij u het ontvangstbewijs ook per e-mail. Wij bewaren uw e-mailadres alleen "
            "tot de e-mail is verstuurd."
        ),
        error_messages={
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat het leeg."
        },
    )


class StaffWijzigingForm(WijzigingForm):
    email = forms.EmailField(
        label="E-mailadres van de cliënt voor het ontvangstbewijs (niet verplicht)",
        required=False,
        max_length=254,
        help_text="Alleen bewaard tot de e-mail is verstuurd.",
        error_messages={
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl, of laat het leeg."
        },
    )
    kanaal = forms.ChoiceField(
        label="Hoe gaf de cliënt het door?",
        choices=Kanaal.choices,
        error_messages={"required": "Kies een kanaal."},
    )


class _VerplichtingenKeuze(forms.Form):
    """A form with a `verplichtingen` field: the choices may be narrowed by the view, and each
    obligation shows its law and title."""

    def __init__(self, *args: object, verplichtingen: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if verplichtingen is not None:
            self.fields["verplichtingen"].queryset = verplichtingen  # type: ignore[attr-defined]
        self.fields["verplichtingen"].label_from_instance = (  # type: ignore[attr-defined]
            lambda v: f"{v.get_wet_display()}: {v.titel}"
        )


class InformatiemomentForm(_VerplichtingenKeuze):
    datum = _datum("Datum")
    soort = forms.ChoiceField(
        choices=SoortInformatiemoment.choices, error_messages={"required": "Kies het soort."}
    )
    kanaal = forms.ChoiceField(
        choices=Kanaal.choices, error_messages={"required": "Kies een kanaal."}
    )
    verplichtingen = forms.ModelMultipleChoiceField(
        label="Welke verplichtingen heeft u uitgelegd?",
        queryset=Verplichting.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één verplichting die u heeft uitgelegd."},
    )
    toelichting = forms.CharField(
        label="Wat is uitgelegd",
        widget=forms.Textarea,
        error_messages={"required": "Beschrijf kort wat u uitlegde."},
    )


class AfhandelForm(forms.Form):
    toelichting = forms.CharField(
        label="Wat heeft u met de wijziging gedaan?",
        widget=forms.Textarea,
        required=False,
    )


class CampagneForm(_VerplichtingenKeuze):
    """Target group fields: ONLY law, municipality and obligation."""

    naam = forms.CharField(
        max_length=200, error_messages={"required": "Geef de campagne een naam."}
    )
    doel = forms.CharField(widget=forms.Textarea, required=False)
    start = _datum("Start")
    einde = _datum("Einde")
    uitvoeringsplan_jaar = forms.IntegerField(
        label="Jaar van het uitvoeringsplan", min_value=2026, max_value=2030
    )
    uitvoeringsplan_actie = forms.CharField(
        label="Actie in het uitvoeringsplan", max_length=200, required=False
    )
    wetten = forms.MultipleChoiceField(
        choices=Wet.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één wet."},
    )
    gemeenten = forms.ModelMultipleChoiceField(
        queryset=Gemeente.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één gemeente."},
    )
    verplichtingen = forms.ModelMultipleChoiceField(
        queryset=Verplichting.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één verplichting waar de campagne over gaat."},
    )


class BereikForm(forms.Form):
    brieven_verstuurd = forms.IntegerField(label="Brieven verstuurd", min_value=0)
    bijeenkomsten = forms.IntegerField(label="Bijeenkomsten gehouden", min_value=0)
    deelnemers = forms.IntegerField(label="Deelnemers", min_value=0)


class VerplichtingForm(forms.Form):
    """A new version of an obligation (the functioneel beheerder), with a preview before saving."""

    titel = forms.CharField(max_length=200)
    wat = forms.CharField(label="Wat moet u doorgeven", widget=forms.Textarea)
    wanneer = forms.CharField(widget=forms.Textarea)
    hoe = forms.CharField(widget=forms.Textarea)
    grondslag = forms.CharField(max_length=200)
    grondslag_onzeker = forms.BooleanField(label="Grondslag nog niet gecontroleerd", required=False)
    voorwaarde = forms.ChoiceField(choices=Voorwaarde.choices)
    geldig_vanaf = _datum("Geldig vanaf")
