# SPDX-License-Identifier: EUPL-1.2
"""The rules engine's advice for a decision: the facts from the decision and the register, the advice, and the
fingerprint of the rule files so that a stored snapshot can say when the rules have changed since."""

from __future__ import annotations

import hashlib
from datetime import date
from importlib import resources
from typing import Any

from django.utils import timezone

from naleving.besluiten.models import Besluit, RegisterItem
from naleving.clienten.regelfeiten import regelfeiten


def regels_versie() -> str:
    """SHA-256 over the shipped parameter files of the rules engine (names and contents, sorted). The sender of
    letters (table [afzender] of an organisation file) is no rule: a new phone number does not make every decision
    say that the rules have changed since."""
    digest = hashlib.sha256()
    root = resources.files("naleving.regels") / "parameters"
    stack = [root]
    files = []
    while stack:
        for item in stack.pop().iterdir():
            if item.is_dir():
                stack.append(item)
            elif item.name.endswith(".toml"):
                files.append(item)
    for item in sorted(files, key=lambda f: str(f)):
        digest.update(item.name.encode())
        digest.update(_zonder_afzender(item.read_text(encoding="utf-8")).encode())
    return digest.hexdigest()


def _zonder_afzender(tekst: str) -> str:
    """The file's text without its [afzender] table (from that header to the next table header)."""
    regels: list[str] = []
    overslaan = False
    for regel in tekst.splitlines(keepends=True):
        kop = regel.strip()
        if kop.startswith("["):
            overslaan = kop == "[afzender]"
        if not overslaan:
            regels.append(regel)
    return "".join(regels)


def eerdere_sancties(besluit: Besluit, *, op: date) -> list[dict[str, str]]:
    """Earlier warnings, fines and measures of this client from the register, still within retention."""
    items = (
        RegisterItem.objects.filter(client_id=besluit.client_id, bewaren_tot__gte=op, datum__lte=op)
        .exclude(besluit_id=besluit.pk)
        .order_by("datum", "pk")
    )
    return [
        {"soort": i.soort, "overtreding": i.overtreding, "datum": i.datum.isoformat()}
        for i in items
    ]


def feiten_voor(besluit: Besluit, *, beoordelingsdatum: date | None = None) -> dict[str, Any]:
    """The engine's facts from the decision (`clienten.regelfeiten`, the same builder as the
    investigation's), with the register's earlier sanctions and the consultant's judgements."""
    op = max(beoordelingsdatum or timezone.localdate(), besluit.pleegdatum)
    return regelfeiten(
        client=besluit.client,
        wet=besluit.wet,
        overtreding=besluit.overtreding,
        pleegdatum=besluit.pleegdatum,
        beoordelingsdatum=op,
        eerdere_sancties=eerdere_sancties(besluit, op=op),
        perioden=besluit.perioden or None,
        benadelingsbedrag_cent=besluit.benadelingsbedrag_cent,
        verwijtbaarheid=besluit.verwijtbaarheid,
        financieel_voordeel_beoogd=besluit.financieel_voordeel_beoogd,
        dringende_redenen=besluit.dringende_redenen,
        aangifte_gedaan=besluit.aangifte_gedaan,
        terugvordering=besluit.terugvordering_feiten or None,
    )


def bereken(besluit: Besluit) -> dict[str, Any]:
    """The live advice for a decision: {"feiten", "advies"} or {"feiten", "fout"}. Nothing is stored here."""
    from naleving.regels import FeitenFout, adviseer

    feiten = feiten_voor(besluit)
    try:
        return {"feiten": feiten, "advies": adviseer(feiten).to_dict()}
    except FeitenFout as fout:
        return {"feiten": feiten, "fout": f"{fout.veld}: {fout.bericht}"}


def snapshot(besluit: Besluit) -> dict[str, Any]:
    """What the decision stores: the facts read, the advice with its explanation and parameters, the fingerprint
    of the rule files and the moment. Never recomputed afterwards."""
    return {
        **bereken(besluit),
        "regels_versie": regels_versie(),
        "software_versie": _software_versie(),
        "berekend_op": timezone.now().isoformat(),
    }


def _software_versie() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("naleving")
    except PackageNotFoundError:
        return "onbekend"


def regels_gewijzigd(besluit: Besluit) -> bool:
    snap = besluit.advies_snapshot or {}
    return bool(snap) and snap.get("regels_versie") != regels_versie()
