"""Each catalogue filter, and their combination, against the demo catalogue.

Expected results are worked out in Python from the demo definitions and the OCOP rules, not
from the database, so a wrong query cannot agree with itself.
"""

import pytest
from django.utils import timezone

from ocop_catalog.demo.catalogue import PRODUCERS, PRODUCTS
from ocop_catalog.models import Commune
from ocop_catalog.rules import add_months

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _all_on_one_page(settings, demo_catalogue):
    settings.OSCAR_PRODUCTS_PER_PAGE = 100


def valid_stars(demo):
    certificate = demo.certificate
    if certificate is None:
        return None
    today = timezone.localdate()
    expires = add_months(certificate.issued_on, 36)
    return certificate.stars if certificate.issued_on <= today <= expires else None


def expected_titles(predicate):
    return sorted(demo.title for demo in PRODUCTS if predicate(demo))


def shown_titles(client, query):
    response = client.get(f"/shop/catalogue/?{query}")
    assert response.status_code == 200
    return sorted(product.title for product in response.context["products"])


PRODUCER_COMMUNE = {producer.code: producer.commune_code for producer in PRODUCERS}


def province_of(demo):
    return Commune.objects.get(code=PRODUCER_COMMUNE[demo.producer_code]).province_id


def test_unfiltered_catalogue_lists_every_demo_product(client):
    assert shown_titles(client, "") == expected_titles(lambda demo: True)


@pytest.mark.parametrize("stars_min", [3, 4, 5])
def test_minimum_stars_counts_only_valid_certificates(client, stars_min):
    expected = expected_titles(lambda demo: (valid_stars(demo) or 0) >= stars_min)
    assert expected
    assert shown_titles(client, f"stars_min={stars_min}") == expected


def test_products_with_expired_certificates_lose_their_stars_but_stay_listed(client):
    expired = [demo for demo in PRODUCTS if demo.certificate and valid_stars(demo) is None]
    assert expired, "the demo catalogue has expired certificates"
    listed = shown_titles(client, "")
    starred = shown_titles(client, "stars_min=3")
    for demo in expired:
        assert demo.title in listed
        assert demo.title not in starred


@pytest.mark.parametrize("group", ["thuc-pham", "do-uong", "thao-duoc", "thu-cong-my-nghe", "sinh-vat-canh", "dich-vu-du-lich"])
def test_group_filter(client, group):
    expected = expected_titles(lambda demo: demo.group_slug == group)
    assert expected
    assert shown_titles(client, f"group={group}") == expected


def test_province_and_commune_filters(client):
    demo = PRODUCTS[0]
    province = province_of(demo)
    commune = PRODUCER_COMMUNE[demo.producer_code]

    assert shown_titles(client, f"province={province}") == expected_titles(lambda d: province_of(d) == province)
    assert shown_titles(client, f"province={province}&commune={commune}") == expected_titles(
        lambda d: PRODUCER_COMMUNE[d.producer_code] == commune
    )


def test_price_range_is_inclusive(client):
    prices = sorted({demo.price_vnd for demo in PRODUCTS})
    low, high = prices[3], prices[-4]
    assert shown_titles(client, f"price_min={low}&price_max={high}") == expected_titles(
        lambda demo: low <= demo.price_vnd <= high
    )


def test_all_filters_combine(client):
    # The province with the most 4★+ drinks and food keeps the combination non-trivial.
    def matches(demo, province):
        return (
            (valid_stars(demo) or 0) >= 4
            and province_of(demo) == province
            and demo.group_slug == "thuc-pham"
            and 50_000 <= demo.price_vnd <= 500_000
        )

    provinces = {province_of(demo) for demo in PRODUCTS}
    province = max(provinces, key=lambda code: sum(matches(demo, code) for demo in PRODUCTS))
    expected = expected_titles(lambda demo: matches(demo, province))
    assert expected

    query = f"stars_min=4&province={province}&group=thuc-pham&price_min=50000&price_max=500000"
    assert shown_titles(client, query) == expected


def test_sort_by_price_and_by_stars(client):
    cheapest_first = client.get("/shop/catalogue/?sort=price").context["products"]
    prices = [product.stockrecords.all()[0].price for product in cheapest_first]
    assert prices == sorted(prices)

    dearest_first = client.get("/shop/catalogue/?sort=-price").context["products"]
    prices = [product.stockrecords.all()[0].price for product in dearest_first]
    assert prices == sorted(prices, reverse=True)

    by_stars = client.get("/shop/catalogue/?sort=-stars").context["products"]
    stars = [product.ocop_stars or 0 for product in by_stars]
    assert stars == sorted(stars, reverse=True)


def test_recommended_is_the_default_order_and_newest_first_is_one_choice_away(client):
    # The recommended order itself: tests/search/test_ranking.py.
    assert client.get("/shop/catalogue/").context["query"].sort == "recommended"
    products = client.get("/shop/catalogue/?sort=newest").context["products"]
    created = [product.date_created for product in products]
    assert created == sorted(created, reverse=True)


def test_filters_are_kept_in_the_url_and_shown_as_removable_chips(client):
    response = client.get("/shop/catalogue/?stars_min=4&group=do-uong")
    chips = {chip["name"]: chip["remove_url"] for chip in response.context["active_filters"]}

    assert set(chips) == {"stars_min", "group"}
    assert chips["stars_min"] == "?group=do-uong"
    assert chips["group"] == "?stars_min=4"


def test_bad_filter_values_are_reported_and_ignored_not_a_server_error(client):
    response = client.get("/shop/catalogue/?stars_min=9&price_min=abc&province=99&commune=xyz")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"stars_min", "price_min", "province"} <= set(errors)
    assert shown_titles(client, "stars_min=9&price_min=abc") == expected_titles(lambda demo: True)


def test_commune_outside_the_chosen_province_is_refused(client):
    other_province_commune = Commune.objects.exclude(province_id="01").values_list("code", flat=True).first()
    response = client.get(f"/shop/catalogue/?province=01&commune={other_province_commune}")

    assert "commune" in response.context["form"].errors


def test_category_page_of_a_group_lists_that_group(client):
    from oscar.core.loading import get_model

    category = get_model("catalogue", "Category").objects.get(slug="sinh-vat-canh", depth=1)
    response = client.get(category.get_absolute_url() + "?stars_min=3")

    titles = sorted(product.title for product in response.context["products"])
    assert titles == expected_titles(lambda demo: demo.group_slug == "sinh-vat-canh" and (valid_stars(demo) or 0) >= 3)
