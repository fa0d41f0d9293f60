"""Load the demo news and training articles through Wagtail's API and our services (no fixtures with keys).

Needs the demo catalogue first: articles feature its products by SKU.
"""

import datetime
import io
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from . import services
from .demo_content import DOCUMENTS, IMAGES, NEWS, TOPICS, TRAINING, DemoArticle
from .demo_media import banner_jpeg, handout_pdf
from .models import NewsPage, TrainingArticlePage

StockRecord = get_model("partner", "StockRecord")


@dataclass(frozen=True)
class DemoContentResult:
    news: int
    training: int
    created: int


def _image(key: str):
    demo = IMAGES[key]
    Image = get_image_model()
    image = Image.objects.filter(title=demo.title).first()
    if image is None:
        content = banner_jpeg(title=demo.title, motif=demo.motif, hue=demo.hue)
        file = ImageFile(io.BytesIO(content), name=f"cms-demo-{key}.jpg")
        image = Image(title=demo.title, description=demo.alt, file=file)
        image._set_image_file_metadata()  # size and hash, as Wagtail's upload view sets them
        image.full_clean()
        image.save()
    return image


def _document(key: str):
    demo = DOCUMENTS[key]
    Document = get_document_model()
    document = Document.objects.filter(title=demo.title).first()
    if document is None:
        content = handout_pdf(title=demo.title, subtitle=demo.subtitle, points=list(demo.points))
        document = Document(title=demo.title)
        document.file.save(f"cms-demo-{key}.pdf", ContentFile(content), save=False)
        document._set_document_file_metadata()  # size and hash, as Wagtail's upload view sets them
        document.full_clean()
        document.save()
    return document


def _product_ids(skus) -> list[int]:
    ids = dict(StockRecord.objects.filter(partner_sku__in=skus).values_list("partner_sku", "product_id"))
    return [ids[sku] for sku in skus if sku in ids]


def _block(type_: str, value) -> dict:
    return {"type": type_, "value": value, "id": str(uuid.uuid4())}


def _body(demo: DemoArticle, *, targets: dict[str, Page]) -> list[dict]:
    body = []
    for part in demo.body:
        kind, *args = part
        if kind == "text":
            body.append(_block("paragraph", args[0]))
        elif kind == "image":
            image = _image(args[0])
            value = {"image": image.pk, "alt_text": image.description, "decorative": False}
            body.append(_block("image", {"image": value, "caption": args[1]}))
        elif kind == "quote":
            body.append(_block("quote", {"text": args[0], "attribution": args[1] or ""}))
        elif kind == "products":
            body.append(_block("featured_products", {"heading": args[0], "products": _product_ids(args[1])}))
        elif kind == "document":
            body.append(_block("document", {"document": _document(args[0]).pk, "title": args[1]}))
        elif kind == "cta":
            title, text, label, target = args
            value = {"title": title, "text": text, "button_label": label, "page": targets[target].pk, "url": ""}
            body.append(_block("call_to_action", value))
        else:
            raise ValueError(f"Unknown body part {kind!r} in {demo.slug}")
    return body


def _cta_targets(demo: DemoArticle) -> list[str]:
    return [part[-1] for part in demo.body if part[0] == "cta"]


def _article_create(*, parent: Page, model, demo: DemoArticle, topics: dict, targets: dict[str, Page]) -> Page:
    extra = {"level": demo.level, "audience": demo.audience} if model is TrainingArticlePage else {}
    day = datetime.date.fromisoformat(demo.date)
    article = model(
        title=demo.title,
        slug=demo.slug,
        date=day,
        introduction=demo.introduction,
        image=_image(demo.image),
        body=_body(demo, targets=targets),
        **extra,
    )
    return services.article_publish(
        parent=parent,
        article=article,
        topics=[topics[name] for name in demo.topics],
        published_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0))),
        documents=[(_document(key), "") for key in demo.documents],
    )


@transaction.atomic
def demo_content_load() -> DemoContentResult:
    """Create the news and training sections, the roles, the topics and the demo articles with their images,
    documents and featured products. Idempotent: articles, images and documents that exist are kept as they
    are (editors may have changed them)."""
    sections = services.cms_setup_ensure()
    if sections is None:
        raise RuntimeError("There is no home page: run `manage.py migrate` first.")
    topics = {name: services.topic_ensure(name=name, slug=slug) for name, slug in TOPICS}
    plan = [(sections.news, NewsPage, demo) for demo in NEWS] + [
        (sections.training, TrainingArticlePage, demo) for demo in TRAINING
    ]
    targets = {"news": sections.news, "training": sections.training}
    existing = Page.objects.child_of(sections.news) | Page.objects.child_of(sections.training)
    targets.update((page.slug, page) for page in existing)
    waiting = [(parent, model, demo) for parent, model, demo in plan if demo.slug not in targets]
    created = 0
    while waiting:
        # An article whose call to action points to another is created after it.
        ready = [item for item in waiting if all(target in targets for target in _cta_targets(item[2]))]
        if not ready:
            raise ValueError(f"Calls to action point to unknown articles: {[item[2].slug for item in waiting]}")
        for parent, model, demo in ready:
            targets[demo.slug] = _article_create(parent=parent, model=model, demo=demo, topics=topics, targets=targets)
            created += 1
        waiting = [item for item in waiting if item not in ready]
    return DemoContentResult(news=len(NEWS), training=len(TRAINING), created=created)
