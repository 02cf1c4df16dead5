# SPDX-License-Identifier: EUPL-1.2
"""Every login, failed login and logout in the audit log, for password and single sign-on alike."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from naleving.accounts import services
from naleving.accounts.models import User


@receiver(user_logged_in, dispatch_uid="naleving.accounts.inloggen")
def _ingelogd(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if isinstance(user, User):
        manier = "sso" if getattr(user, "_naleving_sso", False) else "wachtwoord"
        services.inloggen_vastleggen(user=user, manier=manier)


@receiver(user_logged_out, dispatch_uid="naleving.accounts.uitloggen")
def _uitgelogd(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if isinstance(user, User):
        services.uitloggen_vastleggen(user=user)


@receiver(user_login_failed, dispatch_uid="naleving.accounts.inloggen_mislukt")
def _mislukt(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Single sign-on failures are logged by accounts.oidc with their reason; here the password logins.
    if "username" in credentials:
        services.inloggen_mislukt(
            manier="wachtwoord",
            reden="wachtwoord",
            velden={"gebruikersnaam": str(credentials.get("username") or "")[:150]},
        )
