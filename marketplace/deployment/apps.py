from django.apps import AppConfig


class DeploymentConfig(AppConfig):
    """What a production start needs (shared cache, collected static files, proxy headers), checked by
    `manage.py check --deploy`, and the client address behind the configured proxies."""

    name = "marketplace.deployment"
    label = "deployment"
    verbose_name = "Deployment"

    def ready(self):
        from marketplace.deployment import checks  # noqa: F401 — registers the checks
