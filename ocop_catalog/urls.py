from django.urls import path

from . import locality_api, views

# Public certificate verification, under /ocop/ (mounted in marketplace.urls before Wagtail's catch-all).
urlpatterns = [
    path("chung-nhan/", views.CertificateLookupView.as_view(), name="ocop-certificate-lookup"),
    path("chung-nhan/<int:pk>/", views.CertificateVerifyView.as_view(), name="ocop-certificate-verify"),
]

# A producer's public page, under /shop/ beside the catalogue (mounted in marketplace.urls before Oscar's shop).
producer_urlpatterns = [
    path("<slug:slug>/", views.ProducerView.as_view(), name="ocop-producer"),
]

api_urlpatterns = [
    path("certificates/", views.CertificateApiView.as_view(), name="ocop-certificate-api"),
    path("communes/", locality_api.CommunesApiView.as_view(), name="ocop-communes-api"),  # the address forms' script
]
