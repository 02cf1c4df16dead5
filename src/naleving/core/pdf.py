# SPDX-License-Identifier: EUPL-1.2
"""HTML to tagged PDF (PDF/UA-1) with WeasyPrint, for receipts, overviews and reports meant to be kept."""

from __future__ import annotations

from importlib import resources

from django.template.loader import render_to_string


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    """Render a template that extends core/print_base.html and return the PDF bytes."""
    from weasyprint import CSS, HTML

    html = render_to_string(template, context)
    css = (resources.files("naleving.core") / "static" / "naleving" / "print.css").read_text(
        encoding="utf-8"
    )
    result = HTML(string=html, base_url=None).write_pdf(
        stylesheets=[CSS(string=css)], pdf_variant="pdf/ua-1"
    )
    assert result is not None
    return bytes(result)
