# SPDX-License-Identifier: EUPL-1.2
"""Decisions (besluiten) with the advice they were taken on, the Omgekeerde Toets, letters, claims, the sanction
register and objections. A definitive decision is immutable; everything after it is a new record."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from naleving.besluiten.statemachine import Status
from naleving.clienten.models import Client
from naleving.core.locking import Versioned
from naleving.verloop.historie import Overgangshistorie


def overtreding_label(code: str) -> str:
    """The breach in words, as the investigation's rapport names it (onderzoek.models.Overtreding)."""
    from naleving.onderzoek.models import Overtreding

    return Overtreding(code).label if code in Overtreding.values else code


class Aanleiding(models.TextChoices):
    ONDERZOEK = "onderzoek", "Afgerond onderzoek"
    WIJZIGINGSMELDING = "wijzigingsmelding", "Te late wijzigingsmelding"
    ARBEIDSVERPLICHTING = (
        "arbeidsverplichting",
        "Melding van de trajectbegeleider (arbeidsverplichting)",
    )
    OVERIG = "overig", "Overig"


class Verwijtbaarheid(models.TextChoices):
    GEEN = "geen", "Geen verwijtbaarheid"
    VERMINDERD = "verminderd", "Verminderde verwijtbaarheid"
    NORMAAL = "normaal", "Normale verwijtbaarheid"
    GROVE_SCHULD = "grove_schuld", "Grove schuld"
    OPZET = "opzet", "Opzet"


class Omstandigheid(models.TextChoices):
    """Circumstances the consultant weighs (menselijke maat). Recorded for the motivation only; never used to
    select people (domain.md §9)."""

    SCHULDEN = "schulden", "Schulden"
    GEZONDHEID = "gezondheid", "Gezondheid"
    ZORGTAKEN = "zorgtaken", "Zorgtaken"
    TAAL = "taal", "Moeite met de Nederlandse taal"
    LVB = "lvb", "Licht verstandelijke beperking"
    CRISIS = "crisis", "Crisis in het leven"
    ANDERS = "anders", "Andere omstandigheid"


class Sanctie(models.TextChoices):
    GEEN = "geen", "Geen sanctie"
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    BOETE = "boete", "Boete"
    MAATREGEL = "maatregel", "Maatregel (verlaging)"


class Keuze(models.TextChoices):
    VOLGT = "volgt", "Ik volg het advies"
    WIJKT_AF = "wijkt_af", "Ik wijk af van het advies"


class AfzienReden(models.TextChoices):
    """PW art. 58 lid 8 (dringende redenen); CRvB 13-12-2022 (disproportion, the organisation's slow reaction)."""

    DRINGENDE_REDENEN = "dringende_redenen", "Dringende redenen (PW art. 58 lid 8)"
    ONEVENREDIG = "onevenredig", "Volledige terugvordering is onevenredig"
    TRAGE_REACTIE = "trage_reactie", "De organisatie reageerde traag op signalen"


class Cautie(models.TextChoices):
    GEGEVEN = "gegeven", "Cautie gegeven bij elk gesprek dat tot een boete kon leiden"
    NIET_GEGEVEN = "niet_gegeven", "Niet bij elk gesprek cautie gegeven"
    GEEN_VERKLARINGEN = "geen_verklaringen", "Geen verklaringen van de cliënt gebruikt"


class Besluit(Versioned):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="besluiten")
    onderzoek = models.ForeignKey(
        "onderzoek.Onderzoek", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aanleiding = models.CharField(max_length=30, choices=Aanleiding.choices)
    herziet = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="herzieningen"
    )
    # The facts (prefilled from the rapport).
    wet = models.CharField(max_length=10, default="PW")
    overtreding = models.CharField(max_length=30)
    pleegdatum = models.DateField()
    perioden = models.JSONField(default=list, blank=True)
    benadelingsbedrag_cent = models.BigIntegerField(null=True, blank=True)
    feiten = models.TextField(blank=True, help_text="De feiten, in gewone woorden.")
    # The human judgements.
    verwijtbaarheid = models.CharField(max_length=20, choices=Verwijtbaarheid.choices, blank=True)
    verwijtbaarheid_reden = models.TextField(blank=True)
    financieel_voordeel_beoogd = models.BooleanField(null=True, blank=True)
    dringende_redenen = models.TextField(blank=True)
    # Una via (Awb art. 5:44): above the prosecution threshold the advice depends on this answer;
    # null while not yet judged.
    aangifte_gedaan = models.BooleanField(
        null=True, blank=True, help_text="Is aangifte gedaan bij het Openbaar Ministerie?"
    )
    # The recovery facts and judgements (PW art. 58-59) as the engine reads them (`Feiten.terugvordering`):
    # wage tax per month, the year of repayment, the family, payments, the weighing and afzien. Empty: none.
    terugvordering_feiten = models.JSONField(default=dict, blank=True)
    omstandigheden = models.JSONField(default=list, blank=True)
    omstandigheden_toelichting = models.TextField(blank=True)
    # The decision.
    keuze = models.CharField(max_length=10, choices=Keuze.choices, blank=True)
    sanctie = models.CharField(max_length=20, choices=Sanctie.choices, blank=True)
    boete_cent = models.BigIntegerField(default=0)
    maatregel_percentage = models.PositiveSmallIntegerField(default=0)
    maatregel_maanden = models.PositiveSmallIntegerField(default=0)
    # Internal: why the consultant deviates from the advice (for the reviewer and the file, never in the letter).
    afwijking_motivering = models.TextField(blank=True)
    # Internal: why a fine is imposed where the organisation's policy rule gives none (Awb 4:84).
    beleid_afwijking_reden = models.TextField(blank=True)
    # For the resident: the motivation the letter shows (Awb 3:46).
    motivering = models.TextField(blank=True)
    terugvordering_voorgesteld_cent = models.BigIntegerField(default=0)
    terugvordering_cent = models.BigIntegerField(null=True, blank=True)
    afzien_reden = models.CharField(max_length=30, choices=AfzienReden.choices, blank=True)
    afzien_motivering = models.TextField(blank=True)
    # Safeguards.
    cautie = models.CharField(max_length=20, choices=Cautie.choices, blank=True)
    cautie_gesprekken = models.JSONField(default=list, blank=True)
    zienswijze = models.TextField(blank=True)
    zienswijze_ontvangen_op = models.DateField(null=True, blank=True)
    zienswijze_termijn = models.DateField(
        null=True, blank=True, help_text="Tot wanneer de cliënt een zienswijze kon geven."
    )
    # The advice snapshot: taken when the consultant decides, never recomputed.
    advies_snapshot = models.JSONField(null=True, blank=True)
    # Who and when.
    status = models.CharField(
        max_length=30, choices=Status.choices, default=Status.CONCEPT, db_index=True
    )
    status_sinds = models.DateTimeField()
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    genomen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    definitief_op = models.DateTimeField(null=True, blank=True)
    # PW art. 18 lid 3: a maatregel of `maatregel_heroverweging_vanaf_maanden` or more is reconsidered
    # within `maatregel_heroverweging_termijn_maanden` after the decision (set when it becomes definitive).
    heroverweging_uiterlijk = models.DateField(null=True, blank=True)
    heroverwogen_op = models.DateField(null=True, blank=True)
    heroverweging = models.TextField(blank=True, help_text="Uitkomst van de heroverweging.")

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["-status_sinds", "-pk"]
        indexes = [models.Index(fields=["client", "status"])]

    def __str__(self) -> str:
        return f"Besluit {self.nummer} ({self.get_status_display()})"

    @property
    def overtreding_label(self) -> str:
        return overtreding_label(self.overtreding)

    @property
    def wet_label(self) -> str:
        from naleving.clienten.models import Wet

        return Wet(self.wet).label if self.wet in Wet.values else self.wet

    @property
    def nummer(self) -> str:
        return f"B{self.pk:06d}"

    @property
    def afgezien_cent(self) -> int:
        if self.terugvordering_cent is None:
            return 0
        return max(0, self.terugvordering_voorgesteld_cent - self.terugvordering_cent)


class BesluitOvergang(Overgangshistorie):
    """Append-only history of the state machine."""

    statussen = Status
    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="overgangen")


TOETS_VRAGEN = {
    "effect_nodig": "1. Welk effect is nodig voor deze persoon?",
    "effect_op_persoon": "2. Wat is het effect op de persoon, het gezin en de omgeving?",
    "doel_van_de_wet": "3. Past het bij het doel (de grondwaarde) van de wet?",
    "ethisch": "4. Is het ethisch verantwoord?",
    "strijdig_met_regel": "5. Pas nu: is het in strijd met een regel?",
}


class OmgekeerdeToets(Versioned):
    """The five steps of the Omgekeerde Toets (Stimulansz; domain.md §7), the law last."""

    besluit = models.OneToOneField(
        Besluit, on_delete=models.CASCADE, related_name="omgekeerde_toets"
    )
    effect_nodig = models.TextField(TOETS_VRAGEN["effect_nodig"])
    effect_op_persoon = models.TextField(TOETS_VRAGEN["effect_op_persoon"])
    doel_van_de_wet = models.TextField(TOETS_VRAGEN["doel_van_de_wet"])
    ethisch = models.TextField(TOETS_VRAGEN["ethisch"])
    strijdig_met_regel = models.TextField(TOETS_VRAGEN["strijdig_met_regel"])
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField()

    STAPPEN = tuple(TOETS_VRAGEN)  # in the order of the method: the law last

    def __str__(self) -> str:
        return f"Omgekeerde Toets bij {self.besluit}"

    def stappen(self) -> list[tuple[str, str]]:
        return [(TOETS_VRAGEN[n], getattr(self, n)) for n in self.STAPPEN]


class Sjabloontaal(models.TextChoices):
    """Versions before the sandbox were Django templates; they are kept as history but never rendered again."""

    VEILIG = "veilig", "Veilige sjabloontaal"
    DJANGO = "django", "Oude sjabloontaal (niet meer in gebruik)"


class Briefsjabloon(models.Model):
    """A letter template. Never edited in place: a change is a new version; a letter records its version."""

    soort = models.CharField(max_length=30, default="beschikking")
    versie = models.PositiveIntegerField()
    inhoud = models.TextField(help_text="Sjabloon van de brief (HTML met plaatshouders).")
    syntaxis = models.CharField(
        max_length=10, choices=Sjabloontaal.choices, default=Sjabloontaal.VEILIG
    )
    toelichting = models.CharField(max_length=300, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField()

    class Meta:
        ordering = ["soort", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "versie"], name="sjabloon_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.soort} versie {self.versie}"


class Brief(models.Model):
    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="brieven")
    sjabloon = models.ForeignKey(Briefsjabloon, on_delete=models.PROTECT, related_name="+")
    html = models.TextField()
    sha256 = models.CharField(max_length=64)
    op = models.DateTimeField()

    class Meta:
        ordering = ["-op", "-pk"]

    def __str__(self) -> str:
        return f"Beschikking bij {self.besluit}"


class RegisterSoort(models.TextChoices):
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    BOETE = "boete", "Boete"
    MAATREGEL = "maatregel", "Maatregel"


class RegisterItem(models.Model):
    """The sanction register: kept only as long as recidive needs (domain.md §9-10), then removed."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="sancties")
    besluit = models.OneToOneField(Besluit, on_delete=models.PROTECT, related_name="registeritem")
    soort = models.CharField(max_length=20, choices=RegisterSoort.choices)
    overtreding = models.CharField(max_length=30)
    datum = models.DateField(help_text="Datum waarop de sanctie definitief werd.")
    bewaren_tot = models.DateField(db_index=True)

    class Meta:
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}"

    @property
    def overtreding_label(self) -> str:
        return overtreding_label(self.overtreding)


class Herkomst(models.TextChoices):
    """CBS Bijstandsdebiteuren- en fraudestatistiek: origin class of a claim (domain.md §6)."""

    INLICHTINGENPLICHT = "inlichtingenplicht", "Schending inlichtingenplicht"
    BOETE = "boete", "Boete"
    OVERIGE = "overige", "Overige"


class VorderingStatus(models.TextChoices):
    OPEN = "open", "Open"
    BETALINGSREGELING = "betalingsregeling", "Betalingsregeling"
    AFGELOST = "afgelost", "Afgelost"
    GESTOPT = "gestopt", "Invordering gestopt"


class EindeInvordering(models.TextChoices):
    """Why collection of a claim ended; from that date its retention term runs (Selectielijst gemeenten 2020 as
    VHIC applies it: sanctions with collection 10 years after the collection ends)."""

    AFGELOST = "afgelost", "Volledig afgelost"
    AFGEZIEN = "afgezien", "Afgezien van verdere invordering (PW art. 58 lid 7)"
    KWIJTGESCHOLDEN = "kwijtgescholden", "Kwijtgescholden"
    VERJAARD = "verjaard", "Verjaard (Awb art. 4:104)"
    VERVANGEN = "vervangen", "Vervangen door een besluit na bezwaar"


class Vordering(Versioned):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="vorderingen")
    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="vorderingen")
    herkomst = models.CharField(max_length=30, choices=Herkomst.choices)
    oorspronkelijk_cent = models.BigIntegerField()
    openstaand_cent = models.BigIntegerField()
    verrekenen = models.BooleanField(
        default=True, help_text="Verrekenen met de uitkering (PW art. 60 lid 3-4)."
    )
    status = models.CharField(
        max_length=20, choices=VorderingStatus.choices, default=VorderingStatus.OPEN
    )
    maandinkomen_cent = models.BigIntegerField(null=True, blank=True)
    beslagvrije_voet_cent = models.BigIntegerField(null=True, blank=True)
    aflossing_cent = models.BigIntegerField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField()
    invordering_einde_op = models.DateField(
        null=True,
        blank=True,
        help_text="De dag waarop de invordering eindigde; vanaf dan loopt de bewaartermijn.",
    )
    invordering_einde_reden = models.CharField(
        max_length=20, choices=EindeInvordering.choices, blank=True
    )

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(invordering_einde_op__isnull=True, invordering_einde_reden="")
                | models.Q(invordering_einde_op__isnull=False, invordering_einde_reden__gt=""),
                name="vordering_einde_met_reden",
            )
        ]

    def __str__(self) -> str:
        return f"Vordering {self.pk} ({self.get_herkomst_display()})"


class Uitkomst(models.TextChoices):
    ONGEGROND = "ongegrond", "Ongegrond"
    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond"


class Bezwaar(Versioned):
    """An objection (Awb 6:4, 6:7: within six weeks), its hearing (Awb 7:2) and the outcome (Awb 7:11)."""

    besluit = models.OneToOneField(Besluit, on_delete=models.PROTECT, related_name="bezwaar")
    ontvangen_op = models.DateField()
    gronden = models.TextField()
    hoorzitting_op = models.DateField(null=True, blank=True)
    hoorverslag = models.TextField(blank=True)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    toelichting = models.TextField(blank=True)
    beslist_op = models.DateField(null=True, blank=True)
    herzien_besluit = models.OneToOneField(
        Besluit, on_delete=models.PROTECT, null=True, blank=True, related_name="uit_bezwaar"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Bezwaar tegen {self.besluit}"
