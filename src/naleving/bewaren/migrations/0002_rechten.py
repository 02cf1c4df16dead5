# SPDX-License-Identifier: EUPL-1.2
"""Default rights for the actions of this app (see naleving.bewaren.apps.ACTIES)."""

from django.db import migrations

RECHTEN = {"privacy": ["bewaren.bekijken"], "beheerder": ["bewaren.bewaarstop"]}


def add(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, rechten in RECHTEN.items():
        rol = Rol.objects.filter(code=code).first()
        if rol is not None:
            rol.rechten = list(dict.fromkeys([*rol.rechten, *rechten]))
            rol.save(update_fields=["rechten"])


def remove(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, rechten in RECHTEN.items():
        rol = Rol.objects.filter(code=code).first()
        if rol is not None:
            rol.rechten = [r for r in rol.rechten if r not in rechten]
            rol.save(update_fields=["rechten"])


class Migration(migrations.Migration):
    dependencies = [("bewaren", "0001_initial"), ("accounts", "0002_rollen")]
    operations = [migrations.RunPython(add, remove)]
