from wagtail import hooks

from .context import context_of


@hooks.register("before_serve_page")
def cache_pages_served_to_anonymous_visitors(page, request, serve_args, serve_kwargs):
    context_of(request).served(page, anonymous=not request.user.is_authenticated)
