# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from naleving.beleid import views, views_plan, views_watals

app_name = "beleid"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/<slug:sleutel>.<str:formaat>", views.export_tabel, name="export"),
    path("export-alles.xlsx", views.export_alles, name="export_alles"),
    path("rapport/<int:jaar>/", views.rapport_html, name="rapport"),
    path("rapport/<int:jaar>.pdf", views.rapport_pdf, name="rapport_pdf"),
    path("evaluatie/", views.evaluatie, name="evaluatie"),
    path("wat-als/", views_watals.wat_als, name="wat_als"),
    path("plannen/", views_plan.plannen, name="plannen"),
    path("plannen/<int:jaar>/", views_plan.plan, name="plan"),
    path("acties/<int:pk>/", views_plan.actie, name="actie"),
]
