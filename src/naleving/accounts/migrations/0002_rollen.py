# SPDX-License-Identifier: EUPL-1.2
"""The roles of design.md §1 with their default rights. The functioneel beheerder can change them afterwards."""

from django.db import migrations

ROLLEN = [
    ("inkomensconsulent", "Inkomensconsulent",
     "Heeft de regie over de casus en neemt de besluiten.",
     ["client.zoeken", "client.bekijken", "client.wijzigen", "contactmoment.toevoegen"], False),
    ("trajectbegeleider", "Trajectbegeleider",
     "Begeleidt naar werk; besluit samen met de inkomensconsulent over maatregelen.",
     ["client.zoeken", "client.bekijken", "contactmoment.toevoegen"], False),
    ("handhaver", "Handhaver",
     "Beoordeelt signalen, doet onderzoek en adviseert; neemt nooit een besluit.",
     ["client.zoeken", "client.bekijken"], True),
    ("teamleider", "Teamleider",
     "Wijst werk toe en doet de vier-ogencontrole op boetes.",
     ["client.zoeken", "client.bekijken", "client.toewijzen"], False),
    ("beleidsmedewerker", "Beleidsmedewerker",
     "Maakt uitvoeringsplannen en rapportages; ziet alleen cijfers.",
     ["rapportage.bekijken"], False),
    ("beheerder", "Functioneel beheerder",
     "Beheert medewerkers, rollen, sjablonen en beleidsparameters; ziet geen cliëntgegevens.",
     ["beheer.gebruikers"], False),
    ("privacy", "Privacy officer",
     "Controleert wie welke persoonsgegevens inzag of wijzigde, en de bewaartermijnen.",
     ["audit.bekijken", "audit.exporteren"], False),
]


def add_roles(apps, schema_editor):
    Rol = apps.get_model("accounts", "Rol")
    for code, naam, omschrijving, rechten, grond in ROLLEN:
        Rol.objects.update_or_create(
            code=code,
            defaults={"naam": naam, "omschrijving": omschrijving, "rechten": rechten, "toegang_op_grond": grond},
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(add_roles, migrations.RunPython.noop)]
