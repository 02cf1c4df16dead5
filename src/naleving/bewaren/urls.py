# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.bewaren import views

app_name = "bewaren"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("bewaarstops/", views.bewaarstops, name="bewaarstops"),
    path("bewaarstops/<int:pk>/opheffen/", views.opheffen, name="opheffen"),
]
