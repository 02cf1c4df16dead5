# SPDX-License-Identifier: EUPL-1.2
"""Reading decisions, always within the user's scope, every read of personal data audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum

from naleving.accounts.models import User
from naleving.accounts.permissions import has_right
from naleving.besluiten.beleidstoets import beleid_afwijking
from naleving.besluiten.models import AfzienReden, Besluit, RegisterItem, Vordering
from naleving.besluiten.statemachine import Status
from naleving.clienten.models import Client
from naleving.clienten.selectors import may, object_for_user
from naleving.regels import Invorderingsadvies, invordering

#: The claim's origin (CBS class) as the kind of claim the collection rules know.
_INVORDERINGSSOORT = {
    "inlichtingenplicht": "terugvordering_inlichtingenplicht",
    "boete": "boete",
    "overige": "terugvordering_overig",
}


def besluit_voor_user(*, user: User, pk: int, reden: str = "") -> Besluit:
    """One decision through the gate (`object_for_user`): outside scope 404 and a denial entry."""
    return object_for_user(
        user=user,
        queryset=Besluit.objects.select_related(
            "client__gemeente", "genomen_door", "bezwaar", "omgekeerde_toets"
        ),
        recht="besluit.bekijken",
        reden=reden or f"Besluit {Besluit(pk=pk).nummer}",
        weigerreden="Geen toegang tot besluit",
        niet_gevonden="Besluit niet gevonden",
        pk=pk,
    )


def besluit_pagina(
    *, user: User, besluit: Besluit, live: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Everything the decision page reads, in a fixed number of queries however long its history grows
    (tests/besluiten/test_detail_queries.py). `besluit` came through the gate (besluit_voor_user), so its client is
    in the user's scope: what the page offers follows from the role's rights alone, without asking the scope again.
    `live` is an advice the caller already computed (the htmx preview); in concept it is computed here."""
    from naleving.besluiten import advies, beleidstoets, services

    concept = besluit.status == Status.CONCEPT
    if live is None and concept:
        live = advies.bereken(besluit)
    return {
        "besluit": besluit,
        "client": besluit.client,
        "live": live,
        "snapshot": besluit.advies_snapshot,
        "regels_gewijzigd": advies.regels_gewijzigd(besluit),
        "concept": concept,
        "mag_nemen": has_right(user, "besluit.nemen"),
        "mag_reviewen": besluit.status == Status.TER_REVIEW
        and has_right(user, "besluit.reviewen")
        and besluit.genomen_door_id != user.pk,
        "mag_bezwaar": has_right(user, "besluit.bezwaar"),
        "bezwaar": getattr(besluit, "bezwaar", None),
        "toets": getattr(besluit, "omgekeerde_toets", None),
        **beleidstoets.stand(besluit, advies=(live or {}).get("advies")),
        "brieven": list(besluit.brieven.select_related("sjabloon")),
        "vorderingen": list(besluit.vorderingen.all()),
        "overgangen": list(besluit.overgangen.select_related("door")),
        "herzieningen": list(besluit.herzieningen.all()),
        "waarborgen": services.waarborg_fouten(besluit=besluit) if not concept else {},
    }


def besluiten_in_scope(*, user: User) -> QuerySet[Besluit]:
    """Every decision the user may see at all (their municipalities)."""
    return _scoped(user)


def _scoped(user: User) -> QuerySet[Besluit]:
    if not has_right(user, "besluit.bekijken"):
        return Besluit.objects.none()
    return Besluit.objects.filter(client__gemeente__in=user.gemeenten.all())


def werkvoorraad(*, user: User, limit: int = 200) -> dict[str, list[Besluit]]:
    """Concepts of the consultant's own clients and, for a teamleider, fines waiting for four eyes. Ordered by
    date only: no score, no ranking of people."""
    qs = _scoped(user).select_related("client", "genomen_door")
    return {
        "concepten": list(
            qs.filter(status=Status.CONCEPT, client__consulent=user).order_by("status_sinds")[
                :limit
            ]
        ),
        "ter_review": _met_beleidsafwijking(
            qs.filter(status=Status.TER_REVIEW)
            .select_related("client__gemeente")
            .order_by("status_sinds")[:limit]
        )
        if has_right(user, "besluit.reviewen")
        else [],
        "eigen_definitief": list(
            qs.filter(status=Status.DEFINITIEF, genomen_door=user).order_by("status_sinds")[:limit]
        ),
    }


def _met_beleidsafwijking(besluiten: Any) -> list[Besluit]:
    """Each decision with `beleidsafwijking` (Awb 4:84), so the reviewer sees a departure from policy in the list."""
    lijst = list(besluiten)
    for b in lijst:
        b.beleidsafwijking = beleid_afwijking(b, sanctie=b.sanctie)
    return lijst


def onderzoek_vervolg(*, user: User, onderzoek: Any) -> dict[str, Any] | None:
    """On the investigation page: its decision ("Besluit openen"), or, once the investigation has established
    a breach and no decision is open yet, the button that prepares one for whoever may decide. Nothing is read
    while the investigation runs (its page has a pinned query count)."""
    from naleving.onderzoek.statemachine import Status as OStatus
    from naleving.onderzoek.statemachine import Uitkomst as OUitkomst

    if onderzoek.status != OStatus.AFGEROND or not has_right(user, "besluit.bekijken"):
        return None
    besluit = (
        _scoped(user)
        .filter(onderzoek=onderzoek, herziet__isnull=True)
        .only("pk", "status", "onderzoek_id")
        .first()
    )
    if besluit is not None:
        return {"besluit": besluit}
    if onderzoek.uitkomst == OUitkomst.ONRECHTMATIGHEID and may(
        user, "besluit.nemen", onderzoek.client
    ):
        return {"besluit": None, "onderzoek": onderzoek}
    return None


def dossier_context(*, user: User, client: Client) -> dict[str, Any] | None:
    if not has_right(user, "besluit.bekijken"):
        return None
    from naleving.onderzoek.models import Onderzoek
    from naleving.onderzoek.statemachine import Status as OStatus
    from naleving.onderzoek.statemachine import Uitkomst as OUitkomst

    besluiten = list(_scoped(user).filter(client=client).select_related("genomen_door"))
    open_onderzoeken: list[Onderzoek] = []
    if may(user, "besluit.nemen", client):
        open_onderzoeken = list(
            Onderzoek.objects.filter(
                client=client, status=OStatus.AFGEROND, uitkomst=OUitkomst.ONRECHTMATIGHEID
            )
            .exclude(
                pk__in=Besluit.objects.filter(client=client, onderzoek__isnull=False).values(
                    "onderzoek_id"
                )
            )
            .order_by("pk")
        )
    return {
        "client": client,
        "besluiten": besluiten,
        "register": list(RegisterItem.objects.filter(client=client)),
        "vorderingen": list(Vordering.objects.filter(client=client)),
        "onderzoeken_zonder_besluit": open_onderzoeken,
        "mag_nemen": may(user, "besluit.nemen", client),
    }


def afzien_per_jaar(*, user: User, jaar: int) -> list[dict[str, Any]]:
    """Terugvordering 'tenzij' in the yearly report: how often, how much, per reason. Aggregates only."""
    if not (has_right(user, "rapportage.bekijken") or has_right(user, "besluit.reviewen")):
        return []
    rijen = list(
        Besluit.objects.filter(
            definitief_op__year=jaar,
            terugvordering_cent__lt=F("terugvordering_voorgesteld_cent"),
            client__gemeente__in=user.gemeenten.all(),
        )
        .values("afzien_reden")
        .annotate(
            aantal=Count("pk"),
            bedrag_afgezien_cent=Sum(
                F("terugvordering_voorgesteld_cent") - F("terugvordering_cent")
            ),
            geheel=Count("pk", filter=Q(terugvordering_cent=0)),
        )
        .order_by("afzien_reden")
    )
    labels = dict(AfzienReden.choices)
    for rij in rijen:
        rij["afzien_reden_label"] = labels.get(rij["afzien_reden"], rij["afzien_reden"] or "—")
    return rijen


def vordering_invorderingsadvies(
    *,
    vordering: Vordering,
    op: date,
    norm_cent: int,
    netto_inkomen_cent: int,
    betaaltermijn_einde: date,
    huishouden: str,
    uitkering_lopend: bool,
    zorgtoeslag: bool,
    huurtoeslag: bool,
    woonkosten_cent: int | None,
    recidive: bool,
) -> Invorderingsadvies:
    """The rules' advice on collecting this claim on ``op`` (naleving.regels.invordering), for a
    claim the caller fetched through the gate. Raises FeitenFout for facts the rules refuse."""
    soort = _INVORDERINGSSOORT[vordering.herkomst]
    if soort == "boete" and recidive:
        soort = "boete_recidive"
    return invordering(
        {
            "peildatum": op.isoformat(),
            "soort": soort,
            "openstaand_cent": vordering.openstaand_cent,
            "betaaltermijn_einde": betaaltermijn_einde.isoformat(),
            "norm_cent": norm_cent,
            "netto_inkomen_cent": netto_inkomen_cent,
            "uitkering_lopend": uitkering_lopend,
            "zorgtoeslag": zorgtoeslag,
            "huurtoeslag": huurtoeslag,
            "huishouden": huishouden,
            "woonkosten_cent": woonkosten_cent,
        }
    )
