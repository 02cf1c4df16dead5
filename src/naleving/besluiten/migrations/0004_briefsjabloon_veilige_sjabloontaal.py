# SPDX-License-Identifier: EUPL-1.2
"""Letter templates move to the sandboxed template language. The stored versions were Django templates: they stay
as history (the letters made with them keep their own HTML) and are marked as the old language. For every kind of
letter whose newest version is in the old language, a new version in the new language is added: the shipped
template. If that old version was not the shipped one, its toelichting asks the beheerder to review it."""

import hashlib
from importlib import resources

from django.db import migrations, models
from django.utils import timezone

#: sha256 of the shipped beschikking in the Django syntax (the text every installation started with).
OUDE_STANDAARD_SHA256 = "32522695ab3566834fabbe3e3d4cf882c0ef2f04e1ab29e86ce8a5d57450cc5b"


def zet_om(apps, schema_editor):
    Briefsjabloon = apps.get_model("besluiten", "Briefsjabloon")
    nieuw = (resources.files("naleving.besluiten") / "sjablonen" / "beschikking.html").read_text(
        encoding="utf-8"
    )
    for soort in Briefsjabloon.objects.values_list("soort", flat=True).distinct():
        laatste = Briefsjabloon.objects.filter(soort=soort).order_by("-versie").first()
        if laatste is None or laatste.syntaxis != "django":
            continue
        eigen = hashlib.sha256(laatste.inhoud.encode()).hexdigest() != OUDE_STANDAARD_SHA256
        toelichting = "Meegeleverd sjabloon, omgezet naar de veilige sjabloontaal."
        if eigen:
            toelichting = (
                f"Meegeleverd sjabloon in de veilige sjabloontaal. Versie {laatste.versie} had eigen "
                "wijzigingen in de oude sjabloontaal: kijk die na en neem ze over in een nieuwe versie."
            )
        Briefsjabloon.objects.create(
            soort=soort,
            versie=laatste.versie + 1,
            inhoud=nieuw,
            syntaxis="veilig",
            toelichting=toelichting,
            op=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0003_overgang_uit_verloop")]

    operations = [
        migrations.AddField(
            model_name="briefsjabloon",
            name="syntaxis",
            field=models.CharField(
                choices=[
                    ("veilig", "Veilige sjabloontaal"),
                    ("django", "Oude sjabloontaal (niet meer in gebruik)"),
                ],
                default="django",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="briefsjabloon",
            name="syntaxis",
            field=models.CharField(
                choices=[
                    ("veilig", "Veilige sjabloontaal"),
                    ("django", "Oude sjabloontaal (niet meer in gebruik)"),
                ],
                default="veilig",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="briefsjabloon",
            name="inhoud",
            field=models.TextField(help_text="Sjabloon van de brief (HTML met plaatshouders)."),
        ),
        migrations.RunPython(zet_om, migrations.RunPython.noop),
    ]
