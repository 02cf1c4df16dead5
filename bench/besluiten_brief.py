# SPDX-License-Identifier: EUPL-1.2
"""Letter PDF generation time (median of 50) and an example letter for the docs.

Usage: NALEVING_VAR_DIR=$(mktemp -d) PYTHONPATH=src .venv/bin/python bench/besluiten_brief.py [--runs 50]
       [--docs docs]   writes docs/besluiten-voorbeeldbrief.pdf and, when pdftoppm is installed, PNG pages.
Runs on a fresh embedded database (migrated here) unless DATABASE_URL points elsewhere.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time
from datetime import date
from pathlib import Path


def voorbeeld_besluit():  # type: ignore[no-untyped-def]
    """A fine of € 300 (opzet, financial gain) after a late change report, approved by a teamleider."""
    from naleving.accounts.models import Gemeente, Rol, User
    from naleving.besluiten import services
    from naleving.clienten.models import Client, Uitkering

    waalwijk, _ = Gemeente.objects.get_or_create(cbs_code="0867", defaults={"naam": "Waalwijk"})

    def user(rol: str, naam: str, voornaam: str, achternaam: str) -> User:
        u, _ = User.objects.get_or_create(
            username=naam,
            defaults={
                "rol": Rol.objects.get(code=rol),
                "first_name": voornaam,
                "last_name": achternaam,
            },
        )
        u.gemeenten.set([waalwijk])
        return u

    ic = user("inkomensconsulent", "bench-ic", "Ilse", "de Vries")
    tl = user("teamleider", "bench-tl", "Tessa", "Bakker")
    client, _ = Client.objects.get_or_create(
        clientnummer="C9999999",
        defaults={
            "bsn": "999990019",
            "voornamen": "Lotte",
            "achternaam": "Smit",
            "zoeknaam": "smit lotte",
            "geboortedatum": date(1985, 4, 2),
            "straat": "Grotestraat",
            "huisnummer": "12",
            "postcode": "5141 AB",
            "woonplaats": "Waalwijk",
            "gemeente": waalwijk,
            "consulent": ic,
        },
    )
    if not client.uitkeringen.exists():
        Uitkering.objects.create(
            client=client,
            wet="PW",
            ingangsdatum=date(2024, 1, 1),
            norm_cent=140_000,
            gemeente=waalwijk,
        )
    b = services.besluit_open(
        user=ic,
        client=client,
        aanleiding="wijzigingsmelding",
        overtreding="inlichtingenplicht",
        pleegdatum=date(2026, 5, 1),
        benadelingsbedrag_cent=30_000,
        feiten="Uw dochter verhuisde in mei 2026 naar een eigen woning. U gaf dat pas in juli 2026 door. "
        "Daardoor kreeg u € 300,00 te veel bijstand.",
    )
    b = services.besluit_wijzig(
        user=ic,
        besluit=b,
        verwijtbaarheid="opzet",
        verwijtbaarheid_reden="U wist dat u dit moest doorgeven; dat staat in het gesprek van 3 juni.",
        financieel_voordeel_beoogd=True,
        omstandigheden=["schulden", "zorgtaken"],
        omstandigheden_toelichting="Wij houden bij het terugbetalen rekening met uw schulden.",
        keuze="volgt",
        motivering="U moet veranderingen in uw gezin meteen doorgeven. Dat deed u niet. Daardoor kreeg u "
        "te veel bijstand. U deed dit bewust om er geld aan over te houden.",
        cautie="gegeven",
        zienswijze="Ik had het druk met de verhuizing.",
        zienswijze_ontvangen_op=date(2026, 7, 20),
    )
    services.toets_opslaan(
        user=ic,
        besluit=b,
        effect_nodig="Dat u voortaan veranderingen op tijd doorgeeft.",
        effect_op_persoon="De boete is laag genoeg om uw schuldhulp niet te doorkruisen.",
        doel_van_de_wet="Bijstand is voor wie het nodig heeft; dat vraagt juiste gegevens.",
        ethisch="Ja: de boete past bij wat er gebeurde en bij uw situatie.",
        strijdig_met_regel="Nee: de boete volgt de Participatiewet en de beleidsregels.",
    )
    b = services.besluit_vaststellen(user=ic, besluit=b)
    return services.besluit_review(user=tl, besluit=b, akkoord=True, toelichting="Akkoord.")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--docs", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from naleving.besluiten import brieven

    besluit = voorbeeld_besluit()
    brief = besluit.brieven.get()
    brieven.pdf(brief)  # warm up fonts
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        data = brieven.pdf(brief)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(
        f"PDF van de beschikking ({len(data):,} bytes, PDF/UA-1): mediaan "
        f"{statistics.median(timings):.1f} ms, min {timings[0]:.1f} ms, max {timings[-1]:.1f} ms "
        f"({args.runs} keer)"
    )
    if args.docs:
        args.docs.mkdir(exist_ok=True)
        pdf_path = args.docs / "besluiten-voorbeeldbrief.pdf"
        pdf_path.write_bytes(data)
        print(f"Voorbeeldbrief: {pdf_path}")
        if shutil.which("pdftoppm"):
            prefix = args.docs / "besluiten-voorbeeldbrief"
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(prefix)], check=True)
            print(
                "PNG-pagina's:",
                ", ".join(sorted(p.name for p in args.docs.glob(prefix.name + "-*.png"))),
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
