"""Settings shared by every environment; what differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


# Apps

INSTALLED_APPS = [
    "home",
    "home.sign_in",
    "home.outbox",
    # Before wagtail_localize: its templates extend wagtail-localize's own.
    "home.editorial",
    "people",
    "policy",
    "campaigns",
    "bpnc_site.page_cache",
    "bpnc_site.seed",
    "bpnc_site.backups",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_modeladmin",
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
    # After wagtail.admin: replaces the workflow email receivers it connects.
    "home.editorial.notifications",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "bpnc_site.http.health.HealthCheckMiddleware",
    # Every text response not from the page cache (which compresses its own) is
    # gzipped when the browser accepts it: search, 404s, sitemap.xml, forms.
    "bpnc_site.page_cache.encoding.TextGZipMiddleware",
    # Before the rest: a stored page carries the headers they add.
    "bpnc_site.page_cache.serving.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bpnc_site.http.middleware.PublicMethodsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bpnc_site.http.middleware.SiteLocaleMiddleware",
    "bpnc_site.http.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A second factor for staff who may publish or see personal data.
    "home.sign_in.second_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.editorial.admin_language.AdminLanguageMiddleware",
    # After the admin language: malformed admin input is a 4xx in that language.
    "bpnc_site.http.middleware.AdminInputMiddleware",
    # One allowance per address and per account for every password form.
    "home.sign_in.throttle.SignInThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bpnc_site.urls"
WSGI_APPLICATION = "bpnc_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, else a SQLite file beside the project.

DATABASES = {
    "default": env.database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache
# Redis when REDIS_URL is set, shared by every app server; otherwise each process's
# own memory. A Redis outage must only make pages slower, never stall them: short
# timeouts, and a circuit breaker (bpnc_site/cache/breaker.py) that after a
# failure answers every call as a miss for a few seconds and logs the outage once.

# Rate limits (sign-ups, admin sign-in, password resets) are counted where every
# app server and worker sees the same numbers: Redis, or else the database.
if env.text("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "bpnc_site.cache.breaker.BreakerRedisCache",
            "LOCATION": env.text("REDIS_URL"),
            "KEY_PREFIX": "bpnc",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": env.decimal("REDIS_CONNECT_TIMEOUT", 0.25),
                "SOCKET_TIMEOUT": env.decimal("REDIS_TIMEOUT", 0.25),
                "BREAKER_SECONDS": env.whole_number("REDIS_BREAKER_SECONDS", 10),
            },
        }
    }
    CACHES["ratelimit"] = CACHES["default"]
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Made by `manage.py createcachetable` (make run does it).
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bpnc_rate_limits",
        },
    }
RATELIMIT_USE_CACHE = "ratelimit"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Two-factor sign-in (django-otp, home/sign_in/second_factor.py): an
# authenticator app's codes (TOTP), or one-time recovery codes (static tokens,
# `manage.py recovery_codes`). Required of superusers and of every group that may
# publish anything or see sign-ups.
TWO_FACTOR_REQUIRED = env.flag("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "BPNC"

# Admin sign-in throttling (django-axes): failed attempts are kept in the
# database, so every app server sees them.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
# A username is locked only from the address that failed: a guesser is stopped,
# but nobody can lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.sign_in.throttle.locked_out"

# How many proxies (load balancer, CDN) stand between visitors and the app: the
# visitor's address is then read from X-Forwarded-For, counted from the right
# (bpnc_site/http/client_address.py). Rate limits and sign-in throttling use it.
TRUSTED_PROXY_COUNT = env.whole_number("TRUSTED_PROXY_COUNT", 0)
RATELIMIT_IP_META_KEY = "bpnc_site.http.client_address.client_ip"
AXES_CLIENT_IP_CALLABLE = "bpnc_site.http.client_address.client_ip"
# When the cache (Redis) is down the limit cannot be counted: let sign-ups
# through rather than refuse every neighbour until it is back.
RATELIMIT_FAIL_OPEN = True

# i18n

LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
# The language the English content is translated into, through wagtail-localize.
TRANSLATION_TARGET_LANGUAGE = "es"
# The project's catalogue first (it wins), then the Spanish it adds to Wagtail's and
# wagtail-localize's own admin catalogues (locales/packages/es/LC_MESSAGES/*.po).
LOCALE_PATHS = [BASE_DIR / "locales", BASE_DIR / "locales" / "packages"]
TIME_ZONE = "America/Chicago"
USE_I18N = True
USE_TZ = True

# Static and media files

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env.text("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Wagtail

WAGTAIL_SITE_NAME = "Brighton Park Neighborhood Council"
WAGTAILADMIN_USER_LOGIN_FORM = "home.sign_in.forms.LabelledLoginForm"
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# No avatars from gravatar.com: staff email hashes never leave the site; the admin
# shows an uploaded avatar or Wagtail's own default.
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-gravatar-provider-url
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# On PostgreSQL each language is stemmed with its own text-search configuration and
# searched through its own alias (home/search/backend.py); elsewhere Wagtail's
# database backend does plain matching.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "home.search.backend",
            "SEARCH_CONFIG": "english",
        },
        "es": {
            "BACKEND": "home.search.backend",
            "SEARCH_CONFIG": "spanish",
            "AUTO_UPDATE": False,
        },
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "es": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
    }
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Room for a 48-megapixel phone photo; bigger ones take too much memory to resize.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# An image must decode and its storage take it before it is accepted (home/uploads.py)
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.CheckedImageForm"
# Documents are always served through Wagtail's view, which checks the privacy of
# their collection; their files are never linked to directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# A document's content must fit its extension (home/documents.py), and its
# storage take it (home/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.documents.CheckedDocumentForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security (tightened further in production.py)

SECRET_KEY = env.text("SECRET_KEY")
DEBUG = env.flag("DEBUG", False)
ALLOWED_HOSTS = env.names("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.names("CSRF_TRUSTED_ORIGINS")

# Content-Security-Policy (django-csp): public pages run no script but our own files
# (JSON-LD is data, not script), so no 'unsafe-inline' and no nonces, which a page
# cached whole for every visitor would make worthless. Embeds are limited to the
# video sites below, here and in WAGTAILEMBEDS_FINDERS. The Wagtail admin relies on
# inline scripts and styles, so /admin/ is left out. Page previews are rendered under
# the page's own path, so they get, and pass, the live page's policy.
# https://django-csp.readthedocs.io/en/latest/configuration.html
VIDEO_EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": VIDEO_EMBED_ORIGINS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The admin, which relies on inline scripts and styles, under a strict policy in
# report-only mode: browsers report what it would block (to /csp-report/, logged)
# and block nothing. Public pages are left out here: they have the policy above.
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "EXCLUDE_URL_PREFIXES": [
        "/en/",
        "/es/",
        "/language/",
        "/documents/",
        "/media/",
        "/static/",
        "/sitemap.xml",
        "/robots.txt",
    ],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", *VIDEO_EMBED_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "report-uri": ["/csp-report/"],
    },
}
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
# Features no page of ours uses, refused to the page and to embedded frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    ]
}

# Uploaded media is served by the app itself only on local installs
# (make run, make dev); production serves it from shared storage.
SERVE_MEDIA = env.flag("SERVE_MEDIA", False)

# The visitor's language choice, kept for a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60

# Groups whose members may change content only in these languages (snippets; pages
# are limited by page permissions on each language's home page).
LANGUAGE_RESTRICTED_GROUPS = {"Translators": ["es"]}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("es", "Español")]
FORMAT_MODULE_PATH = ["bpnc_site.formats"]

# A new translation starts as a draft, whether its source is live or not: it goes
# live when a moderator approves the translated text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Deleting a translation (or its original) disables its Translation record instead
# of deleting the translated strings with it: translating the page again brings
# back the Spanish of every string that did not change.
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
# Approving publishes the revision the moderator reviewed and previewed, not the
# latest one (a sync or a draft saved during the review stays a draft).
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.editorial.approval.publish_reviewed_revision"

# wagtail-localize's snippet chooser API (/admin/localize/api/snippets/) is a
# Django REST framework view on DRF's defaults: JSON only (the browsable HTML
# renderer needs rest_framework's templates, which are not installed: opening the
# API in a browser was a server error), signed in through the admin's session only.
# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication"
    ],
}

# Machine translation in wagtail-localize's editor: off unless a service is set.
# https://wagtail-localize.org/stable/how-to/integrations/machine-translation/
if env.text("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env.text("DEEPL_API_KEY"),
            "FORMALITY": "prefer_more",
        },
    }
elif env.text("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.text("LIBRETRANSLATE_URL"),
            "API_KEY": env.text("LIBRETRANSLATE_API_KEY"),
        },
    }

# Sign-ups: how many form posts one address may make (django-ratelimit).
SIGNUP_RATE_LIMIT = env.text("SIGNUP_RATE_LIMIT", "10/10m")
# What is kept, and for how long (campaigns/signups/retention.py, stated on the
# privacy page): sign-ups are deleted this many months after the person last
# signed up, unconfirmed ones (where a campaign asks to confirm) after this many
# days; the link to a neighbour's own data works this many hours; requests for
# it per address.
SIGNUP_RETENTION_MONTHS = env.whole_number("SIGNUP_RETENTION_MONTHS", 24)
SIGNUP_CONFIRMATION_DAYS = env.whole_number("SIGNUP_CONFIRMATION_DAYS", 14)
OWN_DATA_LINK_HOURS = env.whole_number("OWN_DATA_LINK_HOURS", 24)
OWN_DATA_RATE_LIMIT = env.text("OWN_DATA_RATE_LIMIT", "5/h")
# Every form that takes a password or a sign-in code (home/sign_in/throttle.py):
# posts per address across every form and username; wrong passwords per username
# from any address; codes and re-entered passwords per signed-in account;
# password-reset requests per address. django-axes also pauses one username at one
# address after AXES_FAILURE_LIMIT wrong passwords.
SIGN_IN_RATE_LIMIT = env.text("SIGN_IN_RATE_LIMIT", "20/30m")
SIGN_IN_USERNAME_RATE_LIMIT = env.text("SIGN_IN_USERNAME_RATE_LIMIT", "10/h")
SIGN_IN_ACCOUNT_RATE_LIMIT = env.text("SIGN_IN_ACCOUNT_RATE_LIMIT", "10/15m")
PASSWORD_RESET_RATE_LIMIT = env.text("PASSWORD_RESET_RATE_LIMIT", "3/h")
# Content-Security-Policy reports (/csp-report/, anyone may post): per address,
# and how many are written to the log site-wide.
CSP_REPORT_RATE_LIMIT = env.text("CSP_REPORT_RATE_LIMIT", "30/10m")
CSP_REPORT_LOG_LIMIT = env.text("CSP_REPORT_LOG_LIMIT", "100/h")

# Anonymous page cache (bpnc_site/page_cache/): whole pages for visitors who are
# not logged in, purged exactly when something they show is published or changed.
# Entries live in the "default" cache (local memory unless REDIS_URL is set).
PAGE_CACHE_ENABLED = env.flag("PAGE_CACHE_ENABLED", True)
# Names the release (a commit or build id); stored pages are kept per release
# (bpnc_site/page_cache/store.py: release).
RELEASE = env.text("RELEASE") or env.text("SENTRY_RELEASE")
PAGE_CACHE_TIMEOUT = env.whole_number("PAGE_CACHE_TIMEOUT", 60 * 60 * 24)
# Parts of pages (header, footer, a campaign's demands) stored by path, purged with
# the page: what a render with a query string or for an editor reuses.
PAGE_FRAGMENT_CACHE_ENABLED = env.flag("PAGE_FRAGMENT_CACHE_ENABLED", True)
# After a purge, this many of the purged pages are rendered again in the background
# (bpnc_site/page_cache/warming.py); 0 turns it off.
PAGE_CACHE_WARM_LIMIT = env.whole_number("PAGE_CACHE_WARM_LIMIT", 50)
PAGE_CACHE_ALIAS = "default"
# The longest a server may serve a page stored before a committed change it shows,
# whatever the cache did: each server asks the database at least this often which
# recorded purges still wait, and serves nothing stored at their paths until they
# are applied (bpnc_site/page_cache/store.py: cache_trusted).
PAGE_CACHE_STALENESS_BOUND = env.whole_number("PAGE_CACHE_STALENESS_BOUND", 5)
# With the local-memory cache, app-server processes tell each other what they
# purged through this file (see bpnc_site/page_cache/store.py).
PAGE_CACHE_PURGE_LOG = Path(
    env.text("PAGE_CACHE_PURGE_LOG") or BASE_DIR / "var" / "page-cache-purges.log"
)
# Query parameters added by sharing and advertising (a link shared on Facebook
# carries ?fbclid=…): a URL whose query holds only these gets the stored page of
# its clean URL. Any other parameter still renders the page afresh. "*" ends a prefix.
PAGE_CACHE_IGNORED_PARAMETERS = [
    "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "twclid",
    "ttclid", "li_fat_id", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref",
]  # fmt: skip
# How long a CDN in front of the site may keep a page (Cache-Control s-maxage);
# raise it once the CDN is purged through WAGTAILFRONTENDCACHE.
PAGE_CACHE_CDN_MAX_AGE = env.whole_number("PAGE_CACHE_CDN_MAX_AGE", 0)
# Purges go to every backend here: the app's own cache always, a CDN when configured.
WAGTAILFRONTENDCACHE = {
    "pages": {"BACKEND": "bpnc_site.page_cache.store.PageCachePurgeBackend"},
}
# Each language's pages have their own slugs, so every URL to purge is listed
# explicitly rather than derived by swapping the language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Email: EMAIL_URL (django-environ), printed to the console unless set. Emails are
# queued in the outbox with the action that causes them and sent after it commits
# (home/outbox/); `manage.py send_queued_email --loop` retries what failed.
_email = env.email("consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.whole_number("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "BPNC <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OUTBOX_SEND_AFTER_COMMIT = env.flag("OUTBOX_SEND_AFTER_COMMIT", True)
