import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    name = "marketplace.catalogue.reviews"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save

        from .models import ProductReview
        from .selectors import product_reviews_changed

        def changed(sender, instance, **kwargs):
            product_reviews_changed(product_id=instance.product_id)

        post_save.connect(changed, sender=ProductReview, dispatch_uid="reviews_summary_changed_saved", weak=False)
        post_delete.connect(changed, sender=ProductReview, dispatch_uid="reviews_summary_changed_deleted", weak=False)
