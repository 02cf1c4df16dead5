# SPDX-License-Identifier: EUPL-1.2
"""HTML to tagged PDF (PDF/UA-1) with WeasyPrint, for receipts, overviews and reports meant to be kept."""

from __future__ import annotations

from importlib import resources

from django.template.loader import render_to_string


def html_naar_pdf(html: str, css: str) -> bytes:
    """HTML and a stylesheet to tagged PDF (PDF/UA-1). Nothing is fetched from outside the document: no file, no
    web address (a letter template could otherwise pull /etc/passwd or an internal URL into a PDF); only inline
    `data:` images and fonts are read."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    ophalen = URLFetcher(allowed_protocols=("data",))
    result = HTML(string=html, base_url=None, url_fetcher=ophalen).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=ophalen)], pdf_variant="pdf/ua-1"
    )
    assert result is not None
    return bytes(result)


def render_pdf(template: str, context: dict[str, object]) -> bytes:
    """Render a template that extends core/print_base.html and return the PDF bytes."""
    html = render_to_string(template, context)
    css = (resources.files("naleving.core") / "static" / "naleving" / "print.css").read_text(
        encoding="utf-8"
    )
    return html_naar_pdf(html, css)
