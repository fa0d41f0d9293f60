from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The programme's own software: pilot communes, their indicators, the dashboard and the agri-tourism map.
    Sits above ocop_catalog, sellers, payments, cms and evaluation; nothing below imports it."""

    name = "programme"
    verbose_name = _("OCOP programme")
    default_auto_field = "django.db.models.AutoField"
    demo_loaders = (
        "programme.demo.demo_pilots_load",
        "programme.demo.demo_programme_staff_load",
        "programme.map_demo.demo_map_load",
        "programme.demo_orders.demo_orders_load",
        "programme.demo.demo_sales_facts_load",  # after any step that places orders
    )

    def ready(self):
        from django.db.backends.signals import connection_created

        from .sql import register_sqlite_functions

        # SQLite has no median: the indicators' Median aggregate needs it there too (tests, small installs).
        connection_created.connect(register_sqlite_functions, dispatch_uid="programme-sqlite-median")

        from . import map_signals

        map_signals.connect()  # catalogue changes retire the map's cached answers

        from . import sales_signals

        sales_signals.connect()  # orders, parts' moves and refunds mark their day's sales facts out of date
