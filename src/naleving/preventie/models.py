# SPDX-License-Identifier: EUPL-1.2
"""Prevention and service (Cirkel van Naleving, pillars 1 and 2): the catalogue of obligations,
information moments, campaigns, and change reports with their receipts.

No profiling: nothing here selects people by anything but law, municipality and obligation
(domain.md §9)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from naleving import regels
from naleving.accounts.models import Gemeente
from naleving.clienten.models import Client, Kanaal, Wet


class Onderwerp(models.TextChoices):
    WERK_INKOMEN = "werk_inkomen", "Werk en inkomen"
    WONEN_HUISHOUDEN = "wonen_huishouden", "Woonsituatie en huishouden"
    VERMOGEN = "vermogen", "Geld, spullen en bezit"
    GIFTEN = "giften", "Giften en hulp van anderen"
    BUITENLAND = "buitenland", "Verblijf in het buitenland"
    OPLEIDING = "opleiding", "School en studie"
    DETENTIE = "detentie", "Vastzitten (detentie)"
    MEEWERKEN = "meewerken", "Meewerken en werk zoeken"
    BEDRIJF = "bedrijf", "Uw bedrijf"
    OVERIG = "overig", "Iets anders"
    VRAAG = "vraag", "Ik heb een vraag"


class Voorwaarde(models.TextChoices):
    """When an obligation is shown in a personal overview. Only facts the execution of the law
    needs."""

    ALTIJD = "altijd", "Voor iedereen"
    PARTNER = "partner", "Heeft een partner"
    GEEN_PARTNER = "geen_partner", "Heeft geen partner"
    KINDEREN = "kinderen", "Heeft kinderen in huis"
    KOSTENDELER = "kostendeler", "Woont met een andere volwassene (kostendeler)"
    WERK = "werk", "Heeft inkomen uit werk"


class Verplichting(models.Model):
    """One obligation in plain language (B1), for one law, valid between two dates.

    Versioned: a change is a new row with the same `code`, a higher `versie` and a later
    `geldig_vanaf`; the previous version is closed the day before. Old versions stay, so one can
    show what a person was told then."""

    code = models.SlugField(
        max_length=60, help_text="Vaste sleutel over versies heen, bijv. pw-werk-inkomen."
    )
    versie = models.PositiveIntegerField(default=1)
    wet = models.CharField(max_length=4, choices=Wet.choices)
    onderwerp = models.CharField(max_length=30, choices=Onderwerp.choices)
    titel = models.CharField(max_length=200)
    wat = models.TextField("wat moet u doorgeven")
    wanneer = models.TextField("wanneer")
    hoe = models.TextField("hoe")
    grondslag = models.CharField(
        max_length=200, help_text="Wettelijke grondslag, bijv. 'PW art. 17 lid 1'."
    )
    grondslag_onzeker = models.BooleanField(
        default=False,
        help_text="Nog niet gecontroleerd tegen de geldende wettekst: "
        "graag bevestigen of verbeteren.",
    )
    voorwaarde = models.CharField(
        max_length=20, choices=Voorwaarde.choices, default=Voorwaarde.ALTIJD
    )
    geldig_vanaf = models.DateField()
    geldig_tot = models.DateField(
        null=True, blank=True, help_text="Laatste dag waarop deze tekst geldt."
    )
    volgorde = models.PositiveSmallIntegerField(default=100)

    class Meta:
        verbose_name = "verplichting"
        verbose_name_plural = "verplichtingen"
        ordering = ["wet", "volgorde", "code", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "versie"], name="verplichting_code_versie_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="verplichting_einde_na_begin",
            ),
        ]
        indexes = [models.Index(fields=["wet", "geldig_vanaf"])]

    def __str__(self) -> str:
        return f"{Wet(self.wet).label}: {self.titel} (versie {self.versie})"


def _standaard(naam: str) -> int:
    return regels.getal(naam, op=timezone.localdate())


def standaard_interval_dagen() -> int:
    return _standaard("informatie_interval_dagen")


def standaard_reactietermijn_dagen() -> int:
    return _standaard("wijziging_reactietermijn_dagen")


def standaard_code_geldig_minuten() -> int:
    return _standaard("identificatiecode_geldig_minuten")


class Instelling(models.Model):
    """Policy parameters of this capability; one row, edited by the functioneel beheerder. A new
    row starts from the organisation's parameter file (informatie_interval_dagen,
    wijziging_reactietermijn_dagen, identificatiecode_geldig_minuten, each with its source)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    periodiek_interval_dagen = models.PositiveIntegerField(
        default=standaard_interval_dagen,
        help_text="Na hoeveel dagen een cliënt opnieuw uitleg over rechten en plichten krijgt "
        "(Handhaving in balans 2026-2030: 'bij de aanvraag en regelmatig daarna').",
    )
    reactietermijn_dagen = models.PositiveIntegerField(
        default=standaard_reactietermijn_dagen,
        help_text="Na hoeveel dagen een onbehandelde wijziging een herinnering geeft.",
    )
    code_geldig_minuten = models.PositiveIntegerField(default=standaard_code_geldig_minuten)

    class Meta:
        verbose_name = "instelling preventie"
        verbose_name_plural = "instellingen preventie"

    def __str__(self) -> str:
        return "Instellingen preventie"

    @classmethod
    def huidig(cls) -> Instelling:
        return cls.objects.get_or_create(id=1)[0]


class SoortInformatiemoment(models.TextChoices):
    AANVRAAG = "aanvraag", "Bij de aanvraag"
    PERIODIEK = "periodiek", "Periodiek"
    NA_WIJZIGING = "na_wijziging", "Na een wijziging"
    NA_WAARSCHUWING = "na_waarschuwing", "Na een waarschuwing"


class Informatiemoment(models.Model):
    """A moment at which the client was told about rights and obligations. Never edited away:
    investigations and decisions rely on it to know whether the person knew the rule at stake."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="informatiemomenten")
    datum = models.DateField()
    soort = models.CharField(max_length=20, choices=SoortInformatiemoment.choices)
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    toelichting = models.TextField("wat is uitgelegd")
    verplichtingen = models.ManyToManyField(Verplichting, related_name="informatiemomenten")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "informatiemoment"
        verbose_name_plural = "informatiemomenten"
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["client", "datum"])]

    def __str__(self) -> str:
        return f"{SoortInformatiemoment(self.soort).label} {self.datum:%d-%m-%Y}"


class EenmaligeCode(models.Model):
    """INTERIM identification of a resident until DigiD: a code the consultant shows the client.

    Stored only as a hash; valid for a short time, for one use, and void after a few wrong attempts.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=128)
    aangemaakt_op = models.DateTimeField()
    geldig_tot = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    mislukte_pogingen = models.PositiveSmallIntegerField(default=0)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "eenmalige code"
        verbose_name_plural = "eenmalige codes"
        indexes = [models.Index(fields=["client", "geldig_tot"])]

    def __str__(self) -> str:
        return f"Eenmalige code (geldig tot {self.geldig_tot:%d-%m-%Y %H:%M})"


class MeldingStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"


class Wijzigingsmelding(models.Model):
    """A change the client reported (PW art. 17 lid 1; IOAW/IOAZ art. 13). Once received it counts
    as reported (CRvB 10-10-2023, ECLI:NL:CRVB:2023:1967): the content and its receipt are never
    changed."""

    ontvangstnummer = models.CharField(max_length=20, unique=True)
    # CASCADE like Contactmoment: a report is part of the client file and is destroyed with it
    # when the retention period of the file ends (domain.md §10), never on its own.
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="wijzigingsmeldingen")
    ontvangen_op = models.DateTimeField(db_index=True)
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    onderwerp = models.CharField(max_length=30, choices=Onderwerp.choices)
    ingangsdatum = models.DateField("vanaf wanneer", null=True, blank=True)
    tekst = models.TextField("wat is er veranderd")
    identificatie = models.CharField(
        max_length=30,
        help_text="Hoe de melder is geïdentificeerd: 'medewerker', 'interim-code', later 'digid'.",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    inhoud_hash = models.CharField("SHA-256 van de inhoud", max_length=64)
    status = models.CharField(
        max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.ONTVANGEN
    )
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "wijzigingsmelding"
        verbose_name_plural = "wijzigingsmeldingen"
        ordering = ["-ontvangen_op"]
        indexes = [
            models.Index(fields=["client", "ontvangen_op"]),
            models.Index(fields=["status", "ontvangen_op"]),
        ]

    def __str__(self) -> str:
        return f"Wijziging {self.ontvangstnummer}"


class MeldingStap(models.Model):
    """Append-only history of a change report's status."""

    melding = models.ForeignKey(Wijzigingsmelding, on_delete=models.CASCADE, related_name="stappen")
    van = models.CharField(max_length=20, choices=MeldingStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=MeldingStatus.choices)
    tijdstip = models.DateTimeField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return f"{self.van or '—'} → {self.naar}"


class SoortHerinnering(models.TextChoices):
    MELDING_WACHT = "melding_wacht", "Wijziging wacht te lang"
    INFORMATIE_NODIG = "informatie_nodig", "Periodiek informatiemoment nodig"


class Herinnering(models.Model):
    """Created by the scheduled jobs; one open reminder per subject."""

    soort = models.CharField(max_length=20, choices=SoortHerinnering.choices)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    melding = models.ForeignKey(Wijzigingsmelding, on_delete=models.CASCADE, null=True, blank=True)
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField()
    gesloten_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "client"],
                condition=models.Q(gesloten_op__isnull=True),
                name="herinnering_een_open_per_client_soort",
            )
        ]
        indexes = [models.Index(fields=["consulent", "gesloten_op"])]

    def __str__(self) -> str:
        return f"{SoortHerinnering(self.soort).label} ({self.aangemaakt_op:%d-%m-%Y})"


class Campagne(models.Model):
    """A prevention campaign. Its target group is defined ONLY by law, municipality and obligation
    (domain.md §9: never by nationality, origin, gender, neighbourhood or any profile)."""

    naam = models.CharField(max_length=200)
    doel = models.TextField()
    start = models.DateField()
    einde = models.DateField()
    uitvoeringsplan_jaar = models.PositiveSmallIntegerField()
    uitvoeringsplan_actie = models.CharField(
        max_length=200, help_text="De actie in het uitvoeringsplan."
    )
    wetten = models.JSONField(default=list, help_text="Codes van de wetten (PW, IOAW, IOAZ, BBZ).")
    gemeenten = models.ManyToManyField(Gemeente, related_name="+")
    verplichtingen = models.ManyToManyField(Verplichting, related_name="campagnes")
    brieven_verstuurd = models.PositiveIntegerField(default=0)
    bijeenkomsten = models.PositiveIntegerField(default=0)
    deelnemers = models.PositiveIntegerField(default=0)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "campagne"
        verbose_name_plural = "campagnes"
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gte=models.F("start")), name="campagne_einde_na_start"
            )
        ]

    def __str__(self) -> str:
        return str(self.naam)
