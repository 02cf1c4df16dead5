# SPDX-License-Identifier: EUPL-1.2
"""Make an API token for a chain partner. The token is shown once; only its SHA-256 is stored."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from naleving.signalen.api import maak_partnertoken


class Command(BaseCommand):
    help = "Een API-token maken voor een ketenpartner (alleen signalen aanleveren)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisatie", help="naam van de ketenpartner")

    def handle(self, *args: Any, **options: Any) -> None:
        token, geheim = maak_partnertoken(options["organisatie"])
        self.stdout.write(
            f"Token voor {token.organisatie}; alleen nu zichtbaar, bewaar het veilig:"
        )
        self.stdout.write(geheim)
