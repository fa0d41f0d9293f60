from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tong-quan/", views.overview, name="overview"),
    path("tinh/<str:code>/", views.province, name="province"),
    path("xa/<str:code>/", views.commune, name="commune"),
]
