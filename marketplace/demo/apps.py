from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for the local site: it calls every app's services, so it lives in the project."""

    name = "marketplace.demo"
    label = "demo"
    verbose_name = "Demo data"
