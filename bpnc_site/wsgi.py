import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bpnc_site.settings.dev")

django_application = get_wsgi_application()

from bpnc_site.page_cache.serving import CachedPagesApplication  # noqa: E402  (needs settings)
from bpnc_site.page_cache.warming import serve_warmed_pages  # noqa: E402

application = CachedPagesApplication(django_application)
serve_warmed_pages()
