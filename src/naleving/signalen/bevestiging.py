# SPDX-License-Identifier: EUPL-1.2
"""The one check that an anonymous report is corroborated before it grounds an investigation.

Rule (domain.md §4): a signal is never proof, and an anonymous tip is low-weight: it needs
corroboration before it can justify intrusive steps (a wrong anonymous cohabitation tip in Delft led
to days of watching a single mother's home). Both roads to an investigation use `vereis_bevestiging`:
triage of a signal to 'onderzoek starten' (signalen.services.signaal_triageer) and a request made
directly on the client (onderzoek.services.onderzoek_vraag_aan).

Corroboration is a reference to one real source of the same client that does not depend on the
reporter:
- a contact moment with the client (clienten.Contactmoment);
- another signal from a chain partner, a colleague or an own observation — sources the organisation
  knows and can ask again. A resident's report does not count, even with a name: anyone can type a
  name, so the same tipster could confirm themselves;
- an evidence file (onderzoek.Bewijsstuk) of an investigation of the same client. Attachments of a
  resident's report (signalen.Bijlage) come from that reporter and are not independent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Model, Q
from django.utils import timezone

from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Contactmoment
from naleving.clienten.selectors import may
from naleving.signalen.models import Bevestiging, Bron, Signaal, Status

#: Sources the organisation knows and can ask again (domain.md §4: signals from colleagues, chain
#: partners and observations); a resident's report is a tip, named or not.
ONAFHANKELIJKE_BRONNEN = frozenset({Bron.KETENPARTNER, Bron.COLLEGA, Bron.WAARNEMING})

SOORTEN: dict[str, str] = {
    "contactmoment": "Contactmoment met de cliënt",
    "signaal": "Signaal van een ketenpartner, collega of eigen waarneming",
    "bewijsstuk": "Bewijsstuk uit een onderzoek",
}

VELD_BRON = "bevestiging_bron"
VELD_UITLEG = "bevestiging_uitleg"


@dataclass(frozen=True)
class Verwijzing:
    """A checked reference to the source that corroborates, with its explanation."""

    soort: str
    bron: Model
    uitleg: str
    #: the anonymous signals it corroborates
    signalen: tuple[Signaal, ...]


def _bewijsstukken() -> type[Model]:
    # The evidence model belongs to the investigation app; reached through the foreign key so this
    # module does not import that app.
    model = Bevestiging._meta.get_field("bewijsstuk").related_model
    assert isinstance(model, type) and issubclass(model, Model)
    return model


def _heeft_bron() -> Q:
    return (
        Q(contactmoment__isnull=False) | Q(bron_signaal__isnull=False) | Q(bewijsstuk__isnull=False)
    )


def onbevestigd(signalen: Iterable[Signaal]) -> list[Signaal]:
    """The anonymous ones among these signals that carry no corroboration with a source yet."""
    anoniem = [s for s in signalen if s.anoniem]
    if not anoniem:
        return []
    bevestigd = set(
        Bevestiging.objects.filter(_heeft_bron(), signaal__in=anoniem).values_list(
            "signaal_id", flat=True
        )
    )
    return [s for s in anoniem if s.pk not in bevestigd]


def anonieme_grond(client: Client) -> list[Signaal]:
    """For a request made directly on the client: when every open signal of the client is anonymous,
    those signals are the only ground, and the uncorroborated ones among them are returned. A client
    with an open signal from a known source, or with no open signal at all, needs nothing here."""
    open_signalen = list(
        Signaal.objects.filter(client=client, status__in=(Status.ONTVANGEN, Status.IN_TRIAGE))
    )
    if not open_signalen or any(not s.anoniem for s in open_signalen):
        return []
    return onbevestigd(open_signalen)


def bron_keuzes(*, user: User, client: Client) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sources a user may pick for this client, grouped for a select field (value 'soort:pk')."""
    if not may(user, "client.bekijken", client):
        return []
    groepen: list[tuple[str, list[tuple[str, str]]]] = []
    contacten = [
        (f"contactmoment:{c.pk}", f"{timezone.localtime(c.tijdstip):%d-%m-%Y} — {c.onderwerp}")
        for c in Contactmoment.objects.filter(client=client)[:50]
    ]
    if contacten:
        groepen.append(("Contactmomenten", contacten))
    signalen = [
        (
            f"signaal:{s.pk}",
            f"Signaal {s.pk} van {s.datum:%d-%m-%Y} — {s.get_bron_display()}: "
            f"{s.get_product_display()}",
        )
        for s in Signaal.objects.filter(
            client=client, anoniem=False, bron__in=ONAFHANKELIJKE_BRONNEN
        ).order_by("-datum", "-pk")[:50]
    ]
    if signalen:
        groepen.append(("Signalen van ketenpartners en collega's", signalen))
    if may(user, "onderzoek.bekijken", client):
        stukken = [
            (f"bewijsstuk:{b.pk}", f"{b} ({getattr(b, 'bestandsnaam', '')})")
            for b in _bewijsstukken()
            .objects.filter(onderzoek__client=client)  # type: ignore[attr-defined]
            .order_by("-op", "-pk")[:50]
        ]
        if stukken:
            groepen.append(("Bewijsstukken", stukken))
    return groepen


def _zoek_bron(*, user: User, client: Client, waarde: str) -> tuple[str, Model]:
    soort, _, pk_tekst = waarde.partition(":")
    if soort not in SOORTEN or not pk_tekst.isdigit():
        raise ValidationError({VELD_BRON: "Kies de bron die de melding bevestigt uit de lijst."})
    pk = int(pk_tekst)
    bron: Model | None
    if soort == "contactmoment":
        bron = Contactmoment.objects.filter(pk=pk).first()
    elif soort == "signaal":
        bron = Signaal.objects.filter(pk=pk).first()
    else:
        bron = (
            _bewijsstukken().objects.select_related("onderzoek").filter(pk=pk).first()  # type: ignore[attr-defined]
        )
    bron_client_id = (
        getattr(bron.onderzoek, "client_id", None)  # type: ignore[attr-defined]
        if soort == "bewijsstuk" and bron is not None
        else getattr(bron, "client_id", None)
    )
    recht = "onderzoek.bekijken" if soort == "bewijsstuk" else "client.bekijken"
    # One answer for "does not exist", "another client" and "outside your scope": the error must
    # not tell whether a record of someone else exists.
    if bron is None or bron_client_id != client.pk or not may(user, recht, client):
        raise ValidationError(
            {
                VELD_BRON: "Deze bron bestaat niet of hoort niet bij deze cliënt. Kies een "
                "contactmoment, signaal of bewijsstuk van deze cliënt."
            }
        )
    return soort, bron


def vereis_bevestiging(
    *, user: User, client: Client, grond: Sequence[Signaal], bron: str, uitleg: str
) -> Verwijzing | None:
    """The shared check: when anonymous signals without corroboration are the ground, the caller
    must name a real, independent source of the same client and explain what it confirms.

    Returns None when nothing needs corroborating, else the checked reference; raises a
    ValidationError with Dutch messages on the fields `bevestiging_bron` and `bevestiging_uitleg`.
    """
    te_bevestigen = onbevestigd(grond)
    if not te_bevestigen:
        return None
    bron = (bron or "").strip()
    uitleg = (uitleg or "").strip()
    errors: dict[str, str] = {}
    if not bron:
        errors[VELD_BRON] = (
            "Een anonieme melding is alleen geen grond voor onderzoek. Kies de bron die de melding "
            "bevestigt: een contactmoment met de cliënt, een signaal van een ketenpartner of collega, "
            "of een bewijsstuk."
        )
    if not uitleg:
        errors[VELD_UITLEG] = "Schrijf kort op wat deze bron bevestigt van de melding."
    if errors:
        raise ValidationError(errors)
    soort, gevonden = _zoek_bron(user=user, client=client, waarde=bron)
    if isinstance(gevonden, Signaal):
        if any(gevonden.pk == s.pk for s in grond):
            raise ValidationError(
                {VELD_BRON: "Een melding kan zichzelf niet bevestigen. Kies een andere bron."}
            )
        if gevonden.anoniem or gevonden.bron not in ONAFHANKELIJKE_BRONNEN:
            raise ValidationError(
                {
                    VELD_BRON: "Een melding van een inwoner is geen onafhankelijke bevestiging. "
                    "Kies een signaal van een ketenpartner, een collega of een eigen waarneming."
                }
            )
    return Verwijzing(soort=soort, bron=gevonden, uitleg=uitleg, signalen=tuple(te_bevestigen))


def bevestiging_vastleggen(
    *, user: User, verwijzing: Verwijzing, onderzoek_ref: str = ""
) -> list[Bevestiging]:
    """Record the checked corroboration on each signal it corroborates; call inside the caller's
    transaction."""
    veld = {
        "contactmoment": "contactmoment",
        "signaal": "bron_signaal",
        "bewijsstuk": "bewijsstuk",
    }[verwijzing.soort]
    now = timezone.now()
    gemaakt = []
    for signaal in verwijzing.signalen:
        rij = Bevestiging.objects.create(
            signaal=signaal,
            uitleg=verwijzing.uitleg,
            onderzoek_ref=onderzoek_ref,
            door=user,
            op=now,
            **{veld: verwijzing.bron},
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=rij,
            client=signaal.client,
            velden={"bron": f"{verwijzing.soort}:{verwijzing.bron.pk}"},
            reden="Anonieme melding bevestigd",
        )
        gemaakt.append(rij)
    return gemaakt


def bevestigingen_voor(*, signaal_ids: Iterable[int], onderzoek_ref: str = "") -> list[Bevestiging]:
    """The corroborations to show with a signal or an investigation, with their sources."""
    ids = [i for i in signaal_ids if i]
    filt = Q(signaal_id__in=ids)
    if onderzoek_ref:
        filt |= Q(onderzoek_ref=onderzoek_ref)
    return list(
        Bevestiging.objects.filter(filt)
        .select_related("contactmoment__client", "bron_signaal", "bewijsstuk", "door")
        .order_by("op", "pk")
    )
