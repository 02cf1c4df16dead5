# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from naleving.beleid.models import Pijler
from naleving.beleid.statemachine import ActieStatus
from naleving.clienten.models import Wet


def jaren() -> list[tuple[int, str]]:
    laatste = max(2030, timezone.localdate().year + 1)
    return [(j, str(j)) for j in range(2024, laatste + 1)]


class FilterForm(forms.Form):
    jaar = forms.TypedChoiceField(label="Jaar", coerce=int, choices=jaren)
    kwartaal = forms.TypedChoiceField(
        label="Kwartaal",
        coerce=int,
        required=False,
        empty_value=None,
        choices=[
            ("", "Heel het jaar"),
            (1, "1e kwartaal"),
            (2, "2e kwartaal"),
            (3, "3e kwartaal"),
            (4, "4e kwartaal"),
        ],
    )
    gemeente = forms.TypedChoiceField(
        label="Gemeente", coerce=int, required=False, empty_value=None
    )
    wet = forms.ChoiceField(
        label="Wet", required=False, choices=[("", "Alle wetten"), *Wet.choices]
    )

    def __init__(self, *args: Any, gemeenten: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle gemeenten"), *gemeenten]  # type: ignore[attr-defined]


class PlanForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", min_value=2024, max_value=2100)
    doelen = forms.CharField(label="Doelen", widget=forms.Textarea(attrs={"rows": 4}))
    themas = forms.CharField(
        label="Prioriteiten",
        help_text="Eén thema per regel.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    overnemen = forms.BooleanField(
        label="Open acties van vorig jaar overnemen", required=False, initial=True
    )


class ActieForm(forms.Form):
    pijler = forms.ChoiceField(label="Pijler van de Cirkel van Naleving", choices=Pijler.choices)
    titel = forms.CharField(label="Actie", max_length=200)
    omschrijving = forms.CharField(
        label="Omschrijving", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    eigenaar = forms.CharField(label="Eigenaar (team of functie)", max_length=100)
    deadline = forms.DateField(
        label="Uiterste datum", widget=forms.DateInput(attrs={"type": "date"})
    )


class ActieStatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=ActieStatus.choices)
    resultaat = forms.CharField(
        label="Resultaat", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evaluatie = forms.CharField(
        label="Evaluatie aan het eind van het jaar",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)


class PijlerEvaluatieForm(forms.Form):
    pijler = forms.ChoiceField(label="Pijler", choices=Pijler.choices)
    tekst = forms.CharField(
        label="Evaluatie van de pijler", widget=forms.Textarea(attrs={"rows": 3})
    )


class WatAlsForm(forms.Form):
    """Which draft to explore, from which date (beleid/watals.py)."""

    concept = forms.ChoiceField(label="Concept")
    datum = forms.DateField(
        label="Aan vanaf",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="De dag waarop het concept zou ingaan. De open zaken worden op die dag beoordeeld.",
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 1-1-2027."},
    )

    def __init__(self, *args: Any, concepten: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["concept"].choices = concepten  # type: ignore[attr-defined]
