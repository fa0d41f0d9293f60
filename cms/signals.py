"""Keep derived content data in step with Wagtail: product links on publish and unpublish, sections and roles
after `migrate`."""

from django.db import DEFAULT_DB_ALIAS
from wagtail.signals import page_published, page_unpublished

from . import services


def article_links_refresh(sender, instance, **kwargs):
    services.article_featured_products_refresh(page=instance)


def cms_setup_after_migrate(sender, apps=None, using=DEFAULT_DB_ALIAS, **kwargs):
    # Runs once the schema is complete (unlike a data migration using today's models); skipped when the
    # database was migrated back before the sections existed.
    try:
        apps.get_model("cms", "ArticleFeaturedProduct")
    except (LookupError, AttributeError):
        return
    if using == DEFAULT_DB_ALIAS:
        services.cms_setup_ensure()


def connect(*, app_config) -> None:
    from django.db.models.signals import post_migrate

    page_published.connect(article_links_refresh, dispatch_uid="cms-article-links-published")
    page_unpublished.connect(article_links_refresh, dispatch_uid="cms-article-links-unpublished")
    post_migrate.connect(cms_setup_after_migrate, sender=app_config, dispatch_uid="cms-setup-after-migrate")
