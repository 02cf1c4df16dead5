# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.onderzoek import views

app_name = "onderzoek"
urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("aanvragen/<str:clientnummer>/", views.aanvragen, name="aanvragen"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("<int:pk>/starten/", views.starten, name="starten"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/activiteit/<str:soort>/", views.activiteit, name="activiteit"),
    path("<int:pk>/bewijs/", views.bewijs, name="bewijs"),
    path("<int:pk>/bewijs/<int:stuk>/", views.bewijs_download, name="bewijs_download"),
    path("<int:pk>/meldcheck/", views.meldcheck, name="meldcheck"),
    path("<int:pk>/rapport/", views.rapport, name="rapport"),
    path("<int:pk>/indienen/", views.indienen, name="indienen"),
    path("<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
]
