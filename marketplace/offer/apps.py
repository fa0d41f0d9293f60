from oscar.apps.offer import apps


class OfferConfig(apps.OfferConfig):
    """Oscar's offers, forked so that a shop with no offer and no voucher does not look for them on every basket
    request (marketplace.offer.applicator, marketplace.offer.offers)."""

    name = "marketplace.offer"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save
        from oscar.core.loading import get_model

        from .offers import offers_changed

        for model in (get_model("offer", "ConditionalOffer"), get_model("voucher", "Voucher")):
            post_save.connect(offers_changed, sender=model, dispatch_uid=f"offers-possible-save-{model.__name__}")
            post_delete.connect(offers_changed, sender=model, dispatch_uid=f"offers-possible-delete-{model.__name__}")
