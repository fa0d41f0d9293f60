"""Anyone checks a completion code: initials, course, date and province; never the phone or the full name."""

import pytest
from django.urls import reverse

from training import services
from training.codes import code_parse
from training.models import Completion, Learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def completion(places):
    from tests.training.conftest import make_course

    course, _lessons = make_course(lessons=0)
    learner = Learner.objects.create(name="Nguyễn Thị Hồng Nhung", phone="0987654321", commune=places["bac_ha"])
    return services.completion_ensure(learner=learner, course=course) or Completion.objects.create(
        learner=learner, course=course, course_title=course.title, name=learner.name, commune=learner.commune, code="ABCDE12345"
    )


def test_a_printed_code_is_verified_with_initials_only(client, completion):
    typed = f"{completion.code[:5].lower()} - {completion.code[5:]}"
    response = client.get(reverse("training:verify"), {"ma": typed})
    body = response.content.decode()
    assert response.status_code == 200
    assert "N. T. H. N." in body and completion.course_title in body and "Lào Cai" in body
    assert "Nguyễn Thị" not in body and "0987654321" not in body and "Bắc Hà" not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_wrong_code_is_not_found_and_a_malformed_one_is_a_400(client, completion):
    wrong = "ABCDE12345" if completion.code != "ABCDE12345" else "ZZZZZ99999"
    assert client.get(reverse("training:verify"), {"ma": wrong}).status_code == 404
    assert client.get(reverse("training:verify"), {"ma": "xin chào\x00"}).status_code == 400


def test_codes_read_as_typed_letters_that_look_like_digits():
    assert code_parse("abcde-fghjo") == "ABCDEFGHJ0"
    assert code_parse("ABCDE-1234") is None
