"""Council members' pages: the inbox of their councils' dossiers and rounds; a dossier with the round's
progress and result; scoring every criterion blind (draft, then submit); other members' scorecards
once one's own is submitted; and the chair's steps — open, close, certify 3★/4★, send ≥ 90 to the
central council, conclude < 50 — and the central chair's: recognise 5★ or return a 4★ result."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View
from django.views.generic import TemplateView

from sellers.listings_rows import formula_escape

from .. import selectors, services
from ..forms import answers_from_post
from ..models import CouncilRound, Criterion
from ..review_forms import CertificateForm, FourStarForm
from . import presenters
from .common import DocumentDownloadView, ReviewerMixin, add_service_errors, dossier_context, tell_refused


class CouncilMixin(ReviewerMixin):
    """A dossier (`pk`) among those the user's councils may read; a round (`round_pk`) of a council it
    sits on. Anything else is a 404."""

    area_role = "is_council_member"

    def scope(self, user):
        return selectors.council_dossiers(user=user)

    def dispatch(self, request, *args, **kwargs):
        self.round = None
        if request.user.is_authenticated and "round_pk" in kwargs:
            try:
                self.round = selectors.council_round_for_member(user=request.user, pk=kwargs["round_pk"])
            except CouncilRound.DoesNotExist:
                raise Http404 from None
        return super().dispatch(request, *args, **kwargs)

    def back(self):
        return redirect("evaluation-review:council-dossier", pk=self.dossier.pk)

    def back_to_round(self):
        return redirect("evaluation-review:round", round_pk=self.round.pk)


class CouncilInboxView(CouncilMixin, TemplateView):
    template_name = "evaluation/review/council_inbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        active, finished = selectors.council_inbox(user=self.request.user)
        chair_provinces, central_chair = selectors.council_chair_scope(user=self.request.user)
        context.update(active=active, finished=finished, chair_provinces=chair_provinces, central_chair=central_chair)
        return context


class CouncilDossierView(CouncilMixin, TemplateView):
    template_name = "evaluation/review/council_dossier.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dossier = self.dossier
        context.update(dossier_context(dossier=dossier, user=self.request.user))
        context["steps"] = context["steps"] - {"close_round"}  # closing is done on the round's page, with its scores
        open_round = selectors.round_open(dossier=dossier)
        member_councils = set(selectors.council_memberships(user=self.request.user).values_list("council_id", flat=True))
        context.update(
            rounds=[
                (scoring_round, presenters.result_of(mean=scoring_round.mean, score=scoring_round.score))
                for scoring_round in selectors.dossier_rounds(dossier=dossier)
            ],
            open_round=open_round,
            member_councils=member_councils,
            scores_open_round=open_round is not None and open_round.council_id in member_councils,
            certify_form=kwargs.get("certify_form") or CertificateForm(),
            recognise_form=kwargs.get("recognise_form") or CertificateForm(),
            four_star_form=kwargs.get("four_star_form") or FourStarForm(),
        )  # fmt: skip
        return context


class CouncilDocumentView(CouncilMixin, DocumentDownloadView):
    pass


class DecisionView(CouncilDossierView):
    """One step of the chair's on the dossier page, by POST: the form's errors re-render the page (400);
    a step the user may not take now (role or state) is told and changes nothing."""

    http_method_names = ["post"]
    step = ""
    form_class = None
    form_name = ""
    done = ""

    def act(self, form):  # pragma: no cover — each step sets its own
        raise NotImplementedError

    def post(self, request, pk):
        roles = selectors.dossier_roles(user=request.user, dossier=self.dossier)
        if self.step not in presenters.dossier_steps(dossier=self.dossier, roles=roles):
            messages.error(request, _("This step is not open to you on this dossier now."))
            return self.back()
        form = self.form_class(request.POST) if self.form_class else None
        if form is None or form.is_valid():
            try:
                self.act(form)
            except (PermissionDenied, ValidationError) as error:
                if form is None or not (isinstance(error, ValidationError) and add_service_errors(form, error)):
                    tell_refused(request, error)
                    return self.back()
            else:
                messages.success(request, self.done)
                return self.back()
        return self.render_to_response(self.get_context_data(**{self.form_name: form}), status=400)


class RoundOpenView(DecisionView):
    step = "open_round"

    def act(self, form):
        services.round_open(dossier=self.dossier, by=self.request.user)

    @property
    def done(self):
        return _("The scoring round is open: every member can now score the dossier.")


class CertifyView(DecisionView):
    step, form_class, form_name = "certify", CertificateForm, "certify_form"

    def act(self, form):
        services.dossier_certify(
            dossier=self.dossier, by=self.request.user, number=form.cleaned_data["number"], issued_on=form.cleaned_data["issued_on"]
        )

    @property
    def done(self):
        return _("The certificate is issued: the product shows its stars now.")


class SendToCentralView(DecisionView):
    step = "send_to_central"

    def act(self, form):
        services.dossier_send_to_central(dossier=self.dossier, by=self.request.user)

    @property
    def done(self):
        return _("Sent to the central council for 5★ recognition.")


class ConcludeView(DecisionView):
    step = "conclude"

    def act(self, form):
        services.dossier_conclude(dossier=self.dossier, by=self.request.user)

    @property
    def done(self):
        return _("The evaluation is concluded without a certificate.")


class RecogniseView(DecisionView):
    step, form_class, form_name = "recognise", CertificateForm, "recognise_form"

    def act(self, form):
        services.dossier_recognise(
            dossier=self.dossier, by=self.request.user, number=form.cleaned_data["number"], issued_on=form.cleaned_data["issued_on"]
        )

    @property
    def done(self):
        return _("Recognised 5★: the certificate is issued.")


class ReturnFourStarView(DecisionView):
    step, form_class, form_name = "return_four_star", FourStarForm, "four_star_form"

    def act(self, form):
        services.dossier_return_four_star(
            dossier=self.dossier, by=self.request.user, score=form.cleaned_data["score"], reason=form.cleaned_data["reason"]
        )

    @property
    def done(self):
        return _("Returned to the province with a 4★ result.")


# --- The scoring round -------------------------------------------------------------------------------


class RoundView(CouncilMixin, TemplateView):
    """The member's own scorecard (a form until submitted) and, under the blind rule
    (selectors.round_scorecards_visible), the scorecards it may read; the chair closes the round here."""

    template_name = "evaluation/review/round.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, scoring_round = self.request.user, self.round
        dossier = scoring_round.dossier
        mine = selectors.round_scorecard(round=scoring_round, member=user)
        visible = list(selectors.round_scorecards_visible(round=scoring_round, user=user))
        others = [card for card in visible if card.member_id != user.pk]
        submitted = mine is not None and mine.submitted_at is not None
        membership = selectors.council_membership(user=user, council=scoring_round.council)
        is_open = scoring_round.status == CouncilRound.Status.OPEN
        context.update(
            dossier=dossier,
            round=scoring_round,
            mine=mine,
            my_score=presenters.scorecard_over_sheet(scorecard=mine, sheet=dossier.sheet, choices=kwargs.get("choices")),
            can_score=is_open and not submitted,
            submitted=submitted,
            others=presenters.scorecard_rows(
                scorecards=others, part_totals=selectors.scorecards_part_totals(scorecards=others), sheet=dossier.sheet
            ),
            progress=selectors.round_progress(round=scoring_round),
            preview=presenters.preview_mean([card.total for card in visible if card.submitted_at]) if is_open and submitted else None,
            result=presenters.result_of(mean=scoring_round.mean, score=scoring_round.score),
            can_close=is_open and membership is not None and membership.is_chair,
            missing=kwargs.get("missing", set()),
        )  # fmt: skip
        return context

    def post(self, request, round_pk):
        action = request.POST.get("action")
        if action not in ("save", "submit"):
            messages.error(request, _("Choose whether to save a draft or submit your scores."))
            return self.back_to_round()
        criterion_ids = list(Criterion.objects.filter(sheet_id=self.round.dossier.sheet_id).values_list("pk", flat=True))
        answers = answers_from_post(request.POST, criterion_ids=criterion_ids)
        try:
            services.scorecard_save(round=self.round, by=request.user, answers=answers, submit=action == "submit")
        except PermissionDenied as error:
            tell_refused(request, error)
            return self.back_to_round()
        except ValidationError as error:
            # Nothing was saved: show the page again with what was posted and which criteria miss a score.
            for message in error.messages:
                messages.error(request, message)
            missing = set(criterion_ids) - set(answers) if action == "submit" else set()
            return self.render_to_response(self.get_context_data(choices=answers, missing=missing), status=400)
        if action == "submit":
            messages.success(request, _("Your scores are submitted. You can now read the other members' submitted scores."))
        else:
            messages.success(request, _("Draft saved. Nobody else can read it."))
        return self.back_to_round()


class RoundCloseView(CouncilMixin, View):
    def post(self, request, round_pk):
        try:
            dossier = services.round_close(round=self.round, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            tell_refused(request, error)
            return self.back_to_round()
        messages.success(
            request,
            _("The round is closed: %(score)s/100, %(stars)s★.") % {"score": dossier.result_score, "stars": dossier.result_stars},
        )
        return redirect("evaluation-review:council-dossier", pk=dossier.pk)


class ScorecardView(CouncilMixin, TemplateView):
    """One scorecard criterion by criterion — only one the blind rule lets this member read."""

    template_name = "evaluation/review/scorecard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        card = selectors.round_scorecards_visible(round=self.round, user=self.request.user).filter(pk=kwargs["card_pk"]).first()
        if card is None:
            raise Http404
        context.update(
            round=self.round, dossier=self.round.dossier, card=card,
            score=presenters.scorecard_over_sheet(scorecard=card, sheet=self.round.dossier.sheet),
        )  # fmt: skip
        return context


class RoundCsvView(CouncilMixin, View):
    """The scorecards this member may read in the round, one row per answer (for the council's minutes)."""

    def get(self, request, round_pk):
        cards = list(selectors.round_scorecards_visible(round=self.round, user=request.user))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="vong-cham-{self.round.pk}.csv"'
        response["Cache-Control"] = "private, no-store"
        response.write("\ufeff")  # Excel opens UTF-8 Vietnamese correctly with a BOM
        writer = csv.writer(response)
        writer.writerow([
            pgettext("ocop review", "Member"), _("Submitted at"), _("Criterion"), pgettext("ocop review", "Answer"),
            pgettext("ocop review", "Points"),
        ])
        names = {card.pk: formula_escape(card.member.get_full_name() or card.member.email) for card in cards}
        for answer in selectors.scorecards_answers(scorecards=cards):
            card = answer.scorecard
            submitted_at = card.submitted_at.isoformat() if card.submitted_at else pgettext("ocop review", "draft")
            writer.writerow([names[card.pk], submitted_at, answer.criterion.code, answer.option.code, answer.option.points])
        for card in cards:
            writer.writerow([names[card.pk], "", _("Total"), "", card.total])
        return response
