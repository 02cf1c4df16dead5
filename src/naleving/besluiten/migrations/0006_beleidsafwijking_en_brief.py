# SPDX-License-Identifier: EUPL-1.2
"""The decision records why a fine departs from the organisation's policy rule (Awb 4:84). The letter template
gets the sender from configuration, only the articles that carry the decision and no internal notes: where the
newest version is the shipped one of before, the new shipped text follows as a new version. A version the
beheerder changed stays active: it keeps rendering, and the internal note and the raw citations no longer reach
any template."""

import hashlib
from importlib import resources

from django.db import migrations, models
from django.utils import timezone

#: sha256 of the shipped beschikking in the sandboxed language before this migration.
VORIGE_STANDAARD_SHA256 = "ff2b72eb5c133db6da030e2ce0c830c85082248db2c08eafb9ea099d3422f4f4"
TOELICHTING = (
    "Meegeleverd sjabloon: afzender met logo en contactgegevens, alleen de artikelen die het besluit dragen, "
    "geen interne toelichting, bezwaar met adres."
)


def vervang_standaard(apps, schema_editor):
    Briefsjabloon = apps.get_model("besluiten", "Briefsjabloon")
    nieuw = (resources.files("naleving.besluiten") / "sjablonen" / "beschikking.html").read_text(
        encoding="utf-8"
    )
    for soort in Briefsjabloon.objects.values_list("soort", flat=True).distinct():
        laatste = (
            Briefsjabloon.objects.filter(soort=soort, syntaxis="veilig").order_by("-versie").first()
        )
        if laatste is None or hashlib.sha256(laatste.inhoud.encode()).hexdigest() != VORIGE_STANDAARD_SHA256:
            continue
        hoogste = Briefsjabloon.objects.filter(soort=soort).order_by("-versie").first()
        Briefsjabloon.objects.create(
            soort=soort,
            versie=hoogste.versie + 1,
            inhoud=nieuw,
            syntaxis="veilig",
            toelichting=TOELICHTING,
            op=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0005_aangifte_gedaan")]

    operations = [
        migrations.AddField(
            model_name="besluit",
            name="beleid_afwijking_reden",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(vervang_standaard, migrations.RunPython.noop),
    ]
