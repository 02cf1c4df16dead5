# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.besluiten import views

app_name = "besluiten"
urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("nieuw/<str:clientnummer>/", views.nieuw, name="nieuw"),
    path("uit-onderzoek/<int:onderzoek>/", views.uit_onderzoek, name="uit_onderzoek"),
    path("cbs/", views.cbs, name="cbs"),
    path("sjablonen/", views.sjablonen, name="sjablonen"),
    path("vordering/<int:pk>/regeling/", views.regeling, name="regeling"),
    path("vordering/<int:pk>/einde/", views.einde, name="einde"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/advies/", views.advies_preview, name="advies"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/verzenden/", views.verzenden, name="verzenden"),
    path("<int:pk>/toets/", views.toets, name="toets"),
    path("<int:pk>/brief/<int:brief>/", views.brief_html, name="brief"),
    path("<int:pk>/brief/<int:brief>/pdf/", views.brief_pdf, name="brief_pdf"),
    path("<int:pk>/heroverwegen/", views.heroverwegen, name="heroverwegen"),
    path("<int:pk>/bezwaar/", views.bezwaar, name="bezwaar"),
    path("<int:pk>/bezwaar/horen/", views.horen, name="horen"),
    path("<int:pk>/bezwaar/beslissen/", views.beslissen, name="beslissen"),
]
