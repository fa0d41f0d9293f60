"""Delivery addresses in Oscar's address model: street, commune (line2), province (line4), Việt Nam."""

from oscar.core.loading import get_model

from ocop_catalog.models import Commune
from ocop_catalog.reference_cache import reference_cached

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")


def vietnam():
    def load():
        country, _created = Country.objects.get_or_create(
            iso_3166_1_a2="VN", defaults={"name": "Việt Nam", "printable_name": "Việt Nam", "is_shipping_country": True}
        )
        return country

    return reference_cached("country:VN", load)


def delivery_commune(code: str) -> Commune | None:
    """The commune `code` with its province (the reference cache's), or None if there is none."""
    return reference_cached(f"commune:{code}", lambda: Commune.objects.select_related("province").filter(code=code).first())


def shipping_address_from(details: dict):
    """An unsaved ShippingAddress from the checkout details (Oscar saves it with the order)."""
    commune = delivery_commune(details["commune"])
    return ShippingAddress(
        first_name=details["name"],
        line1=details["street"],
        line2=commune.name,
        line4=commune.province.name,
        country=vietnam(),
        phone_number="+84" + details["phone"][1:],
        notes=details.get("note", ""),
    )
