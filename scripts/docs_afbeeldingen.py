# SPDX-License-Identifier: EUPL-1.2
"""Screenshots of the advice explanation for the docs, from a fresh demo (Playwright with Debian's Chromium).

Usage: .venv/bin/python scripts/docs_afbeeldingen.py [--docs docs] [--besluit 2]
Writes docs/besluiten-advies.png (the plain-Dutch explanation) and docs/besluiten-advies-technisch.png (with the
technical trace opened) of the demo decision as the demo consultant sees it. The letter's pages are made by
bench/besluiten_brief.py --docs docs.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", default=str(ROOT / "docs"))
    parser.add_argument("--besluit", type=int, default=2)
    args = parser.parse_args()
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
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=1).close()
                break
            except OSError:
                time.sleep(1)
        else:
            print("De demo startte niet.", file=sys.stderr)
            return 1
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 1068, "height": 900})
            page.goto(f"{basis}/inloggen/")
            page.get_by_label("Gebruikersnaam").fill("inkomensconsulent")
            page.get_by_label("Wachtwoord").fill(
                os.environ.get("NALEVING_DEMO_PASSWORD", "naleving-demo")
            )
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url("**/start/")
            page.goto(f"{basis}/besluiten/{args.besluit}/")
            advies = page.locator("#advies")
            advies.screenshot(path=str(Path(args.docs) / "besluiten-advies.png"))
            advies.locator("details summary").last.click()
            advies.screenshot(path=str(Path(args.docs) / "besluiten-advies-technisch.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"Geschreven: {args.docs}/besluiten-advies.png, {args.docs}/besluiten-advies-technisch.png"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
