"""Keep derived content data in step with Wagtail: product links on publish and unpublish, what the home page
caches (cms.caching) on any change to the published tree, sections and roles after `migrate`."""

from django.db import DEFAULT_DB_ALIAS
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import services
from .caching import content_version_advance


def article_links_refresh(sender, instance, **kwargs):
    services.article_featured_products_refresh(page=instance)


def published_content_changed(sender, **kwargs):
    content_version_advance()


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
    from django.db.models.signals import post_delete, post_migrate, post_save
    from wagtail.models import Page, PageViewRestriction

    page_published.connect(article_links_refresh, dispatch_uid="cms-article-links-published")
    page_unpublished.connect(article_links_refresh, dispatch_uid="cms-article-links-unpublished")
    page_published.connect(published_content_changed, dispatch_uid="cms-content-published")
    page_unpublished.connect(published_content_changed, dispatch_uid="cms-content-unpublished")
    post_page_move.connect(published_content_changed, dispatch_uid="cms-content-moved")
    post_delete.connect(published_content_changed, sender=Page, dispatch_uid="cms-content-deleted")
    post_save.connect(published_content_changed, sender=PageViewRestriction, dispatch_uid="cms-restriction-saved")
    # The home page's featured products (an inline of the page, written when it is published).
    post_save.connect(published_content_changed, sender="cms.HomePageFeaturedProduct", dispatch_uid="cms-featured-saved")
    post_delete.connect(published_content_changed, sender="cms.HomePageFeaturedProduct", dispatch_uid="cms-featured-deleted")
    post_delete.connect(published_content_changed, sender=PageViewRestriction, dispatch_uid="cms-restriction-deleted")
    post_migrate.connect(cms_setup_after_migrate, sender=app_config, dispatch_uid="cms-setup-after-migrate")
