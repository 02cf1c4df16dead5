# SPDX-License-Identifier: EUPL-1.2
"""The declared authorisation matrix: for every URL pattern, what each role gets on a GET.

Kept in one place so that a review of who may open what is one file. test_autorisatiematrix.py walks the URL
conf and fails for a URL without an entry here. Outcomes: an HTTP status, or LOGIN (302 to /inloggen/),
BEHEER_LOGIN (302 to the admin's login: not a staff account), DOOR (another redirect).
Columns: the seven seeded roles (their demo accounts), a staff member without a role, and anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Verwacht = int | str

LOGIN = "login"
BEHEER_LOGIN = "beheer-login"
DOOR = "doorverwezen"

ROLLEN = (
    "inkomensconsulent",
    "trajectbegeleider",
    "handhaver",
    "teamleider",
    "beleidsmedewerker",
    "beheerder",
    "privacy",
)
GEBRUIKERS = (*ROLLEN, "geen_rol", "anoniem")


def uitkomst_voor(status: int, location: str) -> Verwacht:
    if status in (301, 302):
        if location.startswith("/inloggen/"):
            return LOGIN
        if location.startswith("/beheer/login/"):
            return BEHEER_LOGIN
        return DOOR
    return status


@dataclass(frozen=True)
class Regel:
    standaard: Verwacht
    anoniem: Verwacht
    rollen: dict[str, Verwacht] = field(default_factory=dict)

    def per_gebruiker(self) -> dict[str, Verwacht]:
        result = {g: self.rollen.get(g, self.standaard) for g in (*ROLLEN, "geen_rol")}
        result["anoniem"] = self.anoniem
        return result


def regel(standaard: Verwacht = 403, anoniem: Verwacht = LOGIN, **rollen: Verwacht) -> Regel:
    unknown = set(rollen) - set(GEBRUIKERS)
    assert not unknown, f"onbekende rol in de matrix: {unknown}"
    return Regel(standaard, anoniem, rollen)


#: URL parameters that are not named after the object they take: URL key -> {kwarg: object name}.
ARGUMENTEN: dict[str, dict[str, str]] = {
    **{
        f"onderzoek:{name}": {"pk": "onderzoek"}
        for name in (
            "detail",
            "toewijzen",
            "starten",
            "plan",
            "activiteit",
            "bewijs",
            "bewijs_download",
            "meldcheck",
            "rapport",
            "indienen",
            "beoordelen",
        )
    },
    **{
        f"besluiten:{name}": {"pk": "besluit"}
        for name in (
            "detail",
            "advies",
            "review",
            "verzenden",
            "toets",
            "brief",
            "brief_pdf",
            "heroverwegen",
            "bezwaar",
            "horen",
            "beslissen",
        )
    },
    **{
        f"signalen:{name}": {"pk": "signaal"}
        for name in ("signaal", "oppakken", "koppelen", "triage")
    },
    "signalen:foutrapport": {"pk": "import"},
    "signalen:bijlage": {"pk": "bijlage"},
    "signalen:taak_afronden": {"pk": "taak"},
    "besluiten:regeling": {"pk": "vordering"},
    "besluiten:einde": {"pk": "vordering"},
    "beleid:actie": {"pk": "plan_actie"},
    "preventie:campagne": {"pk": "campagne"},
    "preventie:nieuwe_versie": {"pk": "verplichting"},
    "rechten:verzoek": {"pk": "rechtenverzoek"},
    "bewaren:opheffen": {"pk": "bewaarstop"},
}

#: Staff pages: a staff member without the right gets 403; an object outside their scope 404 (no hint that it
#: exists). POST-only actions answer a GET with 405 (after the login). Public pages (residents, reporters,
#: the partner API with its token) need no account. The catalogue of obligations is public law content:
#: every staff member may read it (preventie:catalogus).
_PAGINAS: dict[str, Regel] = {
    "home": regel(DOOR),
    "start": regel(200),
    # liveness and readiness for the load balancer: no account, no personal data (config/gezondheid.py)
    "gezondheid": regel(200, 200),
    # the accessibility statement: public, for residents and staff alike (core/views.py)
    "toegankelijkheid": regel(200, 200),
    "gereed": regel(200, 200),
    # Prometheus metrics: only from NALEVING_METRICS_TOEGESTAAN (the test client is 127.0.0.1), no account,
    # no personal data (config/metrieken.py)
    "metrics": regel(200, 200),
    "login": regel(DOOR, 200),
    "logout": regel(405, 405),
    # Single sign-on (accounts.oidc): not configured in the matrix's database, so the start answers 404; the
    # callback without a code is a failed login (to /inloggen/mislukt/, which says so); that page is public.
    "login_sso": regel(404, 404),
    "oidc_authentication_callback": regel(LOGIN, LOGIN),  # to /inloggen/mislukt/
    "login_mislukt": regel(200, 200),
    "clienten:zoeken": regel(200, beleidsmedewerker=403, beheerder=403, privacy=403, geen_rol=403),
    "clienten:dossier": regel(200, beleidsmedewerker=404, beheerder=404, privacy=404, geen_rol=404),
    "clienten:adres": regel(
        404, inkomensconsulent=200, trajectbegeleider=403, handhaver=403, teamleider=403
    ),
    "clienten:contactmoment": regel(405),
    "audit:log": regel(403, privacy=200),
    "audit:export": regel(403, privacy=200),
    "onderzoek:werkvoorraad": regel(403, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:aanvragen": regel(
        404, inkomensconsulent=200, trajectbegeleider=403, handhaver=200, teamleider=403
    ),
    "onderzoek:detail": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:toewijzen": regel(405),
    "onderzoek:starten": regel(405),
    "onderzoek:plan": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:activiteit": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:bewijs": regel(405),
    "onderzoek:bewijs_download": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:meldcheck": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:rapport": regel(404, inkomensconsulent=200, handhaver=200, teamleider=200),
    "onderzoek:indienen": regel(405),
    "onderzoek:beoordelen": regel(405),
    "beleid:dashboard": regel(403, beleidsmedewerker=200),
    "beleid:export": regel(403, beleidsmedewerker=200),
    "beleid:export_alles": regel(403, beleidsmedewerker=200),
    "beleid:rapport": regel(403, beleidsmedewerker=200),
    "beleid:rapport_pdf": regel(403, beleidsmedewerker=200),
    "beleid:evaluatie": regel(403, beleidsmedewerker=200),
    "beleid:wat_als": regel(403, beleidsmedewerker=200),
    "beleid:plannen": regel(403, beleidsmedewerker=200),
    "beleid:plan": regel(403, beleidsmedewerker=200),
    "beleid:actie": regel(403, beleidsmedewerker=200),
    "preventie:inwoner_identificeren": regel(200, 200),
    "preventie:inwoner_formulier": regel(DOOR, DOOR),
    "preventie:inwoner_afmelden": regel(405, 405),
    "preventie:inwoner_ontvangstbewijs": regel(404, 404),
    "preventie:inwoner_download": regel(404, 404),
    "preventie:inbox": regel(403, inkomensconsulent=200, teamleider=200),
    "preventie:werklijst": regel(403, inkomensconsulent=200, trajectbegeleider=200),
    "preventie:melding": regel(
        200, beleidsmedewerker=404, beheerder=404, privacy=404, geen_rol=404
    ),
    "preventie:melding_download": regel(
        200, beleidsmedewerker=404, beheerder=404, privacy=404, geen_rol=404
    ),
    "preventie:rechten_en_plichten": regel(
        404, inkomensconsulent=200, trajectbegeleider=200, handhaver=403, teamleider=403
    ),
    "preventie:informatiemoment": regel(
        404, inkomensconsulent=200, trajectbegeleider=200, handhaver=403, teamleider=403
    ),
    "preventie:code": regel(405),
    "preventie:wijziging": regel(
        404, inkomensconsulent=200, trajectbegeleider=200, handhaver=403, teamleider=403
    ),
    "preventie:campagnes": regel(403, beleidsmedewerker=200),
    "preventie:campagne": regel(403, beleidsmedewerker=200),
    "preventie:catalogus": regel(200),
    "preventie:nieuwe_versie": regel(403, beheerder=200),
    "signalen:melden": regel(200, 200),
    "signalen:aanvullen": regel(404, 404),
    "signalen:wachtrij": regel(403, handhaver=200),
    "signalen:overzicht": regel(403, teamleider=200),
    "signalen:importeren": regel(403, teamleider=200),
    "signalen:foutrapport": regel(403, teamleider=200),
    "signalen:signaal": regel(403, handhaver=200),
    "signalen:oppakken": regel(405),
    "signalen:koppelen": regel(405),
    "signalen:triage": regel(405),
    "signalen:bijlage": regel(403, handhaver=200),
    "signalen:taak_afronden": regel(405),
    "signalen:registreren": regel(
        200, beleidsmedewerker=404, beheerder=404, privacy=404, geen_rol=404
    ),
    "signalen:api_signalen": regel(401, 401),
    "signalen:schema": regel(200, 200),
    "signalen:api_docs": regel(200, 200),
    "besluiten:werkvoorraad": regel(
        200, handhaver=403, beleidsmedewerker=DOOR, beheerder=DOOR, privacy=403, geen_rol=403
    ),
    "besluiten:nieuw": regel(
        404, inkomensconsulent=200, trajectbegeleider=403, handhaver=403, teamleider=403
    ),
    "besluiten:uit_onderzoek": regel(405),
    "besluiten:cbs": regel(403, teamleider=200, beleidsmedewerker=200),
    "besluiten:sjablonen": regel(403, beheerder=200),
    "besluiten:regeling": regel(404, inkomensconsulent=200),
    "besluiten:einde": regel(405),
    "besluiten:detail": regel(404, inkomensconsulent=200, trajectbegeleider=200, teamleider=200),
    "besluiten:advies": regel(405),
    "besluiten:review": regel(405),
    "besluiten:verzenden": regel(405),
    # The matrix's decision has a letter, so it is fixed: the toets is no longer offered and the page sends
    # back to the decision (those who may not see the decision get 404 first).
    "besluiten:toets": regel(404, inkomensconsulent=DOOR, trajectbegeleider=DOOR, teamleider=DOOR),
    "besluiten:brief": regel(404, inkomensconsulent=200, trajectbegeleider=200, teamleider=200),
    "besluiten:brief_pdf": regel(404, inkomensconsulent=200, trajectbegeleider=200, teamleider=200),
    "besluiten:heroverwegen": regel(405),
    "besluiten:bezwaar": regel(405),
    "besluiten:horen": regel(405),
    "besluiten:beslissen": regel(405),
    "rechten:verzoeken": regel(403, beheerder=200, privacy=200),
    "rechten:verzoek": regel(403, beheerder=200, privacy=200),
    # Retention: the privacy officer reads the schedule and the destruction log; the functioneel beheerder
    # places and lifts legal holds.
    "bewaren:overzicht": regel(403, privacy=200),
    "bewaren:bewaarstops": regel(403, beheerder=200),
    "bewaren:opheffen": regel(405),
}


def _beheer_model(model: str, **beheerder: Verwacht) -> dict[str, Regel]:
    """The admin pages of one model. Only staff accounts enter /beheer/: everyone else is sent to its login.
    `beheerder` gives what the functioneel beheerder gets, per page; the object page redirects to change."""
    app, name = model.split("_", 1)
    pages = ("changelist", "add", "history", "delete", "change")
    regels = {
        f"admin:{model}_{page}": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=beheerder[page])
        for page in pages
    }
    regels[f"admin:<beheer/{app}/{name}/<path:object_id>/>"] = regel(
        BEHEER_LOGIN, BEHEER_LOGIN, beheerder=DOOR
    )
    return regels


_GEEN_TOEGANG = {"changelist": 403, "add": 403, "history": 403, "delete": 403, "change": 403}
_BEHEREN = {"changelist": 200, "add": 200, "history": 200, "delete": 403, "change": 200}
_INZIEN = {"changelist": 200, "add": 403, "history": 200, "delete": 403, "change": 200}

#: /beheer/ (Django admin) as one group, per registered model. Deleting is for superusers only; groups and the
#: login-throttle logs (axes) only for superusers. An object that does not exist redirects (history of axes).
_BEHEER: dict[str, Regel] = {
    "admin:index": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    "admin:login": regel(200, 200, beheerder=DOOR),
    "admin:logout": regel(DOOR, DOOR, beheerder=405),
    "admin:password_change": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    "admin:password_change_done": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    "admin:autocomplete": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=403),
    "admin:jsi18n": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    "admin:view_on_site": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=404),
    "admin:app_list": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    "admin:<beheer/(?P<url>.*)$>": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=404),
    "admin:auth_user_password_change": regel(BEHEER_LOGIN, BEHEER_LOGIN, beheerder=200),
    **_beheer_model("auth_group", **_GEEN_TOEGANG),
    **_beheer_model("axes_accessattempt", **{**_GEEN_TOEGANG, "history": DOOR}),
    **_beheer_model("axes_accesslog", **{**_GEEN_TOEGANG, "history": DOOR}),
    **_beheer_model("axes_accessfailurelog", **{**_GEEN_TOEGANG, "history": DOOR}),
    **_beheer_model("accounts_rol", **_BEHEREN),
    **_beheer_model("accounts_gemeente", **_BEHEREN),
    **_beheer_model("accounts_user", **_BEHEREN),
    # read-only: the decision is taken on rechten:verzoek, through the service
    **_beheer_model("accounts_rechtenverzoek", **_INZIEN),
    **_beheer_model("accounts_claimkoppeling", **_BEHEREN),
    # One record: added once, never deleted; in the matrix's database it does not exist yet.
    **_beheer_model("accounts_ssoinstelling", **{**_BEHEREN, "history": DOOR, "change": DOOR}),
    **_beheer_model("preventie_instelling", **_INZIEN),
    **_beheer_model("preventie_verplichting", **_INZIEN),
    # the outbox: read-only; failed mails are sent again with the list's action, through the service
    **_beheer_model("mail_mail", **_INZIEN),
}

UITKOMSTEN: dict[str, Regel] = {**_PAGINAS, **_BEHEER}
