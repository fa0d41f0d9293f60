from django.urls import path

from . import views

app_name = "training_classes"

urlpatterns = [
    path("tap-huan/lop/", views.class_list, name="list"),
    path("tap-huan/lop/<int:pk>/", views.class_detail, name="detail"),
    path("tap-huan/lop/<int:pk>/lich.ics", views.class_ics, name="ics"),
    path("tap-huan/lop/dang-ky/<str:token>/", views.registration_detail, name="registration"),
    path("tap-huan/lop/dang-ky/<str:token>/huy/", views.registration_cancel, name="cancel"),
    path("tap-huan/lop/quan-ly/", views.staff_class_list, name="staff-list"),
    path("tap-huan/lop/quan-ly/<int:pk>/", views.staff_class_detail, name="staff-detail"),
    path("tap-huan/lop/quan-ly/<int:pk>/dang-ky.csv", views.staff_class_csv, name="staff-csv"),
    path("tap-huan/lop/quan-ly/pham-vi/", views.reach, name="reach"),
    path("tap-huan/lop/quan-ly/pham-vi.csv", views.reach_csv, name="reach-csv"),
]
