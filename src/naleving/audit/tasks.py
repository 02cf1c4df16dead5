# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from celery import shared_task

from naleving.audit.selectors import verify_chain


@shared_task(name="audit.verify_chain")  # type: ignore[untyped-decorator]
def verify_chain_task() -> dict[str, object]:
    """Nightly check of the audit hash chain; the result is what `naleving audit verify` prints."""
    result = verify_chain()
    return {"ok": result.ok, "checked": result.checked, "first_broken": result.first_broken}
