"""The catalogue and search pages over the search interface: facets as links, chips, suggestions."""

import pytest

pytestmark = pytest.mark.django_db


def facet(response, name):
    return next(item for item in response.context["facets"] if item["name"] == name)


def test_search_page_finds_folded_words_and_keeps_the_query_in_the_url(client, catalogue):
    response = client.get("/shop/search/", {"q": "nuoc mam"})

    titles = [product.title for product in response.context["products"]]
    assert titles[0].startswith("Nước mắm")
    html = response.content.decode()
    assert 'value="nuoc mam"' in html  # in the header box and the filter form
    assert response.context["query"].sort == "relevance"


def test_facets_are_links_with_counts_that_apply_the_filter(client, catalogue):
    response = client.get("/shop/search/", {"q": "ca phe"})

    stars = facet(response, "stars")["links"]
    assert stars and all(link["url"].startswith("?q=ca+phe&stars_min=") for link in stars)
    groups = {link["label"]: link for link in facet(response, "group")["links"]}
    drinks = groups["Đồ uống"]
    assert drinks["count"] == client.get("/shop/search/" + drinks["url"]).context["result"].count
    html = response.content.decode()
    assert f'href="{drinks["url"].replace("&", "&amp;")}"' in html
    assert 'class="facet__count">' in html


def test_a_chosen_facet_value_links_to_its_removal(client, catalogue):
    response = client.get("/shop/catalogue/", {"province": "66", "commune": "", "group": "do-uong"})

    province = next(link for link in facet(response, "province")["links"] if link["chosen"])
    assert province["url"] == "?group=do-uong"
    assert facet(response, "commune")["links"], "communes are offered once a province is chosen"
    other = next(link for link in facet(response, "province")["links"] if not link["chosen"])
    assert "commune=" not in other["url"] and "group=do-uong" in other["url"]


def test_in_stock_filter_shows_as_a_removable_chip(client, catalogue):
    response = client.get("/shop/catalogue/", {"in_stock": "1", "group": "thuc-pham"})

    chips = {chip["name"]: chip for chip in response.context["active_filters"]}
    assert chips["in_stock"]["remove_url"] == "?group=thuc-pham"
    assert all(product.stockrecords.all()[0].net_stock_level > 0 for product in response.context["products"])


def test_nothing_found_suggests_spelling_and_removing_filters(client, catalogue):
    response = client.get("/shop/search/", {"q": "xyzzy", "stars_min": "5"})

    html = response.content.decode()
    assert response.context["result"].count == 0
    assert "xyzzy" in html and "nuoc mam" in html
    assert "?q=xyzzy" in html  # the chip that removes the star filter


def test_search_box_offers_suggestions_without_jquery(client, catalogue):
    html = client.get("/shop/search/", {"q": "mật ong"}).content.decode()

    assert 'list="site-search-suggestions"' in html and '<datalist id="site-search-suggestions">' in html
    assert 'data-suggest-url="/api/search/suggest/"' in html
    assert "search/suggest.js" in html and "jquery.min.js" not in html
