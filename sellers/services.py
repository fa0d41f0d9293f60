"""State changes of sellers: applications, approval, suspension, their listings and certificates."""

from dataclasses import dataclass, fields

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ocop_catalog import services as catalogue_services
from ocop_catalog.models import Commune, OcopCertificate
from ocop_catalog.text import nfc, slugify_vi

from .listing_review import listing_resubmit, review_for_new_listing
from .models import Seller, SellerApplication, SellerDocument
from .validators import DOCUMENT_EXTENSIONS, SINGLE_LINE_FIELDS, normalise_phone, validate_document, validate_single_line

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
User = get_user_model()


@dataclass(frozen=True)
class SellerData:
    """What an applicant tells us; the same fields an approved seller keeps."""

    kind: str
    name: str
    tax_code: str
    representative: str
    phone: str
    email: str
    commune: Commune
    bank_name: str
    bank_account_number: str
    bank_account_holder: str


def _details(data: SellerData) -> dict:
    values = {field.name: getattr(data, field.name) for field in fields(SellerData)}
    for name in ("name", "representative", "bank_name", "bank_account_holder"):
        values[name] = nfc(values[name])
    values["tax_code"] = values["tax_code"].strip()
    values["phone"] = normalise_phone(values["phone"])
    values["email"] = values["email"].strip().lower()
    values["bank_account_number"] = values["bank_account_number"].replace(" ", "")
    errors = {}
    for name in SINGLE_LINE_FIELDS:
        try:
            validate_single_line(values[name])
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def application_submit(*, data: SellerData, documents=(), applicant=None) -> SellerApplication:
    """Record an application with its certificate scans; the applicant and staff are e-mailed.

    Raises ValidationError (nothing saved) on a bad field or document.
    """
    application = SellerApplication(**_details(data), applicant=applicant)
    application.full_clean()
    checked = [(upload, validate_document(upload)) for upload in documents]
    application.save()
    for upload, content_type in checked:
        document = SellerDocument(
            application=application,
            original_name=nfc(upload.name)[:255],
            content_type=content_type,
            size=upload.size,
        )
        document.file.save(f"scan.{DOCUMENT_EXTENSIONS[content_type]}", upload, save=False)
        document.save()
    _after_commit_send("send_application_received_email", application.pk)
    _after_commit_send("send_application_staff_email", application.pk)
    return application


def _unique_seller_slug(name: str, wanted: str | None) -> str:
    """The slug asked for (which must be free), or one made from the name and made unique."""
    if wanted:
        slug = slugify_vi(wanted)[:128]
        if not slug or Seller.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
            raise ValidationError({"slug": _("This slug is already taken.")})
        return slug
    base = slugify_vi(name)[:100] or "ban-hang"
    slug, number = base, 2
    while Seller.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def application_approve(*, application: SellerApplication, reviewer=None, slug: str | None = None) -> Seller:
    """Turn a pending application into a seller: an Oscar partner, a seller record, a user account.

    The applicant is e-mailed with a link to set a password. Only pending applications can be approved.
    """
    application = SellerApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != SellerApplication.Status.PENDING:
        raise ValidationError(_("This application has already been decided."))
    if Seller.objects.filter(tax_code=application.tax_code).exists():
        raise ValidationError({"tax_code": _("A seller with this tax code already exists.")})
    slug = _unique_seller_slug(application.name, slug)
    partner = Partner.objects.create(code=slug, name=application.name, commune=application.commune)
    details = {field.name: getattr(application, field.name) for field in fields(SellerData)}
    seller = Seller(partner=partner, slug=slug, approved_at=timezone.now(), **details)
    seller.full_clean()
    seller.save()
    user = application.applicant or User.objects.filter(email__iexact=application.email).first()
    if user is None:
        user = User.objects.create_user(email=application.email, password=None)
        user.first_name = application.representative[:150]
        user.save(update_fields=["first_name"])
    seller_user_add(seller=seller, user=user)
    application.status = SellerApplication.Status.APPROVED
    application.reviewed_by = reviewer
    application.reviewed_at = timezone.now()
    application.seller = seller
    application.save()
    _after_commit_send("send_application_decision_email", application.pk)
    return seller


@transaction.atomic
def application_reject(*, application: SellerApplication, reviewer=None, reason: str) -> SellerApplication:
    """Refuse a pending application with a reason the applicant reads in an e-mail."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"decision_reason": _("Give the applicant a reason.")})
    application = SellerApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != SellerApplication.Status.PENDING:
        raise ValidationError(_("This application has already been decided."))
    application.status = SellerApplication.Status.REJECTED
    application.decision_reason = reason
    application.reviewed_by = reviewer
    application.reviewed_at = timezone.now()
    application.save()
    _after_commit_send("send_application_decision_email", application.pk)
    return application


def seller_user_add(*, seller: Seller, user) -> None:
    """Give `user` access to `seller`'s dashboard. A user works for one seller only."""
    other = Partner.objects.filter(users=user).exclude(pk=seller.partner_id).first()
    if other is not None:
        raise ValidationError(_("This user already works for another seller."))
    seller.partner.users.add(user)


@transaction.atomic
def seller_create(
    *, data: SellerData, slug: str | None = None, approved: bool = False, reviewer=None
) -> SellerApplication:
    """Onboard a seller as staff do in bulk: an application, approved at once when `approved`."""
    application = application_submit(data=data)
    if approved:
        application_approve(application=application, reviewer=reviewer, slug=slug)
        application.refresh_from_db()
    return application


@transaction.atomic
def seller_suspend(*, seller: Seller, reason: str) -> Seller:
    """Take a seller's products off sale — shop, product pages, search, baskets — with the reason it reads
    on its dashboard; its products, orders and history stay. Suspending again replaces the reason.

    Raises ValidationError (nothing changed) without a reason.
    """
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"suspension_reason": _("Give a reason for the suspension.")})
    return _seller_suspension_set(seller=seller, suspended=True, reason=reason)


@transaction.atomic
def seller_reinstate(*, seller: Seller) -> Seller:
    """Put a suspended seller's public products back on sale. Raises ValidationError if it is not suspended."""
    return _seller_suspension_set(seller=seller, suspended=False, reason="")


def _seller_suspension_set(*, seller: Seller, suspended: bool, reason: str) -> Seller:
    # The partner's flag is the one record of suspension (ocop_catalog.sale); saved, not updated, so that
    # search reindexes the seller's products through its own signal.
    partner = Partner.objects.select_for_update().get(pk=seller.partner_id)
    if not suspended and not partner.is_suspended:
        raise ValidationError(_("This seller is not suspended."))
    partner.is_suspended = suspended
    partner.full_clean()
    partner.save(update_fields=["is_suspended"])
    seller.partner = partner
    seller.suspension_reason = reason
    seller.full_clean()
    seller.save(update_fields=["suspension_reason", "updated_at"])
    return seller


def seller_commission_set(*, seller: Seller, rate) -> Seller:
    """Set the seller's own commission rate (a fraction), or None to use the marketplace default."""
    seller.commission_rate = rate
    seller.full_clean()
    seller.save(update_fields=["commission_rate", "updated_at"])
    return seller


# --- Listings -------------------------------------------------------------------------------


def _require_active(seller: Seller) -> None:
    if not seller.is_active:
        raise PermissionDenied(_("A suspended seller cannot change its listings."))


def seller_listing_save(
    *, seller: Seller, listing: catalogue_services.ListingData, is_public: bool = True, stock_read: int | None = None,
    ocop_producer=None,
) -> "Product":
    """Create or update one of `seller`'s products (by SKU). Suspended sellers cannot.

    `stock_read`: the stock the seller was shown; stock then moves by the seller's change only
    (see `product_listing_save`). `ocop_producer`: who makes it, one of the producers the seller manages
    (None keeps an existing product's; a new product is the seller's own). A new seller's first new listings wait
    for the staff check (sellers.listing_review)."""
    _require_active(seller)
    product = catalogue_services.product_listing_save(
        producer=seller.partner, listing=listing, stock_read=stock_read, ocop_producer=ocop_producer,
        new_listing_review=review_for_new_listing(seller=seller),
    )
    if product.is_public != is_public:
        product.is_public = is_public
        product.save(update_fields=["is_public"])
    return product


@transaction.atomic
def seller_product_update(
    *, seller: Seller, product: "Product", listing: catalogue_services.ListingData, is_public: bool,
    stock_read: int | None = None, ocop_producer=None,
) -> "Product":
    """Edit a product the seller owns, SKU included (the SKU must stay unique for the seller)."""
    _require_active(seller)
    if product.producer_id != seller.partner_id:
        raise PermissionDenied
    record = product.stockrecords.select_for_update().get(partner=seller.partner)
    if record.partner_sku != listing.sku:
        if seller.partner.stockrecords.filter(partner_sku=listing.sku).exists():
            raise ValidationError({"sku": _("You already have a product with this SKU.")})
        record.partner_sku = listing.sku
        record.save(update_fields=["partner_sku"])
    product = seller_listing_save(
        seller=seller, listing=listing, is_public=is_public, stock_read=stock_read, ocop_producer=ocop_producer
    )
    listing_resubmit(product=product)
    return product


def seller_own_producer(*, seller: Seller):
    """The seller itself as an OCOP producer (created the first time)."""
    return catalogue_services.producer_seller_itself(partner=seller.partner)


def seller_producer_save(*, seller: Seller, data: catalogue_services.ProducerData, producer=None):
    """Add a producer (chủ thể OCOP) whose goods the seller lists, or edit one it manages. Suspended sellers
    cannot. Renaming or moving a producer moves its products in search (search listens)."""
    _require_active(seller)
    if producer is not None and producer.partner_id != seller.partner_id:
        raise PermissionDenied
    return catalogue_services.producer_save(partner=seller.partner, data=data, producer=producer)


def seller_certificate_submit(
    *, seller: Seller, product: "Product", data: catalogue_services.CertificateData
) -> OcopCertificate:
    """Attach or renew a product's certificate; it counts once staff verify it."""
    _require_active(seller)
    if product.producer_id != seller.partner_id:
        raise PermissionDenied
    return catalogue_services.certificate_record(product=product, data=data, status=OcopCertificate.Status.PENDING)


def certificate_review(*, certificate: OcopCertificate, approve: bool) -> OcopCertificate:
    """Staff verify (or reject) a certificate a seller submitted."""
    certificate.status = OcopCertificate.Status.VERIFIED if approve else OcopCertificate.Status.REJECTED
    certificate.save(update_fields=["status", "updated_at"])
    return certificate


def _after_commit_send(task_name: str, application_id: int) -> None:
    from . import tasks

    task = getattr(tasks, task_name)
    # Robust: the decision is committed whatever happens to its e-mail (the task retries; a failure is logged).
    transaction.on_commit(lambda: task.delay(application_id), robust=True)
