# SPDX-License-Identifier: EUPL-1.2
"""`naleving demo`: migrate, seed when empty, make one demo account per role, and serve."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from naleving.accounts.models import Rol, User
from naleving.clienten.models import Client
from naleving.demodata.seed import ensure_gemeenten, seed_database

DEMO_ROLLEN = (
    ("inkomensconsulent", "Ilse", "de Consulent"),
    ("trajectbegeleider", "Tom", "Trajectbegeleider"),
    ("handhaver", "Hanna", "Handhaver"),
    ("teamleider", "Tessa", "Teamleider"),
    ("beleidsmedewerker", "Bart", "Beleid"),
    ("beheerder", "Bea", "Beheer"),
    ("privacy", "Pieter", "Privacy"),
)


@transaction.atomic
def ensure_demo_accounts() -> list[User]:
    """One account per role, all three municipalities; the demo consultant owns a caseload of 40 clients."""
    if not settings.NALEVING_DEMO:
        raise RuntimeError("Demo-accounts bestaan alleen in demomodus.")
    from naleving.accounts.models import Gemeente

    users = []
    for code, first, last in DEMO_ROLLEN:
        user, _ = User.objects.get_or_create(
            username=code,
            defaults={"first_name": first, "last_name": last, "rol": Rol.objects.get(code=code)},
        )
        user.is_demo_account = True
        # .invalid (RFC 2606) can never be delivered: the demo writes its mails to files (var/mail/).
        user.email = f"{code}@demo.invalid"
        user.is_staff = code == "beheerder"
        user.set_password(settings.NALEVING_DEMO_PASSWORD)
        user.save()
        user.gemeenten.set(Gemeente.objects.all())
        users.append(user)
    return users


def run_demo(*, port: int, clients: int, serve: bool) -> int:
    call_command("migrate", interactive=False, verbosity=0)
    # DEBUG is off in the demo as in production: WhiteNoise serves the collected files (hashed names).
    call_command("collectstatic", interactive=False, verbosity=0)
    ensure_gemeenten()
    ensure_demo_accounts()
    if not Client.objects.exists():
        print(f"Demogegevens aanmaken: {clients} synthetische cliënten…", flush=True)
        seed_database(clients=clients, years=3, seed_value=2026, progress=sys.stderr.isatty())
    from naleving.mail.dagoverzicht import dagoverzicht_versturen

    if not os.environ.get("NALEVING_BASIS_URL"):
        settings.NALEVING_BASIS_URL = f"http://127.0.0.1:{port}"  # the links in the demo's mails

    gepland = dagoverzicht_versturen()
    sso = os.environ.get("NALEVING_DEMO_SSO", "")
    if sso:
        from naleving.demodata.sso import sso_inrichten

        sso_inrichten(issuer=sso)
    line = "=" * 72
    print(line)
    print("Naleving demo — alle gegevens zijn synthetisch")
    print(f"Open http://127.0.0.1:{port}/ en log in met een van deze accounts:")
    for code, _first, _last in DEMO_ROLLEN:
        print(f"  gebruikersnaam: {code:<20} wachtwoord: {settings.NALEVING_DEMO_PASSWORD}")
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        print(
            f"E-mails (ontvangstbewijzen, het dagoverzicht: vandaag {gepland}) staan als bestand in "
            f"{settings.EMAIL_FILE_PATH}; de wachtrij staat in /beheer/ onder E-mail."
        )
    if sso:
        print(f"Single sign-on via {sso}: log in als a1f0c3e2-consulent of b2e1d4f3-handhaver")
    print(line, flush=True)
    if serve:
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
    return 0
