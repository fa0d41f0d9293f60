from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

from ocop_catalog.sale import ListingReview, on_sale_q, product_is_on_sale


class ProductQuerySet(OscarProductQuerySet):
    def browsable(self):
        """The products on sale (ocop_catalog.sale): Oscar's browsable ones, less those of suspended sellers."""
        return self.filter(on_sale_q())


class Product(AbstractProduct):
    """An Oscar product with who sells it and who makes it.

    `producer` is the SELLING account (a partner.Partner; the name is historical): ownership, isolation, stock and
    suspension go by it. `ocop_producer` is the OCOP subject (ocop_catalog.Producer) that makes the product and
    holds its certificates; its commune is the product's locality (search, facets, map, reports). A seller's own
    goods point at the seller's own producer; a cooperative or a provincial sales point lists goods of several.
    """

    producer = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Producer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
    )
    ocop_producer = models.ForeignKey(
        "ocop_catalog.Producer",
        verbose_name=_("OCOP producer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
    )

    listing_review = models.CharField(
        _("Listing review"), max_length=16, choices=ListingReview.choices, default=ListingReview.APPROVED, db_index=True
    )
    listing_review_note = models.CharField(_("Review note"), max_length=500, blank=True)

    objects = ProductQuerySet.as_manager()

    class Meta(AbstractProduct.Meta):
        pass

    @property
    def is_sold(self) -> bool:
        """Whether shoppers may see and buy it: the rule of ocop_catalog.sale, as `browsable()` filters."""
        return product_is_on_sale(self)

    @property
    def ocop_certificate(self):
        """The product's current verified certificate (valid or expired), or None.

        Uses the list prefetched by `ocop_catalog.selectors.with_ocop_certificates` when present.
        """
        if hasattr(self, "verified_ocop_certificates"):
            certificates = self.verified_ocop_certificates
            return certificates[0] if certificates else None
        from ocop_catalog.selectors import certificate_current_for

        return certificate_current_for(product=self)

    @property
    def ocop_stars(self):
        """Stars to show: only while the current certificate is valid."""
        certificate = self.ocop_certificate
        return certificate.stars if certificate is not None and certificate.is_valid else None


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403 — Oscar's other catalogue models
