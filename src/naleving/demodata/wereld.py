# SPDX-License-Identifier: EUPL-1.2
"""The enforcement history of a whole organisation: signals with triage, investigations with activities and history,
decisions with an advice snapshot, claims with repayment plans and objections, for `naleving seed`.

Not an app extension (the demo does not run it): `naleving seed` runs it after the clients exist. The proportions
and their sources or assumptions are in docs/schaal.md; the rates below are per client per year so every size of
world has the same shape. Rows are generated per chunk of clients and written with the bulk path of
`naleving.demodata.bulk` (PostgreSQL COPY, as the signal import; bulk_create elsewhere), one transaction per chunk,
so memory stays flat. Deterministic per seed: its own random stream, references built from client numbers, never
from primary keys.
"""

from __future__ import annotations

import functools
import random
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from tqdm import tqdm

from naleving.besluiten.advies import regels_versie
from naleving.besluiten.models import Aanleiding as BesluitAanleiding
from naleving.besluiten.models import (
    Besluit,
    BesluitOvergang,
    Bezwaar,
    Herkomst,
    Vordering,
    VorderingStatus,
)
from naleving.besluiten.models import Uitkomst as BezwaarUitkomst
from naleving.besluiten.statemachine import Status as BesluitStatus
from naleving.clienten.models import Client
from naleving.onderzoek.activiteiten import Soort
from naleving.onderzoek.models import Aanleiding, Activiteit, Onderzoek, OnderzoekOvergang
from naleving.onderzoek.statemachine import Status as OStatus
from naleving.onderzoek.statemachine import Uitkomst as OUitkomst
from naleving.signalen.models import (
    Bron,
    Product,
    Signaal,
    SignaalOvergang,
    Status,
    Triagebesluit,
    Uitkomst,
)

from .bulk import fast_insert
from .seed import SeedContext

CHUNK = 5000

#: signals per client per year: about 100,000 a year at 420,000 clients (docs/schaal.md)
SIGNALEN_PER_CLIENT_JAAR = 100_000 / 420_000
#: where the signals come from (docs/schaal.md: assumption, most arrive in the Inlichtingenbureau batches)
BRONNEN = {Bron.KETENPARTNER: 0.72, Bron.MELDER: 0.14, Bron.COLLEGA: 0.10, Bron.WAARNEMING: 0.04}
PRODUCTEN = {
    Product.INKOMSTENVERHOUDING: 0.42,
    Product.VERMOGEN: 0.14,
    Product.BOX1_BOX3: 0.08,
    Product.HUISHOUDEN: 0.12,
    Product.UITKERING_ANDERE_GEMEENTE: 0.03,
    Product.DETENTIE: 0.02,
    Product.STUDIEFINANCIERING: 0.05,
    Product.VOERTUIG: 0.06,
    Product.OVERIG: 0.08,
}
#: triage outcome -> (share, reason codes of naleving.signalen.triage.REDENEN): a fifth become an investigation,
#: about 20,000 a year at 420,000 clients (docs/schaal.md)
TRIAGE = {
    Uitkomst.GEEN_ACTIE: (0.45, ("al_bekend", "verklaarbaar", "geen_gevolg_recht")),
    Uitkomst.PREVENTIEF_CONTACT: (0.20, ("wijziging_doorgeven", "uitleg_plicht")),
    Uitkomst.DOORZETTEN: (0.15, ("regulier_beoordelen",)),
    Uitkomst.ONDERZOEK: (0.20, ("niet_lichter", "bevestigd")),
}
TRIAGETERMIJN_DAGEN = 14
#: outcome of a closed investigation (docs/schaal.md: assumption after the CBS fraud statistics)
O_UITKOMSTEN = {
    OUitkomst.GEEN_ONRECHTMATIGHEID: 0.55,
    OUitkomst.ONRECHTMATIGHEID: 0.35,
    OUitkomst.NIET_VAST_TE_STELLEN: 0.10,
}
#: days an investigation takes from request to close (median about three months)
O_DUUR = (20, 180)
BEZWAAR_KANS = 0.08
BETALINGSREGELING_KANS = 0.55
#: monthly repayment in a plan: EUR 50 (assumption; the real amount follows the beslagvrije voet)
AFLOSSING_CENT = 5_000

ACTIVITEITEN = [
    Soort.RAADPLEGEN_REGISTRATIE,
    Soort.GEGEVENS_VORDEREN,
    Soort.GESPREK,
    Soort.INTERNETONDERZOEK,
    Soort.INZAGE_ZAKELIJK,
]


@dataclass
class Personeel:
    handhavers: dict[int, list[int]]  # gemeente id -> user ids
    consulenten: dict[int, list[int]]
    teamleiders: dict[int, list[int]]


def _personeel(ctx: SeedContext) -> Personeel:
    def per_gemeente(rol: str) -> dict[int, list[int]]:
        return {
            g.pk: [u.pk for u in ctx.staff(rol, g)] or [u.pk for u in ctx.staff(rol)]
            for g in ctx.gemeenten.values()
        }

    return Personeel(
        per_gemeente("handhaver"), per_gemeente("inkomensconsulent"), per_gemeente("teamleider")
    )


def _kies(rng: random.Random, table: dict) -> str:  # type: ignore[type-arg]
    """A key of `table`, weighted by its share (the value, or the first item of a tuple value)."""
    weights = [v[0] if isinstance(v, tuple) else v for v in table.values()]
    return str(rng.choices(list(table), weights)[0])


def _op(d: date, rng: random.Random) -> datetime:
    return datetime.combine(d, time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])), tzinfo=UTC)


def vul_wereld(ctx: SeedContext, *, seed_value: int, progress: bool = True) -> dict[str, int]:
    """Generate the enforcement history of the clients made by this seed run; returns the row counts."""
    rng = random.Random(seed_value * 104_729 + 17)
    staf = _personeel(ctx)
    totaal: dict[str, int] = {}
    ids = ctx.new_client_ids
    bar = tqdm(
        total=len(ids), unit="cliënt", disable=not progress, file=sys.stderr, desc="Handhaving"
    )
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        with transaction.atomic():
            for k, v in _chunk(ctx, rng, staf, chunk).items():
                totaal[k] = totaal.get(k, 0) + v
        bar.update(len(chunk))
    bar.close()
    return totaal


def _chunk(ctx: SeedContext, rng: random.Random, staf: Personeel, ids: list[int]) -> dict[str, int]:
    peil = ctx.peildatum
    dagen = ctx.years * 365
    clients = list(
        Client.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", "clientnummer", "bsn", "gemeente_id", "consulent_id")
    )
    signalen: list[Signaal] = []
    plan: list[tuple[Signaal, str, int]] = []  # signal, its client number, its consultant
    for pk, nummer, bsn, gemeente_id, consulent_id in clients:
        n = _poisson(rng, SIGNALEN_PER_CLIENT_JAAR * ctx.years)
        for j in range(n):
            bron = _kies(rng, BRONNEN)
            product = _kies(rng, PRODUCTEN)
            datum = peil - timedelta(days=rng.randrange(dagen))
            ontvangen = _op(datum + timedelta(days=rng.randint(0, 3)), rng)
            bron_naam = {
                Bron.KETENPARTNER: "Inlichtingenbureau",
                Bron.MELDER: "inwoner",
                Bron.COLLEGA: "collega",
                Bron.WAARNEMING: "handhaving",
            }[bron]  # type: ignore[index]
            s = Signaal(
                bron=bron,
                bron_naam=bron_naam,
                extern_id=f"W-{nummer}-{j + 1}" if bron == Bron.KETENPARTNER else "",
                product=product,
                bsn=bsn if bron == Bron.KETENPARTNER else "",
                datum=datum,
                omschrijving="Synthetisch signaal",
                payload={},
                client_id=pk,
                gemeente_id=gemeente_id,
                status=Status.ONTVANGEN,
                anoniem=bron == Bron.MELDER and rng.random() < 0.6,
                ontvangen_op=ontvangen,
                termijn=ontvangen.date() + timedelta(days=TRIAGETERMIJN_DAGEN),
            )
            signalen.append(s)
            plan.append((s, nummer, consulent_id))

    # Each signal's life is decided before it is written (one COPY, no updates afterwards).
    levens: list[tuple[Signaal, int, int, datetime | None, datetime | None, str]] = []
    for s, _nummer, consulent_id in plan:
        leeftijd = (peil - s.ontvangen_op.date()).days
        hh = rng.choice(staf.handhavers[s.gemeente_id])  # type: ignore[index]
        opgepakt = besloten = None
        reden = ""
        if leeftijd >= 3:
            opgepakt = s.ontvangen_op + timedelta(days=min(leeftijd - 1, rng.randint(1, 4)))
            s.status = Status.IN_TRIAGE
            if not (leeftijd < 10 and rng.random() < 0.5):
                uitkomst = _kies(rng, TRIAGE)
                besloten = opgepakt + timedelta(days=rng.randint(0, 6), hours=1)
                reden = rng.choice(TRIAGE[uitkomst][1])  # type: ignore[index]
                s.uitkomst = uitkomst
                s.status = (
                    Status.ONDERZOEK if uitkomst == Uitkomst.ONDERZOEK else Status.AFGEHANDELD
                )
        levens.append((s, hh, consulent_id, opgepakt, besloten, reden))
    fast_insert(signalen, need_ids=True)

    overgangen: list[SignaalOvergang] = []
    triages: list[Triagebesluit] = []
    onderzoeken: list[tuple[Onderzoek, int, list[tuple[str, str, datetime]]]] = []
    for s, hh, consulent_id, opgepakt, besloten, reden in levens:
        overgangen.append(
            SignaalOvergang(signaal_id=s.pk, van="", naar=Status.ONTVANGEN, op=s.ontvangen_op)
        )
        if opgepakt is None:
            continue
        overgangen.append(
            SignaalOvergang(
                signaal_id=s.pk,
                van=Status.ONTVANGEN,
                naar=Status.IN_TRIAGE,
                door_id=hh,
                op=opgepakt,
            )
        )
        if besloten is None:
            continue
        triages.append(
            Triagebesluit(
                signaal_id=s.pk,
                uitkomst=s.uitkomst,
                reden=reden,
                toelichting="Beoordeeld bij de triage (synthetisch).",
                door_id=hh,
                tijdstip=besloten,
            )
        )
        overgangen.append(
            SignaalOvergang(
                signaal_id=s.pk, van=Status.IN_TRIAGE, naar=s.status, door_id=hh, op=besloten
            )
        )
        if s.status == Status.ONDERZOEK:
            onderzoeken.append(_onderzoek(rng, peil, s, hh, consulent_id, besloten))
    fast_insert(overgangen)
    fast_insert(triages)

    o_rows = [o for o, _hh, _stappen in onderzoeken]
    fast_insert(o_rows, need_ids=True)
    o_overgangen: list[OnderzoekOvergang] = []
    activiteiten: list[Activiteit] = []
    besluiten: list[tuple[Besluit, Onderzoek]] = []
    for o, hh, stappen in onderzoeken:
        for van, naar, op in stappen:
            door = o.aangevraagd_door_id if not van else hh
            o_overgangen.append(
                OnderzoekOvergang(onderzoek_id=o.pk, van=van, naar=naar, door_id=door, op=op)
            )
            if naar == OStatus.IN_UITVOERING:
                for k in range(rng.randint(2, 4)):
                    wanneer = op + timedelta(days=k * 5 + 1)
                    if wanneer.date() >= peil:
                        break
                    activiteiten.append(
                        Activiteit(
                            onderzoek_id=o.pk,
                            soort=ACTIVITEITEN[(k + rng.randrange(5)) % len(ACTIVITEITEN)],
                            gegevens={"toelichting": "Synthetische onderzoekshandeling"},
                            uitgevoerd_door_id=hh,
                            vastgelegd_op=wanneer,
                        )
                    )
        if o.uitkomst == OUitkomst.ONRECHTMATIGHEID and o.afgerond_op is not None:
            besluiten.append((_besluit(rng, o, o.afgerond_op), o))
    fast_insert(o_overgangen)
    fast_insert(activiteiten)
    n_besluiten, n_vorderingen, n_bezwaren = _besluiten(ctx, rng, staf, besluiten)
    return {
        "signalen": len(signalen),
        "triagebesluiten": len(triages),
        "onderzoeken": len(o_rows),
        "activiteiten": len(activiteiten),
        "besluiten": n_besluiten,
        "vorderingen": n_vorderingen,
        "bezwaren": n_bezwaren,
    }


def _onderzoek(
    rng: random.Random,
    peil: date,
    s: Signaal,
    hh: int,
    consulent_id: int,
    besloten: datetime,
) -> tuple[Onderzoek, int, list[tuple[str, str, datetime]]]:
    """An investigation from a signal, moved as far along its state machine as its age allows."""
    o = Onderzoek(
        client_id=s.client_id,  # type: ignore[misc]
        gemeente_id=s.gemeente_id,
        aanleiding=Aanleiding.SIGNAAL,
        signaal_id=s.pk,
        vraag="Klopt het signaal, en wat betekent het voor het recht op bijstand?",
        aangevraagd_door_id=consulent_id,
        aangevraagd_op=besloten,
        status=OStatus.AANGEVRAAGD,
        status_sinds=besloten,
        termijn=besloten.date() + timedelta(days=14),
    )
    stappen: list[tuple[str, str, datetime]] = [("", OStatus.AANGEVRAAGD, besloten)]
    leeftijd = (peil - besloten.date()).days
    duur = rng.randint(*O_DUUR)
    van = OStatus.AANGEVRAAGD
    for naar, fractie in (
        (OStatus.TOEGEWEZEN, 0.05),
        (OStatus.IN_UITVOERING, 0.15),
        (OStatus.RAPPORT_TER_REVIEW, 0.85),
        (OStatus.AFGEROND, 1.0),
    ):
        dag = max(1, round(duur * fractie))
        if dag >= leeftijd:
            break
        op = besloten + timedelta(days=dag)
        stappen.append((van, naar, op))
        o.status, o.status_sinds, van = naar, op, naar
        o.handhaver_id = hh
        o.termijn = op.date() + timedelta(days=28)
        if naar == OStatus.AFGEROND:
            o.uitkomst = _kies(rng, O_UITKOMSTEN)
            o.afgerond_op = op
    return o, hh, stappen


def _besluit(rng: random.Random, o: Onderzoek, afgerond: datetime) -> Besluit:
    benadeling = rng.randint(300, 12_000) * 100
    pleeg = afgerond.date() - timedelta(days=rng.randint(60, 400))
    return Besluit(
        client_id=o.client_id,
        onderzoek_id=o.pk,
        aanleiding=BesluitAanleiding.ONDERZOEK,
        wet="PW",
        overtreding="inlichtingenplicht",
        pleegdatum=pleeg,
        perioden=[],
        benadelingsbedrag_cent=benadeling,
        feiten="Inkomsten niet gemeld (synthetisch).",
        verwijtbaarheid="",
        omstandigheden=[],
        keuze="",
        sanctie="",
        terugvordering_voorgesteld_cent=benadeling,
        terugvordering_cent=benadeling,
        cautie_gesprekken=[],
        # The shape besluiten.advies.snapshot writes; the rules engine is not run per synthetic decision.
        advies_snapshot={
            "advies": {"benadelingsbedrag_cent": benadeling, "uitleg": []},
            "feiten": {"pleegdatum": pleeg.isoformat(), "eerdere_sancties": []},
            "regels_versie": _regels_versie(),
        },
        status=BesluitStatus.CONCEPT,
        status_sinds=afgerond,
        aangemaakt_door_id=o.aangevraagd_door_id,
    )


def _besluiten(
    ctx: SeedContext, rng: random.Random, staf: Personeel, rows: list[tuple[Besluit, Onderzoek]]
) -> tuple[int, int, int]:
    """Decisions on the unlawful findings: four eyes (consultant, team leader), sent, a claim with or without a
    repayment plan, and now and then an objection."""
    peil = ctx.peildatum
    stappen: list[list[tuple[str, str, int, datetime]]] = []
    for b, o in rows:
        tl = rng.choice(staf.teamleiders[o.gemeente_id])
        consulent = b.aangemaakt_door_id
        eigen: list[tuple[str, str, int, datetime]] = [
            ("", BesluitStatus.CONCEPT, consulent, b.status_sinds)
        ]
        van = BesluitStatus.CONCEPT
        for naar, dag in (
            (BesluitStatus.TER_REVIEW, 7),
            (BesluitStatus.DEFINITIEF, 12),
            (BesluitStatus.VERZONDEN, 13),
        ):
            op = b.status_sinds + timedelta(days=dag)
            if op.date() >= peil:
                break
            eigen.append((van, naar, tl if naar == BesluitStatus.DEFINITIEF else consulent, op))
            b.status, van = naar, naar
            if naar == BesluitStatus.TER_REVIEW:
                b.reviewer_id = tl
            if naar == BesluitStatus.DEFINITIEF:
                b.genomen_door_id, b.definitief_op = tl, op
        b.status_sinds = eigen[-1][3]
        stappen.append(eigen)
    fast_insert([b for b, _o in rows], need_ids=True)
    overgangen = [
        BesluitOvergang(besluit_id=b.pk, van=van, naar=naar, door_id=door, op=op)
        for (b, _o), eigen in zip(rows, stappen, strict=True)
        for van, naar, door, op in eigen
    ]
    vorderingen: list[Vordering] = []
    bezwaren: list[Bezwaar] = []
    for b, _o in rows:
        if b.definitief_op is None:
            continue
        bedrag = b.terugvordering_cent or 0
        regeling = rng.random() < BETALINGSREGELING_KANS
        maanden = max(0, (peil - b.definitief_op.date()).days // 30)
        aflossing = AFLOSSING_CENT if regeling else None
        afgelost = min(bedrag, (aflossing or 0) * maanden)
        if afgelost >= bedrag:
            status = VorderingStatus.AFGELOST
        else:
            status = VorderingStatus.BETALINGSREGELING if regeling else VorderingStatus.OPEN
        vorderingen.append(
            Vordering(
                client_id=b.client_id,
                besluit_id=b.pk,
                herkomst=Herkomst.INLICHTINGENPLICHT,
                oorspronkelijk_cent=bedrag,
                openstaand_cent=bedrag - afgelost,
                status=status,
                aflossing_cent=aflossing,
                aangemaakt_op=b.definitief_op,
            )
        )
        ingediend = b.definitief_op.date() + timedelta(days=rng.randint(10, 40))
        if rng.random() < BEZWAAR_KANS and ingediend < peil:
            beslist = ingediend + timedelta(days=rng.randint(42, 84))
            klaar = beslist < peil
            uitkomst = rng.choice([BezwaarUitkomst.ONGEGROND] * 3 + [BezwaarUitkomst.DEELS_GEGROND])
            bezwaren.append(
                Bezwaar(
                    besluit_id=b.pk,
                    ontvangen_op=ingediend,
                    gronden="Het bedrag klopt niet (synthetisch).",
                    uitkomst=uitkomst if klaar else "",
                    beslist_op=beslist if klaar else None,
                    door_id=b.genomen_door_id,  # type: ignore[misc]
                )
            )
    fast_insert(overgangen)
    fast_insert(vorderingen)
    fast_insert(bezwaren)
    return len(rows), len(vorderingen), len(bezwaren)


@functools.cache
def _regels_versie() -> str:
    return regels_versie()


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; the means here are small (a few signals per client)."""
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
