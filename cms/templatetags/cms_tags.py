"""Content woven into Oscar's pages: `{% load cms_tags %}{% product_articles product %}` on a product page."""

from django import template

from cms.selectors import articles_featuring

register = template.Library()


@register.inclusion_tag("cms/partials/product_articles.html")
def product_articles(product):
    """The live articles featuring `product`, newest first: one query, plus Wagtail's cached site root paths
    (the template uses `page.url`, which needs no per-request site lookup)."""
    return {"articles": articles_featuring(product=product)}


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """`url` made absolute on the host the request came to (canonical links, Open Graph)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url or ""
