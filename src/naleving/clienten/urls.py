# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.clienten import views

app_name = "clienten"
urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("<str:clientnummer>/", views.dossier, name="dossier"),
    path("<str:clientnummer>/adres/", views.adres_wijzigen, name="adres"),
    path(
        "<str:clientnummer>/contactmomenten/", views.contactmoment_toevoegen, name="contactmoment"
    ),
]
