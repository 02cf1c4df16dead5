# SPDX-License-Identifier: EUPL-1.2
"""The template language for texts that the functioneel beheerder edits (letters).

Jinja2's `SandboxedEnvironment` with no loader (so no include, import or extends), autoescape on, no globals, and
a checker that allows only the declared placeholders, the tags `if` and `for`, and the filters below. A template is
checked when it is saved; nothing it can express fails when rendered (every filter accepts any value, and
comparisons that could raise are refused), so a checked template always makes a letter."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

TEKST, GETAL, DATUM, JANEE, GROEP, LIJST = "tekst", "getal", "datum", "ja/nee", "groep", "lijst"


@dataclass(frozen=True)
class Plaatshouder:
    """One placeholder: what it holds (in Dutch, for the beheerder) and its kind. A group has parts (`velden`);
    a list's `velden` are the parts of each item (none: each item is a text)."""

    uitleg: str
    soort: str = TEKST
    velden: Mapping[str, Plaatshouder] = field(default_factory=dict)

    def item(self) -> Plaatshouder:
        return Plaatshouder(self.uitleg, GROEP if self.velden else TEKST, self.velden)


class Sjabloonfout(Exception):
    """A template that may not be saved: the line and the problem, in Dutch."""

    def __init__(self, regel: int | None, probleem: str) -> None:
        self.regel = regel
        self.probleem = probleem
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"Regel {self.regel}: {self.probleem}" if self.regel else self.probleem


# --- Filters: each accepts any value and never raises. -------------------------------------------------------


def _behoud(waarde: Any, functie: Callable[[str], str]) -> Any:
    """Apply a text function and keep already-escaped text escaped (no double escaping)."""
    if isinstance(waarde, Markup):
        return Markup(functie(str(waarde)))
    return functie("" if waarde is None else str(waarde))


def _datum(waarde: Any, vorm: Any = "lang") -> str:
    from django.utils import dateformat

    if not isinstance(waarde, date):
        return "" if waarde is None else str(waarde)
    return dateformat.format(waarde, "d-m-Y" if vorm == "kort" else "j F Y")


def _regels(waarde: Any) -> Markup:
    tekst = "" if waarde is None else str(waarde)
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    return Markup("<br>").join(escape(tekst).split("\n"))


def _meervoud(waarde: Any, achtervoegsel: Any = "en") -> str:
    try:
        aantal = len(waarde) if isinstance(waarde, list | tuple) else int(waarde)
    except (TypeError, ValueError):
        return ""
    return "" if aantal == 1 else str(achtervoegsel)


def _hoofdletter(waarde: Any) -> Any:
    return _behoud(waarde, lambda s: s[:1].upper() + s[1:])


def _kleine_letters(waarde: Any) -> Any:
    return _behoud(waarde, str.lower)


def _samenvoegen(waarde: Any, scheiding: Any = ", ") -> Markup:
    delen: Iterable[Any] = waarde if isinstance(waarde, list | tuple) else [waarde]
    return escape(str(scheiding)).join(escape("" if d is None else str(d)) for d in delen)


def _standaard(waarde: Any, anders: Any = "") -> Any:
    return waarde if waarde not in (None, "", 0, []) else anders


#: The filters a template may use: name -> (function, Dutch explanation).
FILTERS: dict[str, tuple[Callable[..., Any], str]] = {
    "datum": (
        _datum,
        'Een datum voluit: 3 maart 2026. Met datum("kort"): 03-03-2026.',
    ),
    "regels": (_regels, "Houdt de regels van een tekst aan elkaar zoals ze zijn getypt."),
    "meervoud": (
        _meervoud,
        'Zet "en" achter een woord als het getal niet 1 is: maand{{ x|meervoud }}. '
        'Ander achtervoegsel: meervoud("s").',
    ),
    "hoofdletter": (_hoofdletter, "Begint de tekst met een hoofdletter."),
    "kleine_letters": (_kleine_letters, "Zet de tekst in kleine letters."),
    "samenvoegen": (
        _samenvoegen,
        'Zet de onderdelen van een lijst achter elkaar, met ", " ertussen (of samenvoegen(" en ")).',
    ),
    "standaard": (
        _standaard,
        'Toont een andere tekst als de plaatshouder leeg is: standaard("onbekend").',
    ),
}


def _aantal_argumenten(functie: Callable[..., Any]) -> tuple[int, int]:
    params = list(inspect.signature(functie).parameters.values())[1:]
    verplicht = sum(1 for p in params if p.default is inspect.Parameter.empty)
    return verplicht, len(params)


TAGS = ("if", "elif", "else", "for")
#: Attributes of the loop inside {% for %} (Jinja's own names).
LUS = Plaatshouder(
    "De lus van {% for %}",
    GROEP,
    {
        "first": Plaatshouder("Waar bij het eerste item", JANEE),
        "last": Plaatshouder("Waar bij het laatste item", JANEE),
        "index": Plaatshouder("Het nummer van het item, vanaf 1", GETAL),
    },
)

_VERBODEN_TAG = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
    nodes.Block: "block",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.FilterBlock: "filter",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
    nodes.With: "with",
    nodes.ScopedEvalContextModifier: "autoescape",
    nodes.EvalContextModifier: "autoescape",
}


def omgeving() -> SandboxedEnvironment:
    env = SandboxedEnvironment(loader=None, autoescape=True, extensions=())
    env.globals.clear()
    env.tests.clear()
    env.filters = {naam: functie for naam, (functie, _) in FILTERS.items()}
    return env


def _vertaal_syntaxfout(exc: TemplateSyntaxError) -> str:
    bericht = exc.message or ""
    if "unknown tag" in bericht:
        tag = bericht.split("'")[1] if "'" in bericht else ""
        return (
            f"De opdracht {{% {tag} %}} bestaat niet of is niet toegestaan. "
            "Toegestaan zijn alleen {% if %} … {% endif %} en {% for %} … {% endfor %}."
        )
    if "Unexpected end of template" in bericht or "expected token 'end of" in bericht:
        return (
            "Er ontbreekt een afsluiting, zoals {% endif %} of {% endfor %}, of een }} of %}. "
            f"(Technisch: {bericht})"
        )
    if "Expected an expression" in bericht:
        return (
            'Hier hoort een plaatshouder of een waarde, zoals {% if besluit.sanctie == "boete" %}. '
            f"(Technisch: {bericht})"
        )
    return f"De schrijfwijze klopt niet. (Technisch: {bericht})"


class _Controle:
    """Walks the parsed template and refuses everything not declared."""

    def __init__(self, plaatshouders: Mapping[str, Plaatshouder]) -> None:
        self.plaatshouders = plaatshouders
        self.gebruikt: set[str] = set()

    def fout(self, node: nodes.Node, probleem: str) -> Sjabloonfout:
        return Sjabloonfout(getattr(node, "lineno", None), probleem)

    # Statements ------------------------------------------------------------------------------------------
    def opdrachten(self, lijst: Iterable[nodes.Node], bereik: Mapping[str, Plaatshouder]) -> None:
        for node in lijst:
            self.opdracht(node, bereik)

    def opdracht(self, node: nodes.Node, bereik: Mapping[str, Plaatshouder]) -> None:
        if isinstance(node, nodes.Output):
            for deel in node.nodes:
                if isinstance(deel, nodes.TemplateData):
                    continue
                soort = self.expressie(deel, bereik)
                if soort.soort == GROEP:
                    raise self.fout(
                        deel, f"{self.naam(deel)} is een groep; gebruik een onderdeel ervan."
                    )
                if soort.soort == LIJST:
                    raise self.fout(
                        deel,
                        f"{self.naam(deel)} is een lijst; gebruik {{% for %}} of |samenvoegen.",
                    )
        elif isinstance(node, nodes.If):
            self.expressie(node.test, bereik)
            self.opdrachten(node.body, bereik)
            self.opdrachten(node.elif_, bereik)
            self.opdrachten(node.else_, bereik)
        elif isinstance(node, nodes.For):
            self.lus(node, bereik)
        elif isinstance(
            node, nodes.Scope
        ):  # {% autoescape %} is parsed as a scope around its modifier
            self.opdrachten(node.body, bereik)
        else:
            tag = next((t for k, t in _VERBODEN_TAG.items() if isinstance(node, k)), None)
            if tag:
                raise self.fout(
                    node,
                    f"De opdracht {{% {tag} %}} is niet toegestaan. "
                    "Toegestaan zijn alleen {% if %} en {% for %}.",
                )
            raise self.fout(node, "Deze schrijfwijze is niet toegestaan.")

    def lus(self, node: nodes.For, bereik: Mapping[str, Plaatshouder]) -> None:
        if not isinstance(node.target, nodes.Name):
            raise self.fout(node, "Schrijf {% for item in lijst %} met één naam voor het item.")
        if node.test is not None or node.recursive:
            raise self.fout(node, "Gebruik {% if %} binnen de lus in plaats van een voorwaarde.")
        lijst = self.expressie(node.iter, bereik)
        if lijst.soort != LIJST or not isinstance(node.iter, nodes.Name | nodes.Getattr):
            raise self.fout(
                node, f"{self.naam(node.iter)} is geen lijst; {{% for %}} kan dat niet."
            )
        if node.target.name in self.plaatshouders or node.target.name == "loop":
            raise self.fout(
                node, f"Kies een andere naam dan '{node.target.name}' voor het item in de lus."
            )
        binnen = {**bereik, node.target.name: lijst.item(), "loop": LUS}
        self.opdrachten(node.body, binnen)
        self.opdrachten(node.else_, bereik)

    # Expressions -------------------------------------------------------------------------------------------
    def naam(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Name):
            return node.name
        if isinstance(node, nodes.Getattr):
            return f"{self.naam(node.node)}.{node.attr}"
        if isinstance(node, nodes.Filter) and node.node is not None:
            return self.naam(node.node)
        return "Dit"

    def expressie(self, node: nodes.Node, bereik: Mapping[str, Plaatshouder]) -> Plaatshouder:
        if isinstance(node, nodes.Const):
            waarde = node.value
            if isinstance(waarde, bool):
                return Plaatshouder("", JANEE)
            if isinstance(waarde, int | float):
                return Plaatshouder("", GETAL)
            if isinstance(waarde, str) or waarde is None:
                return Plaatshouder("", TEKST)
            raise self.fout(node, "Deze waarde is niet toegestaan.")
        if isinstance(node, nodes.Name):
            if node.name not in bereik:
                raise self.fout(
                    node,
                    f"De plaatshouder '{node.name}' bestaat niet. "
                    "Kijk in de lijst met plaatshouders onder het sjabloon.",
                )
            if node.name in self.plaatshouders:
                self.gebruikt.add(node.name)
            return bereik[node.name]
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                raise self.fout(
                    node,
                    f"'{node.attr}' is niet toegestaan: onderdelen die met een liggend streepje "
                    "beginnen zijn nooit te gebruiken.",
                )
            basis = self.expressie(node.node, bereik)
            if basis.soort != GROEP or node.attr not in basis.velden:
                raise self.fout(
                    node,
                    f"De plaatshouder '{self.naam(node)}' bestaat niet. "
                    "Kijk in de lijst met plaatshouders onder het sjabloon.",
                )
            self.gebruikt.add(self.naam(node))
            return basis.velden[node.attr]
        if isinstance(node, nodes.Filter):
            return self.filter(node, bereik)
        if isinstance(node, nodes.Compare):
            self.vergelijking(node, bereik)
            return Plaatshouder("", JANEE)
        if isinstance(node, nodes.And | nodes.Or):
            self.expressie(node.left, bereik)
            self.expressie(node.right, bereik)
            return Plaatshouder("", JANEE)
        if isinstance(node, nodes.Not):
            self.expressie(node.node, bereik)
            return Plaatshouder("", JANEE)
        if isinstance(node, nodes.CondExpr):
            self.expressie(node.test, bereik)
            ja = self.expressie(node.expr1, bereik)
            if node.expr2 is not None:
                self.expressie(node.expr2, bereik)
            return ja
        if isinstance(node, nodes.Call):
            raise self.fout(node, "Functies of methoden aanroepen met ( ) is niet toegestaan.")
        if isinstance(node, nodes.Getitem | nodes.Slice):
            raise self.fout(
                node,
                "Vierkante haken [ ] zijn niet toegestaan; gebruik een punt, zoals besluit.nummer.",
            )
        if isinstance(node, nodes.Test):
            raise self.fout(node, "'is …' is niet toegestaan; gebruik {% if plaatshouder %}.")
        raise self.fout(node, "Deze schrijfwijze is niet toegestaan (rekenen of lijsten maken).")

    def filter(self, node: nodes.Filter, bereik: Mapping[str, Plaatshouder]) -> Plaatshouder:
        if node.name not in FILTERS:
            raise self.fout(
                node,
                f"Het filter '{node.name}' bestaat niet of is niet toegestaan. "
                f"Toegestaan: {', '.join(FILTERS)}.",
            )
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise self.fout(node, f"Geef het filter '{node.name}' alleen gewone waarden mee.")
        minimaal, maximaal = _aantal_argumenten(FILTERS[node.name][0])
        if not minimaal <= len(node.args) <= maximaal:
            raise self.fout(node, f"Het filter '{node.name}' krijgt te veel of te weinig waarden.")
        for arg in node.args:
            if self.expressie(arg, bereik).soort in (GROEP, LIJST):
                raise self.fout(arg, f"Geef het filter '{node.name}' een tekst of getal mee.")
        assert node.node is not None
        invoer = self.expressie(node.node, bereik)
        if invoer.soort == GROEP:
            raise self.fout(node, f"{self.naam(node.node)} is een groep; gebruik een onderdeel.")
        if invoer.soort == LIJST and node.name not in ("samenvoegen", "meervoud"):
            raise self.fout(node, f"{self.naam(node.node)} is een lijst; gebruik |samenvoegen.")
        if invoer.soort == LIJST and invoer.velden:
            raise self.fout(node, f"{self.naam(node.node)} heeft onderdelen; gebruik {{% for %}}.")
        return Plaatshouder("", TEKST)

    def vergelijking(self, node: nodes.Compare, bereik: Mapping[str, Plaatshouder]) -> None:
        links = self.expressie(node.expr, bereik)
        for operand in node.ops:
            rechts = self.expressie(operand.expr, bereik)
            if operand.op in ("lt", "gt", "lteq", "gteq"):
                if links.soort != rechts.soort or links.soort not in (GETAL, DATUM):
                    raise self.fout(
                        node, "Met < of > vergelijkt u alleen twee getallen of twee datums."
                    )
            elif operand.op in ("in", "notin"):
                if rechts.soort not in (LIJST, TEKST) or links.soort in (GROEP, LIJST):
                    raise self.fout(node, "Met 'in' zoekt u een tekst in een lijst of een tekst.")
                if rechts.soort == TEKST and links.soort != TEKST:
                    raise self.fout(node, "Met 'in' zoekt u in een tekst alleen naar een tekst.")
            elif operand.op not in ("eq", "ne"):
                raise self.fout(node, "Deze vergelijking is niet toegestaan.")
            links = rechts


def controleer(bron: str, plaatshouders: Mapping[str, Plaatshouder]) -> set[str]:
    """Check a template; return the placeholders it uses. Raises Sjabloonfout with the line and the problem."""
    env = omgeving()
    try:
        boom = env.parse(bron)
    except TemplateSyntaxError as exc:
        raise Sjabloonfout(exc.lineno, _vertaal_syntaxfout(exc)) from exc
    controle = _Controle(plaatshouders)
    controle.opdrachten(boom.body, plaatshouders)
    try:
        env.from_string(bron)
    except TemplateSyntaxError as exc:  # pragma: no cover - the check above refuses more
        raise Sjabloonfout(exc.lineno, _vertaal_syntaxfout(exc)) from exc
    return controle.gebruikt


#: HTML a letter never needs and that could run code or pull in outside content (a browser shows the letter).
VERBODEN_HTML = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "svg",
        "math",
        "template",
    }
)


class _HtmlControle(HTMLParser):
    def __init__(self, veilige_adressen: Iterable[str] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.fouten: list[Sjabloonfout] = []
        self.veilig = {"{{" + naam + "}}" for naam in veilige_adressen}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        regel = self.getpos()[0]
        if tag in VERBODEN_HTML:
            self.fouten.append(
                Sjabloonfout(regel, f"De HTML-code <{tag}> is niet toegestaan in een brief.")
            )
        for naam, waarde in attrs:
            schoon = "".join((waarde or "").split()).lower()
            if naam.startswith("on") or (naam == "style" and "url(" in schoon):
                self.fouten.append(
                    Sjabloonfout(
                        regel, f"Het HTML-kenmerk {naam}=… is niet toegestaan in een brief."
                    )
                )
            elif naam == "src" and schoon in self.veilig:
                continue  # a placeholder whose value the system makes (a data: image)
            elif naam in ("href", "src", "action", "srcset") and not (
                schoon.startswith(("https:", "mailto:", "tel:", "#")) or not schoon
            ):
                self.fouten.append(
                    Sjabloonfout(
                        regel,
                        f"Het adres in {naam}=… is niet toegestaan: alleen https:, mailto: of tel:.",
                    )
                )

    handle_startendtag = handle_starttag


def controleer_html(bron: str, *, veilige_adressen: Iterable[str] = ()) -> None:
    """Refuse HTML that could run code or fetch content (scripts, frames, forms, event attributes, addresses
    other than https:, mailto: and tel:). Raises Sjabloonfout for the first problem. `veilige_adressen`: the
    placeholders a `src` may be exactly (their values are made by the system, such as a logo as data: image)."""
    controle = _HtmlControle(veilige_adressen)
    controle.feed(bron)
    controle.close()
    if controle.fouten:
        raise controle.fouten[0]


@lru_cache(maxsize=32)
def _gecompileerd(bron: str) -> Any:
    return omgeving().from_string(bron)


def render(bron: str, gegevens: Mapping[str, Any]) -> str:
    """Render a checked template with plain data (texts, numbers, dates, lists and dicts of those)."""
    return str(_gecompileerd(bron).render(dict(gegevens)))


def beschrijving(
    plaatshouders: Mapping[str, Plaatshouder], voorvoegsel: str = ""
) -> list[tuple[str, str, str]]:
    """The placeholders as (name, kind, explanation) rows, for the page where the beheerder edits."""
    rijen: list[tuple[str, str, str]] = []
    for naam, p in plaatshouders.items():
        volledig = f"{voorvoegsel}{naam}"
        rijen.append((volledig, p.soort, p.uitleg))
        if p.soort == GROEP:
            rijen.extend(beschrijving(p.velden, f"{volledig}."))
        elif p.soort == LIJST and p.velden:
            rijen.extend(beschrijving(p.velden, "item."))
    return rijen
