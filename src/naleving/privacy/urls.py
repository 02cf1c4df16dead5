# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.privacy import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("export.csv", views.export, name="export"),
]
