# SPDX-License-Identifier: EUPL-1.2
"""Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by scripts/setup --browser) with
Playwright against Django's live server. No test tool downloads a browser."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NALEVING_CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; Django's ORM is still used synchronously here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent.name == "browser":
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: draai scripts/setup --browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server) -> Iterator[object]:
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(15_000)
    # The Content-Security-Policy is enforced everywhere: an inline script or style that it blocks fails the test.
    geweigerd: list[str] = []
    page.on(
        "console",
        lambda msg: geweigerd.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    yield page
    # No request may still be running on the live server when the test's data is flushed.
    with contextlib.suppress(Exception):  # a page that never settles is the test's own failure
        page.wait_for_load_state("networkidle", timeout=10_000)
    context.close()
    assert geweigerd == [], f"door de Content-Security-Policy geweigerd: {geweigerd}"


@pytest.fixture
def login(page) -> Callable[[str, str], None]:
    def do_login(username: str, password: str = "een-lang-wachtwoord-123") -> None:
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/start/")

    return do_login


from tests.oidc_idp import idp_live  # noqa: E402, F401  (the real OpenID Connect provider, for test_sso)
