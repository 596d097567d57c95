from wagtail import hooks

from .fragments import mark_served
from .serving import mark_cacheable


@hooks.register("before_serve_page")
def cache_pages_served_to_anonymous_visitors(page, request, serve_args, serve_kwargs):
    mark_served(request, page)
    if not request.user.is_authenticated:
        mark_cacheable(request)
