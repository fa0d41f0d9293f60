"""State changes of OCOP evaluation: dossiers, their documents and self-assessment, the workflow of
evaluation.lifecycle, council rounds with blind scorecards, and the certificate issued from a result.

Every service takes the acting user (`by`) and checks the role it holds for the dossier
(evaluation.selectors.dossier_roles); every change is written to the dossier's audit trail (who,
what, when, before/after) in the same transaction. Workflow moves go through `_transition`: it locks
the dossier, checks the move against evaluation.lifecycle.TRANSITIONS, changes it, records it and
schedules its e-mails after the commit. Nothing here sets a status with `.update()`.
"""

import datetime
from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ocop_catalog import services as catalogue_services
from ocop_catalog.models import OcopCertificate
from ocop_catalog.text import has_control_characters, nfc
from sellers.validators import (
    DOCUMENT_EXTENSIONS,
    validate_document,
    validate_single_line,
)

from . import lifecycle, scoring
from .models import (
    AnswerOption,
    AuditEntry,
    CommuneOfficer,
    Council,
    CouncilMember,
    CouncilRound,
    CriteriaSheet,
    Criterion,
    Dossier,
    DossierDocument,
    Scorecard,
    ScorecardAnswer,
)
from .selectors import (
    council_membership,
    dossier_roles,
    product_last_dossier,
    scorecard_total,
)

MAX_STORY_CHARS = 10_000
MAX_REASON_CHARS = 2_000
MAX_ID = 2**31 - 1


# --- Audit trail ----------------------------------------------------------------------------------


def _audit(*, dossier: Dossier, action: str, by=None, role: str = "", before=None, after=None, note: str = "") -> AuditEntry:
    """Record one action on the dossier (called inside the service's transaction)."""
    return AuditEntry.objects.create(
        dossier=dossier, action=action, actor=by if by is not None and by.is_authenticated else None,
        role=role, before=before or {}, after=after or {}, note=note,
    )  # fmt: skip


def _clean_text(value: str, *, field: str, max_length: int, required: bool = False) -> str:
    value = nfc(value or "").strip()
    if has_control_characters(value, allowed="\n\r\t"):
        raise ValidationError({field: _("Remove the control characters from this text.")})
    if len(value) > max_length:
        raise ValidationError({field: _("At most %(max)s characters.") % {"max": max_length}})
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    return value


def _require(roles: set[str], role: str) -> None:
    if role not in roles:
        raise PermissionDenied


def _email_on_commit(dossier_id: int, event: str) -> None:
    from . import tasks

    # Robust: the move is committed whatever happens to its e-mail (the task retries).
    transaction.on_commit(lambda: tasks.send_dossier_email.delay(dossier_id, event), robust=True)


# --- Roles (data, not Django groups) ---------------------------------------------------------------


def commune_officer_add(*, user, commune) -> CommuneOfficer:
    """Let `user` check the OCOP dossiers of `commune`. Idempotent."""
    officer, _created = CommuneOfficer.objects.get_or_create(user=user, commune=commune)
    return officer


def council_create(*, name: str, issuing_body: str, province=None) -> Council:
    """A province's council (or, with no province, the central one)."""
    council = Council(name=nfc(name), issuing_body=nfc(issuing_body), province=province)
    validate_single_line(council.name)
    validate_single_line(council.issuing_body)
    council.full_clean()
    council.save()
    return council


@transaction.atomic
def council_member_add(*, council: Council, user, is_chair: bool = False) -> CouncilMember:
    """Seat `user` on `council`; making a chair replaces the previous one. Idempotent."""
    if is_chair:
        CouncilMember.objects.filter(council=council, is_chair=True).exclude(user=user).update(is_chair=False)
    member, _created = CouncilMember.objects.update_or_create(council=council, user=user, defaults={"is_chair": is_chair})
    return member


# --- Dossiers: filed and edited by the seller -------------------------------------------------------


@transaction.atomic
def dossier_create(*, seller, product, sheet: CriteriaSheet, by, renewal: bool = False) -> Dossier:
    """Open a draft dossier for one of the seller's products on `sheet` (the version it keeps).

    A renewal is prefilled from the product's last dossier: its story and its self-assessment, carried
    onto the new sheet version by criterion code (answers whose criterion or option changed are left
    blank). Raises PermissionDenied unless `by` works for the seller and the product is the seller's;
    ValidationError if the product already has a dossier in progress.
    """
    if not seller.partner.users.filter(pk=by.pk).exists() or product.producer_id != seller.partner_id:
        raise PermissionDenied
    if not seller.is_active:
        raise PermissionDenied(_("A suspended seller cannot file a dossier."))
    if Dossier.objects.filter(product=product).exclude(status__in=lifecycle.FINISHED).exists():
        raise ValidationError(_("This product already has a dossier in progress."))
    # The producer's commune checks it: a member household of another commune is checked there, not at the seller's.
    producer = product.ocop_producer
    commune = (producer.commune if producer is not None else None) or product.producer.commune or seller.commune
    previous = product_last_dossier(product=product) if renewal else None
    dossier = Dossier(
        seller=seller, product=product, producer=producer, sheet=sheet, commune=commune, created_by=by,
        kind=Dossier.Kind.RENEWAL if renewal else Dossier.Kind.NEW, renews=previous,
        product_story=previous.product_story if previous else "",
    )  # fmt: skip
    dossier.full_clean()
    dossier.save()
    carried = 0
    if previous is not None:
        old = Scorecard.objects.filter(dossier=previous, round=None).first()
        if old is not None:
            carried = _carry_answers(old=old, dossier=dossier)
    _audit(
        dossier=dossier, action="create", by=by, role=lifecycle.SELLER,
        after={"status": dossier.status, "sheet": f"{sheet.code} v{sheet.version}", "kind": dossier.kind,
               "renews": previous.pk if previous else None, "answers_carried": carried},
    )  # fmt: skip
    return dossier


def _carry_answers(*, old: Scorecard, dossier: Dossier) -> int:
    wanted = {
        answer.criterion.code: answer.option.code
        for answer in old.answers.select_related("criterion", "option")
    }
    options = AnswerOption.objects.filter(criterion__sheet=dossier.sheet, criterion__code__in=wanted).select_related("criterion")
    scorecard = Scorecard.objects.create(dossier=dossier)
    answers = [
        ScorecardAnswer(scorecard=scorecard, criterion=option.criterion, option=option)
        for option in options
        if wanted.get(option.criterion.code) == option.code
    ]
    ScorecardAnswer.objects.bulk_create(answers)
    return len(answers)


def _lock_editable(dossier: Dossier, by) -> tuple[Dossier, set[str]]:
    dossier = Dossier.objects.select_for_update().select_related("seller__partner", "commune").get(pk=dossier.pk)
    roles = dossier_roles(user=by, dossier=dossier)
    _require(roles, lifecycle.SELLER)
    if not dossier.is_editable:
        raise ValidationError(_("This dossier has been submitted: it can no longer be changed."))
    return dossier, roles


@transaction.atomic
def dossier_story_set(*, dossier: Dossier, by, product_story: str) -> Dossier:
    """Change the product story of a draft (or returned) dossier."""
    dossier, _roles = _lock_editable(dossier, by)
    story = _clean_text(product_story, field="product_story", max_length=MAX_STORY_CHARS)
    if story == dossier.product_story:
        return dossier
    before = {"product_story": dossier.product_story}
    dossier.product_story = story
    dossier.save(update_fields=["product_story", "updated_at"])
    _audit(dossier=dossier, action="story", by=by, role=lifecycle.SELLER, before=before, after={"product_story": story})
    return dossier


@transaction.atomic
def dossier_document_add(*, dossier: Dossier, by, upload, title: str) -> DossierDocument:
    """Attach a document (PDF, JPEG or PNG, checked by content and size as certificate scans are) to a
    draft or returned dossier, kept in private storage."""
    dossier, _roles = _lock_editable(dossier, by)
    title = _clean_text(title, field="title", max_length=255, required=True)
    validate_single_line(title)
    content_type = validate_document(upload)
    document = DossierDocument(
        dossier=dossier, title=title, original_name=nfc(upload.name)[:255], content_type=content_type,
        size=upload.size, uploaded_by=by,
    )  # fmt: skip
    document.file.save(f"document.{DOCUMENT_EXTENSIONS[content_type]}", upload, save=False)
    document.save()
    _audit(
        dossier=dossier, action="document_add", by=by, role=lifecycle.SELLER,
        after={"document": document.pk, "title": title, "content_type": content_type, "size": document.size},
    )  # fmt: skip
    return document


@transaction.atomic
def dossier_document_remove(*, dossier: Dossier, by, document_id: int) -> None:
    """Remove a document from a draft or returned dossier (the file stays in private storage)."""
    dossier, _roles = _lock_editable(dossier, by)
    document = DossierDocument.objects.get(dossier=dossier, pk=document_id)
    before = {"document": document.pk, "title": document.title}
    document.delete()
    _audit(dossier=dossier, action="document_remove", by=by, role=lifecycle.SELLER, before=before)


def _answers_save(*, scorecard: Scorecard, sheet: CriteriaSheet, answers: Mapping[int, int]) -> None:
    """Replace the given criteria's answers; each option must belong to its criterion on `sheet`."""
    criteria_ids = {int(criterion_id) for criterion_id in answers}
    # A posted id no key column can hold would fail the query itself (an `in` lookup is not range-checked).
    if any(not 0 < int(value) <= MAX_ID for value in [*answers, *answers.values()]):
        raise ValidationError(_("An answer does not belong to this criteria sheet."))
    options = {
        option.pk: option
        for option in AnswerOption.objects.filter(
            pk__in=[int(option_id) for option_id in answers.values()], criterion__sheet=sheet
        )
    }
    for criterion_id, option_id in answers.items():
        option = options.get(int(option_id))
        if option is None or option.criterion_id != int(criterion_id):
            raise ValidationError(_("An answer does not belong to this criteria sheet."))
    ScorecardAnswer.objects.filter(scorecard=scorecard, criterion_id__in=criteria_ids).delete()
    ScorecardAnswer.objects.bulk_create(
        ScorecardAnswer(scorecard=scorecard, criterion_id=int(criterion_id), option_id=int(option_id))
        for criterion_id, option_id in answers.items()
    )
    scorecard.save(update_fields=["updated_at"])


@transaction.atomic
def self_assessment_save(*, dossier: Dossier, by, answers: Mapping[int, int]) -> Scorecard:
    """Record the seller's answers ({criterion id: option id}) on the dossier's sheet; returns the
    self-assessment, whose total and band (evaluation.scoring) the seller sees before submitting."""
    dossier, _roles = _lock_editable(dossier, by)
    scorecard, _created = Scorecard.objects.get_or_create(dossier=dossier, round=None)
    before = {"total": scorecard_total(scorecard=scorecard)}
    _answers_save(scorecard=scorecard, sheet=dossier.sheet, answers=answers)
    total = scorecard_total(scorecard=scorecard)
    _audit(
        dossier=dossier, action="self_assessment", by=by, role=lifecycle.SELLER,
        before=before, after={"total": total, "stars": scoring.band(total), "answered": scorecard.answers.count()},
    )  # fmt: skip
    return scorecard


# --- Workflow --------------------------------------------------------------------------------------


def _transition(
    dossier: Dossier, name: str, *, by, note: str = "", check: Callable[[Dossier, set[str]], dict | None] | None = None,
    **fields,
) -> tuple[Dossier, str]:
    """Lock the dossier, check the move `name` for the roles `by` holds, change and record it. Must run
    in a transaction. Returns the dossier and the role it was made in.

    `check(dossier, roles)` runs once the move is allowed, under the lock: it may refuse with a
    ValidationError, or return more fields to set (the certificate it issued, say)."""
    dossier = (
        Dossier.objects.select_for_update().select_related("seller__partner", "commune__province", "sheet")
        .get(pk=dossier.pk)
    )  # fmt: skip
    roles = dossier_roles(user=by, dossier=dossier)
    transition = lifecycle.TRANSITIONS[name]
    if not transition.actors & roles:
        raise PermissionDenied
    try:
        lifecycle.transition_check(name, status=dossier.status, roles=roles)
    except lifecycle.TransitionNotAllowed:
        raise ValidationError(
            _("This dossier is %(status)s: it cannot be changed that way.") % {"status": dossier.get_status_display().lower()}
        ) from None
    if transition.needs_reason and not note:
        raise ValidationError({"reason": _("Give a reason.")})
    if transition.outcome is not None and (
        dossier.result_score is None or scoring.outcome(dossier.result_score) != transition.outcome
    ):
        raise ValidationError(_("The dossier's result does not allow this step."))
    if check is not None:
        fields.update(check(dossier, roles) or {})
    before = {"status": dossier.status, **{field: _jsonable(getattr(dossier, field)) for field in fields}}
    dossier.status = transition.target
    dossier.status_changed_at = timezone.now()
    for field, value in fields.items():
        setattr(dossier, field, value)
    dossier.full_clean()
    dossier.save()
    after = {"status": dossier.status, **{field: _jsonable(getattr(dossier, field)) for field in fields}}
    role = min(transition.actors & roles)
    _audit(dossier=dossier, action=name, by=by, role=role, before=before, after=after, note=note)
    _email_on_commit(dossier.pk, name)
    return dossier, role


def _jsonable(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
        return str(value)
    return value


def _check_complete(dossier: Dossier, roles) -> None:
    # Nothing goes to the commune half-filled: the officer checks what the council will score.
    errors = []
    if not dossier.product_story.strip():
        errors.append(_("Tell the product's story."))
    scorecard = Scorecard.objects.filter(dossier=dossier, round=None).first()
    answered = scorecard.answers.count() if scorecard else 0
    if answered < Criterion.objects.filter(sheet=dossier.sheet).count():
        errors.append(_("Answer every criterion of the self-assessment."))
    if not dossier.documents.exists():
        errors.append(_("Attach at least one document."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def dossier_submit(*, dossier: Dossier, by) -> Dossier:
    """The seller sends a complete dossier (story, every criterion self-assessed, a document) to its
    commune; the commune's officers are e-mailed."""
    return _transition(dossier, "submit", by=by, check=_check_complete, submitted_at=timezone.now(), return_reason="")[0]


@transaction.atomic
def dossier_accept(*, dossier: Dossier, by) -> Dossier:
    """An officer of the dossier's commune accepts it for the province council."""
    return _transition(dossier, "accept", by=by)[0]


@transaction.atomic
def dossier_return(*, dossier: Dossier, by, reason: str) -> Dossier:
    """An officer of the dossier's commune sends it back to the producer with a reason (required),
    which the seller reads; the seller may then change it and submit again."""
    reason = _clean_text(reason, field="reason", max_length=MAX_REASON_CHARS)
    return _transition(dossier, "return", by=by, note=reason, return_reason=reason)[0]


def _province_council(dossier: Dossier, by) -> Council:
    council = (
        Council.objects.filter(
            is_active=True, province_id=dossier.commune.province_id, members__user=by, members__is_chair=True
        )
        .order_by("pk")
        .first()
    )
    if council is None:
        raise PermissionDenied
    return council


@transaction.atomic
def round_open(*, dossier: Dossier, by) -> CouncilRound:
    """The chair of the province's council opens its scoring of a commune-checked dossier; its members
    are e-mailed. Each member then scores every criterion on its own (scorecard_save)."""
    dossier, _role = _transition(dossier, "open_round", by=by)
    council = _province_council(dossier, by)
    scoring_round = CouncilRound.objects.create(dossier=dossier, council=council, opened_by=by)
    _audit(dossier=dossier, action="round_opened", by=by, role=lifecycle.PROVINCE_CHAIR,
           after={"round": scoring_round.pk, "council": council.name})  # fmt: skip
    return scoring_round


@transaction.atomic
def scorecard_save(*, round: CouncilRound, by, answers: Mapping[int, int], submit: bool = False) -> Scorecard:
    """A council member records its own answers in an open round, and with `submit` makes them final
    (every criterion answered). Other members' scores stay hidden from it until then
    (evaluation.selectors.round_scorecards_visible). The audit trail records that it submitted, not
    its total, so nobody learns a score before the round is closed."""
    scoring_round = CouncilRound.objects.select_for_update().select_related("dossier__sheet", "council").get(pk=round.pk)
    if council_membership(user=by, council=scoring_round.council) is None:
        raise PermissionDenied
    if scoring_round.status != CouncilRound.Status.OPEN:
        raise ValidationError(_("This scoring round is closed."))
    scorecard, _created = Scorecard.objects.select_for_update().get_or_create(
        dossier=scoring_round.dossier, round=scoring_round, member=by
    )
    if scorecard.submitted_at is not None:
        raise ValidationError(_("You have already submitted your scores for this round."))
    _answers_save(scorecard=scorecard, sheet=scoring_round.dossier.sheet, answers=answers)
    if submit:
        if scorecard.answers.count() < Criterion.objects.filter(sheet=scoring_round.dossier.sheet).count():
            raise ValidationError(_("Score every criterion before submitting."))
        scorecard.submitted_at = timezone.now()
        scorecard.save(update_fields=["submitted_at", "updated_at"])
        _audit(dossier=scoring_round.dossier, action="scorecard_submitted", by=by, role="council_member",
               after={"round": scoring_round.pk})  # fmt: skip
    return scorecard


@transaction.atomic
def round_close(*, round: CouncilRound, by) -> Dossier:
    """The chair closes the round: the result is the mean of the submitted scorecards' totals, rounded
    half-up to a whole point, and the band is read on that whole point (evaluation.scoring). Needs at
    least settings.EVALUATION_ROUND_MIN_SCORECARDS submitted scorecards; drafts are left out."""
    scoring_round = CouncilRound.objects.select_for_update().select_related("council").get(pk=round.pk)
    membership = council_membership(user=by, council=scoring_round.council)
    if membership is None or not membership.is_chair:
        raise PermissionDenied
    if scoring_round.status != CouncilRound.Status.OPEN:
        raise ValidationError(_("This scoring round is closed."))
    submitted = Scorecard.objects.filter(round=scoring_round, submitted_at__isnull=False)
    totals = [scorecard_total(scorecard=scorecard) for scorecard in submitted]
    if len(totals) < settings.EVALUATION_ROUND_MIN_SCORECARDS:
        raise ValidationError(
            _("%(count)s members have submitted their scores; at least %(minimum)s are needed to close the round.")
            % {"count": len(totals), "minimum": settings.EVALUATION_ROUND_MIN_SCORECARDS}
        )
    mean = scoring.mean_of_totals(totals)
    score = scoring.result_score(mean)
    stars = scoring.band(score)
    dossier, _role = _transition(
        scoring_round.dossier, "close_round", by=by, result_mean=mean, result_score=score, result_stars=stars
    )
    scoring_round.status = CouncilRound.Status.CLOSED
    scoring_round.closed_by = by
    scoring_round.closed_at = timezone.now()
    scoring_round.mean, scoring_round.score, scoring_round.stars = mean, score, stars
    scoring_round.save()
    _audit(dossier=dossier, action="round_closed", by=by, role=lifecycle.PROVINCE_CHAIR,
           after={"round": scoring_round.pk, "scorecards": len(totals), "mean": str(mean), "score": score,
                  "stars": stars})  # fmt: skip
    return dossier


def _issue_certificate(*, dossier: Dossier, council: Council, level: str, number: str, issued_on: datetime.date):
    """Create the product's verified OcopCertificate through ocop_catalog's service (its save reindexes
    search through search's signals)."""
    number = _clean_text(number, field="number", max_length=100, required=True)
    validate_single_line(number)
    certificate = catalogue_services.certificate_record(
        product=dossier.product,
        data=catalogue_services.CertificateData(
            stars=dossier.result_stars, score=dossier.result_score, number=number, issuer=council.issuing_body,
            level=level, issued_on=issued_on,
        ),
        status=OcopCertificate.Status.VERIFIED,
    )
    if Dossier.objects.filter(certificate=certificate).exclude(pk=dossier.pk).exists():
        raise ValidationError({"number": _("This certificate number is already issued for this product.")})
    return certificate


@transaction.atomic
def dossier_certify(*, dossier: Dossier, by, number: str, issued_on: datetime.date | None = None) -> Dossier:
    """The province issues the certificate of a 3★ or 4★ result: number entered by the issuer, issuing
    body of its council, issued today unless given, valid OCOP_CERTIFICATE_VALIDITY_MONTHS. The
    product's stars change at once."""
    issued_on = issued_on or timezone.localdate()

    def issue(locked: Dossier, roles) -> dict:
        certificate = _issue_certificate(
            dossier=locked, council=_province_council(locked, by), level=OcopCertificate.Level.PROVINCE,
            number=number, issued_on=issued_on,
        )  # fmt: skip
        return {"certificate": certificate}

    return _transition(dossier, "certify", by=by, check=issue)[0]


@transaction.atomic
def dossier_send_to_central(*, dossier: Dossier, by) -> Dossier:
    """A result of 90 or more goes to the central council for 5★ recognition."""
    return _transition(dossier, "send_to_central", by=by)[0]


@transaction.atomic
def dossier_conclude(*, dossier: Dossier, by) -> Dossier:
    """A result under 50 ends the evaluation without a certificate (1★/2★)."""
    return _transition(dossier, "conclude", by=by)[0]


def _central_council(by) -> Council:
    council = Council.objects.filter(
        is_active=True, province=None, members__user=by, members__is_chair=True
    ).order_by("pk").first()
    if council is None:
        raise PermissionDenied
    return council


@transaction.atomic
def dossier_recognise(*, dossier: Dossier, by, number: str, issued_on: datetime.date | None = None) -> Dossier:
    """The central council recognises the product 5★: its certificate is issued at the central level,
    with the province council's result (90 or more)."""
    issued_on = issued_on or timezone.localdate()

    def issue(locked: Dossier, roles) -> dict:
        certificate = _issue_certificate(
            dossier=locked, council=_central_council(by), level=OcopCertificate.Level.CENTRAL, number=number,
            issued_on=issued_on,
        )  # fmt: skip
        return {"certificate": certificate}

    return _transition(dossier, "recognise", by=by, check=issue)[0]


@transaction.atomic
def dossier_return_four_star(*, dossier: Dossier, by, score: int, reason: str) -> Dossier:
    """The central council does not recognise 5★: the dossier goes back to its province with a 4★
    result (`score`, 70–89, entered by the central chair) and a reason; the province then certifies it."""
    reason = _clean_text(reason, field="reason", max_length=MAX_REASON_CHARS)
    low, high = scoring.STAR_BANDS[4]
    if not isinstance(score, int) or not low <= score <= high:
        raise ValidationError({"score": _("A 4★ result is between %(low)s and %(high)s points.") % {"low": low, "high": high}})
    return _transition(dossier, "return_four_star", by=by, note=reason, result_score=score, result_stars=4)[0]
