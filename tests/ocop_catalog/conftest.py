import pytest

from sellers.services import application_approve, application_submit
from tests.sellers.conftest import seller_data


@pytest.fixture
def make_seller(localities):
    """An approved seller (its partner, user and e-mail), as in tests/sellers."""
    counter = iter(range(1, 1000))

    def make(**overrides):
        number = next(counter)
        data = seller_data(
            name=overrides.pop("name", f"Hợp tác xã số {number}"),
            tax_code=overrides.pop("tax_code", f"46009876{number:02d}"),
            email=overrides.pop("email", f"ocop-seller{number}@example.vn"),
            **overrides,
        )
        return application_approve(application=application_submit(data=data))

    return make
