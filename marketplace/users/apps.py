from django.apps import AppConfig
from django.apps import apps as global_apps
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _site_sync(sender, **kwargs):
    from .services import site_sync_with_settings

    # `flush` (transactional tests) sends post_migrate without the migration state's apps.
    apps = kwargs.get("apps") or global_apps
    site_sync_with_settings(site_model=apps.get_model("sites", "Site"))


class UsersConfig(AppConfig):
    name = "marketplace.users"
    label = "users"
    verbose_name = _("Users")

    def ready(self):
        from .checks import site_matches_site_url

        checks.register(site_matches_site_url, checks.Tags.sites, deploy=True)
        # Every migrate (each deploy runs one) puts the Site record in step with SITE_URL.
        post_migrate.connect(_site_sync, sender=self, dispatch_uid="users.site_sync")
