# SPDX-License-Identifier: EUPL-1.2
"""Memory of a gunicorn worker under load: `naleving serve` with production settings, a few minutes of
staff traffic (start page, client search, client files, worklists), RSS and PSS of every worker sampled.

Usage (PostgreSQL, an empty or earlier bench database; Redis at 127.0.0.1:6379):
    createdb -h 127.0.0.1 -U postgres naleving_bench_serve
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naleving_bench_serve \\
        .venv/bin/python bench/serve_geheugen.py --seconden 300 --clients 1600
The database is migrated and, when it has no clients, seeded. Traffic goes to 127.0.0.1 only, from
--gelijktijdig threads, and stops after --seconden. PSS counts memory shared with the master (the app is
preloaded before the workers fork) in part, so it is the fairer figure for sizing.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

WACHTWOORD = "bench-" + secrets.token_urlsafe(16)


def _poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _geheugen_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB from /proc."""
    rss = pss = 0
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            rss = int(regel.split()[1])
    for regel in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if regel.startswith("Pss:"):
            pss = int(regel.split()[1])
    return rss, pss


def _workers(master: int) -> list[int]:
    kinderen = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(p) for p in kinderen]


class Browser:
    def __init__(self, poort: int) -> None:
        self.poort = poort
        self.cookies: dict[str, str] = {}

    def vraag(self, methode: str, pad: str, body: bytes | None = None) -> tuple[int, str]:
        verbinding = HTTPConnection("127.0.0.1", self.poort, timeout=60)
        headers = {"Host": "localhost"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        verbinding.request(methode, pad, body=body, headers=headers)
        antwoord = verbinding.getresponse()
        tekst = antwoord.read().decode("utf-8", "replace")
        for kop, waarde in antwoord.getheaders():
            if kop.lower() == "set-cookie":
                naam, _, rest = waarde.partition("=")
                self.cookies[naam] = rest.split(";", 1)[0]
        verbinding.close()
        return antwoord.status, tekst

    def login(self, gebruiker: str) -> None:
        _, pagina = self.vraag("GET", "/inloggen/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina)
        assert token, "geen inlogformulier"
        data = {"username": gebruiker, "password": WACHTWOORD, "csrfmiddlewaretoken": token[1]}
        status, _ = self.vraag("POST", "/inloggen/", urlencode(data).encode())
        assert status == 302, f"inloggen mislukt ({status})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconden", type=int, default=300)
    parser.add_argument("--clients", type=int, default=1600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gelijktijdig", type=int, default=4)
    parser.add_argument("--monster", type=int, default=30, help="seconden tussen metingen")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print(
            "Zet DATABASE_URL op een PostgreSQL-database (zie de uitleg bovenin).", file=sys.stderr
        )
        return 2

    var = Path(tempfile.mkdtemp(prefix="naleving-bench-serve-"))
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "naleving.config.settings",
        "NALEVING_ENV": "production",
        "NALEVING_SECRET_KEY": secrets.token_urlsafe(50),
        "NALEVING_ALLOWED_HOSTS": "localhost",
        "NALEVING_SSL_REDIRECT": "0",
        "NALEVING_VAR_DIR": str(var),
        "NALEVING_WEB_WORKERS": str(args.workers),
        "NALEVING_LOGIN_THROTTLE": "0",
        "NALEVING_TAKEN_WACHTRIJ": f"bench-{secrets.token_hex(4)}",
    }
    naleving = [sys.executable, "-m", "naleving.cli"]
    subprocess.run([*naleving, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    os.environ.update(env)
    import django

    django.setup()
    from naleving.accounts.models import Gemeente, Rol, User
    from naleving.clienten.models import Client
    from naleving.demodata.seed import ensure_gemeenten, seed_database

    ensure_gemeenten()
    if not Client.objects.exists():
        print(f"{args.clients} cliënten aanmaken…", flush=True)
        seed_database(clients=args.clients, years=3, seed_value=2026, progress=False)
    rollen = ("inkomensconsulent", "handhaver", "teamleider")
    for rol in rollen:
        user, _ = User.objects.get_or_create(
            username=f"bench-{rol}", defaults={"rol": Rol.objects.get(code=rol)}
        )
        user.set_password(WACHTWOORD)
        user.save()
        user.gemeenten.set(Gemeente.objects.all())
    nummers = list(Client.objects.values_list("clientnummer", flat=True)[:500])
    achternamen = sorted({c.achternaam[:3] for c in Client.objects.only("achternaam")[:300]})

    poort = _poort()
    log = (var / "serve.log").open("wb")
    master = subprocess.Popen(
        [*naleving, "serve", "--bind", f"127.0.0.1:{poort}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(600):
            try:
                if Browser(poort).vraag("GET", "/gereed/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            print(f"Server werd niet gereed; zie {var / 'serve.log'}", file=sys.stderr)
            return 1
        time.sleep(2)
        start = {pid: _geheugen_kb(pid) for pid in _workers(master.pid)}
        duren: list[float] = []
        fouten = [0]
        klaar = time.monotonic() + args.seconden
        slot = threading.Lock()

        def verkeer(nummer: int) -> None:
            kans = random.Random(nummer)
            rol = rollen[nummer % len(rollen)]
            browser = Browser(poort)
            browser.login(f"bench-{rol}")
            paden = {
                "inkomensconsulent": ["/start/", "/besluiten/", "/preventie/inbox/"],
                "handhaver": ["/start/", "/onderzoek/", "/signalen/"],
                "teamleider": ["/start/", "/onderzoek/", "/signalen/overzicht/"],
            }[rol]
            while time.monotonic() < klaar:
                keuze = kans.random()
                if keuze < 0.35:
                    pad = f"/clienten/?{urlencode({'q': kans.choice(achternamen)})}"
                elif keuze < 0.7 and rol != "teamleider":
                    pad = f"/clienten/{kans.choice(nummers)}/"
                else:
                    pad = kans.choice(paden)
                begin = time.monotonic()
                status, _ = browser.vraag("GET", pad)
                with slot:
                    duren.append(time.monotonic() - begin)
                    if status >= 500:
                        fouten[0] += 1

        draden = [
            threading.Thread(target=verkeer, args=(n,), daemon=True)
            for n in range(args.gelijktijdig)
        ]
        for draad in draden:
            draad.start()
        metingen = []
        begin = time.monotonic()
        while time.monotonic() < klaar:
            time.sleep(max(0.0, min(args.monster, klaar - time.monotonic())))
            metingen.append(
                (time.monotonic() - begin, {p: _geheugen_kb(p) for p in _workers(master.pid)})
            )
        for draad in draden:
            draad.join(timeout=90)
        eind = metingen[-1][1]
        print(
            f"Belasting: {args.seconden} s, {args.gelijktijdig} gelijktijdige gebruikers, "
            f"{args.workers} workers; {len(duren)} verzoeken ({len(duren) / args.seconden:.1f}/s), "
            f"{fouten[0]} fouten (5xx)"
        )
        if duren:
            kwantielen = statistics.quantiles(duren, n=20)
            print(
                f"Duur: mediaan {statistics.median(duren) * 1000:.0f} ms, "
                f"p95 {kwantielen[18] * 1000:.0f} ms"
            )
        print(f"Master: RSS {_geheugen_kb(master.pid)[0] / 1024:.0f} MB")
        for seconde, meting in metingen:
            regels = ", ".join(
                f"{pid}: RSS {rss / 1024:.0f} MB / PSS {pss / 1024:.0f} MB"
                for pid, (rss, pss) in sorted(meting.items())
            )
            print(f"  na {seconde:4.0f} s — {regels}")
        for pid, (rss, pss) in sorted(eind.items()):
            voor = start.get(pid)
            bij = f" (bij de start {voor[0] / 1024:.0f} MB)" if voor else " (nieuwe worker)"
            print(f"Worker {pid}: RSS {rss / 1024:.0f} MB{bij}, PSS {pss / 1024:.0f} MB")
        return 0 if fouten[0] == 0 else 1
    finally:
        master.terminate()
        master.wait(timeout=60)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
