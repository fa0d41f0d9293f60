"""Routes beside the course pages (which live in Wagtail's tree under /khoa-hoc/): under /tap-huan/khoa-hoc/, and the
public verification of a completion code at /tap-huan/xac-minh/ (short, as it is typed from a printed page)."""

from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("tap-huan/khoa-hoc/", views.courses, name="courses"),
    path("tap-huan/khoa-hoc/hoc-vien/", views.learner_start, name="learner"),
    path("tap-huan/khoa-hoc/bai/<int:pk>/xong/", views.lesson_done, name="lesson-done"),
    path("tap-huan/khoa-hoc/kiem-tra/<int:pk>/", views.quiz_submit, name="quiz"),
    path("tap-huan/khoa-hoc/ket-qua/<int:pk>/", views.attempt_detail, name="attempt"),
    path("tap-huan/khoa-hoc/hoan-thanh/<str:code>/", views.completion_detail, name="completion"),
    path("tap-huan/xac-minh/", views.verify, name="verify"),
]
