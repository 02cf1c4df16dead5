# SPDX-License-Identifier: EUPL-1.2
"""Rights for investigations. The handhaver investigates and advises; only the consultant decides."""

from django.db import migrations

RECHTEN = {
    "onderzoek.aanvragen": ["inkomensconsulent", "handhaver"],
    "onderzoek.bekijken": ["inkomensconsulent", "handhaver", "teamleider"],
    "onderzoek.toewijzen": ["teamleider"],
    "onderzoek.uitvoeren": ["handhaver"],
    "onderzoek.reviewen": ["teamleider"],
}


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
    dependencies = [("onderzoek", "0001_initial"), ("accounts", "0002_rollen")]
    operations = [migrations.RunPython(add, remove)]
