# SPDX-License-Identifier: EUPL-1.2
"""A form field (core/_veld.html) in the NL Design System form-field component: the control names its
description and its error message in aria-describedby, and every id it names is on the page
(WCAG 2.1, 1.3.1 Info and relationships; 3.3.1 Error identification)."""

from __future__ import annotations

import re

from django import forms
from django.template.loader import render_to_string


class _Formulier(forms.Form):
    onderwerp = forms.CharField(label="Onderwerp", help_text="Kort, in een paar woorden.")
    kanaal = forms.ChoiceField(
        label="Kanaal",
        choices=[("telefoon", "Telefoon"), ("balie", "Balie")],
        widget=forms.RadioSelect,
    )


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_the_control_names_its_description_and_its_error_and_both_ids_exist() -> None:
    form = _Formulier(data={"onderwerp": ""})
    html = render_to_string("core/_veld.html", {"field": form["onderwerp"]})
    beschreven = re.search(r'<input[^>]*aria-describedby="([^"]+)"', html)
    assert beschreven is not None
    assert beschreven.group(1).split() == ["id_onderwerp_helptext", "id_onderwerp_error"]
    assert {"id_onderwerp_helptext", "id_onderwerp_error"} <= _ids(html)
    assert 'aria-invalid="true"' in html
    assert "utrecht-textbox" in html
    assert "utrecht-form-field-description" in html
    assert "utrecht-form-field-error-message" in html


def test_a_valid_field_without_error_names_only_its_description() -> None:
    form = _Formulier(data={"onderwerp": "Vakantie", "kanaal": "balie"})
    form.is_valid()
    html = render_to_string("core/_veld.html", {"field": form["onderwerp"]})
    assert 'aria-describedby="id_onderwerp_helptext"' in html
    assert 'id="id_onderwerp_helptext"' in html
    assert "aria-invalid" not in html


def test_a_group_of_choices_is_a_fieldset_with_its_label_as_legend_and_its_error_named() -> None:
    form = _Formulier(data={"onderwerp": "Vakantie"})
    html = render_to_string("core/_veld.html", {"field": form["kanaal"]})
    assert re.search(r'<fieldset[^>]*aria-describedby="id_kanaal_error"', html)
    assert re.search(r"<legend[^>]*>Kanaal</legend>", html)
    assert 'id="id_kanaal_error"' in html
