"""Issue 14.8: Zalo and Facebook share links on product and article pages — plain links to the page's
address on SITE_URL, no third-party script, nothing loaded until pressed."""

from urllib.parse import quote

import pytest

from ocop_catalog.models import Commune
from tests.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

SITE = "https://cho-ocop.example.vn"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def _assert_share_links(html: str, path: str):
    shared = quote(f"{SITE}{path}", safe="")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={shared}"' in html
    assert f'href="https://zalo.me/share?url={shared}' in html
    assert "Chia sẻ qua Zalo" in html and "Chia sẻ lên Facebook" in html
    # Nothing from Facebook or Zalo is loaded with the page: only links, pressed or not.
    for host in ("connect.facebook.net", "sp.zalo.me", "zalo.me/plugins"):
        assert host not in html
    assert "<iframe" not in html


def test_a_product_page_has_zalo_and_facebook_share_links_to_its_address(client, localities):
    product = make_product(producer=make_producer(commune=Commune.objects.get(code="00004")), title="Mật ong bạc hà")

    html = client.get(product.get_absolute_url()).content.decode()

    _assert_share_links(html, product.get_absolute_url())


@pytest.mark.parametrize("kind", ["training", "news"])
def test_an_article_page_has_zalo_and_facebook_share_links_to_its_address(client, kind):
    from cms.services import cms_setup_ensure
    from tests.cms.factories import make_news, make_training

    cms_setup_ensure()
    article = (make_training if kind == "training" else make_news)(title="Đóng gói sản phẩm chè")
    path = article.get_url()

    html = client.get(path).content.decode()

    _assert_share_links(html, path)
