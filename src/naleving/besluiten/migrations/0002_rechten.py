# SPDX-License-Identifier: EUPL-1.2
"""Rights for decisions. The consultant decides; the teamleider checks fines (four eyes); a handhaver never
decides (Handhaving in balans 2026-2030)."""

from django.db import migrations

RECHTEN = {
    "besluit.bekijken": ["inkomensconsulent", "trajectbegeleider", "teamleider"],
    "besluit.nemen": ["inkomensconsulent"],
    "besluit.reviewen": ["teamleider"],
    "besluit.bezwaar": ["inkomensconsulent"],
    "vordering.beheren": ["inkomensconsulent"],
    "vordering.exporteren": ["teamleider", "beleidsmedewerker"],
    "sjabloon.beheren": ["beheerder"],
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
    dependencies = [("besluiten", "0001_initial"), ("accounts", "0002_rollen")]
    operations = [migrations.RunPython(add, remove)]
