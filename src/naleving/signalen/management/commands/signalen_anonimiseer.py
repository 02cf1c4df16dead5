# SPDX-License-Identifier: EUPL-1.2
"""Wipe reporter contact data past the retention period; for cron where no Celery beat runs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from naleving.signalen.melden import anonimiseer_melders


class Command(BaseCommand):
    help = "Contactgegevens van melders wissen na de bewaartermijn (standaard 365 dagen)."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = anonimiseer_melders()
        self.stdout.write(f"{aantal} melding(en) geanonimiseerd.")
