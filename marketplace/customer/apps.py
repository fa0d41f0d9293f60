import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked for POST-only logout, a registration that tells nobody which
    addresses have accounts, and rate-limited, escaped stock alerts (views loaded by get_class)."""

    name = "marketplace.customer"
