"""A page scheduled by a moderator goes live when the beat job runs after its time, not before."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone

from cms.models import ArticleFeaturedProduct
from cms.tasks import publish_scheduled
from tests.factories import make_product

from .factories import featured, make_news

pytestmark = pytest.mark.django_db

GO_LIVE = timezone.make_aware(datetime.datetime(2030, 3, 1, 8, 0))


def frozen_at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_scheduled_news_goes_live_on_time(sections, producer):
    product = make_product(producer=producer)
    page = make_news(title="Tin hẹn giờ", body=[featured(product)])
    page.unpublish()
    page.go_live_at = GO_LIVE
    page.save_revision().publish()  # with a future go-live time this only schedules
    page.refresh_from_db()
    assert not page.live

    with frozen_at(GO_LIVE - datetime.timedelta(minutes=1)):
        publish_scheduled.delay()
    page.refresh_from_db()
    assert not page.live

    with frozen_at(GO_LIVE + datetime.timedelta(minutes=1)):
        publish_scheduled.delay()
    page.refresh_from_db()
    assert page.live
    assert page.last_published_at == GO_LIVE + datetime.timedelta(minutes=1)
    assert ArticleFeaturedProduct.objects.filter(page=page, product=product).exists()


def test_expired_news_is_unpublished_by_the_same_job(sections, producer):
    product = make_product(producer=producer)
    page = make_news(body=[featured(product)])
    page.expire_at = GO_LIVE
    page.save_revision().publish()

    with frozen_at(GO_LIVE + datetime.timedelta(minutes=1)):
        publish_scheduled.delay()

    page.refresh_from_db()
    assert not page.live and page.expired
    assert not ArticleFeaturedProduct.objects.filter(page=page).exists()


def test_beat_runs_the_publish_job_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["cms-publish-scheduled"]

    assert entry["task"] == publish_scheduled.name == "cms.tasks.publish_scheduled"
    assert entry["schedule"] == 60.0
