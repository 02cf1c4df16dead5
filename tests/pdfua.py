# SPDX-License-Identifier: EUPL-1.2
"""What makes a PDF tagged PDF/UA-1 (ISO 14289-1) for a reader with a screen reader, checked in the file itself:
the document is marked as tagged (/MarkInfo /Marked true, 7.1), has a structure tree (/StructTreeRoot, 7.1)
that gives the reading order, states its language (/Lang nl, 7.2) and has a title in its metadata that the
viewer shows instead of the file name (dc:title and /ViewerPreferences /DisplayDocTitle true, 7.1)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_ua_kenmerken(pdf: bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    markinfo = root.get("/MarkInfo") or {}
    voorkeuren = root.get("/ViewerPreferences") or {}
    xmp = reader.xmp_metadata
    xmp_titel = (xmp.dc_title or {}).get("x-default") if xmp is not None else None
    return {
        "tagged": bool(markinfo.get("/Marked")),
        "structuur": "/StructTreeRoot" in root,
        "taal": str(root.get("/Lang", "")),
        "titel": (reader.metadata or {}).get("/Title"),
        "xmp_titel": xmp_titel,
        "titel_tonen": bool(voorkeuren.get("/DisplayDocTitle")),
        "pdfua": "pdfuaid" in (xmp.rdf_root.toxml() if xmp is not None else ""),
    }


def assert_pdf_ua(pdf: bytes, *, titel: str) -> None:
    assert pdf_ua_kenmerken(pdf) == {
        "tagged": True,
        "structuur": True,
        "taal": "nl",
        "titel": titel,
        "xmp_titel": titel,
        "titel_tonen": True,
        "pdfua": True,
    }
