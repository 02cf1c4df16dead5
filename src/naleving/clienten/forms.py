# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import forms

from naleving.clienten.models import Kanaal


class AdresForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    straat = forms.CharField(max_length=200, error_messages={"required": "Vul de straat in."})
    huisnummer = forms.CharField(
        max_length=20, error_messages={"required": "Vul het huisnummer in."}
    )
    postcode = forms.CharField(max_length=7, error_messages={"required": "Vul de postcode in."})
    woonplaats = forms.CharField(
        max_length=100, error_messages={"required": "Vul de woonplaats in."}
    )


class ContactmomentForm(forms.Form):
    kanaal = forms.ChoiceField(
        choices=Kanaal.choices, error_messages={"required": "Kies een kanaal."}
    )
    onderwerp = forms.CharField(
        max_length=200, error_messages={"required": "Vul het onderwerp in."}
    )
    tekst = forms.CharField(
        widget=forms.Textarea,
        label="Wat is besproken",
        error_messages={"required": "Beschrijf wat is besproken."},
    )
    tijdstip = forms.DateTimeField(
        required=False,
        label="Wanneer (leeg = nu)",
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"invalid": "Vul een geldige datum en tijd in, zoals 28-11-2026 14:30."},
    )
