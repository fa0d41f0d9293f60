from django.urls import path

from . import staff_views

app_name = "evaluation-staff"

# The OCOP programme staff, under /shop/dashboard/ocop/ (evaluation.staff_views: who may enter).
urlpatterns = [
    path("", staff_views.DossierListView.as_view(), name="dossier-list"),
    path("ho-so.csv", staff_views.DossierCsvView.as_view(), name="dossier-csv"),
    path("ho-so/<int:pk>/", staff_views.DossierDetailView.as_view(), name="dossier-detail"),
    path("bo-tieu-chi/", staff_views.SheetListView.as_view(), name="sheet-list"),
    path("bo-tieu-chi/<int:pk>/", staff_views.SheetDetailView.as_view(), name="sheet-detail"),
    path("bo-tieu-chi/<int:pk>/sua/", staff_views.SheetEditView.as_view(), name="sheet-edit"),
]
