# SPDX-License-Identifier: EUPL-1.2
"""The end of collection of a claim (date and reason), from which its retention term runs. A claim already
stopped because a decision on objection replaced its decision gets the day the revised decision became
definitive; other ended claims had no recorded date and keep none (they are not destroyed automatically)."""

from django.db import migrations, models
from django.utils import timezone


def vervangen_einde(apps, schema_editor):
    Vordering = apps.get_model("besluiten", "Vordering")
    Besluit = apps.get_model("besluiten", "Besluit")
    for vordering in Vordering.objects.filter(status="gestopt", invordering_einde_op__isnull=True):
        herzien = (
            Besluit.objects.filter(herziet_id=vordering.besluit_id, definitief_op__isnull=False)
            .order_by("definitief_op")
            .values_list("definitief_op", flat=True)
            .first()
        )
        if herzien is not None:
            vordering.invordering_einde_op = timezone.localtime(herzien).date()
            vordering.invordering_einde_reden = "vervangen"
            vordering.save(update_fields=["invordering_einde_op", "invordering_einde_reden"])


class Migration(migrations.Migration):

    dependencies = [
        ('besluiten', '0006_beleidsafwijking_en_brief'),
        ('clienten', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='vordering',
            name='invordering_einde_op',
            field=models.DateField(blank=True, help_text='De dag waarop de invordering eindigde; vanaf dan loopt de bewaartermijn.', null=True),
        ),
        migrations.AddField(
            model_name='vordering',
            name='invordering_einde_reden',
            field=models.CharField(blank=True, choices=[('afgelost', 'Volledig afgelost'), ('afgezien', 'Afgezien van verdere invordering (PW art. 58 lid 7)'), ('kwijtgescholden', 'Kwijtgescholden'), ('verjaard', 'Verjaard (Awb art. 4:104)'), ('vervangen', 'Vervangen door een besluit na bezwaar')], max_length=20),
        ),
        migrations.AddConstraint(
            model_name='vordering',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('invordering_einde_op__isnull', True), ('invordering_einde_reden', '')), models.Q(('invordering_einde_op__isnull', False), ('invordering_einde_reden__gt', '')), _connector='OR'), name='vordering_einde_met_reden'),
        ),
        migrations.RunPython(vervangen_einde, migrations.RunPython.noop),
    ]
