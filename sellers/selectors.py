"""Reads of the seller side. Every query of a seller's data is scoped by the seller in the query."""

from django.db.models import Count, Q, QuerySet
from oscar.core.loading import get_model

from ocop_catalog.models import OcopCertificate, Producer
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


def user_is_seller(*, user) -> bool:
    """Whether `user` works for a seller: no query for an anonymous visitor, one for a signed-in user, asked
    once per request (the answer is kept on the user object, which lives as long as the request)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_ocop_is_seller"):
        user._ocop_is_seller = Seller.objects.filter(partner__users=user).exists()
    return user._ocop_is_seller


def seller_products(*, seller: Seller) -> QuerySet:
    """All of the seller's products, public or not, loaded for display, newest first."""
    return products_for_display(Product.objects.filter(producer_id=seller.partner_id, parent=None)).order_by(
        "-date_created", "-pk"
    )


def seller_product(*, seller: Seller, pk) -> "Product":
    """One of the seller's products; raises Product.DoesNotExist for anyone else's."""
    return seller_products(seller=seller).get(pk=pk)


def seller_producers(*, seller: Seller) -> QuerySet:
    """The producers (chủ thể OCOP) the seller manages, itself first, each with `product_count` (its products
    listed by this seller); one query."""
    return (
        Producer.objects.filter(partner_id=seller.partner_id)
        .select_related("commune__province")
        .annotate(product_count=Count("products", filter=Q(products__producer_id=seller.partner_id, products__parent=None)))
        .order_by("-is_seller_itself", "name", "pk")
    )


def seller_producer(*, seller: Seller, pk) -> Producer:
    """One of the producers the seller manages; raises Producer.DoesNotExist for anyone else's."""
    return seller_producers(seller=seller).get(pk=pk)


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


def seller_parts(*, seller: Seller) -> QuerySet:
    """The seller's parts of orders, newest first, each order carrying only this seller's lines
    (`order.seller_lines`) and the delivery address."""
    from django.db.models import Prefetch

    from .models import Fulfilment

    Line = get_model("order", "Line")
    return (
        Fulfilment.objects.filter(partner_id=seller.partner_id)
        .select_related("order__shipping_address", "order__user")
        .prefetch_related(
            Prefetch("order__lines", queryset=Line.objects.filter(partner_id=seller.partner_id).order_by("pk"), to_attr="seller_lines")
        )
        .order_by("-created_at", "-pk")
    )


def seller_parts_to_confirm(*, seller: Seller) -> QuerySet:
    """The seller's parts awaiting its confirmation, the nearest deadline first (`confirm_by`, when they cancel
    themselves), with the order, this seller's number of items (`seller_items`) and whether the deadline has
    passed (`overdue`, the cancelling job not having run yet); parts still awaiting payment are not the
    seller's to confirm yet and are left out."""
    from django.db.models import BooleanField, ExpressionWrapper, Q, Sum
    from django.db.models.functions import Now

    from .models import Fulfilment

    return (
        Fulfilment.objects.filter(partner_id=seller.partner_id, status=Fulfilment.Status.AWAITING)
        .select_related("order")
        .annotate(
            seller_items=Sum("order__lines__quantity", filter=Q(order__lines__partner_id=seller.partner_id)),
            overdue=ExpressionWrapper(Q(confirm_by__lt=Now()), output_field=BooleanField()),
        )
        .order_by("confirm_by", "pk")
    )


def seller_part(*, seller: Seller, pk):
    """One of the seller's parts; raises Fulfilment.DoesNotExist for anyone else's."""
    return seller_parts(seller=seller).get(pk=pk)


def seller_sales_by_month(*, seller: Seller) -> list[dict]:
    """Orders, units and revenue (whole đồng) by month of order, cancelled parts left out."""
    from django.db.models import Count, Sum
    from django.db.models.functions import TruncMonth

    from .models import Fulfilment

    Line = get_model("order", "Line")
    live_orders = Fulfilment.objects.filter(partner_id=seller.partner_id).exclude(status=Fulfilment.Status.CANCELLED)
    return list(
        Line.objects.filter(partner_id=seller.partner_id, order_id__in=live_orders.values("order_id"))
        .annotate(month=TruncMonth("order__date_placed"))
        .values("month")
        .annotate(orders=Count("order_id", distinct=True), units=Sum("quantity"), revenue=Sum("line_price_incl_tax"))
        .order_by("-month")
    )
