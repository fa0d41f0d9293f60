"""The Content-Security-Policy each page gets: the strict one from settings, with two exceptions by URL."""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# Stripe.js and the card form it frames: on the card payment page only.
STRIPE_POLICY = {
    "script-src": ["https://js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}
# Wagtail's and Oscar's admin templates write inline scripts and styles we do not own (Wagtail's date
# widgets and inline panels, Oscar's dashboard forms; staff only, behind a login): inline allowed
# there, without a nonce (a nonce would switch 'unsafe-inline' off).
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "object-src": [NONE],
}


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, relaxed for the admin prefixes and widened for Stripe on the card page."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CSP_ADMIN_PREFIXES)):
            parts.replace = {**ADMIN_POLICY, **(parts.replace or {})}
            parts.nonce = None
        elif getattr(request.resolver_match, "view_name", "") == "checkout:card-payment":
            parts.update = {**STRIPE_POLICY, **(parts.update or {})}
        return parts
