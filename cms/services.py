"""Changes to content: the two sections, the editorial roles and workflow, topics, articles, and the links
from articles to the products they feature."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import (
    ArticleFeaturedProduct,
    ArticlePage,
    HomePage,
    NewsIndexPage,
    Topic,
    TrainingArticleDocument,
    TrainingIndexPage,
)

# Names people see in the Wagtail admin, in Vietnamese (cms migration 0004 renames Wagtail's own).
COMMUNICATION_STAFF = "Cán bộ truyền thông"  # writers: create, edit and submit articles
MODERATORS = "Ban biên tập"  # moderators: also approve and publish (Wagtail's "Moderators" group, renamed)
# Wagtail's own migrations create this workflow (one approval task by the Moderators group) on the root page.
DEFAULT_WORKFLOW = "Ban biên tập duyệt"

# Page permissions per group in each section: communication staff write and submit, moderators also publish.
SECTION_PAGE_PERMISSIONS = {
    COMMUNICATION_STAFF: ("add_page", "change_page"),
    MODERATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
# Moderators keep the list of topics writers file articles under.
TOPIC_PERMISSIONS = {MODERATORS: ("add_topic", "change_topic")}
# Image and document permissions per group in the root collection (Wagtail lets an uploader edit their own).
COLLECTION_PERMISSIONS = {
    COMMUNICATION_STAFF: ("add_image", "choose_image", "add_document", "choose_document"),
    MODERATORS: ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"),
}


@dataclass(frozen=True)
class Sections:
    news: NewsIndexPage
    training: TrainingIndexPage


def _page_publish(*, page: Page, user=None) -> Page:
    # add_child() saved it (Page.save runs full_clean); a revision makes it live as if published in the admin.
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def section_ensure(*, home: HomePage, model: type[Page], title: str, slug: str, intro: str) -> Page:
    """The live section index of type `model`, created and published under `home` if there is none yet."""
    section = model.objects.first()
    if section is None:
        section = model(title=title, slug=slug, intro=intro)
        home.add_child(instance=section)
        _page_publish(page=section)
    return section


def sections_ensure() -> Sections | None:
    """The news section (`/tin-tuc/`) and the training section (`/tap-huan/`) under the home page, created if
    missing; None while there is no home page. Idempotent."""
    home = HomePage.objects.first()
    if home is None:
        return None
    news = section_ensure(
        home=home,
        model=NewsIndexPage,
        title="Tin tức",
        slug="tin-tuc",
        intro="<p>Tin về chương trình OCOP, xã thương mại điện tử và chuyển đổi số ở nông thôn.</p>",
    )
    training = section_ensure(
        home=home,
        model=TrainingIndexPage,
        title="Tập huấn",
        slug="tap-huan",
        intro="<p>Bài học ngắn cho chủ thể OCOP, cán bộ xã và người mua: bán hàng trực tuyến, chụp ảnh sản phẩm, "
        "an toàn thông tin.</p>",
    )
    return Sections(news=news, training=training)


def _permission(*, model, codename: str) -> Permission:
    # get_or_create: on a fresh database this can run before Django's post_migrate creates the permissions.
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def _default_workflow(*, moderators: Group) -> Workflow:
    workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=DEFAULT_WORKFLOW, active=True)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=DEFAULT_WORKFLOW)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.groups.add(moderators)
    return workflow


@transaction.atomic
def roles_ensure(*, sections: Sections) -> dict[str, Group]:
    """The "Communication staff" group (create, edit and submit pages in both sections, upload images and
    documents, reach the Wagtail admin; no Oscar dashboard permission) and the "Moderators" group (also
    publish), with Wagtail's moderation workflow on both sections. Idempotent; removes nothing."""
    from wagtail.admin.models import Admin

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in SECTION_PAGE_PERMISSIONS}
    access_admin = _permission(model=Admin, codename="access_admin")
    root_collection = Collection.get_first_root_node()
    models_by_kind = {"image": get_image_model(), "document": get_document_model()}
    for name, group in groups.items():
        group.permissions.add(access_admin)
        for codename in TOPIC_PERMISSIONS.get(name, ()):
            group.permissions.add(_permission(model=Topic, codename=codename))
        for section in (sections.news, sections.training):
            for codename in SECTION_PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=section, permission=_permission(model=Page, codename=codename)
                )
        for codename in COLLECTION_PERMISSIONS[name]:
            model = models_by_kind[codename.rsplit("_", 1)[1]]
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(model=model, codename=codename)
            )
    workflow = _default_workflow(moderators=groups[MODERATORS])
    for section in (sections.news, sections.training):
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return groups


def cms_setup_ensure() -> Sections | None:
    """Both sections, the roles and the workflow, as a fresh site needs them. Idempotent."""
    sections = sections_ensure()
    if sections is not None:
        roles_ensure(sections=sections)
    return sections


def topic_ensure(*, name: str, slug: str = "") -> Topic:
    """The topic called `name`, created if missing."""
    topic = Topic.objects.filter(name=name).first()
    if topic is None:
        topic = Topic(name=name, slug=slug)
        topic.full_clean()
        topic.save()
    return topic


def article_publish(
    *,
    parent: Page,
    article: ArticlePage,
    topics=(),
    published_at: datetime.datetime | None = None,
    documents=(),
    user=None,
) -> ArticlePage:
    """Add `article` (a NewsPage or TrainingArticlePage not yet saved) under its section `parent` and publish
    it; `published_at` backdates its first publication (imported or demo articles); `documents` are
    (document, title) pairs attached to a training article."""
    article.first_published_at = published_at
    for sort_order, (document, title) in enumerate(documents):
        article.documents.add(TrainingArticleDocument(document=document, title=title, sort_order=sort_order))
    article.topics = list(topics)
    parent.add_child(instance=article)
    return _page_publish(page=article, user=user)


def article_featured_products_refresh(*, page: Page) -> int:
    """Make the links from `page` to the products its body features match its live version: its products
    while it is live, none once unpublished. Returns how many links it has now."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return 0
    wanted = set(page.featured_product_ids()) if page.live else set()
    with transaction.atomic():
        links = ArticleFeaturedProduct.objects.filter(page=page)
        links.exclude(product_id__in=wanted).delete()
        existing = set(links.values_list("product_id", flat=True))
        ArticleFeaturedProduct.objects.bulk_create(
            [ArticleFeaturedProduct(page=page, product_id=pk) for pk in sorted(wanted - existing)]
        )
    return len(wanted)

