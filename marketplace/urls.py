from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from ocop_catalog import urls as ocop_urls
from sellers import urls as sellers_urls

from .thumbnails import ThumbnailPendingView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("shop/seller/ho-so/", include("evaluation.urls")),  # the seller's OCOP dossiers
    path("shop/dashboard/ocop/", include("evaluation.staff_urls")),  # staff: criteria sheets, dossiers by state
    path("shop/seller/", include("sellers.urls")),
    path("shop/dashboard/sellers/", include(sellers_urls.staff_urlpatterns)),
    path("shop/dashboard/payments/", include("payments.urls")),
    # A product photo's thumbnail, or a placeholder while a task draws it (marketplace.thumbnails).
    path("shop/thumbnails/<int:image_pk>/<str:size>/", ThumbnailPendingView.as_view(), name="thumbnail-pending"),
    path("shop/san-xuat/", include(ocop_urls.producer_urlpatterns)),  # producers' public pages
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("api/search/", include("search.urls")),  # product search JSON API
    path("ocop/tham-dinh/", include("evaluation.review_urls")),  # commune officers and councils at work
    path("ocop/", include("ocop_catalog.urls")),  # public certificate verification (the QR codes open it)
    path("api/ocop/", include(ocop_urls.api_urlpatterns)),  # certificate look-up JSON API
    path("chuong-trinh/", include("programme.urls")),  # the programme dashboard and its public overview
    path("", include("programme.map_urls")),  # the agri-tourism map (/ban-do/) and its GeoJSON API
    path("", include("training.urls")),  # courses, lessons, quizzes, completions
    path("", include("training.classes.urls")),  # training classes and registration
    path("", include("cms.urls")),  # news feeds and sitemap.xml
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Last: Wagtail's routes, its page route (which matches every path) served by our non-atomic view.
wagtail_routes = [route for route in wagtail_urls.urlpatterns if getattr(route, "name", None) != "wagtail_serve"]
urlpatterns += [*wagtail_routes, re_path(wagtail_urls.serve_pattern, cms_views.page_serve, name="wagtail_serve")]
