# SPDX-License-Identifier: EUPL-1.2
"""Una via (Awb art. 5:44): the decision records whether aangifte was made; the advice depends on it above the
prosecution threshold. Null: not yet judged."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('besluiten', '0004_briefsjabloon_veilige_sjabloontaal'),
    ]

    operations = [
        migrations.AddField(
            model_name='besluit',
            name='aangifte_gedaan',
            field=models.BooleanField(blank=True, help_text='Is aangifte gedaan bij het Openbaar Ministerie?', null=True),
        ),
    ]
