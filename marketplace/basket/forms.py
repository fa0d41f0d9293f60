"""Oscar's basket forms, with one change: a product without options has none to clean (Oscar asks the database
for the product's and its class's options on every addition, issue 16)."""

from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403 — Oscar's other basket forms, unchanged


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def cleaned_options(self):
        if not self.parent_product.has_options:
            return []
        return super().cleaned_options()
