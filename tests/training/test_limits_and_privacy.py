"""Public forms are rate-limited; nothing of a learner reaches the search or the sitemap; the course page keeps
a fixed number of queries whatever its lessons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from tests.training.conftest import make_course
from training import services
from training.models import Learner, LessonDone
from training.selectors import completions_by_area

pytestmark = pytest.mark.django_db


def test_the_learner_form_is_limited_per_client(client, places, settings):
    settings.TRAINING_LEARNERS_PER_CLIENT = 2
    data = {"name": "Lò Văn A", "phone": "0912345678", "province": "15", "commune": places["bac_ha"].pk}
    assert [client.post(reverse("training:learner"), data).status_code for _ in range(3)] == [302, 302, 429]
    assert Learner.objects.count() == 2


def test_code_look_ups_are_limited_per_client(client, places, settings):
    settings.TRAINING_VERIFICATIONS_PER_CLIENT = 3
    statuses = [client.get(reverse("training:verify"), {"ma": f"ABCDE1234{n}"}).status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_nothing_of_a_learner_is_in_the_sitemap_or_the_page_search(client, places, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    course, _lessons = make_course(lessons=1, course_quiz=False)
    learner = services.learner_register(name="Giàng Thị Mỷ", phone="0911222333", commune=places["bac_ha"])
    completion = services.lesson_mark_done(learner=learner, lesson=_lessons[0])
    sitemap = client.get("/sitemap.xml").content.decode()
    assert course.url in sitemap
    assert completion.code not in sitemap and "hoan-thanh" not in sitemap and "Giàng" not in sitemap
    assert not Page.objects.live().search("Giàng Thị Mỷ")


def _course_page_queries(client, course) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(course.url).status_code == 200
    return len(queries)


def test_the_course_page_keeps_its_queries_whatever_the_number_of_lessons(client, places, django_assert_max_num_queries):
    small, small_lessons = make_course(lessons=2, title="Khoá nhỏ")
    big, big_lessons = make_course(lessons=15, title="Khoá lớn")
    client.post(reverse("training:learner"), {"name": "Lò Văn A", "phone": "0912345678", "province": "15", "commune": places["bac_ha"].pk})
    learner = Learner.objects.get()
    for lesson in small_lessons[:1] + big_lessons[:10]:
        LessonDone.objects.create(learner=learner, lesson=lesson)
    _course_page_queries(client, small)  # warm the caches of Wagtail's site
    baseline = _course_page_queries(client, small)
    with django_assert_max_num_queries(baseline):
        response = client.get(big.url)
    assert "10 / 15" in response.content.decode() or "10 of 15" in response.content.decode() or "10 trên 15" in response.content.decode()


def test_completions_are_counted_per_commune_and_province_and_shown_on_the_reach_page(client, places, django_user_model):
    from django.contrib.auth.models import Permission

    course, _lessons = make_course(lessons=0, course_quiz=False)
    lesson_course, lessons = make_course(lessons=1, course_quiz=False, title="Khoá thứ hai")
    for name, commune in (("A", "bac_ha"), ("B", "bac_ha"), ("C", "ba_dinh")):
        learner = services.learner_register(name=name, phone="", commune=places[commune])
        services.lesson_mark_done(learner=learner, lesson=lessons[0])
    by_commune = {(row.province, row.commune): row.completions for row in completions_by_area()}
    assert by_commune == {("Hà Nội", "Phường Ba Đình"): 1, ("Lào Cai", "Xã Bắc Hà"): 2}
    assert [(row.province, row.completions) for row in completions_by_area(by="province", province_code="15")] == [("Lào Cai", 2)]

    staff = django_user_model.objects.create_user(email="pham-vi@example.vn", password="mat-khau-thu-1")
    staff.user_permissions.add(Permission.objects.get(codename="view_reach"))
    client.force_login(staff)
    page = client.get(reverse("training_classes:reach"))
    assert [row.completions for row in page.context["rows"]] == [1, 2] and page.context["totals"]["completions"] == 3
    csv_rows = client.get(reverse("training_classes:reach-csv")).content.decode("utf-8-sig").splitlines()
    assert csv_rows[1].endswith(",1") and csv_rows[2].endswith(",2")
