from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    """Oscar's review, written only by a buyer whose order line of the product was delivered."""

    is_verified_purchase = models.BooleanField(_("Verified purchase"), default=False)

    class Meta(AbstractProductReview.Meta):
        pass


from oscar.apps.catalogue.reviews.models import *  # noqa: E402,F401,F403 — Oscar's other review models
