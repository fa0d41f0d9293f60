"""Settings of Chợ OCOP: one module, read from the environment.

Embedded defaults (no variable set) give the local demo: SQLite under var/, database-backed
search, Celery tasks run eagerly, e-mail printed to the console. docker-compose.yml sets the
variables for the full stack (PostgreSQL, Redis, Elasticsearch, worker, beat).
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from csp import constants as csp_constants
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F401,F403 — Oscar's defaults, overridden below
from PIL import Image as PIL_Image

from marketplace.dashboard_access import staff_only

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("DJANGO_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -----------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The default key is for the local demo only; `check --deploy` flags it (security.W009).
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY",
    default="django-insecure-local-demo-key-change-me-in-production-0123456789",
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Oscar's e-mails link to OSCAR_URL_SCHEMA://<Site domain>: both follow SITE_URL (marketplace.users keeps
# the Site record in step at every migrate; `check --deploy` warns when it is not, users.W001).
OSCAR_URL_SCHEMA = SITE_URL.split("://", 1)[0]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # The queries written once per process (ocop_catalog.prepared: a checkout's, a list page's) run as prepared
    # statements, planned once per connection; every other query binds its values on the client and is never
    # prepared. Off (false) behind a connection pooler in transaction mode, which cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        0 if env.bool("DATABASE_PREPARED_STATEMENTS", default=True) else None
    )
else:
    # SQLite (make run): a write transaction takes the lock when it begins (IMMEDIATE), so two saves of a page
    # queue behind each other for up to `timeout` seconds instead of failing with "database is locked";
    # WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str("REDIS_URL", default="")
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",  # django-axes: throttles every login form (see "Sign-in throttling" below)
    # Our apps: the OCOP core first so Oscar's forks can point at it.
    "marketplace.users.apps.UsersConfig",
    "marketplace.demo.apps.DemoConfig",
    "marketplace.deployment.apps.DeploymentConfig",
    "ocop_catalog.apps.OcopCatalogConfig",
    "sellers.apps.SellersConfig",
    "cms.apps.CmsConfig",
    "payments.apps.PaymentsConfig",
    "evaluation.apps.EvaluationConfig",  # OCOP criteria sheets, dossiers, councils (above sellers)
    "programme.apps.ProgrammeConfig",  # pilot communes, indicators, dashboard, agri-tourism map (above evaluation)
    "training.apps.TrainingConfig",  # courses, lessons, quizzes, completions (Wagtail pages, beside cms)
    "training.classes.apps.TrainingClassesConfig",  # training classes, registration, attendance
    # Oscar, with our forks in place of its own apps.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "marketplace.catalogue.apps.CatalogueConfig",
    "marketplace.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.partner.apps.PartnerConfig",
    "marketplace.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "marketplace.offer.apps.OfferConfig",  # offers looked for only when some exist
    "marketplace.order.apps.OrderConfig",
    "marketplace.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",  # takes Oscar's `search` label (no haystack)
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "marketplace.security.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "marketplace.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marketplace.basket.middleware.BasketMiddleware",  # Oscar's, merging baskets in a transaction
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "search.context_processors.search_form",
                "ocop_catalog.context_processors.navigation",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    }
]

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Oscar's e-mail backend and Django's, both refusing demo accounts unless DEMO_ACCOUNTS_ENABLED.
    "marketplace.users.backends.EmailBackend",
    "marketplace.users.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/shop/"
LOGIN_URL = "/shop/accounts/login/"

# --- Language, time, money ------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

OSCAR_DEFAULT_CURRENCY = "VND"
# Vietnamese grouping whatever the UI language: 120.000 ₫ (no minor unit).
OSCAR_CURRENCY_FORMAT = {
    "VND": {"locale": "vi", "format": "#,##0\u00a0¤", "currency_digits": False},
}

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Seller documents (certificate scans): never under MEDIA_ROOT, never served by URL alone.
PRIVATE_MEDIA_ROOT = Path(env.str("DJANGO_PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
# Serving straight from the finders keeps `make run` and the tests free of collectstatic.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)
WHITENOISE_MANIFEST_STRICT = False
# Images over this many pixels are refused at upload, from their header, before decoding (a 120 KB PNG can
# claim 100 megapixels); Pillow itself and Wagtail refuse what gets past (Pillow: above twice this).
MAX_IMAGE_PIXELS = env.int("MAX_IMAGE_PIXELS", default=25_000_000)
PIL_Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Cache, sessions ------------------------------------------------------------------------
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "marketplace.deployment.redis_cache.RedisCache",  # Django's, one Redis client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="chocop"),
        }
    }
    # Sessions read from the shared cache, written through to the database: one query less on every request.
    SESSION_ENGINE = "marketplace.deployment.sessions"  # Django's cached_db, a new session in one INSERT
else:
    # One process only (`make run`): with debug off, `check --deploy` refuses it (deployment.E001).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Sessions stay in the database only: a per-process cache would serve one worker another's stale copy.

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Chợ OCOP <no-reply@cho-ocop.vn>")
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    # make run (tools/run_local.py): beat and the worker share a broker kept as files, no server to install.
    _broker_folder = Path(env.str("CELERY_BROKER_FOLDER", default=str(VAR_DIR / "celery-broker")))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_folder / "queue"),
        "data_folder_out": str(_broker_folder / "queue"),
        "control_folder": str(_broker_folder / "control"),
        "store_processed": False,
    }
    for _folder in ("queue", "control"):
        (_broker_folder / _folder).mkdir(parents=True, exist_ok=True)
# Eager unless told otherwise: the embedded default has no worker. Compose turns it off.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# No code waits for a task's result (every task is fire-and-forget: e-mails, counters, indexing). Kept, each sent
# task had the web process subscribe to its result's channel on the result backend (a Redis round trip per task,
# four per order placed, subscriptions never dropped) and the worker store a result nobody reads (issue 16).
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "cancel-unconfirmed-seller-orders": {
        "task": "sellers.tasks.cancel_overdue_fulfilments",
        "schedule": 10 * 60,
    },
}
# A checked listings CSV waits this long in private storage for its seller's confirmation; beat purges older ones.
LISTING_IMPORT_PENDING_SECONDS = env.int("LISTING_IMPORT_PENDING_SECONDS", default=60 * 60)
CELERY_BEAT_SCHEDULE["purge-pending-listing-imports"] = {
    "task": "sellers.tasks.purge_pending_listing_imports",
    "schedule": 15 * 60,
}
# Wagtail's scheduled publishing and expiry of pages (cms.tasks), every minute.
CELERY_BEAT_SCHEDULE["cms-publish-scheduled"] = {
    "task": "cms.tasks.publish_scheduled",
    "schedule": env.float("CMS_PUBLISH_SCHEDULED_SECONDS", default=60.0),
}
# OCOP certificates (ocop_catalog.lifecycle), daily in Vietnam time: expiry just after midnight (stars leave search
# the day after the last valid day), reminders 90 and 30 days before expiry in the morning.
CELERY_BEAT_SCHEDULE["ocop-expire-certificates"] = {
    "task": "ocop_catalog.tasks.expire_certificates", "schedule": crontab(hour=0, minute=5),
}
CELERY_BEAT_SCHEDULE["ocop-certificate-reminders"] = {
    "task": "ocop_catalog.tasks.send_certificate_reminders", "schedule": crontab(hour=7, minute=0),
}
# Training classes (training.classes): hourly, each confirmed registrant of a class starting by the end of
# tomorrow is reminded once by e-mail; a public client may post this many registrations an hour.
CELERY_BEAT_SCHEDULE["training-class-reminders"] = {
    "task": "training.classes.tasks.send_class_reminders", "schedule": crontab(minute=15),
}
TRAINING_REGISTRATIONS_PER_CLIENT = env.int("TRAINING_REGISTRATIONS_PER_CLIENT", default=20)
# Programme dashboard (programme.tasks): hourly, the national and provincial figures for 30/90/365 days are computed
# ahead, so staff open them from the cache; each page says when its figures were computed.
CELERY_BEAT_SCHEDULE["programme-dashboard-figures"] = {
    "task": "programme.tasks.dashboard_figures_refresh", "schedule": crontab(minute=40),
}
# The dashboard's sales facts (programme.sales_facts): the days marked out of date (an order, a part's move, a refund)
# are recomputed every PROGRAMME_FACTS_REFRESH_SECONDS, and the last PROGRAMME_FACTS_NIGHTLY_DAYS days every night.
PROGRAMME_FACTS_REFRESH_SECONDS = env.int("PROGRAMME_FACTS_REFRESH_SECONDS", default=300)
PROGRAMME_FACTS_NIGHTLY_DAYS = env.int("PROGRAMME_FACTS_NIGHTLY_DAYS", default=400)
CELERY_BEAT_SCHEDULE["programme-sales-facts-dirty"] = {
    "task": "programme.tasks.sales_facts_refresh_dirty", "schedule": PROGRAMME_FACTS_REFRESH_SECONDS,
}
CELERY_BEAT_SCHEDULE["programme-sales-facts-nightly"] = {
    "task": "programme.tasks.sales_facts_refresh_nightly", "schedule": crontab(hour=1, minute=20),
}

# --- Search ---------------------------------------------------------------------------------
# "elasticsearch" when ELASTICSEARCH_URL is set (falling back on the database while it is down),
# else "database": the embedded backend (SQLite or PostgreSQL).
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="elasticsearch" if ELASTICSEARCH_URL else "database")
SEARCH_INDEX_NAME = env.str("SEARCH_INDEX_NAME", default="ocop-products")  # an alias: search_reindex swaps it
SEARCH_ES_TIMEOUT = env.float("SEARCH_ES_TIMEOUT", default=2.0)  # seconds before falling back on the database
SEARCH_ES_RETRY_SECONDS = env.int("SEARCH_ES_RETRY_SECONDS", default=30)  # database only, after a failure
# A query asked again is answered from the cache until the index changes (0: never cached).
SEARCH_CACHE_SECONDS = env.int("SEARCH_CACHE_SECONDS", default=60)
# The recommended order (search.ranking): listings this many days old or younger count as fresh.
SEARCH_FRESH_DAYS = env.int("SEARCH_FRESH_DAYS", default=30)

# --- Oscar ----------------------------------------------------------------------------------
OSCAR_DYNAMIC_CLASS_LOADER = "marketplace.class_loader.class_loader"
OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("OCOP products of Vietnam's communes")
OSCAR_HOMEPAGE = "/"
# đ/Đ have no Unicode decomposition: without this "Đà Nẵng" slugs to "a-nang".
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "D"}
OSCAR_PRODUCTS_PER_PAGE = 24
# VND has no minor unit: offer and voucher discounts are rounded down to the whole đồng.
OSCAR_OFFER_ROUNDING_FUNCTION = "ocop_catalog.money.round_discount"
OSCAR_ALLOW_ANON_CHECKOUT = True
# An order's status follows its sellers' parts: the moves are declared in sellers.lifecycle and
# checked by the forked order model (marketplace.order), not listed here.
OSCAR_INITIAL_ORDER_STATUS = "Awaiting confirmation"
OSCAR_INITIAL_LINE_STATUS = "awaiting"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "country")
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_THUMBNAIL_DEBUG = False
# sorl, remembering per process the thumbnails it found (no cache round trip per product card).
OSCAR_THUMBNAILER = "marketplace.thumbnails.MemoizedSorlThumbnail"
THUMBNAIL_DEBUG = False
THUMBNAIL_KVSTORE = env.str(
    "THUMBNAIL_KVSTORE",
    default="sorl.thumbnail.kvstores.cached_db_kvstore.KVStore",
)
OSCAR_DASHBOARD_NAVIGATION = OSCAR_DASHBOARD_NAVIGATION + [  # noqa: F405
    {
        "label": _("Sellers"),
        "icon": "fas fa-store",
        "children": [
            {"label": _("Applications"), "url_name": "sellers-staff:application-list", "access_fn": staff_only},
            {"label": _("Sellers"), "url_name": "sellers-staff:seller-list", "access_fn": staff_only},
            {"label": _("Listings to review"), "url_name": "sellers-staff:listing-review-list", "access_fn": staff_only},
            {"label": _("Certificates to verify"), "url_name": "sellers-staff:certificate-list", "access_fn": staff_only},
        ],
        "access_fn": staff_only,
    },
]

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ OCOP"
WAGTAILADMIN_BASE_URL = SITE_URL
# No avatar fetched from gravatar.com: the admin sends no request (nor editors' e-mail hashes) outside.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if SEARCH_BACKEND == "elasticsearch" and ELASTICSEARCH_URL:
    # Articles follow the product search onto Elasticsearch (cms indexes a folded copy of the text either way).
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": env.str("WAGTAILSEARCH_INDEX_NAME", default="ocop-cms"),
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp"]

# --- OCOP programme -------------------------------------------------------------------------
# Months a certificate stays valid after issue (Decision 148/QĐ-TTg); data, not code.
OCOP_CERTIFICATE_VALIDITY_MONTHS = env.int("OCOP_CERTIFICATE_VALIDITY_MONTHS", default=36)
# How many featured products the home page shows when editors chose none.
OCOP_HOME_FEATURED_COUNT = 8
# Submitted members' scorecards a council round needs before its chair may close it (evaluation.services);
# the decision's quorum rule is unconfirmed, so it is a setting.
EVALUATION_ROUND_MIN_SCORECARDS = env.int("EVALUATION_ROUND_MIN_SCORECARDS", default=3)
# The share of OCOP producers to sell online (Decision 919/QĐ-TTg: at least 50 % by 2025): the dashboard's target
# line, unless a pilot sets its own; and how long the dashboard's figures are cached.
PROGRAMME_ONLINE_TARGET_PERCENT = env.int("PROGRAMME_ONLINE_TARGET_PERCENT", default=50)
PROGRAMME_DASHBOARD_CACHE_SECONDS = env.int("PROGRAMME_DASHBOARD_CACHE_SECONDS", default=600)
# Days a dossier may wait for its commune's check, and for its province council (from the commune's
# acceptance to the council's result), before the programme staff dashboard flags it overdue.
OCOP_COMMUNE_CHECK_DAYS = env.int("OCOP_COMMUNE_CHECK_DAYS", default=15)
OCOP_COUNCIL_DAYS = env.int("OCOP_COUNCIL_DAYS", default=30)

# --- Sellers ------------------------------------------------------------------------------
# Commission the marketplace keeps on delivered sales, unless staff set a seller's own rate.
SELLER_COMMISSION_RATE = Decimal(env.str("SELLER_COMMISSION_RATE", default="0.05"))
# Hours a seller has to confirm an order line before it is cancelled and restocked.
SELLER_CONFIRMATION_HOURS = env.int("SELLER_CONFIRMATION_HOURS", default=24)
SELLER_STAFF_EMAIL = env.str("SELLER_STAFF_EMAIL", default="ocop@cho-ocop.vn")
# A new seller's first listings wait for a staff check before shoppers see them (sellers.listing_review):
# until SELLER_FIRST_LISTINGS_REVIEWED of its listings were approved, each new one waits.
SELLER_FIRST_LISTINGS_REVIEW = env.bool("SELLER_FIRST_LISTINGS_REVIEW", default=True)
SELLER_FIRST_LISTINGS_REVIEWED = env.int("SELLER_FIRST_LISTINGS_REVIEWED", default=3)
# Shipping, charged per seller's part of an order: a flat fee, free from a subtotal (whole đồng).
SHIPPING_FEE_PER_SELLER_VND = env.int("SHIPPING_FEE_PER_SELLER_VND", default=30_000)
SHIPPING_FREE_FROM_VND = env.int("SHIPPING_FREE_FROM_VND", default=500_000)

# --- Checkout and payment ---------------------------------------------------------------
# Cash on delivery is always offered. VietQR needs the shop's bank account (a BIN from the
# vietnam-qr-pay bank list, e.g. 970436 Vietcombank); with none set the option is hidden.
VIETQR_BANK_BIN = env.str("VIETQR_BANK_BIN", default="")
VIETQR_ACCOUNT_NUMBER = env.str("VIETQR_ACCOUNT_NUMBER", default="")
VIETQR_ACCOUNT_NAME = env.str("VIETQR_ACCOUNT_NAME", default="")
# Cards through Stripe (VND is zero-decimal): hidden unless both API keys are set.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="https://api.stripe.com")
# Stripe's minimum charge is about USD 0.50; below this total the card option is hidden.
STRIPE_MINIMUM_VND = env.int("STRIPE_MINIMUM_VND", default=20_000)
# An order paid by card and still unpaid after this is cancelled and its stock given back.
CARD_PAYMENT_TIMEOUT_MINUTES = env.int("CARD_PAYMENT_TIMEOUT_MINUTES", default=60)
# Guest order look-ups allowed in 15 minutes per client (its address, see TRUSTED_PROXY_COUNT) and
# per order number whatever the client, so many addresses cannot guess one order's e-mail.
ORDER_LOOKUP_ATTEMPTS = env.int("ORDER_LOOKUP_ATTEMPTS", default=10)
ORDER_LOOKUP_ATTEMPTS_PER_NUMBER = env.int("ORDER_LOOKUP_ATTEMPTS_PER_NUMBER", default=10)
# An order paid by VietQR transfer and still unpaid after this is cancelled and its stock given back.
VIETQR_PAYMENT_TIMEOUT_HOURS = env.int("VIETQR_PAYMENT_TIMEOUT_HOURS", default=24)
CELERY_BEAT_SCHEDULE["cancel-unpaid-orders"] = {
    "task": "payments.tasks.cancel_unpaid_orders",
    "schedule": 5 * 60,
}
# Stock-alert confirmations anyone may have us e-mail: per client address an hour, per e-mail address a day.
ALERT_CONFIRMATIONS_PER_CLIENT = env.int("ALERT_CONFIRMATIONS_PER_CLIENT", default=10)
ALERT_CONFIRMATIONS_PER_ADDRESS = env.int("ALERT_CONFIRMATIONS_PER_ADDRESS", default=3)
# Reviews are for signed-in buyers whose order line was delivered (marketplace.catalogue.reviews).
OSCAR_ALLOW_ANON_REVIEWS = False

# Password of the demo accounts `load_demo_data` creates (local and staging sites only).
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="ocop-demo-2026")
# Demo data is loaded only on request (compose runs `load_demo_data` only with LOAD_DEMO_DATA=true).
LOAD_DEMO_DATA = env.bool("LOAD_DEMO_DATA", default=False)
# The demo seller accounts (…@demo.cho-ocop.vn) sign in only in debug mode or when demo data was asked for.
DEMO_ACCOUNTS_ENABLED = env.bool("DEMO_ACCOUNTS_ENABLED", default=DEBUG or LOAD_DEMO_DATA)

# --- Sign-in throttling (django-axes) ---------------------------------------------------------
# The same on every login form (shop, Oscar dashboard, Wagtail, Django admin): after
# AXES_FAILURE_LIMIT wrong passwords for one account from one address, that account is locked
# from that address for AXES_COOLOFF_MINUTES. Staff unlock in /django-admin/axes/accessattempt/.
# Attempts are rows in the database, so every process counts them together.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "marketplace.users.backends.axes_username"
# The client address as the guest order look-up takes it (behind TRUSTED_PROXY_COUNT proxies).
AXES_CLIENT_IP_CALLABLE = "marketplace.deployment.client.client_address"
AXES_LOCKOUT_CALLABLE = "marketplace.users.backends.axes_lockout_response"

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail's live preview shows the page in a same-origin iframe; other sites still cannot frame us.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Reverse proxies in front of the app (nginx in compose: 1). Only then are X-Forwarded-For and
# X-Forwarded-Proto the proxy's word; with none, they are whatever the client wrote, and ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Only for a proxy that rewrites Host and passes the original on (ours keeps Host as it is).
USE_X_FORWARDED_HOST = bool(TRUSTED_PROXY_COUNT) and env.bool("DJANGO_USE_X_FORWARDED_HOST", default=False)
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)

# The agri-tourism map's background tiles (programme, /ban-do/): any XYZ tile server; its origin joins img-src.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
_map_tiles = urlsplit(MAP_TILE_URL)
MAP_TILE_ORIGIN = f"{_map_tiles.scheme}://{_map_tiles.netloc.replace('{s}', '*')}" if _map_tiles.netloc else ""

# Content-Security-Policy (django-csp; marketplace.security adds Stripe on the card page and relaxes
# the admin pages). No inline script without the request's nonce; no <style> element; style
# attributes are allowed because Oscar's basket markup hides elements with them (an attribute runs
# no script and selects nothing). Images from the site and data: URLs; videos from their players.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
CSP_ADMIN_PREFIXES = ["/cms-admin/", "/django-admin/", "/shop/dashboard/"]
# Powerful browser features no page of ours uses; payment only for Stripe's card form.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": ["self", "https://js.stripe.com"],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
