from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods as oscar_methods
from oscar.core import prices

from sellers.shipping import shipping_charges_by_partner

# Oscar's own methods stay importable from here (its repository loads them by name).
Free = oscar_methods.Free
NoShippingRequired = oscar_methods.NoShippingRequired
FixedPrice = oscar_methods.FixedPrice
TaxExclusiveOfferDiscount = oscar_methods.TaxExclusiveOfferDiscount
TaxInclusiveOfferDiscount = oscar_methods.TaxInclusiveOfferDiscount


class PerSellerDelivery(oscar_methods.Base):
    """Each seller ships its own part: a flat fee per seller, free above a threshold per seller."""

    code = "per-seller-delivery"
    name = _("Delivery by each seller")
    description = _("Each cooperative ships its own products; shipping is charged per seller.")

    def calculate(self, basket):
        charges = shipping_charges_by_partner(
            (line.stockrecord.partner_id, line.line_price_incl_tax_incl_discounts)
            for line in basket.all_lines()
            if line.stockrecord_id
        )
        total = sum(charges.values(), Decimal(0))
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total)
