"""Forms of the seller side. They parse and validate; services do the writing."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ocop_catalog import services as catalogue_services
from ocop_catalog.images import image_over_pixel_limit
from ocop_catalog.models import TAX_CODE_VALIDATOR, Commune, OcopCertificate, Producer
from ocop_catalog.rules import PRODUCT_GROUPS, stars_for_score
from ocop_catalog.selectors import commune_choices, province_choices
from ocop_catalog.text import has_control_characters

from .models import SellerApplication
from .services import SellerData
from .validators import SINGLE_LINE_FIELDS, normalise_phone, validate_document, validate_single_line


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class LocalityFieldsMixin:
    """A province select and the communes of the chosen province: static/js/communes.js fills the communes
    in place when the form names the API (data-communes-url); without JavaScript, choosing a province and
    pressing "Show communes" reloads the form."""

    def _setup_locality(self):
        self.fields["province"].choices = [("", _("Choose a province")), *province_choices()]
        self.fields["province"].widget.attrs.update({"data-communes-for": "id_commune"})
        province = self.data.get("province") if self.is_bound else self.initial.get("province")
        communes = commune_choices(province_code=province) if province else []
        self.fields["commune"].choices = [("", _("Choose a commune"))] + [
            (choice.code, choice.name) for choice in communes
        ]

    def clean_commune(self):
        code = self.cleaned_data.get("commune")
        commune = Commune.objects.filter(code=code).first() if code else None
        if commune is None:
            raise forms.ValidationError(_("Choose the commune of the cooperative."))
        return commune


class SellerApplicationForm(LocalityFieldsMixin, forms.ModelForm):
    province = forms.ChoiceField(label=_("Province"))
    commune = forms.ChoiceField(label=_("Commune"))
    documents = MultipleFileField(
        required=False,
        label=_("OCOP certificate scans (PDF, JPEG or PNG, up to 5 MB each)"),
    )

    class Meta:
        model = SellerApplication
        fields = [
            "kind", "name", "tax_code", "representative", "phone", "email",
            "bank_name", "bank_account_number", "bank_account_holder",
        ]  # fmt: skip
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "0912 345 678"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "tax_code": forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0101234567"}),
            "bank_account_number": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    field_order = [
        "kind", "name", "tax_code", "representative", "phone", "email", "province", "commune",
        "bank_name", "bank_account_number", "bank_account_holder", "documents",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_locality()
        for name in ("representative", "phone", "bank_name", "bank_account_number", "bank_account_holder"):
            self.fields[name].required = True
        for name in SINGLE_LINE_FIELDS:
            self.fields[name].validators.append(validate_single_line)

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_bank_account_number(self):
        return (self.cleaned_data.get("bank_account_number") or "").replace(" ", "")

    def clean_documents(self):
        uploads = self.cleaned_data.get("documents") or []
        if len(uploads) > 5:
            raise forms.ValidationError(_("Send at most 5 files."))
        for upload in uploads:
            validate_document(upload)
        return uploads

    def seller_data(self) -> SellerData:
        data = self.cleaned_data
        return SellerData(
            kind=data["kind"], name=data["name"], tax_code=data["tax_code"], representative=data["representative"],
            phone=data["phone"], email=data["email"], commune=data["commune"], bank_name=data["bank_name"],
            bank_account_number=data["bank_account_number"], bank_account_holder=data["bank_account_holder"],
        )  # fmt: skip


class DecisionForm(forms.Form):
    reason = forms.CharField(label=_("Reason (sent to the applicant)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_reason(self):
        # Several lines are fine in an e-mail body; NUL and the other control characters are not.
        reason = self.cleaned_data["reason"]
        if has_control_characters(reason, allowed="\t\n\r"):
            raise forms.ValidationError(_("Remove the control characters (such as NUL) from this text."))
        return reason


class SuspensionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class CommissionForm(forms.Form):
    commission_percent = forms.DecimalField(
        label=_("Commission (%)"), required=False, min_value=0, max_value=100, decimal_places=1,
        help_text=_("Leave empty to use the marketplace rate."),
    )  # fmt: skip


class PayoutForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount paid (₫)"), min_value=0, max_digits=14, decimal_places=0)
    reference = forms.CharField(label=_("Bank transfer reference"), max_length=100)


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount refunded (₫)"), min_value=1, max_digits=12, decimal_places=0)
    reason = forms.CharField(label=_("Reason"), max_length=500)


GROUP_CHOICES = [(group.slug, group.label) for group in PRODUCT_GROUPS]


class ListingForm(forms.Form):
    """A seller's product: what the storefront shows, its price in đồng and stock."""

    sku = forms.RegexField(
        label=_("SKU (your product code)"), max_length=64, regex=r"^[A-Za-z0-9][A-Za-z0-9._\-]*$",
        error_messages={"invalid": _("Use letters, digits, dots, dashes and underscores.")},
    )  # fmt: skip
    title = forms.CharField(label=_("Product name"), max_length=255)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    group = forms.ChoiceField(label=_("OCOP product group"), choices=GROUP_CHOICES)
    price_vnd = forms.IntegerField(label=_("Price (₫)"), min_value=1000, max_value=1_000_000_000)
    stock = forms.IntegerField(label=_("Stock"), min_value=0, max_value=1_000_000)
    is_public = forms.BooleanField(label=_("Show in the shop"), required=False, initial=True)
    ocop_producer = forms.TypedChoiceField(
        label=_("Made by"), coerce=int, required=False, empty_value=None,
        help_text=_("The OCOP producer (chủ thể) who makes it: its commune is the product's place in the shop."),
    )  # fmt: skip
    # The stock this page showed: saving applies only the seller's change to it (issue 10, case 5).
    stock_read = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, producers=(), seller_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # Only the seller's own producers can be chosen (another seller's id is "not one of the choices"); the empty
        # choice is the seller itself.
        others = [producer for producer in producers if not producer.is_seller_itself]
        if others:
            self.fields["ocop_producer"].choices = [
                ("", _("%(name)s (yourself)") % {"name": seller_name}), *((producer.pk, producer.name) for producer in others)
            ]
        else:  # the seller makes everything itself: nothing to choose
            del self.fields["ocop_producer"]

    def clean(self):
        cleaned = super().clean()
        # The rule of the CSV import (listings_rows), so a product saved here exports and imports back.
        for name, allowed in (("title", ""), ("description", "\t\n\r")):
            if has_control_characters(cleaned.get(name) or "", allowed=allowed):
                self.add_error(name, _("Remove the control characters (such as NUL) from this text."))
        return cleaned

    def listing(self) -> catalogue_services.ListingData:
        data = self.cleaned_data
        return catalogue_services.ListingData(
            sku=data["sku"], title=data["title"], description=data["description"], group_slug=data["group"],
            price_vnd=data["price_vnd"], stock=data["stock"],
        )  # fmt: skip


class PixelLimitedImageField(forms.ImageField):
    """An image refused from its header alone when it has more than MAX_IMAGE_PIXELS, before anything decodes it."""

    def to_python(self, data):
        if data is not None and hasattr(data, "read") and image_over_pixel_limit(data):
            raise forms.ValidationError(
                _("The photo is too large: at most %(megapixels)s megapixels. "
                  "Make it smaller and send it again.") % {"megapixels": settings.MAX_IMAGE_PIXELS // 1_000_000},
                code="too_many_pixels",
            )  # fmt: skip
        return super().to_python(data)


class ProductImageForm(forms.Form):
    image = PixelLimitedImageField(label=_("Photo (JPEG or PNG, up to 5 MB)"))

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        if getattr(image, "image", None) is not None and image.image.format not in ("JPEG", "PNG", "WEBP"):
            raise forms.ValidationError(_("Send a JPEG, PNG or WebP photo."))
        return image


class CertificateForm(forms.Form):
    stars = forms.TypedChoiceField(label=_("Stars"), coerce=int, choices=[(3, "3★"), (4, "4★"), (5, "5★")])
    score = forms.IntegerField(label=_("Score (of 100)"), min_value=0, max_value=100)
    number = forms.CharField(label=_("Certificate number"), max_length=100)
    issuer = forms.CharField(label=_("Issuing body"), max_length=255)
    level = forms.ChoiceField(label=_("Level"), choices=OcopCertificate.Level.choices)
    issued_on = forms.DateField(label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        stars, score = cleaned.get("stars"), cleaned.get("score")
        if stars is not None and score is not None and stars_for_score(score) != stars:
            self.add_error("stars", _("%(stars)s★ does not agree with a score of %(score)s.") % {"stars": stars, "score": score})
        return cleaned

    def certificate_data(self) -> catalogue_services.CertificateData:
        data = self.cleaned_data
        return catalogue_services.CertificateData(
            stars=data["stars"], score=data["score"], number=data["number"], issuer=data["issuer"],
            level=data["level"], issued_on=data["issued_on"],
        )  # fmt: skip



class PartActionForm(forms.Form):
    """A seller's move on its part of an order (sellers.lifecycle): what it needs, checked here."""

    action = forms.ChoiceField(choices=[(name, name) for name in ("confirm", "cancel", "ship", "deliver", "cash")])
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == "cancel" and not data.get("reason"):
            self.add_error("reason", _("Say why the order is cancelled."))
        if action == "ship":
            for field in ("carrier", "tracking_code"):
                if not data.get(field):
                    self.add_error(field, _("Give the carrier and the tracking code."))
        return data


class ProducerForm(LocalityFieldsMixin, forms.Form):
    """A producer (chủ thể OCOP) whose goods the seller lists: a member household, cooperative or enterprise."""

    name = forms.CharField(label=_("Name"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=Producer.Kind.choices)
    province = forms.ChoiceField(label=_("Province"))
    commune = forms.ChoiceField(label=_("Commune"))
    tax_code = forms.CharField(
        label=_("Tax code (optional)"), max_length=14, required=False, validators=[TAX_CODE_VALIDATOR],
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    story = forms.CharField(label=_("Story"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
                            help_text=_("Shown on the producer's public page: who they are, how they make their goods."))  # fmt: skip
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90,
                                help_text=_("Optional: where the map places the producer (else at its commune)."))  # fmt: skip
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_locality()

    def clean_commune(self):
        code = self.cleaned_data.get("commune")
        commune = Commune.objects.filter(code=code).first() if code else None
        if commune is None:
            raise forms.ValidationError(_("Choose the producer's commune."))
        return commune

    def clean(self):
        cleaned = super().clean()
        for name, allowed in (("name", ""), ("story", "\t\n\r")):
            if has_control_characters(cleaned.get(name) or "", allowed=allowed):
                self.add_error(name, _("Remove the control characters (such as NUL) from this text."))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both the latitude and the longitude, or neither."))
        return cleaned

    def producer_data(self) -> catalogue_services.ProducerData:
        data = self.cleaned_data
        return catalogue_services.ProducerData(
            name=data["name"], kind=data["kind"], commune=data["commune"], tax_code=data.get("tax_code") or "",
            story=data.get("story") or "", latitude=data.get("latitude"), longitude=data.get("longitude"),
        )  # fmt: skip
