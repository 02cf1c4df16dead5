# SPDX-License-Identifier: EUPL-1.2
"""A real SMTP server for the e-mail tests: aiosmtpd on a loopback port, in a thread, for one test. It keeps
what it received, can refuse every recipient with a 5xx answer, and can be stopped and started again on the
same port (a relay that is down, then back)."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.besluiten.conftest import casus  # noqa: F401  (the casus of the decisions, reused)


@dataclass
class Ontvangen:
    afzender: str
    aan: list[str]
    bericht: EmailMessage

    @property
    def onderwerp(self) -> str:
        return str(self.bericht["Subject"])

    def deel(self, soort: str) -> str:
        onderdeel = self.bericht.get_body(preferencelist=(soort,))
        assert onderdeel is not None and onderdeel.get_content_type() == f"text/{soort}"
        return str(onderdeel.get_content()).replace("\r\n", "\n")  # type: ignore[attr-defined]


@dataclass
class Postbus:
    ontvangen: list[Ontvangen] = field(default_factory=list)
    #: An SMTP answer such as "550 5.1.1 Mailbox unavailable": every recipient is refused with it.
    weiger: str | None = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if self.weiger:
            return self.weiger
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        bericht = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(bericht, EmailMessage)
        self.ontvangen.append(Ontvangen(envelope.mail_from, list(envelope.rcpt_tos), bericht))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self) -> None:
        self.postbus = Postbus()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.postbus, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp(settings):
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Baanbrekers <noreply@baanbrekers.example>"
    settings.NALEVING_BASIS_URL = "https://naleving.example"
    yield server
    server.stop()
