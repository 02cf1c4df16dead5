# SPDX-License-Identifier: EUPL-1.2
"""Signals: something worth looking at, never proof (domain.md §4), and what triage decided about
each.

No score, rank or profiling attribute is stored here (domain.md §9): a queue is ordered by age,
deadline and type only. A resident's report stores no IP address and no user agent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.accounts.models import Gemeente
from naleving.clienten.models import Client
from naleving.verloop.historie import Overgangshistorie


class Bron(models.TextChoices):
    MELDER = "melder", "Melding van een inwoner"
    KETENPARTNER = "ketenpartner", "Ketenpartner"
    COLLEGA = "collega", "Collega"
    WAARNEMING = "waarneming", "Eigen waarneming"


class Product(models.TextChoices):
    """The Inlichtingenbureau product types (samenloopsignalen, domain.md §4), plus `overig`."""

    INKOMSTENVERHOUDING = "inkomstenverhouding", "Inkomstenverhouding (UWV polis)"
    DETENTIE = "detentie", "Detentie"
    UITKERING_ANDERE_GEMEENTE = "uitkering_andere_gemeente", "Uitkering in een andere gemeente"
    HUISHOUDEN = "huishouden", "Wijziging in het huishouden"
    STUDIEFINANCIERING = "studiefinanciering", "Studiefinanciering"
    VERMOGEN = "vermogen", "Vermogen (bankrekeningen en saldi)"
    BOX1_BOX3 = "box1_box3", "Bezittingen box 1 / box 3"
    VOERTUIG = "voertuig", "Voertuig"
    OVERIG = "overig", "Overig"


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_TRIAGE = "in_triage", "In triage"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    ONDERZOEK = "onderzoek", "Onderzoek"


class Uitkomst(models.TextChoices):
    GEEN_ACTIE = "geen_actie", "Geen actie"
    PREVENTIEF_CONTACT = "preventief_contact", "Preventief contact"
    DOORZETTEN = "doorzetten", "Doorzetten naar inkomensconsulent"
    ONDERZOEK = "onderzoek", "Onderzoek starten"


OPEN_STATUSSEN = (Status.ONTVANGEN, Status.IN_TRIAGE, Status.ONDERZOEK)


class SignaalGroep(models.Model):
    """Signals of the same client and product within the grouping window (setting
    NALEVING_SIGNAAL_GROEPVENSTER_DAGEN) are looked at together."""

    # No index of its own: the (client, product, laatste_datum) index serves lookups by client.
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="signaalgroepen", db_index=False
    )
    product = models.CharField(max_length=30, choices=Product.choices)
    eerste_datum = models.DateField()
    laatste_datum = models.DateField()

    class Meta:
        verbose_name = "signaalgroep"
        verbose_name_plural = "signaalgroepen"
        indexes = [models.Index(fields=["client", "product", "laatste_datum"])]

    def __str__(self) -> str:
        return f"Groep {self.pk} ({self.product})"


class Signaalimport(models.Model):
    """One batch file or API delivery; the error report (CSV) lives under MEDIA_ROOT."""

    bron_naam = models.CharField(max_length=100)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    gestart_op = models.DateTimeField(auto_now_add=True)
    aantal_nieuw = models.PositiveIntegerField(default=0)
    aantal_bestaand = models.PositiveIntegerField(default=0)
    aantal_fout = models.PositiveIntegerField(default=0)
    foutrapport = models.CharField(max_length=255, blank=True, help_text="Pad onder MEDIA_ROOT.")
    bestandsfout = models.TextField(blank=True)

    class Meta:
        verbose_name = "signaalimport"
        verbose_name_plural = "signaalimports"
        ordering = ["-gestart_op"]

    def __str__(self) -> str:
        return f"Import {self.pk} van {self.bron_naam}"


class Signaal(models.Model):
    bron = models.CharField(max_length=20, choices=Bron.choices)
    bron_naam = models.CharField(
        max_length=100,
        help_text="Wie het signaal gaf: de ketenpartner, of 'inwoner', of de medewerker.",
    )
    extern_id = models.CharField(max_length=100, blank=True)
    product = models.CharField(max_length=30, choices=Product.choices)
    # Not indexed: signals are found through their client, never by BSN (each index costs every
    # import; bench/signalen_import.py).
    bsn = models.CharField("BSN", max_length=9, blank=True)
    datum = models.DateField(help_text="De datum van het signaal volgens de bron.")
    omschrijving = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)
    client = models.ForeignKey(  # indexed by (client, status) below
        Client,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="signalen",
        db_index=False,
    )
    gemeente = models.ForeignKey(  # indexed by (status, gemeente) below; queues filter on both
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    groep = models.ForeignKey(  # partial index below: unmatched signals have no group
        SignaalGroep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
        db_index=False,
    )
    anoniem = models.BooleanField(default=False)
    ontvangen_op = models.DateTimeField(db_index=True)
    termijn = models.DateField(help_text="Uiterste datum voor de triage.")
    # Not indexed: nothing lists signals by registrant or by import run, and neither users nor
    # import runs are deleted.
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    signaalimport = models.ForeignKey(
        Signaalimport, on_delete=models.SET_NULL, null=True, blank=True, db_index=False
    )
    onderzoek_ref = models.CharField(
        max_length=64, blank=True, help_text="Gezet door de onderzoeksapp."
    )
    bevinding_vastgesteld = models.BooleanField(
        null=True,
        blank=True,
        help_text="Leidde het onderzoek tot een vastgestelde bevinding? (jaarverslag)",
    )

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["ontvangen_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["bron_naam", "extern_id"],
                condition=~models.Q(extern_id=""),
                name="signaal_uniek_per_bron",
            )
        ]
        indexes = [
            models.Index(fields=["status", "gemeente"]),
            models.Index(fields=["client", "status"]),
            models.Index(
                fields=["groep"], condition=models.Q(groep__isnull=False), name="signaal_groep"
            ),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.pk} ({self.get_product_display()})"


class SignaalOvergang(Overgangshistorie):
    """Append-only history: one row per move of the state machine (door None: the system)."""

    statussen = Status
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="overgangen")

    class Meta(Overgangshistorie.Meta):
        verbose_name = "signaalovergang"
        verbose_name_plural = "signaalovergangen"


class Triagebesluit(models.Model):
    signaal = models.OneToOneField(Signaal, on_delete=models.CASCADE, related_name="triagebesluit")
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices)
    reden = models.CharField(max_length=40, help_text="Code uit naleving.signalen.triage.REDENEN.")
    toelichting = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField()

    class Meta:
        verbose_name = "triagebesluit"
        verbose_name_plural = "triagebesluiten"

    def __str__(self) -> str:
        return f"Triage van signaal {self.signaal_id}: {self.get_uitkomst_display()}"

    @property
    def reden_label(self) -> str:
        """The reason in words (triage.REDENEN); the record keeps its code."""
        from naleving.signalen.triage import REDENEN

        return REDENEN[self.reden][0] if self.reden in REDENEN else self.reden


class Bevestiging(models.Model):
    """What corroborates an anonymous report: a reference to one real source of the same client that
    does not depend on the reporter, plus a short explanation.

    Rule (domain.md §4): an anonymous tip is low-weight; it needs corroboration before it can justify
    an intrusive step (the Delft case). `naleving.signalen.bevestiging` checks the reference; rows
    migrated from the old free-text field (migration 0004) have no reference. A source destroyed by
    retention leaves the explanation (SET_NULL).
    """

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="bevestigingen")
    contactmoment = models.ForeignKey(
        "clienten.Contactmoment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    bron_signaal = models.ForeignKey(
        Signaal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    bewijsstuk = models.ForeignKey(
        "onderzoek.Bewijsstuk",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    uitleg = models.TextField(help_text="Wat de bron bevestigt van de melding.")
    onderzoek_ref = models.CharField(
        max_length=64,
        blank=True,
        help_text="Het onderzoek dat rechtstreeks met deze bevestiging is aangevraagd.",
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    op = models.DateTimeField()

    class Meta:
        verbose_name = "bevestiging"
        verbose_name_plural = "bevestigingen"
        ordering = ["op", "pk"]
        constraints = [
            # At most one source per corroboration; none only for rows from before the reference.
            models.CheckConstraint(
                condition=~(
                    models.Q(contactmoment__isnull=False, bron_signaal__isnull=False)
                    | models.Q(contactmoment__isnull=False, bewijsstuk__isnull=False)
                    | models.Q(bron_signaal__isnull=False, bewijsstuk__isnull=False)
                ),
                name="bevestiging_hoogstens_een_bron",
            )
        ]

    def __str__(self) -> str:
        return f"Bevestiging van signaal {self.signaal_id}"

    @property
    def heeft_bron(self) -> bool:
        return bool(self.contactmoment_id or self.bron_signaal_id or self.bewijsstuk_id)


class Melding(models.Model):
    """What a resident wrote at /melden. Contact data is wiped after 365 days."""

    signaal = models.OneToOneField(Signaal, on_delete=models.CASCADE, related_name="melding")
    referentie_hash = models.CharField(max_length=64, unique=True)
    token_hash = models.CharField(max_length=64, unique=True)
    token_geldig_tot = models.DateTimeField()
    over_naam = models.CharField(max_length=200)
    over_adres = models.CharField(max_length=300, blank=True)
    sinds = models.CharField(max_length=100, blank=True)
    melder_naam = models.CharField(max_length=200, blank=True)
    melder_contact = models.CharField(max_length=200, blank=True)
    geanonimiseerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"

    def __str__(self) -> str:
        return f"Melding bij signaal {self.signaal_id}"


class Aanvulling(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="aanvullingen")
    tekst = models.TextField()
    ontvangen_op = models.DateTimeField()

    class Meta:
        ordering = ["ontvangen_op"]

    def __str__(self) -> str:
        return f"Aanvulling op melding {self.melding_id}"


class Bijlage(models.Model):
    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.CharField(
        max_length=255, help_text="Pad onder MEDIA_ROOT (buiten de webroot)."
    )
    naam = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    grootte = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    ontvangen_op = models.DateTimeField()

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def __str__(self) -> str:
        return self.naam

    @property
    def client(self) -> Client | None:
        """The client of the signal, so the access gate logs whose attachment was asked for."""
        return self.signaal.client


class Taak(models.Model):
    """Work for the client's consultant that came out of triage."""

    class Soort(models.TextChoices):
        INFORMEREN = "informeren", "Cliënt informeren (preventief contact)"
        BEOORDELEN = "beoordelen", "Signaal beoordelen (doorgezet)"

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="taken")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="signaaltaken")
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    soort = models.CharField(max_length=20, choices=Soort.choices)
    omschrijving = models.TextField()
    aangemaakt_op = models.DateTimeField()
    afgerond_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "taak"
        verbose_name_plural = "taken"
        ordering = ["aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} (signaal {self.signaal_id})"


class PartnerToken(models.Model):
    """API access for one chain partner organisation; only the SHA-256 of the token is kept."""

    organisatie = models.CharField(max_length=100, help_text="Ook de bron_naam van de signalen.")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(
        max_length=8, help_text="De eerste tekens, om het token te herkennen."
    )
    scope = models.CharField(max_length=40, default="signalen.aanleveren")
    actief = models.BooleanField(default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "partnertoken"
        verbose_name_plural = "partnertokens"

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.prefix}…)"
