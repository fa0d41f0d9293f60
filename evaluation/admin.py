"""Staff manage who acts (councils, their members, commune officers) here; sheets and dossiers are read
only, because a sheet changes by loading a new version and a dossier only through its services."""

from django.contrib import admin

from .models import AuditEntry, CommuneOfficer, Council, CouncilMember, CriteriaSheet, Dossier


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CriteriaSheet)
class CriteriaSheetAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "version", "group", "created_at")
    list_filter = ("group", "code")


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    raw_id_fields = ("user",)
    extra = 1


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "province", "issuing_body", "is_active")
    list_filter = ("is_active",)
    inlines = [CouncilMemberInline]


@admin.register(CommuneOfficer)
class CommuneOfficerAdmin(admin.ModelAdmin):
    list_display = ("user", "commune")
    raw_id_fields = ("user", "commune")


class AuditEntryInline(admin.TabularInline):
    model = AuditEntry
    fields = ("created_at", "action", "actor", "role", "before", "after", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ("pk", "product", "seller", "commune", "status", "result_score", "result_stars", "created_at")
    list_filter = ("status", "kind")
    inlines = [AuditEntryInline]
