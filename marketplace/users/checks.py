"""System check: Django's Site record must name the host of settings.SITE_URL."""

from django.conf import settings
from django.core.checks import Warning
from django.db import DatabaseError

from .services import site_domain_from_settings


def site_matches_site_url(app_configs, **kwargs):
    """Warn when e-mail links (built by Oscar from the Site record) would not point at SITE_URL."""
    from django.contrib.sites.models import Site

    try:
        domain = Site.objects.filter(pk=settings.SITE_ID).values_list("domain", flat=True).first()
    except DatabaseError:
        return []  # not migrated yet: migrate sets the record
    if domain is None or domain == site_domain_from_settings():
        return []
    return [
        Warning(
            f"The Site record says {domain!r} but SITE_URL is {settings.SITE_URL!r}: password reset and "
            "stock alert e-mails would link to the wrong host.",
            hint="Run `manage.py migrate` (it puts the Site record in step with SITE_URL).",
            id="users.W001",
        )
    ]
