# SPDX-License-Identifier: EUPL-1.2
"""Intake terms come from the organisation's parameter file; an environment variable is an explicit,
logged override (README, "Configuratie")."""

from __future__ import annotations

import logging

import pytest

from naleving.signalen import conf


def test_the_terms_come_from_the_parameter_file(monkeypatch: pytest.MonkeyPatch) -> None:
    for variabele in (
        "NALEVING_SIGNAAL_TRIAGETERMIJN_DAGEN",
        "NALEVING_SIGNAAL_GROEPVENSTER_DAGEN",
        "NALEVING_MELDER_BEWAARTERMIJN_DAGEN",
        "NALEVING_VERVOLGLINK_DAGEN",
        "NALEVING_MELDINGEN_PER_UUR",
    ):
        monkeypatch.delenv(variabele, raising=False)
    assert (
        conf.triagetermijn_dagen(),
        conf.groepvenster_dagen(),
        conf.melder_bewaar_dagen(),
        conf.vervolglink_dagen(),
        conf.meldingen_per_uur(),
    ) == (14, 90, 365, 90, 5)


def test_an_environment_variable_overrides_the_file_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NALEVING_SIGNAAL_TRIAGETERMIJN_DAGEN", "21")
    with caplog.at_level(logging.WARNING, logger="naleving.signalen.conf"):
        assert conf.triagetermijn_dagen() == 21
    assert caplog.messages == [
        "NALEVING_SIGNAAL_TRIAGETERMIJN_DAGEN=21 overschrijft parameter signaal_triagetermijn_dagen "
        "uit het parameterbestand van de organisatie"
    ]
