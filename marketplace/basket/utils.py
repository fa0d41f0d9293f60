"""Oscar's basket helpers, with line discounts in whole đồng, and the basket's new total told without a
template."""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from oscar.apps.basket import utils
from oscar.templatetags.currency_filters import currency

from ocop_catalog.money import round_discount


class LineDiscountRegistry(utils.LineDiscountRegistry):
    """Oscar's benefits work out each line's share of a discount unrounded (7,3 % of 99.999 ₫ is
    7.299,927 ₫) and round only the offer's total: the line, then the order, would cost a fraction
    of a đồng. Each line's share is rounded down here, by the rule of ocop_catalog.money."""

    def discount(self, amount, quantity, incl_tax=True, offer=None):
        return super().discount(round_discount(amount), quantity, incl_tax=incl_tax, offer=offer)


class BasketMessageGenerator(utils.BasketMessageGenerator):
    def get_new_total_messages(self, basket, include_buttons=True):
        """Oscar's message (its template, oscar/basket/messages/new_total.html, in the site's notice style), said
        by formatting: every addition to the basket tells it (issue 16), and a template costs more to render."""
        if basket.is_empty:
            message = conditional_escape(gettext("Your basket is now empty"))
        else:
            total = currency(basket.total_incl_tax, basket.currency)  # prices include VAT (no tax added)
            message = mark_safe(gettext("Your basket total is now <strong>%(total)s</strong>.") % {"total": conditional_escape(total)})
        if include_buttons:
            message += format_html(
                '\n<span class="notice__actions"><a href="{}" class="button">{}</a> <a href="{}" class="button button--primary">{}</a></span>',
                reverse("basket:summary"), gettext("View basket"), reverse("checkout:index"), gettext("Checkout now"),
            )  # fmt: skip
        return [(messages.INFO, message)]
