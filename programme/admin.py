"""Programme staff edit pilot designations here (through programme.services, so the communes' pilot flags follow);
staff of a province see and edit only its pilots. Superusers say who is programme staff."""

from django.contrib import admin

from .models import ArticleArea, Pilot, ProgrammeStaff
from .selectors import staff_province_code
from .services import pilot_delete, pilot_save


@admin.register(Pilot)
class PilotAdmin(admin.ModelAdmin):
    list_display = ("commune", "kind", "batch", "decision_number", "decision_date", "starts_on", "old_name")
    list_filter = ("kind", "batch", "commune__province")
    search_fields = ("commune__name", "commune__code", "old_name", "decision_number")
    raw_id_fields = ("commune",)
    list_select_related = ("commune__province",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        code = staff_province_code(user=request.user)
        return queryset if code is None else queryset.filter(commune__province_id=code)

    def save_model(self, request, obj, form, change):
        code = staff_province_code(user=request.user)
        if code is not None and obj.commune.province_id != code:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        previous = form.initial.get("commune") if change else None
        pilot_save(pilot=obj, previous_commune_code=previous)

    def delete_model(self, request, obj):
        pilot_delete(pilot=obj)

    def delete_queryset(self, request, queryset):
        for pilot in queryset:
            pilot_delete(pilot=pilot)


@admin.register(ProgrammeStaff)
class ProgrammeStaffAdmin(admin.ModelAdmin):
    list_display = ("user", "province", "is_active", "created_at")
    list_filter = ("is_active", "province")
    raw_id_fields = ("user",)
    search_fields = ("user__email",)

    def has_module_permission(self, request):
        return request.user.is_superuser

    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = (
        lambda self, request, obj=None: request.user.is_superuser
    )


@admin.register(ArticleArea)
class ArticleAreaAdmin(admin.ModelAdmin):
    """Which province, or commune, a news or training article is about (counted by the dashboard)."""

    list_display = ("page", "province", "commune")
    list_filter = ("province",)
    raw_id_fields = ("page", "commune")
    list_select_related = ("page", "province", "commune")
