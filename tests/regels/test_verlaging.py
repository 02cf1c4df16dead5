# SPDX-License-Identifier: EUPL-1.2
"""Properties of the reduction per month (PW art. 18 lid 5 (2015)), for any norm and benefit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from naleving.regels import adviseer

BASIS = {
    "wet": "PW",
    "overtreding": "arbeidsverplichting",
    "pleegdatum": "2026-03-02",
    "beoordelingsdatum": "2026-04-01",
    "verwijtbaarheid": "normaal",
    "gemeente": "Heusden",
}


@settings(max_examples=300, deadline=None)
@given(
    norm=st.integers(min_value=1, max_value=5_000_00),
    uitkering=st.none() | st.integers(min_value=0, max_value=5_000_00),
    spreiden=st.none() | st.booleans(),
    eerdere=st.integers(min_value=0, max_value=2),
)
def test_the_reduction_is_exact_in_cents_and_at_least_a_third_falls_in_the_first_month(
    norm: int, uitkering: int | None, spreiden: bool | None, eerdere: int
) -> None:
    """PW art. 18 lid 5 (2015): every cent of the reduction is either deducted or reported as not
    deductible; no month takes more than the benefit paid; spread, the first month carries at least
    a third (as far as the benefit allows) and no later month more than the first."""
    verlaging: dict[str, object] = {"norm_cent": norm}
    if uitkering is not None:
        verlaging["uitkering_cent"] = uitkering
    if spreiden is not None:
        verlaging["spreiden"] = spreiden
    sancties = [
        {"soort": "maatregel", "overtreding": "arbeidsverplichting", "datum": d}
        for d in ("2025-10-01", "2026-01-05")[:eerdere]
    ]
    advies = adviseer({**BASIS, "verlaging": verlaging, "eerdere_sancties": sancties})
    assert advies.maatregel is not None and advies.verlaging is not None
    plan = advies.verlaging
    assert plan.totaal_cent == norm * advies.maatregel.maanden  # 100 %: the whole norm per month
    assert sum(plan.per_maand_cent) + plan.niet_verrekend_cent == plan.totaal_cent
    assert all(b >= 0 for b in plan.per_maand_cent)
    if uitkering is not None:
        assert all(b <= uitkering for b in plan.per_maand_cent)
    if plan.gespreid:
        assert len(plan.per_maand_cent) == 3
        eerste = plan.per_maand_cent[0]
        assert eerste * 3 >= plan.totaal_cent or eerste == uitkering
        assert all(b <= eerste for b in plan.per_maand_cent[1:]) or uitkering is not None
    if plan.niet_verrekend_cent:
        assert "verlaging" in [v.veld for v in advies.open_vragen]
    # Heusden shares Baanbrekers' verordening, which spreads unless the official chooses not to.
    assert plan.gespreid is (spreiden is not False or (uitkering is not None and norm > uitkering))
