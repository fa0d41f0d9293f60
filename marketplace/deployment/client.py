"""Who sent a request, as far as the proxies in front of the app can vouch for it (ocop_catalog.limits; named here
for django-axes' AXES_CLIENT_IP_CALLABLE)."""

from ocop_catalog.limits import client_address

__all__ = ["client_address"]
