from oscar.apps.shipping import repository

from .methods import PerSellerDelivery


class Repository(repository.Repository):
    methods = (PerSellerDelivery(),)
