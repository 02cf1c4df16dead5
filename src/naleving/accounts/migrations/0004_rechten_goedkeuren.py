# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer may approve or reject requests for rights on personal data (the second person).
Least privilege: only this right, no client data. A functioneel beheerder approves through beheer.gebruikers."""

from django.db import migrations

RECHTEN = {"rechten.goedkeuren": ["privacy"]}


def add(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for recht, rollen in RECHTEN.items():
        for rol in Rol.objects.filter(code__in=rollen):
            if recht not in rol.rechten:
                rol.rechten = [*rol.rechten, recht]
                rol.save(update_fields=["rechten"])


def remove(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for rol in Rol.objects.all():
        rol.rechten = [r for r in rol.rechten if r not in RECHTEN]
        rol.save(update_fields=["rechten"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_rechtenverzoek")]
    operations = [migrations.RunPython(add, remove)]
