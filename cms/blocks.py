"""StreamField blocks shared by news and training articles; each renders through templates/cms/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .viewsets import product_chooser_viewset

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

ProductChooserBlock = product_chooser_viewset.get_block_class(name="ProductChooserBlock", module_path="cms.blocks")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/rich_text.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative) and an optional visible caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=150, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, max_length=200, label=_("Link text"), help_text=_("Leave blank to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "cms/blocks/document_link.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"), help_text=_("A YouTube or Vimeo address."))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box leading to one page of the site or one outside address."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("or address"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "cms/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose either a page or an address, not both."))]
            )
        return value


class FeaturedProductsBlock(blocks.StructBlock):
    """OCOP products shown live (price, stars, stock); products no longer sold or deleted are left out."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    products = blocks.ListBlock(ProductChooserBlock(label=_("Product")), min_num=1, max_num=12, label=_("Products"))

    class Meta:
        icon = "tag"
        label = _("Featured products")
        template = "cms/blocks/featured_products.html"

    @staticmethod
    def product_ids(value) -> list[int]:
        """The ids chosen in `value`, in order; a deleted product has no id left."""
        return [product.pk for product in value["products"] if product is not None]

    def get_context(self, value, parent_context=None):
        from ocop_catalog.selectors import products_buyable_by_id

        context = super().get_context(value, parent_context=parent_context)
        ids = self.product_ids(value)
        # The page loads the products of all its blocks at once; alone (e.g. in a test) the block loads its own.
        by_id = context.get("featured_products_by_id")
        if by_id is None:
            by_id = products_buyable_by_id(ids=ids)
        context["products"] = [by_id[pk] for pk in ids if pk in by_id]
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = RichTextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    featured_products = FeaturedProductsBlock()

    @staticmethod
    def featured_product_ids(stream_value) -> list[int]:
        """Every product id chosen in the featured-products blocks of `stream_value`, once each, in order."""
        ids: dict[int, None] = {}
        for child in stream_value:
            if child.block_type == "featured_products":
                ids.update(dict.fromkeys(FeaturedProductsBlock.product_ids(child.value)))
        return list(ids)
