from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F401,F403 — Oscar's partner admin
from oscar.apps.partner.admin import PartnerAdmin as OscarPartnerAdmin
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")


class PartnerAdmin(OscarPartnerAdmin):
    # Suspension changes through sellers.services (with its reason and reindexing), never by editing a producer.
    readonly_fields = ("is_suspended",)


admin.site.unregister(Partner)
admin.site.register(Partner, PartnerAdmin)
