# SPDX-License-Identifier: EUPL-1.2
"""Every write in an investigation: one function per business action, checked, validated, atomic and audited."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from naleving import regels
from naleving.accounts.models import User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.meldingen import meldingen_in_periode
from naleving.clienten.models import Client
from naleving.clienten.selectors import may
from naleving.core.locking import VerouderdeVersie, update_versioned
from naleving.core.money import format_euro
from naleving.onderzoek import activiteiten
from naleving.onderzoek.advies import voorlopig_advies
from naleving.onderzoek.cautie import boete_mogelijk
from naleving.onderzoek.models import (
    Aanleiding,
    Activiteit,
    Bewijsstuk,
    Gemeld,
    Meldcheck,
    Onderzoek,
    Onderzoeksplan,
    PlanStap,
    Rapport,
)
from naleving.onderzoek.statemachine import MACHINE, MET_TERMIJN, Status, Uitkomst
from naleving.verloop import services as verloop

MAX_BEWIJS_BYTES = 25 * 1024 * 1024


def rapport_grens_cent(*, op: date) -> int:
    """Awb 5:53 lid 1 jo. 5:48: a written rapport and a zienswijze are required when a fine above this amount can
    be imposed; a procedural rule, so read on the day of the step (parameter rapport_grens_cent)."""
    return regels.getal("rapport_grens_cent", op=op)


def rapport_grens_tekst(*, op: date) -> str:
    """The same threshold as people read it: '€ 340'."""
    return format_euro(rapport_grens_cent(op=op)).removesuffix(",00")


def termijn_dagen(*, status: str, op: date) -> int:
    """Calendar days for `status` (0: no term), from the parameter file on `op` unless settings
    override them (NALEVING_ONDERZOEK_TERMIJNEN)."""
    override = getattr(settings, "NALEVING_ONDERZOEK_TERMIJNEN", {})
    if status in override:
        return int(override[status])
    if status not in MET_TERMIJN:
        return 0
    return regels.getal(f"onderzoek_termijn_{status}_dagen", op=op)


def _termijn(status: str, vanaf: datetime) -> date:
    dag = timezone.localdate(vanaf)
    return dag + timedelta(days=termijn_dagen(status=status, op=dag))


def _beweeg(
    onderzoek: Onderzoek, *, naar: str, user: User, toelichting: str = "", **changes: Any
) -> None:
    """Move the investigation; every state carries its own deadline."""
    verloop.beweeg(
        machine=MACHINE,
        obj=onderzoek,
        naar=naar,
        user=user,
        toelichting=toelichting,
        changes={"termijn": _termijn(naar, timezone.now()), **changes},
    )


def _check_versie(onderzoek: Onderzoek, versie: int | None) -> None:
    if versie is not None and versie != onderzoek.versie:
        raise VerouderdeVersie()


def onderzoek_vraag_aan(
    *,
    user: User,
    client: Client,
    aanleiding: str,
    vraag: str,
    signaal_id: int | None = None,
    bevestiging_bron: str = "",
    bevestiging_uitleg: str = "",
) -> Onderzoek:
    """A consultant asks for an investigation (at an application or during the benefit), or a handhaver's triage
    of a signal does. Either way the consultant of the case keeps eindregie.

    An anonymous tip alone is no ground (domain.md §4): when the ground is the anonymous signal, or, for a request
    made directly on the client, when all the client's open signals are anonymous, the request names the source
    that corroborates it — the same check as triage (signalen.bevestiging.vereis_bevestiging)."""
    from naleving.signalen.bevestiging import (
        anonieme_grond,
        bevestiging_vastleggen,
        vereis_bevestiging,
    )
    from naleving.signalen.models import Signaal

    if not may(user, "onderzoek.aanvragen", client):
        raise PermissionDenied("U mag voor deze cliënt geen onderzoek aanvragen.")
    if aanleiding not in Aanleiding.values:
        raise ValidationError({"aanleiding": "Kies een aanleiding uit de lijst."})
    if aanleiding == Aanleiding.SIGNAAL and signaal_id is None:
        raise ValidationError({"aanleiding": "Een onderzoek op een signaal hoort bij dat signaal."})
    if not vraag.strip():
        raise ValidationError({"vraag": "Beschrijf wat het onderzoek moet uitzoeken."})
    grond = (
        list(Signaal.objects.filter(pk=signaal_id, client=client))
        if signaal_id is not None
        else anonieme_grond(client)
    )
    verwijzing = vereis_bevestiging(
        user=user, client=client, grond=grond, bron=bevestiging_bron, uitleg=bevestiging_uitleg
    )
    now = timezone.now()
    with transaction.atomic():
        onderzoek = Onderzoek.objects.create(
            client=client,
            gemeente_id=client.gemeente_id,
            aanleiding=aanleiding,
            signaal_id=signaal_id,
            vraag=vraag.strip(),
            aangevraagd_door=user,
            aangevraagd_op=now,
            status=Status.AANGEVRAAGD,
            status_sinds=now,
            termijn=_termijn(Status.AANGEVRAAGD, now),
        )
        verloop.begin(machine=MACHINE, obj=onderzoek, user=user, op=now)
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=onderzoek,
            client=client,
            velden={"aanleiding": aanleiding},
        )
        if verwijzing is not None:
            bevestiging_vastleggen(user=user, verwijzing=verwijzing, onderzoek_ref=onderzoek.nummer)
    return onderzoek


def onderzoek_uit_signaal(*, user: User, signaal: Any, toelichting: str) -> Onderzoek:
    """Triage decided 'onderzoek starten': open the investigation for the signal's client and link both ways.
    The teamleider then assigns it; the consultant of the case keeps eindregie."""
    from naleving.signalen.services import signaal_koppel_onderzoek

    vraag = f"Signaal {signaal.pk} ({signaal.get_product_display()}): {toelichting}".strip()
    onderzoek = onderzoek_vraag_aan(
        user=user,
        client=signaal.client,
        aanleiding=Aanleiding.SIGNAAL,
        vraag=vraag,
        signaal_id=signaal.pk,
    )
    signaal_koppel_onderzoek(user=user, signaal=signaal, onderzoek_ref=onderzoek.nummer)
    return onderzoek


def onderzoek_wijs_toe(
    *, user: User, onderzoek: Onderzoek, handhaver: User, versie: int | None = None
) -> Onderzoek:
    if handhaver.rol_id != "handhaver" or not handhaver.is_active:
        raise ValidationError({"handhaver": "Kies een actieve handhaver."})
    if not handhaver.gemeenten.filter(pk=onderzoek.client.gemeente_id).exists():
        raise ValidationError(
            {"handhaver": "Deze handhaver werkt niet voor de gemeente van de cliënt."}
        )
    with transaction.atomic():
        onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
        _check_versie(onderzoek, versie)
        naar = (
            Status.TOEGEWEZEN
            if onderzoek.status in (Status.AANGEVRAAGD, Status.TOEGEWEZEN)
            else onderzoek.status
        )
        _beweeg(
            onderzoek,
            naar=naar,
            user=user,
            toelichting=f"Handhaver: {handhaver}",
            handhaver=handhaver,
        )
    return onderzoek


def _als_handhaver(user: User, onderzoek: Onderzoek) -> None:
    if onderzoek.handhaver_id != user.pk or not may(user, "onderzoek.uitvoeren", onderzoek.client):
        raise PermissionDenied("Alleen de toegewezen handhaver kan dit onderzoek uitvoeren.")


def _in_uitvoering(onderzoek: Onderzoek) -> None:
    if onderzoek.status != Status.IN_UITVOERING:
        raise ValidationError("Dit kan alleen als het onderzoek in uitvoering is.")


def onderzoek_start(*, user: User, onderzoek: Onderzoek) -> Onderzoek:
    with transaction.atomic():
        onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
        _als_handhaver(user, onderzoek)
        if onderzoek.status != Status.TOEGEWEZEN:
            raise ValidationError(
                f"Dit kan niet: een onderzoek met status '{onderzoek.get_status_display()}' kan niet worden gestart."
            )
        _beweeg(onderzoek, naar=Status.IN_UITVOERING, user=user)
    return onderzoek


@dataclass(frozen=True)
class StapInvoer:
    soort: str
    noodzaak: str
    subsidiariteit: str = ""


def plan_opslaan(
    *,
    user: User,
    onderzoek: Onderzoek,
    vragen: str,
    feiten: str,
    stappen: list[StapInvoer],
    versie: int | None = None,
) -> Onderzoeksplan:
    """The onderzoeksplan: questions, the facts that ground the doubt, and each planned step with its necessity;
    an intrusive step also says why nothing lighter suffices (Awb 5:13; art. 8 EVRM)."""
    _als_handhaver(user, onderzoek)
    if onderzoek.status not in (Status.TOEGEWEZEN, Status.IN_UITVOERING):
        raise ValidationError("Het plan kan alleen worden gewijzigd zolang het onderzoek loopt.")
    errors: dict[str, str] = {}
    if not vragen.strip():
        errors["vragen"] = "Schrijf op welke vragen het onderzoek moet beantwoorden."
    if not feiten.strip():
        errors["feiten"] = "Schrijf op welke concrete, objectieve feiten de twijfel geven."
    for stap in stappen:
        if stap.soort not in activiteiten.VELDEN:
            errors[f"stap_{stap.soort}"] = "Onbekende soort stap."
        elif not stap.noodzaak.strip():
            errors[f"noodzaak_{stap.soort}"] = "Schrijf op waarom deze stap nodig is (Awb 5:13)."
        elif stap.soort in activiteiten.INGRIJPEND and not stap.subsidiariteit.strip():
            errors[f"subsidiariteit_{stap.soort}"] = (
                "Dit is een ingrijpende stap: schrijf op waarom niets lichters volstaat."
            )
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        plan = Onderzoeksplan.objects.filter(onderzoek=onderzoek).first()
        if plan is None:
            plan = Onderzoeksplan.objects.create(
                onderzoek=onderzoek, vragen=vragen, feiten=feiten, bijgewerkt_op=now
            )
        else:
            if versie is None:
                versie = plan.versie
            update_versioned(
                plan,
                expected_version=versie,
                changes={"vragen": vragen, "feiten": feiten, "bijgewerkt_op": now},
            )
        existing = {s.soort: s for s in plan.stappen.all()}
        for stap in stappen:
            if stap.soort in existing:
                PlanStap.objects.filter(pk=existing[stap.soort].pk).update(
                    noodzaak=stap.noodzaak, subsidiariteit=stap.subsidiariteit
                )
            else:
                PlanStap.objects.create(
                    plan=plan,
                    soort=stap.soort,
                    noodzaak=stap.noodzaak,
                    subsidiariteit=stap.subsidiariteit,
                )
        gone = set(existing) - {s.soort for s in stappen}
        # A planned step that was already used stays: the record of why it was allowed must remain.
        plan.stappen.filter(soort__in=gone, activiteit__isnull=True).delete()
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=plan,
            client=onderzoek.client,
            velden={"stappen": sorted(s.soort for s in stappen)},
            reden="Onderzoeksplan opgeslagen",
        )
    return plan


def activiteit_vastleggen(
    *, user: User, onderzoek: Onderzoek, soort: str, gegevens: dict[str, Any]
) -> tuple[Activiteit, list[str]]:
    """Record one activity. Returns it with proportionality warnings for the handhaver to weigh."""
    _als_handhaver(user, onderzoek)
    _in_uitvoering(onderzoek)
    # Whether a fine is possible follows from the investigation (onderzoek.cautie), not from the form.
    boete = boete_mogelijk(onderzoek)
    clean = activiteiten.valideer(soort, gegevens, boete_mogelijk=boete)
    if soort == activiteiten.Soort.GESPREK:
        clean["boete_mogelijk"] = boete  # what was derived when the hearing was recorded
    weigering = (
        onderzoek.activiteiten.filter(
            soort=activiteiten.Soort.HUISBEZOEK, gegevens__toestemming="geweigerd"
        )
        .order_by("-vastgelegd_op", "-pk")
        .first()
        if soort == activiteiten.Soort.HUISBEZOEK and clean["toestemming"] == "gegeven"
        else None
    )
    stap = None
    if soort in activiteiten.INGRIJPEND:
        stap = (
            PlanStap.objects.filter(plan__onderzoek=onderzoek, soort=soort)
            .exclude(subsidiariteit="")
            .first()
        )
        if stap is None:
            raise ValidationError(
                {
                    "soort": "Deze ingrijpende stap staat niet met een onderbouwing in het onderzoeksplan. Leg eerst "
                    "in het plan vast waarom hij nodig is en waarom niets lichters volstaat (Awb 5:13)."
                }
            )
    with transaction.atomic():
        activiteit = Activiteit.objects.create(
            onderzoek=onderzoek,
            soort=soort,
            gegevens=clean,
            plan_stap=stap,
            eerdere_weigering=weigering,
            uitgevoerd_door=user,
            vastgelegd_op=timezone.now(),
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=activiteit,
            client=onderzoek.client,
            velden={"soort": soort, "eerdere_weigering": weigering.pk if weigering else None},
            reden=f"Activiteit in onderzoek {onderzoek.nummer}",
        )
    return activiteit, waarneming_waarschuwingen(
        client=onderzoek.client
    ) if soort == "waarneming" else []


def waarneming_waarschuwingen(*, client: Client) -> list[str]:
    """Observation is bounded by art. 8 EVRM: 143 observations in 45 days was judged disproportionate. The limits
    are the organisation's working agreements (parameters waarneming_max_aantal, waarneming_max_dagen, 10 in 28
    days, UNCERTAIN: no legal figure), read today; the Django settings NALEVING_WAARNEMING_MAX_AANTAL and
    NALEVING_WAARNEMING_MAX_DAGEN may override them. Passing them warns."""
    vandaag = timezone.localdate()
    max_count = getattr(settings, "NALEVING_WAARNEMING_MAX_AANTAL", None)
    if max_count is None:
        max_count = regels.getal("waarneming_max_aantal", op=vandaag)
    max_days = getattr(settings, "NALEVING_WAARNEMING_MAX_DAGEN", None)
    if max_days is None:
        max_days = regels.getal("waarneming_max_dagen", op=vandaag)
    moments = sorted(
        datetime.fromisoformat(g["begin"])
        for g in Activiteit.objects.filter(
            onderzoek__client=client, soort="waarneming"
        ).values_list("gegevens", flat=True)
    )
    warnings = []
    if len(moments) > max_count:
        warnings.append(
            f"Deze persoon is nu {len(moments)} keer waargenomen; dat is meer dan {max_count}. Weeg opnieuw of "
            "verdere waarneming nog evenredig is (art. 8 EVRM)."
        )
    if moments and (moments[-1] - moments[0]).days > max_days:
        warnings.append(
            f"De waarnemingen beslaan {(moments[-1] - moments[0]).days} dagen; dat is meer dan {max_days}. "
            "Weeg opnieuw of verdere waarneming nog evenredig is (art. 8 EVRM)."
        )
    return warnings


_MAGIC = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def bewijs_toevoegen(
    *,
    user: User,
    onderzoek: Onderzoek,
    bestand: UploadedFile,
    omschrijving: str,
    activiteit: Activiteit | None = None,
    vervangt: Bewijsstuk | None = None,
    reden_vervanging: str = "",
) -> Bewijsstuk:
    """Store evidence with its SHA-256. Nothing is ever overwritten: a correction supersedes, with a reason."""
    _als_handhaver(user, onderzoek)
    _in_uitvoering(onderzoek)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf wat dit bewijsstuk laat zien."})
    if bestand.size is None or bestand.size == 0:
        raise ValidationError({"bestand": "Het bestand is leeg."})
    if bestand.size > MAX_BEWIJS_BYTES:
        raise ValidationError({"bestand": "Het bestand is groter dan 25 MB."})
    head = bestand.read(8)
    bestand.seek(0)
    content_type = next((t for magic, t in _MAGIC.items() if head.startswith(magic)), None)
    if content_type is None:
        raise ValidationError(
            {"bestand": "Alleen PDF, JPEG of PNG. Dit bestand is geen van die drie."}
        )
    if vervangt is not None:
        if vervangt.onderzoek_id != onderzoek.pk or hasattr(vervangt, "vervangen_door"):
            raise ValidationError({"vervangt": "Dit bewijsstuk kan niet (meer) worden vervangen."})
        if not reden_vervanging.strip():
            raise ValidationError(
                {"reden_vervanging": "Geef de reden waarom het bewijsstuk wordt vervangen."}
            )
    relative = Path("onderzoek") / str(onderzoek.pk) / uuid.uuid4().hex
    target = Path(settings.MEDIA_ROOT) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(target, "xb") as out:
        for chunk in bestand.chunks():
            digest.update(chunk)
            out.write(chunk)
    try:
        with transaction.atomic():
            stuk = Bewijsstuk.objects.create(
                onderzoek=onderzoek,
                activiteit=activiteit,
                omschrijving=omschrijving.strip(),
                bestandsnaam=re.sub(r"[^\w.\- ]", "_", bestand.name or "bestand")[:255],
                pad=str(relative),
                content_type=content_type,
                grootte=bestand.size,
                sha256=digest.hexdigest(),
                door=user,
                op=timezone.now(),
                vervangt=vervangt,
                reden_vervanging=reden_vervanging.strip(),
            )
            audit_log(
                user=user,
                actie=Actie.AANMAKEN,
                obj=stuk,
                client=onderzoek.client,
                velden={"sha256": stuk.sha256, "vervangt": vervangt.pk if vervangt else None},
                reden=f"Bewijsstuk in onderzoek {onderzoek.nummer}",
            )
    except Exception:
        target.unlink(missing_ok=True)  # never a file without its record
        raise
    return stuk


def meldcheck_vastleggen(
    *, user: User, onderzoek: Onderzoek, van: date, tot: date, conclusie: str
) -> Meldcheck:
    """Record that every contact and change report of the period, anywhere in the organisation, was looked at
    before concluding whether the client reported (CRvB 10-10-2023, ECLI:NL:CRVB:2023:1967)."""
    _als_handhaver(user, onderzoek)
    _in_uitvoering(onderzoek)
    if van > tot:
        raise ValidationError({"tot": "De einddatum ligt vóór de begindatum."})
    if not conclusie.strip():
        raise ValidationError(
            {"conclusie": "Schrijf op wat de meldingen over de periode laten zien."}
        )
    meldingen = meldingen_in_periode(onderzoek.client, van, tot)
    with transaction.atomic():
        check = Meldcheck.objects.create(
            onderzoek=onderzoek,
            van=van,
            tot=tot,
            getoond=[
                {
                    "bron": m.bron,
                    "tijdstip": m.tijdstip.isoformat(),
                    "onderwerp": m.onderwerp,
                    "referentie": m.referentie,
                }
                for m in meldingen
            ],
            conclusie=conclusie.strip(),
            door=user,
            op=timezone.now(),
        )
        audit_log(
            user=user,
            actie=Actie.AANMAKEN,
            obj=check,
            client=onderzoek.client,
            velden={
                "van": van.isoformat(),
                "tot": tot.isoformat(),
                "aantal_meldingen": len(meldingen),
            },
            reden=f"Meldcheck in onderzoek {onderzoek.nummer}",
        )
    return check


_MAAND = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _check_perioden(perioden: list[dict[str, Any]]) -> list[dict[str, Any]]:
    clean, seen = [], set()
    for i, p in enumerate(perioden, start=1):
        maand = str(p.get("maand", ""))
        if not _MAAND.match(maand):
            raise ValidationError(
                {"perioden": f"Regel {i}: schrijf de maand als JJJJ-MM, zoals 2026-03."}
            )
        if maand in seen:
            raise ValidationError(
                {"perioden": f"Regel {i}: de maand {maand} staat er twee keer in."}
            )
        seen.add(maand)
        values = {}
        for key in ("ontvangen_cent", "recht_cent"):
            value = p.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValidationError(
                    {
                        "perioden": f"Regel {i}: {key.split('_')[0]} moet een bedrag van 0 of meer zijn."
                    }
                )
            values[key] = value
        clean.append({"maand": maand, **values})
    return sorted(clean, key=lambda p: p["maand"])


RAPPORT_VELDEN = (
    "bevindingen",
    "overtreding",
    "periode_van",
    "periode_tot",
    "pleegdatum",
    "perioden",
    "gemeld",
    "aanwijzingen_verwijtbaarheid",
    "omstandigheden",
    "awb_feiten",
    "awb_voorschrift",
    "advies",
    "aangifte_gedaan",
)


def rapport_opslaan(
    *, user: User, onderzoek: Onderzoek, versie: int | None, **velden: Any
) -> Rapport:
    """Save the rapport (a draft until submitted) and refresh the rules engine's preliminary advice."""
    _als_handhaver(user, onderzoek)
    _in_uitvoering(onderzoek)
    unknown = set(velden) - set(RAPPORT_VELDEN)
    if unknown:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    velden["perioden"] = _check_perioden(velden.get("perioden") or [])
    van, tot = velden.get("periode_van"), velden.get("periode_tot")
    if van and tot and van > tot:
        raise ValidationError({"periode_tot": "De einddatum ligt vóór de begindatum."})
    with transaction.atomic():
        rapport = Rapport.objects.filter(onderzoek=onderzoek).first()
        if rapport is None:
            rapport = Rapport(onderzoek=onderzoek, **velden)
            rapport.regels_advies = voorlopig_advies(
                rapport, beoordelingsdatum=timezone.localdate()
            )
            rapport.save()
            changed = {k: True for k in velden}
        else:
            preview = Rapport(onderzoek=onderzoek, **velden)
            velden["regels_advies"] = voorlopig_advies(
                preview, beoordelingsdatum=timezone.localdate()
            )
            changed = update_versioned(
                rapport,
                expected_version=versie if versie is not None else rapport.versie,
                changes=velden,
            )
        audit_log(
            user=user,
            actie=Actie.WIJZIGEN,
            obj=rapport,
            client=onderzoek.client,
            velden={"gewijzigd": sorted(changed)},
            reden=f"Rapport bij onderzoek {onderzoek.nummer}",
        )
    return rapport


def rapport_indienen(*, user: User, onderzoek: Onderzoek) -> Onderzoek:
    """Submit the rapport to the teamleider. Checks what the law requires of a rapport before it can go."""
    _als_handhaver(user, onderzoek)
    with transaction.atomic():
        onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
        _in_uitvoering(onderzoek)
        rapport = Rapport.objects.filter(onderzoek=onderzoek).first()
        if rapport is None:
            raise ValidationError("Schrijf eerst het rapport.")
        errors = rapport_tekortkomingen(rapport=rapport)
        if errors:
            raise ValidationError(errors)
        update_versioned(
            rapport, expected_version=rapport.versie, changes={"ingediend_op": timezone.now()}
        )
        _beweeg(onderzoek, naar=Status.RAPPORT_TER_REVIEW, user=user)
    return onderzoek


def rapport_tekortkomingen(*, rapport: Rapport) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not rapport.bevindingen.strip():
        errors["bevindingen"] = "Beschrijf de bevindingen."
    if not rapport.advies.strip():
        errors["advies"] = "Schrijf uw advies aan de inkomensconsulent."
    if not rapport.overtreding:
        return errors
    if not (rapport.periode_van and rapport.periode_tot and rapport.pleegdatum):
        errors["periode_van"] = "Vul de periode van de overtreding en de pleegdatum in."
    if rapport.overtreding == "inlichtingenplicht":
        if not rapport.perioden:
            errors["perioden"] = (
                "Vul per maand in wat is ontvangen en waar recht op was (voor het benadelingsbedrag)."
            )
        if rapport.gemeld not in (Gemeld.NIET_GEMELD, Gemeld.TE_LAAT, Gemeld.WEL_GEMELD):
            errors["gemeld"] = "Geef aan of de wijziging gemeld is."
        elif (
            rapport.periode_van
            and rapport.periode_tot
            and not rapport.onderzoek.meldchecks.filter(
                van__lte=rapport.periode_van, tot__gte=rapport.periode_tot
            ).exists()
        ):
            errors["gemeld"] = (
                "Controleer eerst of de cliënt het ergens in de organisatie heeft gemeld (meldcheck over de hele "
                "periode; CRvB 2023:1967)."
            )
        vandaag = timezone.localdate()
        if rapport.benadelingsbedrag_cent > rapport_grens_cent(op=vandaag) and not (
            rapport.awb_feiten.strip() and rapport.awb_voorschrift.strip()
        ):
            errors["awb_feiten"] = (
                f"Een boete van meer dan {rapport_grens_tekst(op=vandaag)} is mogelijk: het rapport moet de feiten en "
                "het overtreden voorschrift noemen (Awb 5:48 en 5:53)."
            )
    return errors


def rapport_beoordeel(
    *, user: User, onderzoek: Onderzoek, akkoord: bool, toelichting: str, uitkomst: str = ""
) -> Onderzoek:
    """The teamleider's review: approve with the outcome, or send back with what must change."""
    with transaction.atomic():
        onderzoek = Onderzoek.objects.select_for_update().get(pk=onderzoek.pk)
        if onderzoek.status != Status.RAPPORT_TER_REVIEW:
            raise ValidationError("Dit kan alleen als het rapport ter review ligt.")
        rapport = Rapport.objects.get(onderzoek=onderzoek)
        if not akkoord:
            if not toelichting.strip():
                raise ValidationError(
                    {"toelichting": "Schrijf op wat er aan het rapport moet veranderen."}
                )
            _beweeg(
                onderzoek, naar=Status.IN_UITVOERING, user=user, toelichting=toelichting.strip()
            )
            update_versioned(
                rapport,
                expected_version=rapport.versie,
                changes={"beoordeling": toelichting.strip()},
            )
            return onderzoek
        expected = (
            {Uitkomst.ONRECHTMATIGHEID}
            if rapport.overtreding
            else {
                Uitkomst.GEEN_ONRECHTMATIGHEID,
                Uitkomst.NIET_VAST_TE_STELLEN,
            }
        )
        if uitkomst not in expected:
            raise ValidationError(
                {
                    "uitkomst": "De uitkomst past niet bij het rapport: kies 'onrechtmatigheid vastgesteld' alleen als "
                    "het rapport een overtreding vaststelt."
                }
            )
        now = timezone.now()
        if onderzoek.signaal_id:
            from naleving.signalen.models import Signaal
            from naleving.signalen.services import signaal_registreer_bevinding

            signaal = Signaal.objects.filter(pk=onderzoek.signaal_id).first()
            if signaal is not None:  # feeds the share of signals that led to a finding, per source
                signaal_registreer_bevinding(
                    user=user, signaal=signaal, vastgesteld=uitkomst == Uitkomst.ONRECHTMATIGHEID
                )
        _beweeg(
            onderzoek,
            naar=Status.AFGEROND,
            user=user,
            toelichting=toelichting.strip(),
            uitkomst=uitkomst,
            afgerond_op=now,
        )
        update_versioned(
            rapport,
            expected_version=rapport.versie,
            changes={"beoordeeld_door": user, "beoordeling": toelichting.strip()},
        )
    return onderzoek
