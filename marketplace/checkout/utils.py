"""Oscar's checkout session data, with the details step of our two-step checkout."""

from oscar.apps.checkout import utils

DETAILS_NAMESPACE = "ocop"


class CheckoutSessionData(utils.CheckoutSessionData):
    def details(self) -> dict | None:
        """What the buyer entered on the details page (contact, address, payment method), or None."""
        return self._get(DETAILS_NAMESPACE, "details")

    def set_details(self, details: dict) -> None:
        self._set(DETAILS_NAMESPACE, "details", details)
