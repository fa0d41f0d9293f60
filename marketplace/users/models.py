from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """A shopper, seller user or staff member; signs in with an e-mail address (Oscar's user)."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
