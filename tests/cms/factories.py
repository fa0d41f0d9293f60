"""Articles for tests, built through the cms services like the demo content."""

import datetime
import itertools

from cms import services
from cms.models import NewsIndexPage, NewsPage, TrainingArticlePage, TrainingIndexPage

_sequence = itertools.count(1)


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def featured(*products, heading: str = "") -> dict:
    return {"type": "featured_products", "value": {"heading": heading, "products": [p.pk for p in products]}}


def make_news(
    *, title: str | None = None, body=None, topics=(), date: datetime.date | None = None, **fields
) -> NewsPage:
    number = next(_sequence)
    article = NewsPage(
        title=title or f"Tin thử {number}",
        slug=f"tin-thu-{number}",
        introduction=fields.pop("introduction", "Tóm tắt tin thử."),
        date=date or datetime.date(2026, 11, 1),
        body=body if body is not None else [paragraph("<p>Nội dung tin.</p>")],
        **fields,
    )
    return services.article_publish(parent=NewsIndexPage.objects.get(), article=article, topics=topics)


def make_training(*, title: str | None = None, body=None, topics=(), documents=(), **fields) -> TrainingArticlePage:
    number = next(_sequence)
    article = TrainingArticlePage(
        title=title or f"Bài tập huấn thử {number}",
        slug=f"tap-huan-thu-{number}",
        introduction=fields.pop("introduction", "Tóm tắt bài học."),
        date=fields.pop("date", datetime.date(2026, 11, 1)),
        body=body if body is not None else [paragraph("<p>Nội dung bài học.</p>")],
        **fields,
    )
    return services.article_publish(
        parent=TrainingIndexPage.objects.get(), article=article, topics=topics, documents=documents
    )
