# SPDX-License-Identifier: EUPL-1.2
"""The `naleving` command.

`advies`, `invordering` and `regels` run the rules engine without Django; every other command starts Django first. Exit codes
that mean the same for every command are handled here, once: 3 the database cannot be reached, 4 the
configuration is wrong. A command's own codes (0, 1, 2, 5) keep the meaning its help gives them.
"""

from __future__ import annotations

import argparse
import os
import sys

DATABASE_ONBEREIKBAAR = 3
CONFIGURATIE_ONJUIST = 4
AFSLUITCODES = """afsluitcodes:
  0  gelukt
  1  audit verify: toegangslog niet in orde; import-signalen: rijen geweigerd;
     backup/restore: pg_dump, pg_restore of de kopie mislukt (de database is zoals hij was)
  2  import-signalen, restore: bestand onbruikbaar; verkeerde opdracht of argumenten
  3  database niet bereikbaar (controleer DATABASE_URL en de databaseserver)
  4  configuratie onjuist (de melding noemt de omgevingsvariabele of het ontbrekende programma)
  5  restore: de database bevat al gegevens en --force is niet gegeven"""


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naleving.config.settings")
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in {"advies", "invordering", "regels", "algoritmeregister"}:
        from naleving.regels import cli as regels_cli

        return regels_cli.main(argv)

    parser = argparse.ArgumentParser(
        prog="naleving",
        description="Naleving: handhaving in balans.",
        epilog=AFSLUITCODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDO")

    demo = sub.add_parser(
        "demo", help="database klaarzetten, demogegevens laden en de webserver starten"
    )
    demo.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    demo.add_argument(
        "--clients", type=int, default=1600, help="aantal cliënten in de demo (standaard 1600)"
    )
    demo.add_argument("--no-serve", action="store_true", help="alleen klaarzetten, niet starten")

    serve = sub.add_parser(
        "serve",
        help="de webserver voor productie starten (gunicorn, NALEVING_WEB_WORKERS workers)",
        description="Verzamelt de statische bestanden (gehashte namen) en start gunicorn met "
        "naleving/config/gunicorn_conf.py. De database bijwerken is een aparte stap: "
        "naleving migrate.",
    )
    serve.add_argument("--bind", help="adres:poort (standaard NALEVING_BIND of 127.0.0.1:8000)")
    serve.add_argument(
        "--zonder-collectstatic",
        action="store_true",
        help="de statische bestanden niet verzamelen (al gedaan bij het uitrollen)",
    )
    sub.add_parser(
        "worker",
        help="een Celery-worker starten voor de achtergrondtaken (meerdere mag)",
        description="Verdere opties gaan naar 'celery worker', bijvoorbeeld --concurrency 2.",
    )
    sub.add_parser(
        "beat",
        help="Celery beat starten: de geplande taken (precies één per installatie)",
        description="Verdere opties gaan naar 'celery beat'.",
    )

    seed = sub.add_parser(
        "seed", help="synthetische gegevens aanmaken (deterministisch per --seed)"
    )
    seed.add_argument("--clients", type=int, default=1600)
    seed.add_argument("--years", type=int, default=3, help="jaren geschiedenis")
    seed.add_argument("--seed", type=int, default=2026)
    seed.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")

    audit = sub.add_parser("audit", help="het toegangslog")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTIE")
    audit_sub.add_parser(
        "verify",
        help="de hashketen van het toegangslog en de ankerpunten controleren",
        description="Controleert de hashketen van het toegangslog en de ondertekende ankerpunten "
        "buiten de database.",
        epilog="Afsluitcodes: 0 in orde, 1 niet in orde (de eerste fout staat erbij), "
        "3 database niet bereikbaar, 4 configuratie onjuist.",
    )

    bewaar = sub.add_parser(
        "bewaartermijnen",
        help="vernietigen wat over zijn bewaartermijn is (--droog: alleen tonen)",
        description="Vernietigt of anonimiseert wat over zijn bewaartermijn is, behalve bij een "
        "bewaarstop, en schrijft het vernietigingslog. Dagelijks doet celery beat hetzelfde.",
    )
    bewaar.add_argument(
        "--droog", action="store_true", help="alleen tonen wat zou gaan; niets wijzigen"
    )

    backup = sub.add_parser(
        "backup",
        help="reservekopie maken: database, geüploade bestanden en ankerpunten in één bestand",
        description="Maakt één archiefbestand met de database (PostgreSQL: pg_dump, SQLite: een "
        "kopie terwijl Naleving doordraait), alle bestanden onder de bestandsmap (bewijsstukken, "
        "bijlagen, brieven) en de ankerpunten van het toegangslog, met een overzicht (manifest): "
        "versie, migraties, rijen per tabel en de sha256 van elk bestand. Het bestand bevat "
        "persoonsgegevens: bewaar het versleuteld.",
        epilog="Afsluitcodes: 0 gelukt, 1 pg_dump of de kopie mislukt, 2 het bestand bestaat al, "
        "3 database niet bereikbaar, 4 pg_dump ontbreekt of is ouder dan de databaseserver.",
    )
    backup.add_argument("bestand", metavar="BESTAND")
    restore = sub.add_parser(
        "restore",
        help="een reservekopie terugzetten (vervangt database, bestanden en ankerpunten)",
        description="Controleert eerst het hele bestand (sha256 van elk onderdeel, migraties) en "
        "zet dan de database in één transactie terug, daarna de bestanden en de ankerpunten. Stop "
        "eerst de webserver, de workers en beat.",
        epilog="Afsluitcodes: 0 gelukt, 1 pg_restore of de kopie mislukt (de database is zoals hij "
        "was), 2 bestand onbruikbaar (afgebroken, vreemd, beschadigd, andere database of nieuwere "
        "versie; er is niets veranderd), 3 database niet bereikbaar, 4 pg_restore ontbreekt of is "
        "te oud, 5 de database bevat al gegevens en --force ontbreekt.",
    )
    restore.add_argument("bestand", metavar="BESTAND")
    restore.add_argument(
        "--force", action="store_true", help="ook terugzetten als de database al gegevens bevat"
    )

    sub.add_parser("preventie-taken", help="herinneringen en werklijst informatiemomenten maken")
    sub.add_parser(
        "mail-dagoverzicht",
        help="het dagelijkse overzicht van taken mailen aan elke medewerker met werk (zoals celery beat om 07:00)",
    )
    sub.add_parser(
        "mail-wachtrij",
        help="wachtende en mislukte e-mails (opnieuw) versturen en oude mislukte opruimen",
    )
    imp = sub.add_parser(
        "import-signalen",
        help="signalen van een ketenpartner inlezen (CSV of JSON)",
        epilog="Afsluitcodes: 0 alle rijen goed, 1 rijen geweigerd, 2 bestand onbruikbaar, "
        "3 database niet bereikbaar, 4 configuratie onjuist.",
    )
    imp.add_argument("bestand")
    imp.add_argument(
        "--bron", required=True, help="naam van de ketenpartner, bijv. Inlichtingenbureau"
    )
    imp.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")

    rapport = sub.add_parser(
        "rapport", help="de voortgangsrapportage van een jaar maken (PDF of HTML)"
    )
    rapport.add_argument("--jaar", type=int, required=True)
    rapport.add_argument("--pdf", metavar="BESTAND", help="schrijf de PDF naar dit bestand")
    rapport.add_argument("--html", metavar="BESTAND", help="schrijf de HTML naar dit bestand")

    watals = sub.add_parser(
        "wat-als",
        help="verkennen wat een concept-regeling doet met de adviezen in de open zaken",
        description="Beoordeelt alle open zaken (conceptbesluiten en onderzoeken met een bevinding) "
        "met de regels van nu en met het concept erbij, en toont hoeveel adviezen veranderen en hoe. "
        "Alleen aantallen en bedragen samen, geen zaak of persoon.",
        epilog="Afsluitcodes: 0 gelukt, 2 verkeerde regeling, datum of bestand, "
        "3 database niet bereikbaar, 4 configuratie onjuist.",
    )
    watals.add_argument(
        "--activeer",
        action="append",
        required=True,
        metavar="REGELING=JJJJ-MM-DD",
        help="zet een concept aan vanaf een datum, bijv. whsz-concept=2027-01-01 (meer mag)",
    )
    watals.add_argument(
        "--regeling",
        action="append",
        default=[],
        metavar="BESTAND.toml",
        help="een concept dat nog niet is uitgeleverd (concept = true); zet het aan met --activeer",
    )
    watals.add_argument(
        "--op", metavar="JJJJ-MM-DD", help="beoordelingsdatum (standaard: de activeringsdatum)"
    )
    watals.add_argument("--json", action="store_true", help="uitvoer als JSON")

    sub.add_parser("migrate", help="de database bijwerken")
    sub.add_parser("advies", help="advies van de regels (zie: naleving advies --help)")
    sub.add_parser(
        "invordering",
        help="advies over invorderen: beslagvrije voet, aflossing, verjaring "
        "(zie: naleving invordering --help)",
    )
    sub.add_parser("regels", help="de regelingen en hun parameters tonen")
    sub.add_parser(
        "algoritmeregister", help="de tekst voor het Algoritmeregister (Markdown, of --json)"
    )
    manage = sub.add_parser("manage", help="een Django-beheeropdracht uitvoeren")
    manage.add_argument("args", nargs=argparse.REMAINDER)

    args, extra = parser.parse_known_args(argv)
    if extra and args.command not in {"worker", "beat"}:
        parser.error(f"onbekende argumenten: {' '.join(extra)}")
    args.celery_args = extra
    from django.db import DatabaseError

    from naleving.config.env import ConfigFout

    try:
        return _run(args)
    except ConfigFout as exc:
        print(exc, file=sys.stderr)
        return CONFIGURATIE_ONJUIST
    except DatabaseError as exc:
        from naleving.core.database import (
            database_omschrijving,
            database_onbereikbaar,
            technische_reden,
        )

        if not database_onbereikbaar(exc):
            raise
        print(
            f"De database is niet bereikbaar ({database_omschrijving()}). Controleer DATABASE_URL "
            "en of de databaseserver draait, en probeer het daarna opnieuw.\n"
            f"Technische melding: {technische_reden(exc)}",
            file=sys.stderr,
        )
        return DATABASE_ONBEREIKBAAR


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        os.environ["NALEVING_ENV"] = "demo"
        _django()
        from naleving.demodata.demo import run_demo

        return run_demo(port=args.port, clients=args.clients, serve=not args.no_serve)
    _django()
    if args.command == "serve":
        return _serve(bind=args.bind, collectstatic=not args.zonder_collectstatic)
    if args.command in {"worker", "beat"}:
        return _celery(args.command, args.celery_args)
    if args.command == "seed":
        from naleving.demodata.seed import run_seed

        return run_seed(
            clients=args.clients, years=args.years, seed=args.seed, progress=not args.quiet
        )
    if args.command == "import-signalen":
        from naleving.signalen.management.commands.import_signalen import run_import

        return run_import(args.bestand, args.bron, progress=not args.quiet)
    if args.command == "audit":
        return _audit_verify()
    if args.command == "bewaartermijnen":
        from naleving.bewaren.uitvoer import druk_af

        return druk_af(droog=args.droog)
    if args.command in {"backup", "restore"}:
        return _backup(args.command, args.bestand, force=getattr(args, "force", False))
    if args.command == "preventie-taken":
        from naleving.preventie.services import maak_herinneringen

        aantallen = maak_herinneringen()
        print(
            f"Herinneringen gemaakt: {aantallen['melding_wacht']} wijziging(en) die te lang "
            "wachten, "
            f"{aantallen['informatie_nodig']} cliënt(en) toe aan een informatiemoment."
        )
        return 0
    if args.command == "mail-dagoverzicht":
        from naleving.mail.dagoverzicht import dagoverzicht_versturen

        print(f"Dagoverzicht gepland voor {dagoverzicht_versturen()} medewerker(s).")
        return 0
    if args.command == "mail-wachtrij":
        from naleving.mail.services import wachtrij_verwerken

        uitkomst = wachtrij_verwerken()
        print(
            f"E-mails verzonden: {uitkomst['verzonden']}, mislukt: {uitkomst['mislukt']}, "
            f"opgeruimd: {uitkomst['gewist']}."
        )
        return 0
    if args.command == "wat-als":
        from naleving.beleid.watals import wat_als_main

        return wat_als_main(
            activeer=args.activeer, regelingen=args.regeling, op=args.op, als_json=args.json
        )
    if args.command == "rapport":
        from naleving.beleid.rapport import rapport_naar_bestand

        return rapport_naar_bestand(args.jaar, pdf_pad=args.pdf, html_pad=args.html)
    from django.core.management import execute_from_command_line

    if args.command == "migrate":
        execute_from_command_line(["naleving", "migrate", "--no-input"])
        return 0
    execute_from_command_line(["naleving", *args.args])
    return 0


def _serve(*, bind: str | None, collectstatic: bool) -> int:
    """Replace this process by gunicorn's master, so that the process manager's signals (SIGTERM: finish
    the running requests, then stop) reach gunicorn itself."""
    if collectstatic:
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    _metriekenmap()
    command = [sys.executable, "-m", "gunicorn", "-c", "python:naleving.config.gunicorn_conf"]
    if bind:
        command += ["--bind", bind]
    os.execv(sys.executable, [*command, "naleving.config.wsgi:application"])
    return 0  # not reached


def _metriekenmap() -> None:
    """Prometheus's multiprocess mode (naleving.config.metrieken): the processes of one gunicorn instance, or
    of one worker's pool, write their counters to files in one directory, and /metrics adds them up. Set
    before the app (and prometheus-client) is loaded. A directory given in PROMETHEUS_MULTIPROC_DIR is emptied
    at the start (counters begin again at a restart, as Prometheus expects): give each instance its own;
    without one, a fresh temporary directory."""
    import shutil
    import tempfile

    map_ = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not map_:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="naleving-metrieken-")
        return
    shutil.rmtree(map_, ignore_errors=True)
    os.makedirs(map_, exist_ok=True)


def _celery(soort: str, extra: list[str]) -> int:
    from django.conf import settings

    if settings.CELERY_TASK_ALWAYS_EAGER:
        print(
            "Achtergrondtaken draaien nu in het webproces zelf (NALEVING_TAKEN_DIRECT staat aan, "
            "standaard buiten productie): een worker of beat is dan niet nodig. Zet "
            "CELERY_BROKER_URL (Redis) en NALEVING_TAKEN_DIRECT=0 om ze apart te draaien.",
            file=sys.stderr,
        )
        return CONFIGURATIE_ONJUIST
    command = [sys.executable, "-m", "celery", "-A", "naleving.config", soort]
    if soort == "worker":
        _metriekenmap()
    if soort == "beat":
        command += ["--schedule", str(settings.VAR_DIR / "celerybeat-schedule")]
    os.execv(sys.executable, [*command, "--loglevel", "INFO", *extra])
    return 0  # not reached


def _backup(commando: str, bestand: str, *, force: bool) -> int:
    from pathlib import Path

    from naleving.config import backup

    try:
        if commando == "backup":
            resultaat = backup.maak_backup(Path(bestand))
        else:
            resultaat = backup.herstel(Path(bestand), force=force)
    except backup.BackupFout as exc:
        print(exc, file=sys.stderr)
        return exc.code
    print(resultaat.bericht)
    return 0


def _audit_verify() -> int:
    from naleving.audit.selectors import verify_chain

    result = verify_chain()
    if result.ok:
        print(
            f"Toegangslog in orde: {result.checked} logregels gecontroleerd. "
            f"{result.ankerpunten} ankerpunten buiten de database kloppen."
        )
        if result.waarschuwing:
            print(f"Let op: {result.waarschuwing}")
        return 0
    plaats = f"logregel {result.first_broken}: " if result.first_broken is not None else ""
    print(
        f"Toegangslog NIET in orde: {plaats}{result.problem} "
        f"({result.checked} regels daarvoor waren in orde).",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
