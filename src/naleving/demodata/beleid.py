# SPDX-License-Identifier: EUPL-1.2
"""Demo uitvoeringsplannen, made through the real services: the peildatum's year with actions in
every status and pillar evaluations, and next year's draft with the open actions carried over.

One action carries the title the preventie demo campaigns name in their own link field
(`uitvoeringsplan_actie`), so those campaigns show up under it (Actie.alle_campagnes)."""

from __future__ import annotations

from datetime import date

from naleving.accounts.models import Rol, User
from naleving.beleid import services
from naleving.beleid.models import Actie, Uitvoeringsplan

ACTIES = (
    # pijler, titel, eigenaar, (maand, dag), eindstatus, resultaat
    (
        "communicatie",
        "Pijler 1: voorlichting over de inlichtingenplicht",
        "Team Preventie",
        (6, 30),
        "afgerond",
        "Drie campagnes; ruim 2.000 brieven en vijf bijeenkomsten.",
    ),
    (
        "communicatie",
        "Brieven herschrijven op B1-niveau",
        "Team Klantcontact",
        (9, 30),
        "in_uitvoering",
        "",
    ),
    (
        "dienstverlening",
        "Wijzigingen doorgeven via het portaal met ontvangstbewijs",
        "Team Klantcontact",
        (4, 1),
        "afgerond",
        "Portaal live; mediaan reactietijd onder de 2 dagen.",
    ),
    (
        "dienstverlening",
        "Spreekuur zonder afspraak in Kaatsheuvel",
        "Team Klantcontact",
        (10, 1),
        "vervallen",
        "Vervallen: het inloopspreekuur van de bibliotheek vult dit in.",
    ),
    (
        "controleren",
        "Huisbezoeken alleen met onderbouwde plannen",
        "Team Handhaving",
        (3, 31),
        "afgerond",
        "Elk huisbezoek heeft een plan met noodzaak en subsidiariteit.",
    ),
    (
        "controleren",
        "Onderzoeken zonder bevinding per bron rapporteren",
        "Team Handhaving",
        (12, 1),
        "gepland",
        "",
    ),
    (
        "sanctioneren",
        "Menselijke maat: omstandigheden altijd vastleggen",
        "Team Inkomen",
        (11, 1),
        "in_uitvoering",
        "",
    ),
    (
        "sanctioneren",
        "Waarschuwing vóór maatregel bij eerste overtreding",
        "Team Inkomen",
        (12, 15),
        "gepland",
        "",
    ),
)
STAPPEN = {
    "gepland": [],
    "in_uitvoering": ["in_uitvoering"],
    "afgerond": ["in_uitvoering", "afgerond"],
    "vervallen": ["vervallen"],
}


def _auteur(ctx) -> User:  # type: ignore[no-untyped-def]
    staf: list[User] = ctx.staff("beleidsmedewerker")
    if staf:
        return staf[0]
    auteur, created = User.objects.get_or_create(
        username="bm.langstraat.001",
        defaults={
            "first_name": "Noor",
            "last_name": "de Wit",
            "rol": Rol.objects.get(code="beleidsmedewerker"),
        },
    )
    if created:
        auteur.set_unusable_password()
        auteur.save()
        auteur.gemeenten.set(ctx.gemeenten.values())
    return auteur


def extend(ctx) -> None:  # type: ignore[no-untyped-def]
    jaar = ctx.peildatum.year
    if Uitvoeringsplan.objects.filter(jaar__in=[jaar, jaar + 1]).exists():
        return
    user = _auteur(ctx)
    plan = services.plan_aanmaken(
        user=user,
        jaar=jaar,
        doelen="Inwoners kennen hun rechten en plichten en kunnen wijzigingen makkelijk doorgeven.\n"
        "Controle op maat: alleen onderzoek waar een concreet signaal is.",
        themas="Inlichtingenplicht en giften\nWijzigingen snel verwerken\nMenselijke maat bij sancties",
    )
    for pijler, titel, eigenaar, (m, d), status, resultaat in ACTIES:
        actie = services.actie_toevoegen(
            user=user,
            plan=plan,
            pijler=pijler,
            titel=titel,
            eigenaar=eigenaar,
            deadline=date(jaar, m, d),
        )
        for stap in STAPPEN[status]:
            actie = Actie.objects.get(pk=actie.pk)
            services.actie_bijwerken(
                user=user,
                actie=actie,
                versie=actie.versie,
                status=stap,
                resultaat=resultaat if stap in ("afgerond", "vervallen") else "",
            )
    services.plan_status(user=user, plan=plan, versie=plan.versie, status="vastgesteld")
    for pijler, tekst in (
        ("communicatie", "De campagnes bereikten veel inwoners; brieven zijn nog te moeilijk."),
        ("dienstverlening", "Het portaal werkt; de reactietijd daalde."),
    ):
        services.pijler_evalueren(user=user, plan=plan, pijler=pijler, tekst=tekst)
    services.plan_aanmaken(
        user=user,
        jaar=jaar + 1,
        doelen="Doorgaan met preventie; de open acties van vorig jaar afmaken.",
        themas="Brieven op B1-niveau\nRapporteren over onderzoeken zonder bevinding",
        overnemen=True,
    )
