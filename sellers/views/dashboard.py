"""The seller dashboard: a seller's users manage only their own products and certificates.

Every object is looked up through the signed-in user's seller (`seller_product(seller=…, pk=…)`),
so another seller's id is a 404, never a permission check after loading.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from oscar.core.loading import get_model

from ocop_catalog import services as catalogue_services
from ocop_catalog.models import Producer
from ocop_catalog.selectors import group_of, group_root_categories

from .. import selectors, services
from ..forms import CertificateForm, ListingForm, ProducerForm, ProductImageForm
from ..models import Fulfilment

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


class SellerRequiredMixin(LoginRequiredMixin):
    """Only a seller's own users get in; `self.seller` is theirs."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.seller = selectors.seller_for_user(user=request.user)
        if self.seller is None:
            raise PermissionDenied(_("This page is for sellers."))
        refusal = self.refuse(request)
        if refusal is not None:
            return refusal
        # A view about one product or order part finds it among the seller's own before anything
        # else (even before refusing a method): a foreign id is a 404.
        self.product = self.get_own_product(kwargs["pk"]) if "pk" in kwargs else None
        self.part = self.get_own_part(kwargs["part_pk"]) if "part_pk" in kwargs else None
        self.producer = self.get_own_producer(kwargs["producer_pk"]) if "producer_pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, request):
        """A response instead of the view, or None to go on."""
        return None

    def get_own_part(self, pk) -> "Fulfilment":
        try:
            return selectors.seller_part(seller=self.seller, pk=pk)
        except Fulfilment.DoesNotExist:
            raise Http404 from None

    def get_own_producer(self, pk):
        try:
            return selectors.seller_producer(seller=self.seller, pk=pk)
        except Producer.DoesNotExist:
            raise Http404 from None

    def get_own_product(self, pk) -> "Product":
        try:
            return selectors.seller_product(seller=self.seller, pk=pk)
        except Product.DoesNotExist:
            raise Http404 from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seller"] = self.seller
        return context


class ActiveSellerMixin(SellerRequiredMixin):
    """Changes are for active sellers; a suspended one keeps read access to its history."""

    def refuse(self, request):
        if request.method == "POST" and not self.seller.is_active:
            messages.error(request, _("Your shop is suspended: you cannot change listings."))
            return redirect("sellers:dashboard")
        return None


class DashboardView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        products = list(selectors.seller_products(seller=self.seller))
        context["product_count"] = len(products)
        context["public_count"] = sum(1 for product in products if product.is_public)
        context["starred_count"] = sum(1 for product in products if product.ocop_stars)
        context["parts_to_confirm"] = selectors.seller_parts_to_confirm(seller=self.seller)
        return context


class ProductListView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/product_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = selectors.seller_products(seller=self.seller)
        return context


class ProductFormMixin(ActiveSellerMixin):
    form_class = ListingForm
    template_name = "sellers/dashboard/product_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.producers = {producer.pk: producer for producer in selectors.seller_producers(seller=self.seller)}
        kwargs.update(producers=self.producers.values(), seller_name=self.seller.name)
        return kwargs

    def chosen_producer(self, form):
        """The producer chosen on the form (one of the seller's: the choices are only those; empty is the seller
        itself), or None when the form offers no choice (the seller makes everything itself)."""
        if "ocop_producer" not in form.fields:
            return None
        chosen = form.cleaned_data.get("ocop_producer")
        return self.producers[chosen] if chosen is not None else services.seller_own_producer(seller=self.seller)

    def form_valid(self, form):
        try:
            product = self.save(form)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved “%(title)s”.") % {"title": product.title})
        return redirect(self.get_saved_url(product))

    def get_saved_url(self, product) -> str:
        return reverse("sellers:product-list")


class ProductCreateView(ProductFormMixin, FormView):
    def get_saved_url(self, product) -> str:
        # A new listing is not done until it has photos and its certificate: go on to where they are added.
        return reverse("sellers:product-update", kwargs={"pk": product.pk}) + "#photos-heading"

    def save(self, form):
        listing = form.listing()
        if self.seller.partner.stockrecords.filter(partner_sku=listing.sku).exists():
            raise ValidationError({"sku": _("You already have a product with this SKU.")})
        return services.seller_listing_save(
            seller=self.seller, listing=listing, is_public=form.cleaned_data["is_public"], ocop_producer=self.chosen_producer(form)
        )


class ProductUpdateView(ProductFormMixin, FormView):
    def get_product(self):
        return self.product

    def get_initial(self):
        product = self.get_product()
        record = product.stockrecords.all()[0]
        roots = {category.path: slug for slug, category in group_root_categories().items()}
        return {
            "sku": record.partner_sku, "title": product.title, "description": product.description,
            "group": group_of(product=product, roots_by_path=roots), "price_vnd": int(record.price),
            "stock": record.num_in_stock, "stock_read": record.num_in_stock, "is_public": product.is_public,
            "ocop_producer": None if product.ocop_producer is None or product.ocop_producer.is_seller_itself else product.ocop_producer_id,
        }  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.get_product()
        context["image_form"] = ProductImageForm()
        context["certificate_form"] = CertificateForm()
        return context

    def save(self, form):
        try:
            return services.seller_product_update(
                seller=self.seller, product=self.get_product(), listing=form.listing(),
                is_public=form.cleaned_data["is_public"], stock_read=form.cleaned_data.get("stock_read"),
                ocop_producer=self.chosen_producer(form),
            )  # fmt: skip
        except ValidationError as error:
            if "stock" in error.message_dict:
                # Shown again with the level of now, so that saving the page again applies.
                form.data = form.data.copy()
                records = StockRecord.objects.filter(product=self.get_product(), partner=self.seller.partner)
                form.data[form.add_prefix("stock_read")] = records.values_list("num_in_stock", flat=True).first()
            raise


class ProductImageUploadView(ActiveSellerMixin, FormView):
    form_class = ProductImageForm
    http_method_names = ["post"]

    def form_valid(self, form):
        product = self.product
        upload = form.cleaned_data["image"]
        extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[upload.image.format]
        catalogue_services.product_image_add(
            product=product,
            # Never the uploader's file name: it may hold anything.
            filename=f"{uuid.uuid4().hex}.{extension}",
            content=upload.read(),
            caption=product.title,
            display_order=product.images.count(),
        )
        messages.success(self.request, _("Photo added."))
        return redirect("sellers:product-update", pk=product.pk)

    def form_invalid(self, form):
        for error in form.errors.get("image", []):
            messages.error(self.request, error)
        return redirect("sellers:product-update", pk=self.product.pk)


class ProductImageDeleteView(ActiveSellerMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        product = self.product
        image = product.images.filter(pk=kwargs["image_pk"]).first()
        if image is None:
            raise Http404
        image.delete()
        messages.success(request, _("Photo removed."))
        return redirect("sellers:product-update", pk=product.pk)


class CertificateSubmitView(ActiveSellerMixin, FormView):
    form_class = CertificateForm
    template_name = "sellers/dashboard/certificate_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        return context

    def form_valid(self, form):
        product = self.product
        try:
            services.seller_certificate_submit(seller=self.seller, product=product, data=form.certificate_data())
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Certificate sent: staff will verify it before the stars show."))
        return redirect(reverse("sellers:product-update", kwargs={"pk": product.pk}))


# --- Producers (chủ thể OCOP) the seller lists goods of (issue 12.0) -------------------------------


class ProducerListView(SellerRequiredMixin, TemplateView):
    template_name = "sellers/dashboard/producer_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producers"] = selectors.seller_producers(seller=self.seller)
        return context


class ProducerFormView(ActiveSellerMixin, FormView):
    """Add a producer, or edit one the seller manages (`producer_pk`); without JavaScript, choosing a province and
    pressing "Show communes" reloads the form with its communes."""

    form_class = ProducerForm
    template_name = "sellers/dashboard/producer_form.html"

    def post(self, request, *args, **kwargs):
        if "choose_province" in request.POST:
            form = self.get_form()
            form.errors.clear()
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def get_initial(self):
        producer = self.producer
        if producer is None:
            return {"kind": Producer.Kind.HOUSEHOLD}
        commune = producer.commune
        return {
            "name": producer.name, "kind": producer.kind, "province": commune.province_id if commune else "",
            "commune": producer.commune_id or "", "tax_code": producer.tax_code, "story": producer.story,
            "latitude": producer.latitude, "longitude": producer.longitude,
        }  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producer"] = self.producer
        return context

    def form_valid(self, form):
        try:
            producer = services.seller_producer_save(seller=self.seller, data=form.producer_data(), producer=self.producer)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved “%(name)s”.") % {"name": producer.name})
        return redirect("sellers:producer-list")
