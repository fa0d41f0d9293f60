"""StreamField blocks of lessons and quizzes. Lesson bodies reuse the article blocks of cms; a quiz is a stream
of questions edited with its page, so a quiz changes with the page's revisions, drafts and workflow."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import CallToActionBlock, CaptionedImageBlock, DocumentLinkBlock, QuoteBlock, RichTextBlock, VideoBlock


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = RichTextBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("This answer is correct"))

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    """One question: a single choice has exactly one correct answer, a multiple choice one or more."""

    SINGLE, MULTIPLE = "single", "multiple"

    question = blocks.TextBlock(label=_("Question"))
    kind = blocks.ChoiceBlock(
        choices=[(SINGLE, _("One answer")), (MULTIPLE, _("Several answers (all the right ones must be chosen)"))],
        default=SINGLE, label=_("Kind"),
    )  # fmt: skip
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8, label=_("Answers"))
    explanation = blocks.TextBlock(label=_("Explanation"), help_text=_("Shown after answering: why the right answer is right."))

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if value["kind"] == self.SINGLE and correct != 1:
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(_("A question with one answer needs exactly one correct answer."))]
            )
        if value["kind"] == self.MULTIPLE and correct < 1:
            raise blocks.StructBlockValidationError(non_block_errors=[ValidationError(_("Mark at least one correct answer."))])
        return value


class QuizBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        max_num = 30
