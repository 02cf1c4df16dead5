# SPDX-License-Identifier: EUPL-1.2
"""With the keyboard only (WCAG 2.1: 2.1.1 Keyboard, 2.4.1 Bypass blocks, 2.4.7 Focus visible): the first Tab
shows the skip link in view, Enter moves the focus to the content, and every control then reached shows a focus
indicator, and after the last one the focus leaves the page (no focus trap)."""

from __future__ import annotations

import pytest

ZICHTBARE_FOCUS = """el => {
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
}"""


@pytest.mark.django_db(transaction=True)
def test_skip_link_comes_first_is_visible_and_moves_focus_to_the_content(page) -> None:
    page.goto("/melden/")
    page.keyboard.press("Tab")
    actief = page.evaluate("document.activeElement.textContent.trim()")
    assert actief == "Direct naar de inhoud"
    vak = page.get_by_role("link", name="Direct naar de inhoud").bounding_box()
    assert vak is not None and vak["y"] >= 0 and vak["height"] >= 24
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.django_db(transaction=True)
def test_every_control_reached_by_tab_shows_its_focus(page) -> None:
    page.goto("/melden/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    zonder_focus = []
    bereikt = 0
    for _ in range(12):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("document.activeElement")
        if page.evaluate("el => el === document.body", element):
            break  # past the last control the focus leaves the page: no trap
        bereikt += 1
        if not page.evaluate(ZICHTBARE_FOCUS, element):
            zonder_focus.append(page.evaluate("el => el.outerHTML.slice(0, 80)", element))
    assert bereikt >= 8  # the fields of the report form and its button
    assert zonder_focus == []
