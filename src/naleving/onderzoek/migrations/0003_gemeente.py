# SPDX-License-Identifier: EUPL-1.2
"""Every investigation carries the municipality of its case, so scoping and reports need no join over clients."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Onderzoek = apps.get_model("onderzoek", "Onderzoek")
    for onderzoek in Onderzoek.objects.select_related("client").iterator():
        Onderzoek.objects.filter(pk=onderzoek.pk).update(gemeente_id=onderzoek.client.gemeente_id)


class Migration(migrations.Migration):
    dependencies = [("onderzoek", "0002_rechten"), ("accounts", "0002_rollen")]
    operations = [
        migrations.AddField(
            model_name="onderzoek",
            name="gemeente",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="onderzoeken",
                to="accounts.gemeente",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="onderzoek",
            name="gemeente",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="onderzoeken",
                to="accounts.gemeente",
            ),
        ),
        migrations.AddIndex(
            model_name="onderzoek",
            index=models.Index(fields=["gemeente", "status", "termijn"], name="onderzoek_o_gemeent_79eefa_idx"),
        ),
    ]
