# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from naleving.accounts.models import Gemeente
from naleving.signalen.models import Product, Uitkomst
from naleving.signalen.triage import reden_keuzes

MAX_BIJLAGEN = 5
MAX_BIJLAGE_BYTES = 10 * 1024 * 1024


class TriageForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label="Wat gebeurt er met dit signaal?", choices=Uitkomst.choices, widget=forms.RadioSelect
    )
    reden = forms.ChoiceField(label="Reden", choices=[("", "Kies een reden"), *reden_keuzes()])
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Waarom dit besluit? Schrijf het zo dat een collega het begrijpt.",
    )
    bevestiging_bron = forms.ChoiceField(
        label="Welke bron bevestigt de melding?",
        required=False,
        help_text="Verplicht bij 'onderzoek starten' na een anonieme melding: een contactmoment "
        "met de cliënt, een signaal van een ketenpartner of collega, of een bewijsstuk.",
    )
    bevestiging_uitleg = forms.CharField(
        label="Wat bevestigt deze bron?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        anoniem: bool = False,
        bron_keuzes: list[tuple[str, list[tuple[str, str]]]] | None = None,
        **kwargs: Any,
    ) -> None:
        """Only an anonymous report asks for its corroboration; the sources come from
        `bevestiging.bron_keuzes` (the client's contact moments, signals and evidence)."""
        super().__init__(*args, **kwargs)
        if not anoniem:
            del self.fields["bevestiging_bron"], self.fields["bevestiging_uitleg"]
            return
        veld = self.fields["bevestiging_bron"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [("", "— geen (niet nodig) —"), *(bron_keuzes or [])]


class KoppelForm(forms.Form):
    client = forms.CharField(label="BSN of cliëntnummer", max_length=20)


class RegistreerForm(forms.Form):
    product = forms.ChoiceField(label="Soort signaal", choices=Product.choices)
    datum = forms.DateField(
        label="Datum van het signaal",
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    omschrijving = forms.CharField(
        label="Wat heeft u gezien of gehoord?", widget=forms.Textarea(attrs={"rows": 4})
    )
    waarneming = forms.BooleanField(label="Dit is mijn eigen waarneming", required=False)


class ImportForm(forms.Form):
    bron = forms.CharField(
        label="Bron (ketenpartner)", max_length=100, initial="Inlichtingenbureau"
    )
    bestand = forms.FileField(
        label="Bestand (CSV of JSON)",
        help_text="CSV in UTF-8 met komma's en de kopregel "
        "extern_id,product,bsn,datum,omschrijving; of JSON: een lijst van objecten.",
    )


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestandenVeld(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MeerdereBestanden(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        bestanden = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(bestanden) > MAX_BIJLAGEN:
            raise forms.ValidationError(f"U kunt hoogstens {MAX_BIJLAGEN} bestanden meesturen.")
        for f in bestanden:
            if f.size > MAX_BIJLAGE_BYTES:
                raise forms.ValidationError(f"{f.name} is groter dan 10 MB.")
        return [super(MeerdereBestandenVeld, self).clean(f, initial) for f in bestanden]


class MeldForm(forms.Form):
    wat = forms.CharField(
        label="Wat is er aan de hand?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text="Beschrijf zo precies mogelijk wat u weet.",
    )
    over_naam = forms.CharField(label="Over wie gaat het? (naam)", max_length=200)
    over_adres = forms.CharField(
        label="Adres van deze persoon (als u het weet)", max_length=300, required=False
    )
    gemeente = forms.ModelChoiceField(
        label="In welke gemeente woont deze persoon?",
        queryset=Gemeente.objects.all(),
        empty_label="Kies een gemeente",
    )
    sinds = forms.CharField(
        label="Sinds wanneer speelt dit?",
        max_length=100,
        required=False,
        help_text="Bijvoorbeeld: sinds maart 2026.",
    )
    melder_naam = forms.CharField(label="Uw naam (niet verplicht)", max_length=200, required=False)
    melder_contact = forms.CharField(
        label="Uw telefoonnummer of e-mailadres (niet verplicht)", max_length=200, required=False
    )
    bijlagen = MeerdereBestandenVeld(
        label="Bijlagen (niet verplicht)",
        required=False,
        help_text="PDF, JPEG of PNG; hoogstens 5 bestanden van elk hoogstens 10 MB.",
    )
    #: Honeypot: hidden from people, filled in by robots.
    website = forms.CharField(label="Laat dit veld leeg", required=False)


class AanvulForm(forms.Form):
    tekst = forms.CharField(
        label="Wat wilt u aanvullen?", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
