# SPDX-License-Identifier: EUPL-1.2
"""Default rights for signals (design.md §1): the handhaver triages, the teamleider imports and oversees,
colleagues record signals from the client file, the consultant finishes the tasks triage gives."""

from django.db import migrations

RECHTEN = {
    "inkomensconsulent": ["signaal.registreren", "taak.afronden"],
    "trajectbegeleider": ["signaal.registreren"],
    "handhaver": ["signaal.registreren", "signaal.triageren"],
    "teamleider": ["signaal.registreren", "signaal.importeren", "signaal.overzicht"],
}


def add(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, extra in RECHTEN.items():
        rol = Rol.objects.filter(code=code).first()
        if rol is not None:
            rol.rechten = list(rol.rechten) + [r for r in extra if r not in rol.rechten]
            rol.save(update_fields=["rechten"])


def remove(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, extra in RECHTEN.items():
        rol = Rol.objects.filter(code=code).first()
        if rol is not None:
            rol.rechten = [r for r in rol.rechten if r not in extra]
            rol.save(update_fields=["rechten"])


class Migration(migrations.Migration):
    dependencies = [("signalen", "0001_initial"), ("accounts", "0002_rollen")]
    operations = [migrations.RunPython(add, remove)]
