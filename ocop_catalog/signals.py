from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

# Sent by services.product_thumbnails_prepare, with `product_id`, once it has drawn thumbnails of the product's
# photos: pages that kept the placeholder (the product page's cached body) may show them now.
product_thumbnails_drawn = Signal()


@receiver(pre_save, sender=Product, dispatch_uid="ocop_product_default_producer")
def product_default_producer(sender, instance, raw=False, **kwargs):
    """A product saved with a seller and no OCOP producer is the seller's own (ocop_catalog.Producer)."""
    if raw or instance.ocop_producer_id is not None or instance.producer_id is None:
        return
    from .services import producer_seller_itself

    instance.ocop_producer = producer_seller_itself(partner=instance.producer)


@receiver(post_save, sender=ProductImage, dispatch_uid="ocop_prepare_thumbnails")
def prepare_thumbnails_on_image_save(sender, instance, **kwargs):
    from .tasks import prepare_product_thumbnails

    product_id = instance.product_id
    transaction.on_commit(lambda: prepare_product_thumbnails.delay(product_id))
