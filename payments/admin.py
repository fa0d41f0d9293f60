from django.contrib import admin

from .models import BuyerNotification, StripeEvent


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "type", "received_at"]
    search_fields = ["event_id"]
    readonly_fields = ["event_id", "type", "received_at"]


@admin.register(BuyerNotification)
class BuyerNotificationAdmin(admin.ModelAdmin):
    list_display = ["order", "kind", "email", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["order__number", "email"]
    readonly_fields = ["order", "kind", "object_id", "email", "sent_at"]
