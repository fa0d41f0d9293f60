"""The seller's dossier pages under /shop/seller/ho-so/: thin views over evaluation.services.

Every dossier is looked up among the signed-in seller's own (`seller_dossier(seller=…, pk=…)`), so
another seller's id is a 404 before anything is read or changed.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from sellers.selectors import seller_for_user, seller_products
from sellers.validators import DOCUMENT_EXTENSIONS

from . import lifecycle, presenters, selectors, services
from .forms import DocumentForm, DossierCreateForm, StoryForm, answers_from_post
from .models import Criterion, Dossier

Product = get_model("catalogue", "Product")


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


class SellerDossierMixin(LoginRequiredMixin):
    """Only a seller's users get in; `self.dossier` is one of its own when the URL names one."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.seller = seller_for_user(user=request.user)
        if self.seller is None:
            raise PermissionDenied(_("This page is for sellers."))
        self.dossier = None
        if "pk" in kwargs:
            try:
                self.dossier = selectors.seller_dossier(seller=self.seller, pk=kwargs["pk"])
            except Dossier.DoesNotExist:
                raise Http404 from None
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(seller=self.seller, dossier=self.dossier)
        return context

    def back(self):
        return redirect("evaluation:seller-dossier", pk=self.dossier.pk)


class DossierListView(SellerDossierMixin, TemplateView):
    template_name = "evaluation/seller/dossier_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dossiers"] = selectors.seller_dossiers(seller=self.seller)
        return context


class DossierCreateView(SellerDossierMixin, TemplateView):
    template_name = "evaluation/seller/dossier_create.html"

    def form(self, data=None):
        open_products = Dossier.objects.exclude(status__in=lifecycle.FINISHED).values("product_id")
        products = Product.objects.filter(
            Q(pk__in=seller_products(seller=self.seller).values("pk")) & ~Q(pk__in=open_products)
        ).order_by("title")
        return DossierCreateForm(data, products=products, sheets=selectors.sheets_current())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        return context

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                dossier = services.dossier_create(
                    seller=self.seller, product=form.cleaned_data["product"], sheet=form.cleaned_data["sheet"],
                    by=request.user, renewal=form.cleaned_data["renewal"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("evaluation:seller-dossier", pk=dossier.pk)
        return self.render_to_response(self.get_context_data(form=form))


class DossierDetailView(SellerDossierMixin, TemplateView):
    template_name = "evaluation/seller/dossier_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dossier = self.dossier
        context.update(
            score=presenters.dossier_self_assessment(dossier=dossier),
            documents=dossier.documents.all(),
            audit_trail=selectors.dossier_audit_trail(dossier=dossier),
            story_form=kwargs.get("story_form") or StoryForm(initial={"product_story": dossier.product_story}),
            document_form=kwargs.get("document_form") or DocumentForm(),
            can_submit="submit" in lifecycle.transitions_from(dossier.status, roles={lifecycle.SELLER}),
        )
        return context


class DossierStoryView(SellerDossierMixin, View):
    def post(self, request, pk):
        form = StoryForm(request.POST)
        if form.is_valid():
            try:
                services.dossier_story_set(dossier=self.dossier, by=request.user, product_story=form.cleaned_data["product_story"])
                messages.success(request, _("Saved."))
            except ValidationError as error:
                _report(request, error)
        return self.back()


class DossierDocumentView(SellerDossierMixin, View):
    def post(self, request, pk):
        form = DocumentForm(request.POST, request.FILES)
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return self.back()
        try:
            services.dossier_document_add(
                dossier=self.dossier, by=request.user, upload=form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
            messages.success(request, _("Document attached."))
        except ValidationError as error:
            _report(request, error)
        return self.back()


class DossierDocumentDownloadView(SellerDossierMixin, View):
    """A dossier's documents are private: its seller fetches them through this view only."""

    def get(self, request, pk, document_pk):
        document = self.dossier.documents.filter(pk=document_pk).first()
        if document is None:
            raise Http404
        content_type = document.content_type if document.content_type in DOCUMENT_EXTENSIONS else "application/octet-stream"
        response = FileResponse(
            document.file.open("rb"), content_type=content_type, as_attachment=True,
            filename=f"ho-so-ocop-{self.dossier.pk}-{document.pk}.{DOCUMENT_EXTENSIONS.get(content_type, 'bin')}",
        )  # fmt: skip
        response["X-Content-Type-Options"] = "nosniff"
        return response


class SelfAssessmentView(SellerDossierMixin, TemplateView):
    """The sheet with the seller's answers, and — computed on the server at every save — the points of
    each part, the total and the star band it would earn."""

    template_name = "evaluation/seller/self_assessment.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["score"] = presenters.dossier_self_assessment(dossier=self.dossier)
        return context

    def post(self, request, pk):
        criterion_ids = list(Criterion.objects.filter(sheet_id=self.dossier.sheet_id).values_list("pk", flat=True))
        try:
            services.self_assessment_save(
                dossier=self.dossier, by=request.user, answers=answers_from_post(request.POST, criterion_ids=criterion_ids)
            )
            messages.success(request, _("Saved: the score below counts your answers."))
        except ValidationError as error:
            _report(request, error)
        return redirect("evaluation:seller-self-assessment", pk=self.dossier.pk)


class DossierSubmitView(SellerDossierMixin, View):
    def post(self, request, pk):
        try:
            services.dossier_submit(dossier=self.dossier, by=request.user)
            messages.success(request, _("Your dossier has been sent to your commune."))
        except ValidationError as error:
            _report(request, error)
        return self.back()
