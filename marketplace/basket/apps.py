from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket, forked so that line discounts are whole đồng (marketplace.basket.utils) and its lines are
    read in one go (marketplace.basket.models); offers are applied only when some exist (marketplace.basket.offers)."""

    name = "marketplace.basket"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save
        from oscar.core.loading import get_model

        from .offers import offers_changed

        for model in (get_model("offer", "ConditionalOffer"), get_model("voucher", "Voucher")):
            post_save.connect(offers_changed, sender=model, dispatch_uid=f"offers-possible-save-{model.__name__}")
            post_delete.connect(offers_changed, sender=model, dispatch_uid=f"offers-possible-delete-{model.__name__}")
