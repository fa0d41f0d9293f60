"""Quiz scoring as pure functions: questions read from a page's quiz stream, answers in, a result out.

A question is right only when the chosen answers are exactly its correct ones: a multiple choice partly right
(some right answers missing, or a wrong one added) counts as wrong."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    multiple: bool
    options: tuple[Option, ...]
    explanation: str

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options if option.correct)


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    chosen: frozenset[str]
    right: bool

    @property
    def answered(self) -> bool:
        return bool(self.chosen)


@dataclass(frozen=True)
class QuizResult:
    questions: tuple[QuestionResult, ...]
    correct: int
    total: int
    pass_mark: int  # percent
    passed: bool

    @property
    def percent(self) -> int:
        return self.correct * 100 // self.total if self.total else 0


def questions_of(stream) -> list[Question]:
    """The questions of a quiz StreamValue, with the ids Wagtail keeps for each question and answer."""
    questions = []
    for child in stream:
        if child.block_type != "question":
            continue
        value = child.value
        options = tuple(
            Option(id=item.id or str(number), text=item.value["text"], correct=bool(item.value["correct"]))
            for number, item in enumerate(value["options"].bound_blocks)
        )
        questions.append(
            Question(id=child.id, text=value["question"], multiple=value["kind"] == "multiple", options=options, explanation=value["explanation"])
        )
    return questions


def quiz_score(questions: list[Question], answers: Mapping[str, Collection[str]], *, pass_mark: int) -> QuizResult:
    """Scores `answers` ({question id: chosen answer ids}) against `questions`; passed when the share of right
    questions reaches `pass_mark` percent. Unknown ids are ignored; a single-choice question with more than one
    answer chosen is wrong."""
    results = []
    for question in questions:
        known = {option.id for option in question.options}
        chosen = frozenset(answer for answer in answers.get(question.id, ()) if answer in known)
        right = bool(chosen) and chosen == question.correct_ids and (question.multiple or len(chosen) == 1)
        results.append(QuestionResult(question=question, chosen=chosen, right=right))
    correct = sum(result.right for result in results)
    total = len(results)
    return QuizResult(
        questions=tuple(results), correct=correct, total=total, pass_mark=pass_mark, passed=total > 0 and correct * 100 >= pass_mark * total
    )
