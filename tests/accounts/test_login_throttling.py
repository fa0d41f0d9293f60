"""Every login form locks an account out from an address after a few wrong passwords (django-axes)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

User = get_user_model()
EMAIL, PASSWORD = "staff@example.vn", "right-passphrase-1"

LOGIN_FORMS = {
    "shop": ("/shop/accounts/login/", lambda email, password: {
        "login-username": email, "login-password": password, "login_submit": "Log In"}),
    "dashboard": ("/shop/dashboard/login/", lambda email, password: {"username": email, "password": password}),
    "wagtail": ("/cms-admin/login/", lambda email, password: {"username": email, "password": password}),
    "django-admin": ("/django-admin/login/", lambda email, password: {"username": email, "password": password}),
}  # fmt: skip


@pytest.fixture
def staff_user():
    return User.objects.create_superuser(email=EMAIL, password=PASSWORD)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def sign_in(client, form, password, email=EMAIL, **extra):
    url, data = LOGIN_FORMS[form]
    return client.post(url, data(email, password), **extra)


def fail_until_locked(client, form, settings, **extra):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, form, "wrong-passphrase", **extra)


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_the_right_password_is_refused_after_too_many_wrong_ones(client, staff_user, settings, form):
    fail_until_locked(client, form, settings)

    response = sign_in(client, form, PASSWORD)

    assert not signed_in(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page  # the same page, in Vietnamese by default, on every form
    assert "<html" in page


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_a_few_wrong_passwords_do_not_lock_anyone_out(client, staff_user, settings, form):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, form, "wrong-passphrase")

    sign_in(client, form, PASSWORD)

    assert signed_in(client)


def test_the_lockout_is_for_that_account_from_that_address_only(client, staff_user, settings):
    User.objects.create_user(email="other@example.vn", password=PASSWORD)
    fail_until_locked(client, "shop", settings, REMOTE_ADDR="10.0.0.1")

    elsewhere = Client()
    sign_in(elsewhere, "shop", PASSWORD, REMOTE_ADDR="10.0.0.2")
    other_account = Client()
    sign_in(other_account, "shop", PASSWORD, email="other@example.vn", REMOTE_ADDR="10.0.0.1")

    assert signed_in(elsewhere) and signed_in(other_account)


def test_staff_unlock_an_account_in_the_admin_and_it_signs_in_again(client, staff_user, settings):
    from axes.models import AccessAttempt

    User.objects.create_user(email="buyer@example.vn", password=PASSWORD)
    fail_until_locked(client, "shop", settings, email="buyer@example.vn")
    assert sign_in(client, "shop", PASSWORD, email="buyer@example.vn").status_code == 429

    admin = Client()
    admin.force_login(staff_user)
    attempt = AccessAttempt.objects.get(username="buyer@example.vn")
    listing = admin.get("/django-admin/axes/accessattempt/?q=buyer")
    assert "buyer@example.vn" in listing.content.decode()
    admin.post(f"/django-admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    sign_in(client, "shop", PASSWORD, email="buyer@example.vn")
    assert signed_in(client)


def test_the_address_counts_whatever_the_case_of_the_email(client, staff_user, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "shop", "wrong-passphrase", email=EMAIL.upper() if number % 2 else EMAIL)

    assert sign_in(client, "shop", PASSWORD).status_code == 429
