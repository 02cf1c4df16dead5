# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.preventie import views, views_beheer, views_beleid, views_inwoner

app_name = "preventie"
urlpatterns = [
    # residents (public)
    path("wijziging-doorgeven/", views_inwoner.identificeren, name="inwoner_identificeren"),
    path("wijziging-doorgeven/formulier/", views_inwoner.formulier, name="inwoner_formulier"),
    path("wijziging-doorgeven/afmelden/", views_inwoner.afmelden, name="inwoner_afmelden"),
    path(
        "wijziging-doorgeven/ontvangstbewijs/<str:ontvangstnummer>/",
        views_inwoner.ontvangstbewijs,
        name="inwoner_ontvangstbewijs",
    ),
    path(
        "wijziging-doorgeven/ontvangstbewijs/<str:ontvangstnummer>/download/",
        views_inwoner.ontvangstbewijs_download,
        name="inwoner_download",
    ),
    # staff
    path("preventie/inbox/", views.inbox, name="inbox"),
    path("preventie/werklijst/", views.werklijst, name="werklijst"),
    path("preventie/meldingen/<str:ontvangstnummer>/", views.melding, name="melding"),
    path(
        "preventie/meldingen/<str:ontvangstnummer>/download/",
        views.melding_download,
        name="melding_download",
    ),
    path(
        "preventie/clienten/<str:clientnummer>/rechten-en-plichten/",
        views.rechten_en_plichten,
        name="rechten_en_plichten",
    ),
    path(
        "preventie/clienten/<str:clientnummer>/informatiemoment/",
        views.informatiemoment,
        name="informatiemoment",
    ),
    path("preventie/clienten/<str:clientnummer>/code/", views.code_maken, name="code"),
    path(
        "preventie/clienten/<str:clientnummer>/wijziging/",
        views.wijziging_vastleggen,
        name="wijziging",
    ),
    path("preventie/campagnes/", views_beleid.campagnes, name="campagnes"),
    path("preventie/campagnes/<int:pk>/", views_beleid.campagne, name="campagne"),
    path("preventie/catalogus/", views_beheer.catalogus, name="catalogus"),
    path(
        "preventie/catalogus/<int:pk>/nieuwe-versie/",
        views_beheer.nieuwe_versie,
        name="nieuwe_versie",
    ),
]
