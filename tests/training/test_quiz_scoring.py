"""Quiz scoring is a pure function: exactly the right answers make a question right."""

from training.quiz import Option, Question, quiz_score

SINGLE = Question(
    id="q1", text="Ai được hỏi mã OTP?", multiple=False, explanation="Không ai cả.",
    options=(Option("a", "Nhân viên ngân hàng", False), Option("b", "Không ai cả", True)),
)  # fmt: skip
MULTIPLE = Question(
    id="q2", text="Dấu hiệu lừa đảo?", multiple=True, explanation="Đường dẫn lạ và sự thúc giục.",
    options=(Option("x", "Đường dẫn lạ", True), Option("y", "Thúc giục", True), Option("z", "Gọi đúng tên", False)),
)  # fmt: skip


def test_all_right_answers_pass():
    result = quiz_score([SINGLE, MULTIPLE], {"q1": ["b"], "q2": ["x", "y"]}, pass_mark=100)
    assert (result.correct, result.total, result.passed, result.percent) == (2, 2, True, 100)


def test_a_multiple_choice_partly_right_is_wrong():
    missing_one = quiz_score([MULTIPLE], {"q2": ["x"]}, pass_mark=50)
    one_too_many = quiz_score([MULTIPLE], {"q2": ["x", "y", "z"]}, pass_mark=50)
    assert not missing_one.questions[0].right and not missing_one.passed
    assert not one_too_many.questions[0].right and not one_too_many.passed


def test_a_single_choice_with_two_answers_ticked_is_wrong():
    result = quiz_score([SINGLE], {"q1": ["a", "b"]}, pass_mark=100)
    assert not result.questions[0].right


def test_the_pass_mark_is_a_share_of_questions_right():
    half = {"q1": ["b"], "q2": ["z"]}
    assert quiz_score([SINGLE, MULTIPLE], half, pass_mark=50).passed
    assert not quiz_score([SINGLE, MULTIPLE], half, pass_mark=51).passed


def test_unanswered_and_unknown_answers_count_as_wrong():
    result = quiz_score([SINGLE, MULTIPLE], {"q1": ["forged"], "other": ["b"]}, pass_mark=1)
    assert result.correct == 0 and not result.passed
    assert [item.answered for item in result.questions] == [False, False]
