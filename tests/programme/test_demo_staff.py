"""The demo programme officers (README): the national one sees every province, Lào Cai's only its own."""

import pytest
from django.contrib.auth import get_user_model

from programme.demo import demo_programme_staff_load

pytestmark = pytest.mark.django_db


def test_demo_programme_staff_sign_in_scoped_and_load_twice(localities, client, settings):
    settings.DEMO_ACCOUNTS_ENABLED = True
    demo_programme_staff_load()
    demo_programme_staff_load()
    users = get_user_model().objects.filter(email__startswith="chuong-trinh-")
    assert users.count() == 2

    client.force_login(users.get(email__startswith="chuong-trinh-quoc-gia"))
    assert client.get("/chuong-trinh/").status_code == 200
    assert client.get("/chuong-trinh/tinh/01/").status_code == 200

    client.force_login(users.get(email__startswith="chuong-trinh-lao-cai"))
    assert client.get("/chuong-trinh/tinh/15/").status_code == 200
    assert client.get("/chuong-trinh/tinh/01/").status_code == 404
