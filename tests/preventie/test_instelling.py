# SPDX-License-Identifier: EUPL-1.2
"""A new installation's prevention settings start from the organisation's parameter file
(informatie_interval_dagen, wijziging_reactietermijn_dagen, identificatiecode_geldig_minuten); the
functioneel beheerder may change the row afterwards."""

from __future__ import annotations

import pytest

from naleving.preventie.models import Instelling


@pytest.mark.django_db
def test_the_first_row_takes_the_values_of_the_parameter_file() -> None:
    Instelling.objects.all().delete()
    i = Instelling.huidig()
    assert (i.periodiek_interval_dagen, i.reactietermijn_dagen, i.code_geldig_minuten) == (
        365,
        5,
        30,
    )


@pytest.mark.django_db
def test_a_changed_row_is_kept() -> None:
    i = Instelling.huidig()
    i.reactietermijn_dagen = 3
    i.save()
    assert Instelling.huidig().reactietermijn_dagen == 3
