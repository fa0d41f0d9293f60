from django.urls import path

from . import views

app_name = "evaluation"

# The seller's OCOP dossiers, under /shop/seller/ho-so/.
urlpatterns = [
    path("", views.DossierListView.as_view(), name="seller-dossier-list"),
    path("moi/", views.DossierCreateView.as_view(), name="seller-dossier-create"),
    path("<int:pk>/", views.DossierDetailView.as_view(), name="seller-dossier"),
    path("<int:pk>/cau-chuyen/", views.DossierStoryView.as_view(), name="seller-dossier-story"),
    path("<int:pk>/tai-lieu/", views.DossierDocumentView.as_view(), name="seller-dossier-document"),
    path(
        "<int:pk>/tai-lieu/<int:document_pk>/",
        views.DossierDocumentDownloadView.as_view(),
        name="seller-dossier-document-download",
    ),
    path("<int:pk>/tu-danh-gia/", views.SelfAssessmentView.as_view(), name="seller-self-assessment"),
    path("<int:pk>/nop/", views.DossierSubmitView.as_view(), name="seller-dossier-submit"),
]
