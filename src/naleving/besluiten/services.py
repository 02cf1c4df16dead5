# SPDX-License-Identifier: EUPL-1.2
"""Every write on a decision: one function per business action, checked, validated, atomic and audited.

The consultant decides (Handhaving in balans 2026-2030; AVG art. 22: never software alone); the engine advises.
"""

from __future__ import annotations

import copy
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from naleving import regels
from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.besluiten import advies as besluit_advies
from naleving.besluiten import beleidstoets
from naleving.besluiten.gevolgen import na_definitief
from naleving.besluiten.models import (
    Aanleiding,
    AfzienReden,
    Besluit,
    Cautie,
    Keuze,
    OmgekeerdeToets,
    Omstandigheid,
    Sanctie,
    Verwijtbaarheid,
)
from naleving.besluiten.statemachine import MACHINE, VASTGESTELD, Status
from naleving.clienten.models import Client
from naleving.clienten.regelfeiten import wet_op
from naleving.clienten.selectors import may
from naleving.core.locking import update_versioned
from naleving.onderzoek.activiteiten import cautie_nodig
from naleving.onderzoek.cautie import boete_mogelijk
from naleving.onderzoek.models import Overtreding
from naleving.onderzoek.services import rapport_grens_cent, rapport_grens_tekst
from naleving.verloop import services as verloop

WIJZIGBAAR = (
    "feiten",
    "verwijtbaarheid",
    "verwijtbaarheid_reden",
    "financieel_voordeel_beoogd",
    "dringende_redenen",
    "aangifte_gedaan",
    "terugvordering_feiten",
    "omstandigheden",
    "omstandigheden_toelichting",
    "keuze",
    "sanctie",
    "boete_cent",
    "maatregel_percentage",
    "maatregel_maanden",
    "afwijking_motivering",
    "beleid_afwijking_reden",
    "motivering",
    "terugvordering_cent",
    "afzien_reden",
    "afzien_motivering",
    "cautie",
    "zienswijze",
    "zienswijze_ontvangen_op",
    "zienswijze_termijn",
)


def _beweeg(
    besluit: Besluit, *, naar: str, user: User, toelichting: str = "", **changes: Any
) -> None:
    verloop.beweeg(
        machine=MACHINE, obj=besluit, naar=naar, user=user, toelichting=toelichting, changes=changes
    )


def _mag_nemen(user: User, client: Client) -> None:
    if not may(user, "besluit.nemen", client):
        raise PermissionDenied(
            "Alleen de inkomensconsulent neemt een besluit; uw rol adviseert of controleert."
        )


def besluit_open(
    *,
    user: User,
    client: Client,
    aanleiding: str,
    overtreding: str,
    pleegdatum: date | None,
    wet: str = "",
    perioden: list[dict[str, Any]] | None = None,
    benadelingsbedrag_cent: int | None = None,
    feiten: str = "",
    onderzoek: Any = None,
    herziet: Besluit | None = None,
    aangifte_gedaan: bool | None = None,
) -> Besluit:
    """Open a decision in concept: from a finished investigation, from an objection, or directly."""
    _mag_nemen(user, client)
    errors: dict[str, str] = {}
    if aanleiding not in Aanleiding.values:
        errors["aanleiding"] = "Kies een aanleiding uit de lijst."
    if not overtreding or overtreding not in Overtreding.values:
        errors["overtreding"] = "Kies welke verplichting is geschonden."
    if pleegdatum is None:
        errors["pleegdatum"] = "Vul de pleegdatum in."
    elif pleegdatum > timezone.localdate():
        errors["pleegdatum"] = "De pleegdatum ligt in de toekomst."
    if overtreding == "inlichtingenplicht" and not perioden and benadelingsbedrag_cent is None:
        errors["benadelingsbedrag_cent"] = (
            "Vul het benadelingsbedrag in (of de maanden met ontvangen en recht)."
        )
    if errors:
        raise ValidationError(errors)
    assert pleegdatum is not None
    # The law of the benefit the client had on the pleegdatum, by the same rule as the engine's facts.
    wet = wet or wet_op(client, pleegdatum)
    now = timezone.now()
    with transaction.atomic():
        besluit = Besluit.objects.create(
            client=client,
            onderzoek=onderzoek,
            aanleiding=aanleiding,
            herziet=herziet,
            wet=wet,
            overtreding=overtreding,
            pleegdatum=pleegdatum,
            perioden=perioden or [],
            benadelingsbedrag_cent=benadelingsbedrag_cent,
            feiten=feiten,
            aangifte_gedaan=aangifte_gedaan,
            status=Status.CONCEPT,
            status_sinds=now,
            aangemaakt_door=user,
        )
        besluit.cautie, besluit.cautie_gesprekken = cautie_uit_onderzoek(onderzoek=onderzoek)
        besluit.save(update_fields=["cautie", "cautie_gesprekken"])
        verloop.begin(machine=MACHINE, obj=besluit, user=user, op=now)
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=besluit,
            client=client,
            velden={"aanleiding": aanleiding, "overtreding": overtreding},
        )
    return besluit


def besluit_open_uit_onderzoek(*, user: User, onderzoek: Any) -> Besluit:
    """The facts come prefilled from the rapport: breach, pleegdatum, months, the Awb 5:48 facts."""
    from naleving.onderzoek.models import Rapport
    from naleving.onderzoek.statemachine import Status as OStatus

    rapport = Rapport.objects.filter(onderzoek=onderzoek).first()
    if onderzoek.status != OStatus.AFGEROND or rapport is None or not rapport.overtreding:
        raise ValidationError(
            "Een besluit volgt op een afgerond onderzoek waarin een overtreding is vastgesteld."
        )
    if Besluit.objects.filter(onderzoek=onderzoek, herziet__isnull=True).exists():
        raise ValidationError("Bij dit onderzoek is al een besluit geopend.")
    return besluit_open(
        user=user,
        client=onderzoek.client,
        aanleiding=Aanleiding.ONDERZOEK,
        onderzoek=onderzoek,
        overtreding=rapport.overtreding,
        pleegdatum=rapport.pleegdatum,
        perioden=rapport.perioden,
        aangifte_gedaan=rapport.aangifte_gedaan,
        feiten="\n\n".join(t for t in (rapport.awb_feiten, rapport.bevindingen) if t.strip()),
    )


def cautie_uit_onderzoek(*, onderzoek: Any) -> tuple[str, list[dict[str, Any]]]:
    """Awb 5:10a: which statements were taken with the cautie (CRvB 2019:767: without it they cannot prove
    grove schuld). Recorded on every decision from the investigation's conversations."""
    if onderzoek is None:
        return "", []
    # Whether a fine is possible follows from the investigation itself (onderzoek.cautie), as it stands now.
    boete = boete_mogelijk(onderzoek)
    # The hearing as it happened: when it began and when the cautie was given (both recorded with the hearing,
    # Awb 5:10a), not when it was typed in; `datum` is the day it began.
    gesprekken = [
        {
            "activiteit": a.pk,
            "datum": timezone.localdate(begin).isoformat(),
            "begin": a.gegevens.get("begin") or "",
            "met_wie": a.gegevens.get("met_wie", ""),
            "kan_leiden_tot_boete": cautie_nodig(a.gegevens, boete_mogelijk=boete),
            "cautie_gegeven": bool(a.gegevens.get("cautie_tijdstip")),
            "cautie_tijdstip": a.gegevens.get("cautie_tijdstip") or "",
        }
        for begin, a in sorted(
            (
                (
                    datetime.fromisoformat(a.gegevens["begin"])
                    if a.gegevens.get("begin")
                    else a.vastgelegd_op,
                    a,
                )
                for a in onderzoek.activiteiten.filter(soort="gesprek")
            ),
            key=lambda paar: (paar[0], paar[1].pk),
        )
    ]
    if not gesprekken:
        return Cautie.GEEN_VERKLARINGEN, []
    ok = all(g["cautie_gegeven"] for g in gesprekken if g["kan_leiden_tot_boete"])
    return (Cautie.GEGEVEN if ok else Cautie.NIET_GEGEVEN), gesprekken


def _alleen_concept(besluit: Besluit) -> None:
    if besluit.status in VASTGESTELD:
        raise ValidationError(
            "Dit besluit is definitief en kan niet meer worden gewijzigd. Gebruik bezwaar of een nieuw besluit."
        )
    if besluit.status != Status.CONCEPT:
        raise ValidationError("Dit besluit ligt ter review; het kan nu niet worden gewijzigd.")


def besluit_wijzig(
    *, user: User, besluit: Besluit, versie: int | None = None, **velden: Any
) -> Besluit:
    """Save the consultant's judgements and choices in concept. Nothing is final here."""
    unknown = set(velden) - set(WIJZIGBAAR)
    if unknown:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    _mag_nemen(user, besluit.client)
    errors: dict[str, str] = {}
    if velden.get("verwijtbaarheid") and velden["verwijtbaarheid"] not in Verwijtbaarheid.values:
        errors["verwijtbaarheid"] = "Kies een mate van verwijtbaarheid uit de lijst."
    if any(o not in Omstandigheid.values for o in velden.get("omstandigheden") or []):
        errors["omstandigheden"] = "Kies omstandigheden uit de lijst."
    for naam in ("boete_cent", "maatregel_percentage", "maatregel_maanden", "terugvordering_cent"):
        if (velden.get(naam) or 0) < 0:
            errors[naam] = "Vul een getal van 0 of meer in."
    if "terugvordering_feiten" in velden:
        errors.update(_terugvordering_fouten(besluit, velden))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        _alleen_concept(besluit)
        changed = update_versioned(
            besluit,
            expected_version=versie if versie is not None else besluit.versie,
            changes=velden,
        )
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=besluit,
            client=besluit.client,
            velden={"gewijzigd": sorted(changed)},
            reden=f"Besluit {besluit.nummer}",
        )
    return besluit


def _terugvordering_fouten(besluit: Besluit, velden: dict[str, Any]) -> dict[str, str]:
    """The recovery facts checked by the engine's own parser and rules (regels.feiten, PW art. 58-59), with the
    other changes of this call applied: an error is keyed by the engine's path (``terugvordering.…``) so the
    form can put it on its field. Errors outside the recovery facts are left to the advice card."""
    waarde = velden["terugvordering_feiten"]
    if waarde is None:
        return {
            "terugvordering": "Geef de feiten van de terugvordering als object, of een leeg object."
        }
    if not waarde:
        return {}
    voorbeeld = copy.copy(besluit)
    for naam, nieuw in velden.items():
        setattr(voorbeeld, naam, nieuw)
    try:
        regels.adviseer(besluit_advies.feiten_voor(voorbeeld))
    except regels.FeitenFout as fout:
        if fout.veld == "terugvordering" or fout.veld.startswith("terugvordering."):
            return {fout.veld: fout.bericht[:1].upper() + fout.bericht[1:] + "."}
    return {}


def _toepassen(besluit: Besluit, snap: dict[str, Any]) -> dict[str, Any]:
    """Check the choice against the advice and return the fields the decision gets. Raises on what is missing."""
    errors: dict[str, str] = {}
    if "fout" in snap:
        raise ValidationError(f"De regels kunnen met deze gegevens niet rekenen: {snap['fout']}")
    advies = snap["advies"]
    if besluit.verwijtbaarheid and not besluit.verwijtbaarheid_reden.strip():
        errors["verwijtbaarheid_reden"] = (
            "Schrijf op waarom u tot deze mate van verwijtbaarheid komt."
        )
    if not besluit.motivering.strip():
        errors["motivering"] = (
            "Schrijf de motivering: waarom dit besluit, met de afweging van de omstandigheden."
        )
    fields: dict[str, Any] = {}
    if besluit.keuze == Keuze.VOLGT:
        if advies["sanctie"] == "oordeel_nodig":
            errors["keuze"] = (
                "Het advies vraagt nog om uw oordeel: beantwoord de open vragen, of wijk af met een motivering."
            )
        maatregel = advies.get("maatregel") or {}
        fields = {
            "sanctie": advies["sanctie"],
            "boete_cent": advies["boete_cent"],
            "maatregel_percentage": maatregel.get("percentage", 0),
            "maatregel_maanden": maatregel.get("maanden", 0),
        }
    elif besluit.keuze == Keuze.WIJKT_AF:
        if not besluit.afwijking_motivering.strip():
            errors["afwijking_motivering"] = (
                "U wijkt af van het advies: schrijf op waarom (motivering verplicht)."
            )
        if besluit.sanctie not in Sanctie.values:
            errors["sanctie"] = "Kies welke sanctie u oplegt."
        elif besluit.sanctie == Sanctie.BOETE and besluit.boete_cent <= 0:
            errors["boete_cent"] = "Vul de hoogte van de boete in."
        elif besluit.sanctie == Sanctie.MAATREGEL:
            errors.update(_maatregel_buiten_grenzen(besluit))
        fields = {
            "sanctie": besluit.sanctie,
            "boete_cent": besluit.boete_cent if besluit.sanctie == Sanctie.BOETE else 0,
            "maatregel_percentage": besluit.maatregel_percentage
            if besluit.sanctie == Sanctie.MAATREGEL
            else 0,
            "maatregel_maanden": besluit.maatregel_maanden
            if besluit.sanctie == Sanctie.MAATREGEL
            else 0,
        }
    else:
        errors["keuze"] = "Kies of u het advies volgt of ervan afwijkt."
    voorstel = advies["terugvordering"]["bedrag_cent"]
    terug = voorstel if besluit.terugvordering_cent is None else besluit.terugvordering_cent
    if terug > voorstel:
        errors["terugvordering_cent"] = (
            "De terugvordering kan niet hoger zijn dan het benadelingsbedrag dat de regels voorstellen."
        )
    elif terug < voorstel and not (
        besluit.afzien_reden in AfzienReden.values and besluit.afzien_motivering.strip()
    ):
        errors["afzien_motivering"] = (
            "U ziet (deels) af van terugvordering: kies de reden en schrijf de motivering (PW art. 58 lid 8)."
        )
    if besluit.aanleiding != Aanleiding.ONDERZOEK and not besluit.cautie:
        errors["cautie"] = (
            "Leg vast of er verklaringen zijn gebruikt en of daarbij cautie is gegeven."
        )
    errors.update(_beleid_fouten(besluit, sanctie=fields.get("sanctie", ""), terug=terug))
    if errors:
        raise ValidationError(errors)
    fields["terugvordering_voorgesteld_cent"] = voorstel
    fields["terugvordering_cent"] = terug
    if terug == voorstel:
        fields["afzien_reden"], fields["afzien_motivering"] = "", ""
    if not beleidstoets.beleid_afwijking(besluit, sanctie=fields.get("sanctie", "")):
        fields["beleid_afwijking_reden"] = ""
    return fields


def _beleid_fouten(besluit: Besluit, *, sanctie: str, terug: int) -> dict[str, str]:
    """What the organisation's policy asks before fixing this decision: the Omgekeerde Toets (parameter
    omgekeerde_toets_bij), and a recorded reason for a fine the policy rule does not give (Awb 4:84)."""
    errors: dict[str, str] = {}
    nodig = beleidstoets.toets_nodig(sanctie=sanctie, terugvordering_cent=terug)
    if nodig and not OmgekeerdeToets.objects.filter(besluit_id=besluit.pk).exists():
        errors["toets"] = (
            f"Vul eerst de Omgekeerde Toets in. Het beleid vraagt die vóór {nodig} "
            "(Handhaving in balans 2026-2030, menselijke maat)."
        )
    afwijking = beleidstoets.beleid_afwijking(besluit, sanctie=sanctie)
    if afwijking and not besluit.beleid_afwijking_reden.strip():
        errors["beleid_afwijking_reden"] = (
            f"{afwijking} Schrijf op waarom u afwijkt: welke bijzondere omstandigheid dit rechtvaardigt."
        )
    return errors


def _maatregel_buiten_grenzen(besluit: Besluit) -> dict[str, str]:
    """PW art. 18 lid 2, 3 and 5 (2015): the bounds of a maatregel the consultant sets, in force on the pleegdatum
    for the client's municipality (parameters maatregel_percentage_min/max, maatregel_maanden_min/max)."""
    try:
        grens = {
            naam: regels.getal(
                naam, op=besluit.pleegdatum, gemeente=besluit.client.gemeente.cbs_code
            )
            for naam in (
                "maatregel_percentage_min",
                "maatregel_percentage_max",
                "maatregel_maanden_min",
                "maatregel_maanden_max",
            )
        }
    except regels.ParameterFout:
        return {
            "maatregel_maanden": (
                "Voor een pleegdatum van vóór de regels in dit systeem zijn de grenzen van een maatregel niet "
                "bekend. U kunt hier daarom geen eigen maatregel vastleggen; vraag de functioneel beheerder."
            )
        }
    if (
        grens["maatregel_maanden_min"]
        <= besluit.maatregel_maanden
        <= grens["maatregel_maanden_max"]
        and grens["maatregel_percentage_min"]
        <= besluit.maatregel_percentage
        <= grens["maatregel_percentage_max"]
    ):
        return {}
    return {
        "maatregel_maanden": (
            f"Een maatregel is {grens['maatregel_percentage_min']} tot {grens['maatregel_percentage_max']} % "
            f"gedurende {grens['maatregel_maanden_min']} tot {grens['maatregel_maanden_max']} maanden (PW art. 18)."
        )
    }


def waarborg_fouten(*, besluit: Besluit, vandaag: date | None = None) -> dict[str, str]:
    """What must be in place before a decision may become definitive (the legal safeguards)."""
    vandaag = vandaag or timezone.localdate()
    errors: dict[str, str] = {}
    mogelijk = mogelijke_boete_cent(besluit=besluit) if besluit.sanctie == Sanctie.BOETE else 0
    if besluit.sanctie == Sanctie.BOETE and (
        mogelijk is None or mogelijk > rapport_grens_cent(op=vandaag)
    ):
        from naleving.onderzoek.models import Rapport

        grens = rapport_grens_tekst(op=vandaag)
        if (
            besluit.onderzoek_id is None
            or not Rapport.objects.filter(onderzoek_id=besluit.onderzoek_id).exists()
        ):
            errors["onderzoek"] = (
                f"Een boete van meer dan {grens} is mogelijk: daarvoor is een rapport nodig (Awb 5:48 en 5:53)."
            )
        heeft_zienswijze = bool(besluit.zienswijze.strip() and besluit.zienswijze_ontvangen_op)
        termijn_voorbij = (
            besluit.zienswijze_termijn is not None and besluit.zienswijze_termijn < vandaag
        )
        if not (heeft_zienswijze or termijn_voorbij):
            errors["zienswijze"] = (
                f"Een boete van meer dan {grens} is mogelijk: leg de zienswijze van de cliënt vast, of de datum tot "
                "wanneer de cliënt die kon geven (Awb 5:53)."
            )
    if not besluit.cautie:
        errors["cautie"] = (
            "Leg vast of er verklaringen zijn gebruikt en of daarbij cautie is gegeven."
        )
    return errors


def mogelijke_boete_cent(*, besluit: Besluit) -> int | None:
    """The highest fine that could be imposed: the benadelingsbedrag, with recidive the percentage of PW art. 18a
    lid 5-6 (2015) in force on the pleegdatum (parameter recidive_percentage, 150 %), or the fine chosen. Rounded
    up to whole cents, so that it compares exactly with the € 340 of Awb 5:53 (150 % of € 226,67 is € 340,005,
    above it). None when recidive applies but the rules hold no percentage on the pleegdatum (a breach before the
    first rule set): the maximum is unknown, so the safeguards apply."""
    snap = besluit.advies_snapshot or {}
    benadeling = (snap.get("advies") or {}).get("benadelingsbedrag_cent", 0)
    feiten = snap.get("feiten") or {}
    recidive = any(s["soort"] == "boete" for s in feiten.get("eerdere_sancties", []))
    maximum = benadeling
    if recidive and benadeling:
        try:
            procent = regels.getal(
                "recidive_percentage",
                op=date.fromisoformat(feiten["pleegdatum"]),
                gemeente=feiten.get("gemeente"),
            )
        except regels.ParameterFout:
            return None
        maximum = -(-benadeling * procent // 100)
    return int(max(besluit.boete_cent, maximum))


def besluit_vaststellen(*, user: User, besluit: Besluit, versie: int | None = None) -> Besluit:
    """The consultant decides: the advice is snapshotted, the choice applied. A fine goes to the teamleider for
    the four-eyes check; anything else becomes definitive at once when the safeguards are met."""
    _mag_nemen(user, besluit.client)
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if versie is not None and versie != besluit.versie:
            from naleving.core.locking import VerouderdeVersie

            raise VerouderdeVersie()
        _alleen_concept(besluit)
        snap = besluit_advies.snapshot(besluit)
        fields = _toepassen(besluit, snap)
        fields.update({"advies_snapshot": snap, "genomen_door": user})
        for name, value in fields.items():
            setattr(besluit, name, value)
        if besluit.sanctie == Sanctie.BOETE:
            afwijking = beleidstoets.beleid_afwijking(besluit, sanctie=besluit.sanctie)
            toelichting = (
                f"Afwijking van het beleid (Awb 4:84). Reden: {besluit.beleid_afwijking_reden.strip()}"
                if afwijking
                else ""
            )
            _beweeg(besluit, naar=Status.TER_REVIEW, user=user, toelichting=toelichting, **fields)
            return besluit
        errors = waarborg_fouten(besluit=besluit)
        if errors:
            raise ValidationError(errors)
        _beweeg(besluit, naar=Status.DEFINITIEF, user=user, definitief_op=timezone.now(), **fields)
        na_definitief(besluit, user=user)
    return besluit


def mag_reviewen(*, user: User, besluit: Besluit) -> bool:
    """Four eyes: a teamleider other than the consultant who decided, while the decision is up
    for review (the same rule `besluit_review` enforces)."""
    return (
        besluit.status == Status.TER_REVIEW
        and may(user, "besluit.reviewen", besluit.client)
        and besluit.genomen_door_id != user.pk
    )


def besluit_review(
    *, user: User, besluit: Besluit, akkoord: bool, toelichting: str = ""
) -> Besluit:
    """Four eyes on a fine: a teamleider other than the consultant who decided approves or sends back."""
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if besluit.status != Status.TER_REVIEW:
            raise ValidationError("Dit kan alleen als het besluit ter review ligt.")
        if besluit.genomen_door_id == user.pk:
            raise PermissionDenied("Vier ogen: u kunt uw eigen besluit niet goedkeuren.")
        if not akkoord:
            if not toelichting.strip():
                raise ValidationError(
                    {"toelichting": "Schrijf op wat er aan het besluit moet veranderen."}
                )
            _beweeg(
                besluit,
                naar=Status.CONCEPT,
                user=user,
                toelichting=toelichting.strip(),
                advies_snapshot=None,
            )
            return besluit
        if not may(user, "besluit.reviewen", besluit.client):
            raise PermissionDenied("U mag deze stap in het besluit niet zetten.")
        errors = waarborg_fouten(besluit=besluit)
        if errors:
            raise ValidationError(errors)
        _beweeg(
            besluit,
            naar=Status.DEFINITIEF,
            user=user,
            toelichting=toelichting.strip(),
            reviewer=user,
            definitief_op=timezone.now(),
        )
        na_definitief(besluit, user=user)
    return besluit


def besluit_verzend(*, user: User, besluit: Besluit) -> Besluit:
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if not besluit.brieven.exists():
            raise ValidationError("Er is nog geen beschikking gemaakt.")
        _beweeg(besluit, naar=Status.VERZONDEN, user=user)
    return besluit


def toets_opslaan(*, user: User, besluit: Besluit, **stappen: str) -> OmgekeerdeToets:
    """Record the five steps of the Omgekeerde Toets (domain.md §7); all five are needed, the law last."""
    _mag_nemen(user, besluit.client)
    errors = {
        n: "Vul deze stap in."
        for n in OmgekeerdeToets.STAPPEN
        if not (stappen.get(n) or "").strip()
    }
    if set(stappen) - set(OmgekeerdeToets.STAPPEN):
        raise ValidationError("Onbekende stap.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        _alleen_concept(besluit)
        waarden = {n: stappen[n].strip() for n in OmgekeerdeToets.STAPPEN}
        toets, _ = OmgekeerdeToets.objects.update_or_create(
            besluit=besluit, defaults={**waarden, "door": user, "op": timezone.now()}
        )
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=toets,
            client=besluit.client,
            reden=f"Omgekeerde Toets bij besluit {besluit.nummer}",
        )
    return toets
