# SPDX-License-Identifier: EUPL-1.2
"""The bounds a consultant's own decision must keep come from the dated parameter files (PW art. 18)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from naleving.besluiten import services


@pytest.mark.parametrize(("procent", "maanden"), [(100, 4), (0, 2), (101, 1), (50, 0)])
def test_a_maatregel_outside_the_bounds_of_pw_art_18_is_refused(casus, procent, maanden) -> None:
    """PW art. 18 lid 2, 3 and 5 (2015): 1 to 100 % for 1 to 3 months (maatregel_*_min/max)."""
    b = casus.besluit(
        keuze="wijkt_af",
        sanctie="maatregel",
        maatregel_percentage=procent,
        maatregel_maanden=maanden,
        afwijking_motivering="Geen inlichtingenplicht maar een arbeidsverplichting.",
    )
    with pytest.raises(ValidationError) as err:
        services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert err.value.message_dict == {
        "maatregel_maanden": [
            "Een maatregel is 1 tot 100 % gedurende 1 tot 3 maanden (PW art. 18)."
        ]
    }


def test_a_maatregel_within_the_bounds_is_taken(casus) -> None:
    b = casus.besluit(
        keuze="wijkt_af",
        sanctie="maatregel",
        maatregel_percentage=100,
        maatregel_maanden=3,
        afwijking_motivering="Geen inlichtingenplicht maar een arbeidsverplichting.",
    )
    b = services.besluit_vaststellen(user=casus.consulent, besluit=b)
    assert (b.status, b.sanctie, b.maatregel_percentage, b.maatregel_maanden) == (
        "definitief",
        "maatregel",
        100,
        3,
    )
