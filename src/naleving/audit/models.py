# SPDX-License-Identifier: EUPL-1.2
"""The append-only log of every read and write of personal data.

Each entry holds the hash of the one before it, so that a changed or removed row breaks the chain
(`naleving audit verify`). No code path updates or deletes rows; on PostgreSQL a trigger refuses it too.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models


class AppendOnlyError(Exception):
    pass


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")


class Actie(models.TextChoices):
    BEKIJKEN = "bekijken", "Bekeken"
    ZOEKEN = "zoeken", "Gezocht"
    AANMAKEN = "aanmaken", "Aangemaakt"
    WIJZIGEN = "wijzigen", "Gewijzigd"
    VERWIJDEREN = "verwijderen", "Verwijderd"
    EXPORTEREN = "exporteren", "Geëxporteerd"
    GEWEIGERD = "geweigerd", "Toegang geweigerd"
    SYSTEEM = "systeem", "Systeemhandeling"
    INLOGGEN = "inloggen", "Ingelogd"
    INLOGGEN_MISLUKT = "inloggen_mislukt", "Inloggen mislukt"
    UITLOGGEN = "uitloggen", "Uitgelogd"


class AuditEntry(models.Model):
    volgnummer = models.BigIntegerField(primary_key=True)
    tijdstip = models.DateTimeField(db_index=True)
    gebruiker = models.CharField(
        max_length=150, db_index=True, help_text="Gebruikersnaam, of 'systeem'."
    )
    rol = models.CharField(max_length=40, blank=True)
    actie = models.CharField(max_length=20, choices=Actie.choices, db_index=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64, blank=True)
    client_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    clientnummer = models.CharField(max_length=12, blank=True, db_index=True)
    velden = models.JSONField(default=dict, blank=True)
    reden = models.TextField(blank=True)
    correlation_id = models.CharField(max_length=64, blank=True)
    vorige_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "logregel"
        verbose_name_plural = "toegangslog"
        ordering = ["-volgnummer"]

    def __str__(self) -> str:
        return f"{self.volgnummer} {self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker} {self.actie} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Een logregel kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Een logregel kan niet worden verwijderd.")


class AuditHead(models.Model):
    """One row: the last sequence number and hash. Locking it serialises appends to the chain."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    volgnummer = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"keten tot {self.volgnummer}"


class AuditInkorting(models.Model):
    """A cut of the log's oldest entries after their retention term: the chain now starts after entry
    `tot_en_met`, whose hash it keeps. `handtekening` is an HMAC over number, hash and time with the key of the
    checkpoints (`anker`), which is not in the database: whoever can write to the database alone cannot make
    a cut that `naleving audit verify` accepts. Append-only; on PostgreSQL a trigger refuses UPDATE and DELETE,
    and deleting an entry is refused unless a cut covers it."""

    tot_en_met = models.BigIntegerField(unique=True)
    hash = models.CharField(max_length=64)
    grens = models.DateTimeField(help_text="Logregels van vóór dit moment waren over hun termijn.")
    aantal = models.PositiveIntegerField()
    uitgevoerd_op = models.DateTimeField()
    handtekening = models.CharField(max_length=64)

    class Meta:
        verbose_name = "inkorting van het toegangslog"
        verbose_name_plural = "inkortingen van het toegangslog"
        ordering = ["-tot_en_met"]

    def __str__(self) -> str:
        return f"log ingekort tot en met {self.tot_en_met}"
