import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from cms import services
from cms.demo_media import banner_jpeg
from ocop_catalog.models import Commune
from tests.factories import make_producer


@pytest.fixture(autouse=True)
def _database_search(settings):
    # Article search runs on the embedded backend here, whatever ELASTICSEARCH_URL the shell has.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture
def sections(db):
    return services.cms_setup_ensure()


@pytest.fixture
def producer(localities):
    return make_producer(commune=Commune.objects.get(code="05503"), name="Hợp tác xã Chè Tân Cương thử")


@pytest.fixture
def picture(db):
    content = banner_jpeg(title="Ảnh thử", motif="phone", hue=120)
    return get_image_model().objects.create(
        title="Ảnh thử", description="Đồi chè Tân Cương buổi sáng", file=ImageFile(io.BytesIO(content), name="thu.jpg")
    )


def make_user(django_user_model, *, email: str, group: str | None = None, **extra):
    user = django_user_model.objects.create_user(email=email, password="mat-khau-thu-1", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
