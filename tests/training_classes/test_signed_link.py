"""A registrant sees and cancels their own registration only, through the signed link they were given."""

import pytest
from django.core import signing
from django.urls import reverse

from training.classes import lifecycle
from training.classes.tokens import SALT, registration_token

from .conftest import make_class, register

pytestmark = pytest.mark.django_db


def test_the_registrant_cancels_through_the_signed_link(client, places):
    c = make_class(commune=places["ba_dinh"])
    registration = register(c, commune=places["ba_dinh"])
    token = registration_token(registration)
    response = client.post(reverse("training_classes:cancel", kwargs={"token": token}), follow=True)
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == lifecycle.CANCELLED


def test_a_tampered_link_is_refused_clearly_and_changes_nothing(client, places):
    c = make_class(commune=places["ba_dinh"])
    registration = register(c, commune=places["ba_dinh"])
    other = register(c, commune=places["ba_dinh"])
    token = registration_token(registration)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for url in (reverse("training_classes:registration", kwargs={"token": tampered}), reverse("training_classes:cancel", kwargs={"token": tampered})):
        response = client.post(url) if url.endswith("/huy/") else client.get(url)
        assert response.status_code == 404
        assert "không hợp lệ" in response.content.decode() or "not valid" in response.content.decode()
    # A link signed for a registration id of someone else cannot be made without the key.
    forged = signing.dumps({"r": other.pk, "c": c.pk}, salt=SALT, key="not-the-secret-key")
    assert client.post(reverse("training_classes:cancel", kwargs={"token": forged})).status_code == 404
    registration.refresh_from_db()
    other.refresh_from_db()
    assert registration.status == other.status == lifecycle.CONFIRMED


def test_an_expired_link_is_refused_clearly(client, places, settings):
    settings.TRAINING_LINK_MAX_AGE_DAYS = -1
    c = make_class(commune=places["ba_dinh"])
    registration = register(c, commune=places["ba_dinh"])
    response = client.post(reverse("training_classes:cancel", kwargs={"token": registration_token(registration)}))
    assert response.status_code == 410
    registration.refresh_from_db()
    assert registration.status == lifecycle.CONFIRMED


def test_a_link_signed_for_another_class_finds_nothing(client, places):
    c = make_class(commune=places["ba_dinh"])
    registration = register(c, commune=places["ba_dinh"])
    token = signing.dumps({"r": registration.pk, "c": c.pk + 1000}, salt=SALT)
    assert client.get(reverse("training_classes:registration", kwargs={"token": token})).status_code == 404
