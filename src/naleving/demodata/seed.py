# SPDX-License-Identifier: EUPL-1.2
"""Synthetic data: municipalities, staff, clients with household, benefits and contact moments.

Deterministic per seed (and reference date): the same arguments give the same data. Fast enough for national
scale: rows are built in memory per chunk and written with bulk inserts, one transaction per chunk.
Other apps extend the demo by a module `naleving.demodata.<app>` with a function `extend(ctx: SeedContext)`.
"""

from __future__ import annotations

import importlib
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from naleving.accounts.models import Gemeente, Rol, User
from naleving.audit.models import Actie
from naleving.audit.services import audit_log
from naleving.clienten.models import Client, Contactmoment, Huishoudlid, Relatie, Uitkering, Wet
from naleving.core.bsn import BsnGenerator
from naleving.demodata import names
from naleving.demodata.bulk import fast_insert

CHUNK = 5000
CASELOAD_PER_CONSULENT = 120


@dataclass
class SeedContext:
    rng: random.Random
    peildatum: date
    years: int
    gemeenten: dict[str, Gemeente]
    consulenten: dict[str, list[User]]
    new_client_ids: list[int] = field(default_factory=list)
    #: clients owned by the demo consultant (when the demo accounts exist): extensions put examples there too
    demo_client_ids: list[int] = field(default_factory=list)

    def staff(self, rol: str, gemeente: Gemeente | None = None) -> list[User]:
        """Staff of a role (for a municipality): the demo account first when it exists, so it has work."""
        qs = User.objects.filter(rol_id=rol, is_active=True)
        if gemeente is not None:
            qs = qs.filter(gemeenten=gemeente)
        return list(qs.order_by("-is_demo_account", "username"))


def ensure_gemeenten() -> dict[str, Gemeente]:
    result = {}
    for naam, (code, _share, _places) in names.GEMEENTEN.items():
        result[naam], _ = Gemeente.objects.get_or_create(cbs_code=code, defaults={"naam": naam})
    return result


#: role -> (username prefix, clients per staff member)
STAFF = {
    "inkomensconsulent": ("ic", CASELOAD_PER_CONSULENT),
    "handhaver": ("hh", 1000),
    "teamleider": ("tl", 10_000),
    "trajectbegeleider": ("tb", 400),
}


def _staff(
    rng: random.Random, gemeenten: dict[str, Gemeente], clients: int
) -> dict[str, list[User]]:
    """Synthetic staff per municipality. They cannot log in: they have no usable password.
    Returns the consultants, who own the cases."""
    per_rol = {
        code: _staff_of_role(rng, gemeenten, clients, code, prefix, per_staff)
        for code, (prefix, per_staff) in STAFF.items()
    }
    return per_rol["inkomensconsulent"]


def _staff_of_role(
    rng: random.Random,
    gemeenten: dict[str, Gemeente],
    clients: int,
    code: str,
    prefix: str,
    per_staff: int,
) -> dict[str, list[User]]:
    per_gemeente: dict[str, list[User]] = {}
    rol = Rol.objects.get(code=code)
    for naam, (_code, share, _places) in names.GEMEENTEN.items():
        needed = max(1, round(clients * share / per_staff))
        existing = list(
            User.objects.filter(rol=rol, gemeenten=gemeenten[naam], is_demo_account=False)
        )
        slug = naam.lower().replace(" ", "")
        for i in range(len(existing), needed):
            user = User(
                username=f"{prefix}.{slug}.{i + 1:03d}",
                first_name=rng.choice(names.VOORNAMEN),
                last_name=rng.choice(names.ACHTERNAMEN).replace("_", " "),
                rol=rol,
            )
            user.set_unusable_password()
            user.save()
            user.gemeenten.add(gemeenten[naam])
            existing.append(user)
        per_gemeente[naam] = existing
    return per_gemeente


def _split_name(raw: str) -> tuple[str, str]:
    parts = raw.split("_")
    if len(parts) > 1 and parts[0][0].islower():
        return " ".join(parts[:-1]), parts[-1]
    return "", " ".join(parts)


def _birthdate(rng: random.Random, peildatum: date, min_age: int, max_age: int) -> date:
    return peildatum - timedelta(days=rng.randint(min_age * 365 + 5, max_age * 365))


def seed_database(
    *,
    clients: int,
    years: int,
    seed_value: int,
    peildatum: date | None = None,
    progress: bool = True,
) -> SeedContext:
    peildatum = peildatum or timezone.localdate()
    rng = random.Random(seed_value)
    gemeenten = ensure_gemeenten()
    # Staff get their own generator: whether they already exist must not shift the clients' random stream.
    consulenten = _staff(random.Random(seed_value * 7919 + 1), gemeenten, clients)
    ctx = SeedContext(rng, peildatum, years, gemeenten, consulenten)

    existing_bsns = (
        set(Client.objects.values_list("bsn", flat=True)) if Client.objects.exists() else set()
    )
    bsns = (b for b in BsnGenerator(rng) if b not in existing_bsns)
    start_number = Client.objects.count() + 1
    gemeente_names = list(names.GEMEENTEN)
    weights = [names.GEMEENTEN[n][1] for n in gemeente_names]
    bar = tqdm(total=clients, unit="cliënt", disable=not progress, file=sys.stderr, desc="Cliënten")
    done = 0
    while done < clients:
        size = min(CHUNK, clients - done)
        with transaction.atomic():
            _chunk(ctx, bsns, start_number + done, size, gemeente_names, weights)
        done += size
        bar.update(size)
    bar.close()
    _assign_demo_caseload(ctx)

    # Each app's demo data is a module of this package named after the app (naleving/demodata/<app>.py), so
    # the product's own modules never import the generator; run in the order of INSTALLED_APPS.
    for app in django_apps.get_app_configs():
        if app.name.startswith("naleving.") and app.name != "naleving.demodata":
            naam = f"naleving.demodata.{app.label}"
            try:
                module = importlib.import_module(naam)
            except ModuleNotFoundError as exc:
                if exc.name != naam:
                    raise
                continue
            module.extend(ctx)

    audit_log(
        user=None,
        actie=Actie.SYSTEEM,
        object_type="demodata",
        velden={
            "clienten": clients,
            "jaren": years,
            "seed": seed_value,
            "peildatum": peildatum.isoformat(),
        },
        reden="Synthetische gegevens aangemaakt (naleving seed)",
    )
    return ctx


def _assign_demo_caseload(ctx: SeedContext, size: int = 40) -> None:
    """The demo consultant (if the demo accounts exist) owns every fifth of the first new clients."""
    demo = User.objects.filter(username="inkomensconsulent", is_demo_account=True).first()
    if demo is None or Client.objects.filter(consulent=demo).exists():
        return
    ctx.demo_client_ids = ctx.new_client_ids[: size * 5 : 5]
    Client.objects.filter(pk__in=ctx.demo_client_ids).update(consulent=demo)


def _chunk(
    ctx: SeedContext,
    bsns: object,
    first_number: int,
    size: int,
    gemeente_names: list[str],
    weights: list[float],
) -> None:
    rng = ctx.rng
    new_clients: list[Client] = []
    plans: list[tuple[str, str]] = []  # (gemeente naam, huishoudtype)
    for i in range(size):
        gnaam = rng.choices(gemeente_names, weights)[0]
        place, low, high = rng.choice(names.GEMEENTEN[gnaam][2])
        tussen, achter = _split_name(rng.choice(names.ACHTERNAMEN))
        voornamen = rng.choice(names.VOORNAMEN)
        if rng.random() < 0.3:
            voornamen += " " + rng.choice(names.VOORNAMEN)
        huishouden = rng.choices(
            ["alleenstaand", "alleenstaande_ouder", "gehuwd", "kostendeler"],
            [0.55, 0.2, 0.17, 0.08],
        )[0]
        new_clients.append(
            Client(
                clientnummer=f"C{first_number + i:07d}",
                bsn=next(bsns),  # type: ignore[call-overload]
                voornamen=voornamen,
                tussenvoegsel=tussen,
                achternaam=achter,
                zoeknaam=Client.make_zoeknaam(
                    achternaam=achter, tussenvoegsel=tussen, voornamen=voornamen
                ),
                geboortedatum=_birthdate(rng, ctx.peildatum, 18, 66),
                straat=rng.choice(names.STRATEN).replace("_", " "),
                huisnummer=str(rng.randint(1, 180)) + rng.choice(["", "", "", "a", "b"]),
                postcode=f"{rng.randint(low, high)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
                woonplaats=place,
                gemeente=ctx.gemeenten[gnaam],
                consulent=rng.choice(ctx.consulenten[gnaam]),
            )
        )
        plans.append((gnaam, huishouden))
    fast_insert(new_clients, need_ids=True)

    leden: list[Huishoudlid] = []
    uitkeringen: list[Uitkering] = []
    contacten: list[Contactmoment] = []
    history_days = max(1, ctx.years) * 365
    for client, (_gemeente, huishouden) in zip(new_clients, plans, strict=True):
        ctx.new_client_ids.append(client.pk)
        if huishouden == "gehuwd":
            tussen, achter = _split_name(rng.choice(names.ACHTERNAMEN))
            leden.append(
                Huishoudlid(
                    client=client,
                    relatie=Relatie.PARTNER,
                    bsn=next(bsns),  # type: ignore[call-overload]
                    naam=f"{rng.choice(names.VOORNAMEN)} {tussen + ' ' if tussen else ''}{achter}",
                    geboortedatum=_birthdate(rng, ctx.peildatum, 18, 66),
                )
            )
        if huishouden in ("alleenstaande_ouder", "gehuwd") and rng.random() < 0.8:
            for _ in range(rng.randint(1, 3)):
                leden.append(
                    Huishoudlid(
                        client=client,
                        relatie=Relatie.KIND,
                        bsn=next(bsns),  # type: ignore[call-overload]
                        naam=f"{rng.choice(names.VOORNAMEN)} {client.achternaam}",
                        geboortedatum=_birthdate(rng, ctx.peildatum, 0, 17),
                    )
                )
        if huishouden == "kostendeler":
            leden.append(
                Huishoudlid(
                    client=client,
                    relatie=Relatie.KOSTENDELER,
                    bsn=next(bsns),  # type: ignore[call-overload]
                    naam=f"{rng.choice(names.VOORNAMEN)} {rng.choice(names.ACHTERNAMEN).replace('_', ' ')}",
                    geboortedatum=_birthdate(rng, ctx.peildatum, 21, 66),
                )
            )
        age = (ctx.peildatum - client.geboortedatum).days // 365
        wet = rng.choices([Wet.PW, Wet.IOAW, Wet.IOAZ, Wet.BBZ], [0.85, 0.08, 0.02, 0.05])[0]
        if wet in (Wet.IOAW, Wet.IOAZ) and age < 50:
            wet = Wet.PW  # IOAW and IOAZ are for older unemployed workers and former self-employed
        start = ctx.peildatum - timedelta(days=rng.randint(30, history_days + 2000))
        if rng.random() < 0.15:
            earlier_end = start - timedelta(days=rng.randint(60, 400))
            earlier_start = earlier_end - timedelta(days=rng.randint(90, 700))
            uitkeringen.append(
                Uitkering(
                    client=client,
                    wet=Wet.PW,
                    ingangsdatum=earlier_start,
                    einddatum=earlier_end,
                    norm_cent=names.DEMO_NORM_CENT[huishouden],
                    gemeente=client.gemeente,
                )
            )
        uitkeringen.append(
            Uitkering(
                client=client,
                wet=wet,
                ingangsdatum=start,
                norm_cent=names.DEMO_NORM_CENT[huishouden] + rng.choice([0, 0, 0, -5000, 2500]),
                gemeente=client.gemeente,
            )
        )
        since = max(start, ctx.peildatum - timedelta(days=history_days))
        span = max(1, (ctx.peildatum - since).days)
        for _ in range(rng.randint(1, 2 * max(1, ctx.years))):
            onderwerp, tekst = rng.choice(names.CONTACT_ONDERWERPEN)
            when = datetime.combine(
                since + timedelta(days=rng.randrange(span)), datetime.min.time(), tzinfo=UTC
            )
            when += timedelta(hours=rng.randint(7, 15), minutes=rng.choice([0, 10, 15, 30, 45]))
            contacten.append(
                Contactmoment(
                    client=client,
                    tijdstip=when,
                    kanaal=rng.choice(
                        ["balie", "telefoon", "email", "brief", "portaal", "gesprek"]
                    ),
                    onderwerp=onderwerp,
                    tekst=tekst,
                    medewerker=client.consulent,
                )
            )
    fast_insert(leden)
    fast_insert(uitkeringen)
    fast_insert(contacten)


def run_seed(*, clients: int, years: int, seed: int, progress: bool = True) -> int:
    if clients < 1 or years < 1:
        print("Geef minstens 1 cliënt en 1 jaar op.", file=sys.stderr)
        return 2
    from naleving.demodata.wereld import vul_wereld

    started = datetime.now()
    ctx = seed_database(clients=clients, years=years, seed_value=seed, progress=progress)
    aantallen = vul_wereld(ctx, seed_value=seed, progress=progress)
    seconds = (datetime.now() - started).total_seconds()
    print(f"{clients} synthetische cliënten aangemaakt in {seconds:.1f} s (seed {seed}).")
    print(", ".join(f"{naam} {n}" for naam, n in aantallen.items()))
    return 0
