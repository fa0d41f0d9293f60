from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from oscar.core.loading import get_model

ProductImage = get_model("catalogue", "ProductImage")


@receiver(post_save, sender=ProductImage, dispatch_uid="ocop_prepare_thumbnails")
def prepare_thumbnails_on_image_save(sender, instance, **kwargs):
    from .tasks import prepare_product_thumbnails

    product_id = instance.product_id
    transaction.on_commit(lambda: prepare_product_thumbnails.delay(product_id))
