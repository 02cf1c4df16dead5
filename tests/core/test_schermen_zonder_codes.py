# SPDX-License-Identifier: EUPL-1.2
"""What people read on a screen is Dutch text, never an internal code (issue: "wat de consulent leest").

The demo data is built in the test database; then each demo role logs in, and the test follows every link from its
start page (GET only, same host, a few pages per kind of page) plus the detail pages of a few objects. On every page
the visible text must not show:
- a stored choice key or a right's code (`niet_lichter`, `in_uitvoering`, `signaal.triageren`), or a one-word
  key alone in a cell (`PW`, `onderzoek`): show its label;
- `True`, `False` or `None`: show Ja or Nee (or nothing);
- an ISO date or time stamp (`2026-03-01`, `2026-03-01T09:30`): show it in Dutch format, local time;
- a Python dict or list (`{'velden': ...}`): show each value on its own line with a Dutch label;
- an English word of the interface (`Deadline`).
And every staff page below the start page shows its breadcrumbs (issue 17: "breadcrumbs back"): a
`nav aria-label="Kruimelpad"` that starts with a link to Start and ends with the page itself (`aria-current`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.test import Client as Browser
from django.urls import Resolver404, resolve

from naleving.accounts.permissions import ACTIES
from naleving.demodata.demo import DEMO_ROLLEN, ensure_demo_accounts
from naleving.demodata.seed import ensure_gemeenten, seed_database
from naleving.onderzoek.activiteiten import VELDEN
from naleving.signalen.triage import REDENEN

#: English words that have a plain Dutch word; a page shows the Dutch one.
ENGELSE_WOORDEN = (
    "Deadline",
    "Due",
    "Overdue",
    "Submit",
    "Save",
    "Cancel",
    "Delete",
    "Edit",
    "Search",
    "Previous",
    "Next",
    "Yes",
    "Owner",
    "Date",
    "Amount",
    "Total",
    "Settings",
    "Password",
    "Username",
    "Pending",
    "Reviewer",
    "Task",
    "Tasks",
    "Error",
    "Loading",
)

#: A page of each kind is enough: list pages with filters or pages (`?pagina=3`) add nothing new.
PER_SOORT = 2
MAX_PAGINAS_PER_ROL = 120
#: Pages that are not Naleving's screens: the administrator's Django admin, files and exports.
OVERSLAAN = ("/beheer/", "/uitloggen/", "/static/", "/api/")
BESTANDEN = (".pdf", ".csv", ".xlsx", ".json", ".zip")
#: Views that send a file, not a page (their names say so).
BESTANDVIEWS = ("pdf", "download", "export", "csv", "xlsx", "bijlage", "foutrapport")


def _codes() -> set[str]:
    """Every stored choice key that is a code rather than a word (it has an underscore or a dot), every field
    name of an activity, every triage reason and every right's code."""
    codes: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("naleving."):
            continue
        for field in model._meta.get_fields():
            for key, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(key, str) and ("_" in key or "." in key):
                    codes.add(key)
    for velden in VELDEN.values():
        for veld in velden:
            codes.add(veld.naam)
            codes.update(k for k, _ in veld.keuzes if "_" in k)
    codes.update(ACTIES)
    codes.update(REDENEN)
    return {c for c in codes if "_" in c or "." in c}


def _woordcodes() -> set[str]:
    """Stored choice keys that are one word but not their label ('onderzoek' for "Onderzoek starten"): such a
    word alone in a cell or a line is the key shown instead of its label."""
    woorden: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("naleving."):
            continue
        for field in model._meta.get_fields():
            for key, label in getattr(field, "flatchoices", None) or ():
                if isinstance(key, str) and key.isalpha() and key.lower() != str(label).lower():
                    woorden.add(key)
    return woorden


VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Tekst(HTMLParser):
    """The text a reader sees (no script, style or attribute values) and the links on the page. An element
    marked `data-technisch` (the advice's technical trace, one click away on purpose) is left out."""

    def __init__(self) -> None:
        super().__init__()
        self.delen: list[str] = []
        self.links: list[str] = []
        self._open: list[str] = []
        self._verborgen_tot: int | None = None  # depth of the open element that hides its content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        if tag in VOID:
            return
        self._open.append(tag)
        technisch = any(naam == "data-technisch" for naam, _w in attrs)
        if self._verborgen_tot is None and (tag in ("script", "style", "template") or technisch):
            self._verborgen_tot = len(self._open)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self._open:
            return
        while self._open:
            if self._verborgen_tot is not None and len(self._open) <= self._verborgen_tot:
                self._verborgen_tot = None
            if self._open.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._verborgen_tot is None:
            self.delen.append(data)


ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")
PYTHON = re.compile(r"\b(?:True|False|None)\b|\{'|\['|': ")


def fouten_op_pagina(
    tekst: str, codes: set[str], *, delen: list[str] = (), woordcodes: set[str] = frozenset()
) -> list[str]:
    found = [f"sleutel {d.strip()!r}" for d in sorted(set(delen)) if d.strip() in woordcodes]
    for woord in sorted(set(re.findall(r"[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]", tekst))):
        if woord in codes:
            found.append(f"code {woord!r}")
    found += [f"Python {m!r}" for m in sorted(set(PYTHON.findall(tekst)))]
    found += [f"ISO-datum {m!r}" for m in sorted(set(ISO.findall(tekst)))]
    found += [
        f"Engels {w!r}" for w in ENGELSE_WOORDEN if re.search(rf"(?<![\w-]){w}(?![\w-])", tekst)
    ]
    return found


#: Public pages (residents, reporters, the login) have no staff start page to go back to.
PUBLIEK = ("/melden/", "/wijziging-doorgeven/", "/inloggen/", "/toegankelijkheid/")
KRUIMELPAD = re.compile(
    r'<nav class="utrecht-breadcrumb-nav[^"]*" aria-label="Kruimelpad">\s*<ol[^>]*>\s*'
    r'<li class="utrecht-breadcrumb-nav__item"><a [^>]*href="/start/">Start</a>.*?'
    r'aria-current="page">[^<]+</span></li>\s*</ol>\s*</nav>',
    re.S,
)


def kruimelpad_fout(path: str, html: str) -> list[str]:
    """A staff page below the start page without breadcrumbs from Start to itself."""
    if path == "/start/" or path.startswith(PUBLIEK) or KRUIMELPAD.search(html):
        return []
    return ["geen kruimelpad"]


def _soort(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def _detailpaginas(user) -> list[str]:  # type: ignore[no-untyped-def]
    """One object of each state (and triage or investigation outcome), also when no link from a start page
    leads to it: a page shows most of its fields only in a later state. Only for a role that may open them."""
    from django.db.models import Min

    from naleving.accounts.permissions import has_right
    from naleving.besluiten.models import Besluit
    from naleving.onderzoek.models import Onderzoek
    from naleving.signalen.models import Signaal

    urls = []
    for model, prefix, velden, recht in (
        (Signaal, "/signalen/", ("status", "uitkomst"), "signaal.triageren"),
        (Onderzoek, "/onderzoek/", ("status", "uitkomst"), "onderzoek.bekijken"),
        (Besluit, "/besluiten/", ("status",), "besluit.bekijken"),
    ):
        if not has_right(user, recht):
            continue
        eerste = model.objects.values(*velden).annotate(eerste=Min("pk")).order_by("eerste")
        urls += [f"{prefix}{rij['eerste']}/" for rij in eerste]
    return urls


def crawl(
    browser: Browser, start: list[str], codes: set[str], woordcodes: set[str]
) -> tuple[dict[str, list[str]], int]:
    te_doen = list(start)
    gezien: set[str] = set()
    per_soort: dict[str, int] = defaultdict(int)
    fouten: dict[str, list[str]] = {}
    while te_doen and len(gezien) < MAX_PAGINAS_PER_ROL:
        url = te_doen.pop(0)
        if url in gezien:
            continue
        gezien.add(url)
        response = browser.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Tekst()
        html = response.content.decode()
        parser.feed(html)
        found = fouten_op_pagina(
            " ".join(parser.delen), codes, delen=parser.delen, woordcodes=woordcodes
        ) + kruimelpad_fout(urlsplit(url).path, html)
        if found:
            fouten[url] = found
        for href in parser.links:
            absolute = urljoin(url, href)
            parts = urlsplit(absolute)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            if parts.path.startswith(OVERSLAAN) or parts.path.endswith(BESTANDEN):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            soort = _soort(parts.path)
            if soort is None or link in gezien or any(w in soort for w in BESTANDVIEWS):
                continue
            if per_soort[soort] >= PER_SOORT:
                continue
            per_soort[soort] += 1
            te_doen.append(link)
    return fouten, len(gezien)


@pytest.fixture
def demo(db, settings):
    settings.NALEVING_DEMO = True
    ensure_gemeenten()
    ensure_demo_accounts()
    seed_database(
        clients=120, years=1, seed_value=2026, peildatum=date(2026, 11, 2), progress=False
    )


@pytest.mark.django_db
def test_no_raw_codes_on_any_page_of_any_role(demo) -> None:
    codes = _codes()
    assert {"niet_lichter", "in_uitvoering", "met_wie"} <= codes
    alle_fouten: dict[str, dict[str, list[str]]] = {}
    bezocht = {}
    for code, _first, _last in DEMO_ROLLEN:
        browser = Browser()
        user = apps.get_model("accounts", "User").objects.get(username=code)
        browser.force_login(user)
        fouten, bezocht[code] = crawl(
            browser, ["/start/", *_detailpaginas(user)], codes, _woordcodes()
        )
        if fouten:
            alle_fouten[code] = fouten
    assert all(n > 3 for n in bezocht.values()), bezocht
    regels = [
        f"{rol} {url}: {', '.join(found)}"
        for rol, fouten in alle_fouten.items()
        for url, found in fouten.items()
    ]
    assert not regels, "\n".join(regels)


def test_the_checks_find_each_kind_of_raw_text() -> None:
    codes = {"niet_lichter", "signaal.triageren"}
    tekst = (
        "Reden: niet_lichter. Recht signaal.triageren. Cautie: True. {'velden': 1} "
        "op 2026-03-01T09:30:00+00:00. Deadline 1 mei."
    )
    assert fouten_op_pagina(tekst, codes) == [
        "code 'niet_lichter'",
        "code 'signaal.triageren'",
        'Python "\': "',
        "Python 'True'",
        'Python "{\'"',
        "ISO-datum '2026-03-01T09:30'",
        "Engels 'Deadline'",
    ]
    assert fouten_op_pagina("Ja, op 1 maart 2026 om 10:30 (termijn: 3 werkdagen).", codes) == []
    parser = _Tekst()
    parser.feed(
        "<p>Zichtbaar<br></p><details data-technisch><summary>Techniek</summary><p>2017-01-01</p></details>"
        "<script>var x = True;</script><p>Ook zichtbaar</p>"
    )
    assert [d for d in parser.delen if d.strip()] == ["Zichtbaar", "Ook zichtbaar"]
    assert fouten_op_pagina(
        "onderzoek PW",
        codes,
        delen=["onderzoek", " PW ", "Onderzoek starten"],
        woordcodes={"onderzoek", "PW"},
    ) == ["sleutel 'PW'", "sleutel 'onderzoek'"]


def test_breadcrumbs_run_from_start_to_the_page_itself() -> None:
    from django.template import Context, Template

    html = Template('{% kruimelpad "Cliënten" "clienten:zoeken" "Anna Kok" %}').render(Context())
    assert kruimelpad_fout("/clienten/C1/", html) == []
    assert (
        '<a class="utrecht-link utrecht-breadcrumb-nav__link" href="/clienten/">Cliënten</a>'
        in html
    )
    assert kruimelpad_fout("/clienten/C1/", "<main><h1>Anna Kok</h1></main>") == ["geen kruimelpad"]
    assert kruimelpad_fout("/start/", "") == [] and kruimelpad_fout("/melden/", "") == []
