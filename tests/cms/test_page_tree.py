"""Which page goes under which: Wagtail's page test helpers on our page types."""

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import HomePage, NewsIndexPage, NewsPage, TrainingArticlePage, TrainingIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_news_pages_go_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(TrainingIndexPage, NewsPage)

    def test_training_articles_go_only_under_the_training_index(self):
        self.assertAllowedParentPageTypes(TrainingArticlePage, {TrainingIndexPage})
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingArticlePage})
        self.assertCanNotCreateAt(NewsIndexPage, TrainingArticlePage)

    def test_section_indexes_go_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(TrainingIndexPage, {HomePage})
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        home = HomePage.objects.get()
        # max_count = 1, and migrate created both sections already.
        self.assertFalse(NewsIndexPage.can_create_at(home))
        self.assertFalse(TrainingIndexPage.can_create_at(home))

    def test_articles_take_no_child_pages(self):
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(TrainingArticlePage, set())

    def test_migrate_created_both_sections_at_their_addresses(self):
        news = NewsIndexPage.objects.get()
        training = TrainingIndexPage.objects.get()

        self.assertEqual(news.get_parent().specific_class, HomePage)
        self.assertEqual((news.url, training.url), ("/tin-tuc/", "/tap-huan/"))
        self.assertPageIsRoutable(news)
        self.assertPageIsRenderable(news)
        self.assertPageIsRenderable(training)

    def test_an_editor_creates_a_training_article_in_the_admin(self):
        self.client.force_login(
            get_user_model().objects.create_superuser(email="bt@example.com", password="x")
        )
        training = TrainingIndexPage.objects.get()

        self.assertCanCreate(
            training,
            TrainingArticlePage,
            nested_form_data(
                {
                    "title": "Đóng gói hàng dễ vỡ",
                    "slug": "dong-goi-hang-de-vo",
                    "date": "2026-11-20",
                    "introduction": "Cách đóng gói gốm sứ gửi đi xa.",
                    "level": "intermediate",
                    "audience": "producers",
                    "video_url": "",
                    "body": streamfield([("paragraph", rich_text("<p>Bọc từng món bằng giấy.</p>"))]),
                    "documents": inline_formset([]),
                    "comments": inline_formset([]),
                }
            ),
        )

        article = TrainingArticlePage.objects.get(slug="dong-goi-hang-de-vo")
        self.assertTrue(article.live)
        self.assertEqual(article.get_parent().pk, training.pk)
