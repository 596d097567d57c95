from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def server_error(request):
    """The 500 page in the visitor's language, without touching the database,
    which may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(
        template.render({"site_name": settings.WAGTAIL_SITE_NAME}, request=None)
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
