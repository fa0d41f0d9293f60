"""Oscar's defaults hardened: logout only by POST, registration that tells nobody which addresses exist."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

User = get_user_model()
LOGOUT_URL = "/shop/accounts/logout/"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_get_to_logout_does_not_sign_the_user_out(client):
    user = User.objects.create_user(email="buyer@example.vn", password="a-long-passphrase")
    client.force_login(user)

    response = client.get(LOGOUT_URL)

    assert signed_in(client)
    # A page with a button that posts, so an old link still leads somewhere useful.
    assert response.status_code == 200
    assert f'action="{LOGOUT_URL}"' in response.content.decode()


def test_the_header_signs_out_with_a_post_form_that_works_without_javascript(client):
    user = User.objects.create_user(email="buyer@example.vn", password="a-long-passphrase")
    client.force_login(user)

    page = client.get("/shop/basket/").content.decode()
    form = re.search(rf'<form[^>]*action="{LOGOUT_URL}"[^>]*>.*?</form>', page, re.S)

    assert form and 'method="post"' in form.group(0) and "csrfmiddlewaretoken" in form.group(0)
    response = client.post(LOGOUT_URL)
    assert response.status_code == 302
    assert not signed_in(client)


def registration_answer(client, email, url):
    data = {"email": email, "password1": "a-long-passphrase-1", "password2": "a-long-passphrase-1"}
    if url == "/shop/accounts/login/":
        data = {f"registration-{key}": value for key, value in data.items()} | {"registration_submit": "Register"}
    response = client.post(url, data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    text = page.content.decode().replace(email, "<EMAIL>")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'nonce="[^"]+"', "", text)  # per response (Content-Security-Policy), not per address
    return response.status_code, response.get("Location"), text


@pytest.mark.parametrize("url", ["/shop/accounts/register/", "/shop/accounts/login/"])
def test_registration_answers_the_same_whether_or_not_the_address_has_an_account(client, url):
    User.objects.create_user(email="taken@example.vn", password="owner-passphrase")

    taken = registration_answer(client, "taken@example.vn", url)
    client.cookies.clear()
    new = registration_answer(client, "new@example.vn", url)

    assert taken == new
    assert not signed_in(client)
    assert User.objects.get(email="taken@example.vn").check_password("owner-passphrase")


def test_the_new_address_gets_a_link_to_set_a_password_and_the_owner_a_warning(
    client, django_capture_on_commit_callbacks
):
    User.objects.create_user(email="taken@example.vn", password="owner-passphrase")

    with django_capture_on_commit_callbacks(execute=True):
        registration_answer(client, "taken@example.vn", "/shop/accounts/register/")
        registration_answer(client, "new@example.vn", "/shop/accounts/register/")

    warning, welcome = mail.outbox
    assert warning.to == ["taken@example.vn"] and welcome.to == ["new@example.vn"]
    assert "/shop/password-reset/confirm/" in welcome.body
    assert "/shop/password-reset/" in warning.body
    # Whoever reads the mailbox chooses the password: the one typed in the form is not kept.
    new_user = User.objects.get(email="new@example.vn")
    assert not new_user.has_usable_password()
    path = re.search(r"/shop/password-reset/confirm/[^/\s]+/[^/\s]+/", welcome.body).group(0)
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200 and "new_password1" in form_page.content.decode()
