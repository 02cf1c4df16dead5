# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.accounts import views_rechten

app_name = "rechten"
urlpatterns = [
    path("", views_rechten.verzoeken, name="verzoeken"),
    path("<int:pk>/", views_rechten.verzoek, name="verzoek"),
]
