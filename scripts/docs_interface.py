# SPDX-License-Identifier: EUPL-1.2
"""Screenshots of four main screens for docs/interface.md, from a fresh demo (Playwright with Debian's Chromium).

Usage: .venv/bin/python scripts/docs_interface.py [--docs docs]
Writes docs/interface-start-consulent.png (the consultant's start page), docs/interface-dossier.png (a client
file with its breadcrumbs), docs/interface-melden-met-fouten.png (the public report form after an empty
submission, 320 px wide) and docs/interface-toegankelijkheid.png (the accessibility statement).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docs_afbeeldingen import ROOT, _vrije_poort


def _wacht(poort: int) -> bool:
    import socket
    import time

    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return True
        except OSError:
            time.sleep(1)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", default=str(ROOT / "docs"))
    args = parser.parse_args()
    docs = Path(args.docs)
    poort = _vrije_poort()
    env = {**os.environ, "NALEVING_VAR_DIR": tempfile.mkdtemp(prefix="naleving-docs-")}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/naleving"), "demo", "--clients", "300", "--port", str(poort)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        basis = f"http://127.0.0.1:{poort}"
        if not _wacht(poort):
            print("De demo startte niet.", file=sys.stderr)
            return 1
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{basis}/inloggen/")
            page.get_by_label("Gebruikersnaam").fill("inkomensconsulent")
            page.get_by_label("Wachtwoord").fill(
                os.environ.get("NALEVING_DEMO_PASSWORD", "naleving-demo")
            )
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url("**/start/")
            page.screenshot(path=str(docs / "interface-start-consulent.png"))
            dossier = page.eval_on_selector_all(
                "main a[href^='/clienten/']",
                "els => els.map(e => e.getAttribute('href').split('#')[0]).filter(h => h !== '/clienten/')",
            )[0]
            page.goto(f"{basis}{dossier}")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(docs / "interface-dossier.png"))
            page.goto(f"{basis}/toegankelijkheid/")
            page.screenshot(path=str(docs / "interface-toegankelijkheid.png"), full_page=True)
            smal = browser.new_page(viewport={"width": 320, "height": 900})
            smal.goto(f"{basis}/melden/")
            smal.get_by_role("button", name="Melding versturen").click()
            smal.screenshot(path=str(docs / "interface-melden-met-fouten.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"Geschreven: vier schermen in {docs}/interface-*.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
