"""Every URL of training.classes, with foreign ids: 404 or 403 (or a sign-in), nothing changed, nothing leaked."""

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import URLPattern, reverse

from training.classes import urls as class_urls
from training.classes.models import Registration

from .conftest import make_class, register

pytestmark = pytest.mark.django_db

SECRET_PHONE = "0977123456"
SECRET_NAME = "Đỗ Thị Bí Mật"


def _kwargs(pattern: URLPattern, *, class_pk: int) -> dict:
    converters = pattern.pattern.converters
    kwargs = {}
    for name in converters:
        if name == "pk":
            kwargs[name] = class_pk
        elif name == "token":
            kwargs[name] = signing.dumps({"r": 1, "c": class_pk}, salt="training.classes.registration", key="forged")
        else:  # a new pattern must say here how to forge its argument
            raise AssertionError(f"add a foreign value for <{name}> of {pattern.name}")
    return kwargs


@pytest.fixture
def setting(db, places):
    User = get_user_model()
    owner = User.objects.create_user(email="chu@example.vn", password="x")
    stranger = User.objects.create_user(email="la@example.vn", password="x")
    hidden = make_class(commune=places["ba_dinh"], staff=[owner])
    public = make_class(commune=places["ba_dinh"], staff=[owner])
    for c in (hidden, public):
        register(c, commune=places["ba_dinh"], name=SECRET_NAME, phone=SECRET_PHONE)
    hidden.is_published = False  # unpublished after people registered
    hidden.save()
    return {"stranger": stranger, "hidden": hidden, "public": public}


def _snapshot():
    return list(Registration.objects.order_by("pk").values_list("pk", "status", "attended", "name", "phone"))


def test_every_pattern_refuses_a_stranger_and_leaks_no_registrant(client, setting):
    client.force_login(setting["stranger"])
    before = _snapshot()
    patterns = [p for p in class_urls.urlpatterns if isinstance(p, URLPattern)]
    assert len(patterns) == 10  # a new URL must be added to this test's thinking
    for pattern in patterns:
        for class_pk in (setting["hidden"].pk, setting["public"].pk, 999_999):
            url = reverse(f"training_classes:{pattern.name}", kwargs=_kwargs(pattern, class_pk=class_pk))
            for method in ("get", "post"):
                response = getattr(client, method)(url, {"attended": list(Registration.objects.values_list("pk", flat=True))})
                body = response.content.decode("utf-8", "replace")
                assert SECRET_PHONE not in body and SECRET_NAME not in body, (pattern.name, method, class_pk)
                public_ok = pattern.name in ("list", "detail", "ics") and class_pk == setting["public"].pk
                if pattern.name == "list" or public_ok or pattern.name == "staff-list":
                    assert response.status_code in (200, 302, 400, 405), (pattern.name, method)
                elif pattern.name == "reach" or pattern.name == "reach-csv":
                    assert response.status_code in (403, 405), (pattern.name, method)
                else:
                    assert response.status_code in (404, 405, 410), (pattern.name, method, class_pk, response.status_code)
    assert _snapshot() == before


def test_nothing_of_a_registration_reaches_the_sitemap_or_the_search(client, setting):
    # A search page repeats its own query: look for the other half of the registration in each answer.
    for url, secret in (
        ("/sitemap.xml", SECRET_NAME), ("/sitemap.xml", SECRET_PHONE),
        ("/shop/search/?q=" + SECRET_PHONE, SECRET_NAME), ("/shop/search/?q=" + SECRET_NAME, SECRET_PHONE),
        ("/api/search/?q=" + SECRET_PHONE, SECRET_NAME), ("/api/search/?q=" + SECRET_NAME, SECRET_PHONE),
    ):  # fmt: skip
        body = client.get(url).content.decode("utf-8", "replace")
        assert secret not in body and "/tap-huan/lop/dang-ky/" not in body, url
