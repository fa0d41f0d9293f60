"""The payment methods a buyer can choose, and when each is offered."""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sellers.fulfilment import CASH_ON_DELIVERY

COD = "cod"
VIETQR = "vietqr"
CARD = "card"

# Each method is recorded as an Oscar payment Source of this SourceType (code, name).
SOURCE_TYPES = {
    COD: (CASH_ON_DELIVERY, "Cash on delivery"),
    VIETQR: ("vietqr-transfer", "VietQR bank transfer"),
    CARD: ("stripe-card", "Card (Stripe)"),
}
LABELS = {
    COD: _("Cash on delivery"),
    VIETQR: _("Bank transfer by VietQR code"),
    CARD: _("Card (Visa, Mastercard, JCB)"),
}
HELP = {
    COD: _("Pay the courier in cash when each seller's parcel arrives."),
    VIETQR: _("Scan the code in your banking app after placing the order; we ship once the money arrives."),
    CARD: _("Pay by card on the next page; the card is charged in đồng."),
}


def vietqr_configured() -> bool:
    return bool(settings.VIETQR_BANK_BIN and settings.VIETQR_ACCOUNT_NUMBER)


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def available_methods(*, total: Decimal | None = None) -> list[str]:
    """Method codes offered for an order of `total`: cash always, the others when configured."""
    methods = [COD]
    if vietqr_configured():
        methods.append(VIETQR)
    if stripe_configured() and (total is None or total >= settings.STRIPE_MINIMUM_VND):
        methods.append(CARD)
    return methods


def method_of_source_type(code: str) -> str | None:
    return next((method for method, (type_code, _name) in SOURCE_TYPES.items() if type_code == code), None)
