# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django import forms

from naleving.bewaren.models import StopReden


class BewaarstopForm(forms.Form):
    clientnummer = forms.CharField(
        max_length=12, label="Cliëntnummer", help_text="Bijvoorbeeld C0000123."
    )
    reden = forms.ChoiceField(choices=StopReden.choices, label="Waarom bewaren")
    toelichting = forms.CharField(
        max_length=300,
        label="Om welke zaak gaat het",
        help_text="Bijvoorbeeld het zaaknummer van het bezwaar of van de rechtbank.",
    )
