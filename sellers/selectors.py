"""Reads of the seller side. Every query of a seller's data is scoped by the seller in the query."""

from django.db.models import QuerySet
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate
from ocop_catalog.selectors import products_for_display

from .models import Seller, SellerApplication

Product = get_model("catalogue", "Product")


def seller_for_user(*, user) -> Seller | None:
    """The seller `user` works for (through its Oscar partner), or None."""
    if not user.is_authenticated:
        return None
    return (
        Seller.objects.select_related("partner", "commune__province")
        .filter(partner__users=user)
        .first()
    )


def seller_products(*, seller: Seller) -> QuerySet:
    """All of the seller's products, public or not, loaded for display, newest first."""
    return products_for_display(Product.objects.filter(producer_id=seller.partner_id, parent=None)).order_by(
        "-date_created", "-pk"
    )


def seller_product(*, seller: Seller, pk) -> "Product":
    """One of the seller's products; raises Product.DoesNotExist for anyone else's."""
    return seller_products(seller=seller).get(pk=pk)


def applications_pending() -> QuerySet:
    return SellerApplication.objects.filter(status=SellerApplication.Status.PENDING).select_related(
        "commune__province"
    ).order_by("created_at")


def certificates_awaiting_verification() -> QuerySet:
    return (
        OcopCertificate.objects.filter(status=OcopCertificate.Status.PENDING)
        .select_related("product__producer")
        .order_by("created_at")
    )
