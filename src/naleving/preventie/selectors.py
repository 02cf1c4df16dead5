# SPDX-License-Identifier: EUPL-1.2
"""Reading the catalogue, the personal overview, information moments, change reports, campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from naleving.accounts.models import User
from naleving.clienten.meldingen import Melding
from naleving.clienten.models import Client, Relatie, Uitkering
from naleving.clienten.selectors import clients_in_scope, object_for_user
from naleving.clienten.taken import Taakgroep
from naleving.preventie.models import (
    Campagne,
    Informatiemoment,
    Instelling,
    MeldingStatus,
    Verplichting,
    Voorwaarde,
    Wijzigingsmelding,
)

# --- catalogue ------------------------------------------------------------------------------------


def verplichtingen_geldig_op(*, peildatum: date, wet: str | None = None) -> QuerySet[Verplichting]:
    """The obligations whose text holds on `peildatum` (geldig_vanaf <= peildatum <= geldig_tot or
    open)."""
    qs = Verplichting.objects.filter(geldig_vanaf__lte=peildatum).filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=peildatum)
    )
    if wet is not None:
        qs = qs.filter(wet=wet)
    return qs.order_by("wet", "volgorde", "code")


def catalogus_telling(*, peildatum: date) -> dict[str, int]:
    """Number of obligations per law valid on the date (closing note, beheer page)."""
    result: dict[str, int] = {}
    for wet in verplichtingen_geldig_op(peildatum=peildatum).values_list("wet", flat=True):
        result[wet] = result.get(wet, 0) + 1
    return result


# --- the personal overview ------------------------------------------------------------------------


@dataclass(frozen=True)
class Situatie:
    """What the overview is fitted to. Only facts the law itself makes relevant (household, work,
    law)."""

    wetten: tuple[str, ...]
    partner: bool
    kinderen: bool
    kostendeler: bool
    werk: bool

    def past(self, voorwaarde: str) -> bool:
        return {
            Voorwaarde.ALTIJD: True,
            Voorwaarde.PARTNER: self.partner,
            Voorwaarde.GEEN_PARTNER: not self.partner,
            Voorwaarde.KINDEREN: self.kinderen,
            Voorwaarde.KOSTENDELER: self.kostendeler,
            Voorwaarde.WERK: self.werk,
        }[Voorwaarde(voorwaarde)]


def situatie_van(*, client: Client, peildatum: date, werk: bool) -> Situatie:
    """The client's situation on a date: running benefits and household (Huishoudlid).

    Work is not yet registered in the client file, so the consultant states it when generating the
    overview."""
    wetten = tuple(
        sorted(
            {
                u.wet
                for u in client.uitkeringen.all()
                if u.ingangsdatum <= peildatum and (u.einddatum is None or u.einddatum >= peildatum)
            }
        )
    )
    relaties = {h.relatie for h in client.huishoudleden.all()}
    return Situatie(
        wetten=wetten,
        partner=Relatie.PARTNER in relaties,
        kinderen=Relatie.KIND in relaties,
        kostendeler=Relatie.KOSTENDELER in relaties,
        werk=werk,
    )


def overzicht_rechten_en_plichten(
    *, situatie: Situatie, peildatum: date
) -> dict[str, list[Verplichting]]:
    """'Uw rechten en plichten': per law of the client, the fitting obligations valid then."""
    result: dict[str, list[Verplichting]] = {}
    for v in verplichtingen_geldig_op(peildatum=peildatum).filter(wet__in=situatie.wetten):
        if situatie.past(v.voorwaarde):
            result.setdefault(v.wet, []).append(v)
    return result


# --- information moments --------------------------------------------------------------------------


def informatiemomenten(*, client: Client) -> QuerySet[Informatiemoment]:
    return (
        Informatiemoment.objects.filter(client=client)
        .select_related("medewerker")
        .prefetch_related("verplichtingen")
        .order_by("-datum", "-pk")
    )


def geinformeerd_over(*, client: Client, code: str, voor: date | None = None) -> list[date]:
    """When the client was told about obligation `code` (any version), for investigations and
    decisions."""
    qs = Informatiemoment.objects.filter(client=client, verplichtingen__code=code)
    if voor is not None:
        qs = qs.filter(datum__lte=voor)
    return sorted(set(qs.values_list("datum", flat=True)), reverse=True)


def periodiek_due(
    *,
    user: User | None,
    peildatum: date,
    interval_dagen: int | None = None,
    langst_geleden_eerst: bool = True,
) -> QuerySet[Client]:
    """Clients with a running benefit whose last information moment is older than the interval (or
    who never had one). Plan 2026-2030, pillar 1: information at the application and regularly after
    it.

    One query with NOT EXISTS on the (client, datum) index; scoped to the user (None = system job,
    all clients). `langst_geleden_eerst` sorts never-informed first, then the oldest moment: cheap
    for a caseload, but it sorts every due client, so wide lists (a whole organisation) use the
    client number instead (bench/preventie_due.py: 3.7 s against 33 ms for the first 100 of
    107,000)."""
    interval = (
        interval_dagen
        if interval_dagen is not None
        else Instelling.huidig().periodiek_interval_dagen
    )
    grens = peildatum - timedelta(days=interval)
    lopend = Uitkering.objects.filter(client=OuterRef("pk"), ingangsdatum__lte=peildatum).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum)
    )
    recent = Informatiemoment.objects.filter(client=OuterRef("pk"), datum__gt=grens)
    scope = clients_in_scope(user=user) if user is not None else Client.objects.all()
    qs = (
        scope.filter(Exists(lopend))
        .filter(~Exists(recent))
        .annotate(
            laatst_geinformeerd=Subquery(
                Informatiemoment.objects.filter(client=OuterRef("pk"))
                .order_by("-datum")
                .values("datum")[:1]
            )
        )
        .select_related("gemeente", "consulent")
    )
    if langst_geleden_eerst:
        return qs.order_by(F("laatst_geinformeerd").asc(nulls_first=True), "pk")
    return qs.order_by("pk")


# --- change reports -------------------------------------------------------------------------------


def inbox(*, user: User, alleen_open: bool = True) -> QuerySet[Wijzigingsmelding]:
    """The change reports of clients in the user's scope; a consultant sees their own caseload
    first."""
    qs = Wijzigingsmelding.objects.filter(client__in=clients_in_scope(user=user)).select_related(
        "client", "client__consulent", "afgehandeld_door"
    )
    if alleen_open:
        qs = qs.exclude(status=MeldingStatus.AFGEHANDELD)
    return qs.order_by("ontvangen_op", "pk")


@dataclass(frozen=True)
class Reactietijden:
    afgehandeld: int
    open: int
    mediaan_uren: float | None
    binnen_termijn: int


def reactietijden(*, van: date, tot: date, gemeente_id: int | None = None) -> Reactietijden:
    """Service KPI for the yearly report: time from receipt to handling of change reports received
    in the period; aggregate only, no persons."""
    start = timezone.make_aware(datetime.combine(van, datetime.min.time()))
    einde = timezone.make_aware(datetime.combine(tot + timedelta(days=1), datetime.min.time()))
    qs = Wijzigingsmelding.objects.filter(ontvangen_op__gte=start, ontvangen_op__lt=einde)
    if gemeente_id is not None:
        qs = qs.filter(client__gemeente_id=gemeente_id)
    termijn = timedelta(days=Instelling.huidig().reactietermijn_dagen)
    uren: list[float] = []
    binnen = 0
    for ontvangen, afgehandeld in qs.filter(status=MeldingStatus.AFGEHANDELD).values_list(
        "ontvangen_op", "afgehandeld_op"
    ):
        if afgehandeld is None:  # handled reports always carry their time; guard the type anyway
            continue
        duur = afgehandeld - ontvangen
        uren.append(duur.total_seconds() / 3600)
        binnen += duur <= termijn
    return Reactietijden(
        afgehandeld=len(uren),
        open=qs.exclude(status=MeldingStatus.AFGEHANDELD).count(),
        mediaan_uren=round(median(uren), 1) if uren else None,
        binnen_termijn=binnen,
    )


# --- campaigns ------------------------------------------------------------------------------------


def campagne_doelgroep(*, campagne: Campagne) -> QuerySet[Client]:
    """The target group: clients with a running benefit under one of the campaign's laws in one of
    its municipalities. Law, municipality and obligation are the ONLY criteria (domain.md §9)."""
    vandaag = timezone.localdate()
    lopend = Uitkering.objects.filter(
        client=OuterRef("pk"), wet__in=campagne.wetten, ingangsdatum__lte=vandaag
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    return Client.objects.filter(gemeente__in=campagne.gemeenten.all()).filter(Exists(lopend))


def melding_for_user(*, user: User, ontvangstnummer: str) -> Wijzigingsmelding:
    """A change report through the gate (`object_for_user`), if its client is in the user's scope (like the
    file); else 404 and a denial entry."""
    return object_for_user(
        user=user,
        queryset=Wijzigingsmelding.objects.select_related(
            "client", "vastgelegd_door", "afgehandeld_door"
        ),
        recht="client.bekijken",
        reden=f"Wijziging {ontvangstnummer}",
        weigerreden="Geen toegang: wijziging buiten bevoegdheid of bestaat niet",
        niet_gevonden="Melding niet gevonden",
        ontvangstnummer=ontvangstnummer,
    )


def open_herinneringen(*, user: User) -> dict[str, int]:
    """Open reminders of the scheduled job for this consultant's current cases, per kind (a case
    that moves to a colleague takes its reminders along)."""
    from naleving.preventie.models import Herinnering

    result = {soort: 0 for soort in ("melding_wacht", "informatie_nodig")}
    for soort in Herinnering.objects.filter(
        client__consulent=user, gesloten_op__isnull=True
    ).values_list("soort", flat=True):
        result[soort] += 1
    return result


def wijzigingsmeldingen_als_meldingen(
    *, client: Client, van: datetime, tot: datetime
) -> list[Melding]:
    """Change reports as a source for the organisation-wide 'was it reported?' check (CRvB 2023:1967)."""
    return [
        Melding(
            bron="wijzigingsmelding",
            tijdstip=m.ontvangen_op,
            onderwerp=m.get_onderwerp_display(),
            inhoud=m.tekst,
            door=str(m.vastgelegd_door) if m.vastgelegd_door else "cliënt zelf",
            referentie=f"wijzigingsmelding:{m.ontvangstnummer}",
        )
        for m in Wijzigingsmelding.objects.filter(
            client=client, ontvangen_op__gte=van, ontvangen_op__lte=tot
        )
        .select_related("vastgelegd_door")
        .order_by("ontvangen_op")
    ]


# --- the daily digest (naleving.mail.dagoverzicht) ------------------------------------------------


def herinneringen_als_taken(*, user: User) -> list[Taakgroep]:
    """The consultant's open reminders of the scheduled job (`maak_herinneringen`) as kinds of work in the
    daily digest: clients due for their periodic information moment, change reports waiting too long.
    One query; counts only."""
    from django.db.models import Count
    from django.urls import reverse

    from naleving.accounts.permissions import has_right
    from naleving.preventie.models import Herinnering, SoortHerinnering

    soorten = {
        SoortHerinnering.INFORMATIE_NODIG: (
            "preventie.informeren",
            "Cliënten toe aan een periodiek informatiemoment",
            reverse("preventie:werklijst"),
        ),
        SoortHerinnering.MELDING_WACHT: (
            "preventie.inbox",
            "Wijzigingen die te lang wachten",
            reverse("preventie:inbox"),
        ),
    }
    toegestaan = [s for s, (recht, _l, _u) in soorten.items() if has_right(user, recht)]
    if not toegestaan:
        return []
    aantallen = dict(
        Herinnering.objects.filter(consulent=user, gesloten_op__isnull=True, soort__in=toegestaan)
        .values_list("soort")
        .annotate(n=Count("pk"))
        .values_list("soort", "n")
    )
    return [Taakgroep(soorten[s][1], aantallen.get(s, 0), [], soorten[s][2]) for s in toegestaan]
