# SPDX-License-Identifier: EUPL-1.2
"""Mounted at the site root (one include line in config/urls.py): the public report form, staff
pages under /signalen/, and the partner API with its OpenAPI document under /api/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from naleving.signalen import api, views, views_publiek

app_name = "signalen"
urlpatterns = [
    path("melden/", views_publiek.melden_view, name="melden"),
    path("melden/aanvullen/<str:token>/", views_publiek.aanvullen_view, name="aanvullen"),
    path("signalen/", views.wachtrij, name="wachtrij"),
    path("signalen/overzicht/", views.overzicht, name="overzicht"),
    path("signalen/importeren/", views.importeren, name="importeren"),
    path("signalen/importeren/<int:pk>/fouten.csv", views.foutrapport, name="foutrapport"),
    path("signalen/<int:pk>/", views.signaal, name="signaal"),
    path("signalen/<int:pk>/oppakken/", views.oppakken, name="oppakken"),
    path("signalen/<int:pk>/koppelen/", views.koppelen, name="koppelen"),
    path("signalen/<int:pk>/triage/", views.triageren, name="triage"),
    path("signalen/bijlagen/<int:pk>/", views.bijlage, name="bijlage"),
    path("signalen/taken/<int:pk>/afronden/", views.taak_afronden, name="taak_afronden"),
    path("signalen/client/<str:clientnummer>/nieuw/", views.registreren, name="registreren"),
    path("api/signalen/", api.SignalenAanleveren.as_view(), name="api_signalen"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", api.api_docs, name="api_docs"),
]
