"""Programme staff create classes and name who runs them in the Django admin. Registrations are not listed here:
registrants' phone numbers are for the staff running a class, on its own pages (/tap-huan/lop/quan-ly/)."""

from django.contrib import admin
from django.db import models

from .models import ClassSession, TrainingClass
from .services import waiting_list_fill


class ClassSessionInline(admin.TabularInline):
    model = ClassSession
    extra = 1
    min_num = 1


@admin.register(TrainingClass)
class TrainingClassAdmin(admin.ModelAdmin):
    list_display = ("title", "province", "mode", "capacity", "is_published")
    list_filter = ("mode", "audience", "is_published", "province")
    search_fields = ("title", "topic")
    raw_id_fields = ("commune", "staff")  # 3,321 communes: a code, not a list
    inlines = [ClassSessionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a meeting link typed without https://

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            waiting_list_fill(class_id=obj.pk)  # more places: the waiting list moves up
