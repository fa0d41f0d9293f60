""""On sale" is one rule — public, not a variant, its seller not suspended — and every part of the shop
(catalogue, product page, basket and order placement, search) follows it; suspension changes it through
one service."""

import itertools

import pytest
from oscar.core.loading import get_class, get_model

from ocop_catalog.sale import on_sale_q, product_is_on_sale
from search.models import ProductSearchDocument
from search.services import search_documents_update
from sellers.services import seller_reinstate, seller_suspend
from tests.factories import make_producer, make_product
from tests.sellers.conftest import make_seller  # noqa: F401 — the sellers' fixture, reused

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")

# Who sells the product: nobody, a producer with no seller record (demo catalogue, imports), a seller.
SELLERS = ("no producer", "producer without seller record", "active seller", "suspended seller")
CASES = [
    pytest.param(public, variant, seller, id=f"{'public' if public else 'private'}-{'variant' if variant else 'parent'}-{seller}")
    for public, variant, seller in itertools.product((True, False), (False, True), SELLERS)
]


def _product_for(*, public: bool, variant: bool, seller: str, make_seller):  # noqa: F811
    from ocop_catalog.models import Commune

    seller_record = make_seller() if seller in ("active seller", "suspended seller") else None
    producer = seller_record.partner if seller_record else make_producer(commune=Commune.objects.get(code="00004"))
    product = make_product(producer=producer)
    if variant:
        parent = make_product(producer=producer)
        product.parent, product.structure = parent, Product.CHILD
    product.is_public = public
    if seller == "no producer":
        product.producer = None
    product.save()
    if seller == "suspended seller":
        seller_suspend(seller=seller_record, reason="Kiểm tra chất lượng.")
    return Product.objects.get(pk=product.pk)


@pytest.mark.parametrize("public,variant,seller", CASES)
def test_the_predicate_the_queryset_and_every_reader_agree(public, variant, seller, make_seller):  # noqa: F811
    product = _product_for(public=public, variant=variant, seller=seller, make_seller=make_seller)
    expected = public and not variant and seller != "suspended seller"

    assert product_is_on_sale(product) is expected
    assert Product.objects.filter(on_sale_q(), pk=product.pk).exists() is expected
    assert Product.objects.browsable().filter(pk=product.pk).exists() is expected
    assert product.is_sold is expected
    assert Selector().strategy().fetch_for_product(product).availability.is_available_to_buy is expected
    search_documents_update(product_ids=[product.pk])
    assert ProductSearchDocument.objects.filter(pk=product.pk).exists() is expected


def _shown(client, product) -> dict:
    """Where a shopper meets `product`: the catalogue, search, the product page, placing an order."""
    from marketplace.checkout.placement import PlacementError, stock_check

    basket = Basket.objects.get()
    basket.strategy = Selector().strategy()
    try:
        stock_check(basket)
        orderable = True
    except PlacementError:
        orderable = False
    return {
        "catalogue": product.pk in [shown.pk for shown in client.get("/shop/catalogue/").context["products"]],
        "search": product.pk in [shown.pk for shown in client.get("/shop/search/", {"q": "tam ngung"}).context["products"]],
        "product page": client.get(product.get_absolute_url()).status_code == 200,
        "order placement": orderable,
    }


def test_suspension_and_reinstatement_change_the_shop_search_page_and_basket_together(client, make_seller):  # noqa: F811
    from ocop_catalog.services import ListingData
    from sellers.services import seller_listing_save

    seller = make_seller(name="Hợp tác xã Tạm ngưng")
    product = seller_listing_save(
        seller=seller,
        listing=ListingData(sku="TN-1", title="Trà hoa vàng Tạm ngưng", description="Trà.", group_slug="do-uong", price_vnd=90_000, stock=5),
    )
    assert client.post(f"/shop/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    everywhere = {"catalogue": True, "search": True, "product page": True, "order placement": True}
    nowhere = dict.fromkeys(everywhere, False)
    assert _shown(client, product) == everywhere

    seller_suspend(seller=seller, reason="Hồ sơ cần bổ sung.")
    assert _shown(client, product) == nowhere

    seller_reinstate(seller=seller)
    assert _shown(client, product) == everywhere


def test_staff_cannot_lift_a_suspension_by_editing_the_producer_in_the_admin(client, admin_client, make_seller):  # noqa: F811
    seller = make_seller()
    product = make_product(producer=seller.partner, title="Mật ong Tạm ngưng")
    seller_suspend(seller=seller, reason="Hồ sơ cần bổ sung.")
    url = f"/django-admin/partner/partner/{seller.partner_id}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "is_suspended"}
    data["users"] = [user.pk for user in data.get("users", [])]

    admin_client.post(url, data)

    seller.refresh_from_db()
    assert not seller.is_active
    assert client.get(product.get_absolute_url()).status_code == 404
    assert product.pk not in [shown.pk for shown in client.get("/shop/catalogue/").context["products"]]
    assert not ProductSearchDocument.objects.filter(pk=product.pk).exists()


def test_suspending_needs_a_reason_and_changes_nothing_without_one(make_seller):  # noqa: F811
    from django.core.exceptions import ValidationError

    seller = make_seller()
    product = make_product(producer=seller.partner)

    with pytest.raises(ValidationError):
        seller_suspend(seller=seller, reason="  ")

    seller.refresh_from_db()
    assert seller.is_active and Product.objects.browsable().filter(pk=product.pk).exists()


def test_reinstating_a_seller_that_is_not_suspended_is_refused(make_seller):  # noqa: F811
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        seller_reinstate(seller=make_seller())


def test_with_a_worker_a_suspension_is_indexed_once_committed(make_seller, settings, django_capture_on_commit_callbacks):  # noqa: F811
    from unittest import mock

    from search.tasks import index_producer_products

    seller = make_seller()
    product = make_product(producer=seller.partner)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with mock.patch("search.tasks.index_producer_products.delay") as delay:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            seller_suspend(seller=seller, reason="Hồ sơ cần bổ sung.")
        assert not delay.called  # nothing is queued before the commit
        for callback in callbacks:
            callback()

    delay.assert_called_once_with(seller.partner_id)
    index_producer_products.apply(args=[seller.partner_id])  # what the worker then runs
    assert not ProductSearchDocument.objects.filter(pk=product.pk).exists()
