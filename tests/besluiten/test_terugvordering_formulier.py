# SPDX-License-Identifier: EUPL-1.2
"""The consultant enters the recovery facts on the decision page (PW art. 58-59); the service checks them with
the engine's own parser, so a wrong value is a Dutch error on its field and nothing is stored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from naleving.besluiten import services
from naleving.besluiten.models import Besluit


def _form(b: Besluit, **extra: str) -> dict[str, str]:
    return {
        "versie": str(b.versie),
        "verwijtbaarheid": "normaal",
        "verwijtbaarheid_reden": "Vergeten.",
        "financieel_voordeel_beoogd": "nee",
        "keuze": "volgt",
        "motivering": "U gaf uw werk niet door.",
        **extra,
    }


def test_formulier_slaat_de_feiten_op_en_het_advies_rekent_bruto(casus, client) -> None:
    """PW art. 58 lid 5: the months of 2026 repaid in 2027 are recovered gross, with the wage tax paid over
    them; PW art. 59: paid to the family, a payment by the partner lowers what is open."""
    b = casus.besluit()
    client.force_login(casus.consulent)
    r = client.post(
        f"/besluiten/{b.pk}/",
        _form(
            b,
            herbereken="1",
            tv_terugbetaling_jaar="2027",
            tv_lh0_maand="2026-03",
            tv_lh0_loonheffing="100,00",
            tv_gezin="gezin",
            tv_bet1_schuldenaar="partner",
            tv_bet1_bedrag="200,00",
            tv_alleen_financieel="ja",
        ),
        follow=True,
    )
    assert r.status_code == 200
    b.refresh_from_db()
    assert b.terugvordering_feiten == {
        "terugbetaling_jaar": 2027,
        "gezin": "gezin",
        "afzien": {"alleen_financieel": True},
        "loonheffing": [{"maand": "2026-03", "loonheffing_cent": 10_000}],
        "betalingen": [{"schuldenaar": "partner", "bedrag_cent": 20_000}],
    }
    html = r.content.decode()
    assert "Netto € 1.300,00 + loonheffing € 100,00 = bruto € 1.400,00" in html
    assert "Belanghebbende en partner zijn hoofdelijk aansprakelijk" in html
    assert "Al betaald € 200,00, open € 1.200,00" in html
    # The page shows what was stored, so a second save keeps it.
    assert 'name="tv_lh0_maand" value="2026-03"' in html


def test_een_verkeerde_maand_is_een_nederlandse_fout_en_slaat_niets_op(casus, client) -> None:
    """regels.feiten: a wage-tax month must be JJJJ-MM, and one in which too much was received."""
    b = casus.besluit()
    versie = b.versie
    client.force_login(casus.consulent)
    r = client.post(
        f"/besluiten/{b.pk}/",
        _form(b, tv_lh2_maand="2026-13", tv_lh2_loonheffing="100,00", tv_gezin="gezin"),
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert 'id="id_tv_lh2_maand_error"' in html
    assert "Moet een maand zijn in de vorm JJJJ-MM, niet &#x27;2026-13&#x27;." in html
    assert 'name="tv_lh2_maand" value="2026-13"' in html  # what was typed stays
    assert (
        "Loonheffing rij 3: maand: Moet een maand zijn" in html
    )  # the error summary names the row
    b.refresh_from_db()
    assert (b.versie, b.terugvordering_feiten) == (versie, {})

    r = client.post(
        f"/besluiten/{b.pk}/", _form(b, tv_lh0_maand="2026-05", tv_lh0_loonheffing="1,00")
    )
    assert r.status_code == 400
    assert "In 2026-05 is volgens de perioden niet te veel ontvangen." in r.content.decode()
    b.refresh_from_db()
    assert b.terugvordering_feiten == {}


def test_de_service_weigert_feiten_die_de_regels_niet_kennen(casus) -> None:
    b = casus.besluit()
    with pytest.raises(ValidationError) as fout:
        services.besluit_wijzig(
            user=casus.consulent, besluit=b, terugvordering_feiten={"gezin": "buren"}
        )
    assert list(fout.value.error_dict) == ["terugvordering.gezin"]
    b.refresh_from_db()
    assert b.terugvordering_feiten == {}


def test_lid_2_vragen_alleen_buiten_de_inlichtingenplicht(casus, client) -> None:
    """PW art. 58 lid 1: recovery after a breach of the duty to inform is mandatory, so no weighing is asked."""
    b = casus.besluit()
    client.force_login(casus.consulent)
    html = client.get(f"/besluiten/{b.pk}/").content.decode()
    assert 'name="tv_gezin"' in html
    assert 'name="tv_afweging"' not in html
    assert 'aria-describedby="id_tv_gezin_helptext"' in html
