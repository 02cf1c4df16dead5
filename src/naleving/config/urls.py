# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

from naleving.accounts import oidc
from naleving.accounts import views as account_views
from naleving.clienten import views as client_views
from naleving.config import gezondheid, metrieken
from naleving.core import views as core_views

admin.site.site_header = "Naleving — functioneel beheer"
admin.site.site_title = "Naleving beheer"

urlpatterns = [
    path("", account_views.home, name="home"),
    path("start/", client_views.start, name="start"),
    path("toegankelijkheid/", core_views.toegankelijkheid, name="toegankelijkheid"),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
    path("gereed/", gezondheid.gereed, name="gereed"),
    path("metrics", metrieken.metrics, name="metrics"),
    path("inloggen/", account_views.InloggenView.as_view(), name="login"),
    path("inloggen/sso/", oidc.start, name="login_sso"),
    path("inloggen/sso/terug/", oidc.terug, name="oidc_authentication_callback"),
    path("inloggen/mislukt/", oidc.mislukt, name="login_mislukt"),
    path("uitloggen/", oidc.uitloggen, name="logout"),
    path("clienten/", include("naleving.clienten.urls")),
    path("audit/", include("naleving.privacy.urls")),
    path("bewaren/", include("naleving.bewaren.urls")),
    path("onderzoek/", include("naleving.onderzoek.urls")),
    path("beleid/", include("naleving.beleid.urls")),
    path("", include("naleving.preventie.urls")),
    path("", include("naleving.signalen.urls")),
    path("besluiten/", include("naleving.besluiten.urls")),
    path("rechtenverzoeken/", include("naleving.accounts.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "naleving.core.views.bad_request"
handler404 = "naleving.core.views.not_found"
handler403 = "naleving.core.views.forbidden"
handler500 = "naleving.core.views.server_error"
