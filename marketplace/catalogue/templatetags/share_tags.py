"""Share links (Zalo, Facebook) for product and article pages: plain links, no third-party script."""

from urllib.parse import quote, urlencode, urlsplit

from django import template
from django.conf import settings

register = template.Library()

FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php"
# Zalo documents only its script plugin (sp.zalo.me, needing an Official Account id), which our policy and
# "nothing loaded until pressed" exclude; this plain link is the pattern in common use, not a documented API.
ZALO_SHARE = "https://zalo.me/share"


@register.inclusion_tag("oscar/partials/share_links.html")
def share_links(path: str, title: str = "") -> dict:
    """`{% share_links page_path title %}`: links that share the page's address on SITE_URL (not the host the
    request came to, which behind a proxy may be an internal one)."""
    # A page of another Wagtail site may come as a full URL: its path, on our address.
    parts = urlsplit(path)
    url = f"{settings.SITE_URL.rstrip('/')}{parts.path}{'?' + parts.query if parts.query else ''}"
    return {
        "facebook_url": f"{FACEBOOK_SHARE}?{urlencode({'u': url}, quote_via=quote, safe='')}",
        "zalo_url": f"{ZALO_SHARE}?{urlencode({'url': url, 'text': title}, quote_via=quote, safe='')}",
    }
