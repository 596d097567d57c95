"""What one request's render tells the page cache, in one object.

The middleware gives every request a ``RenderContext`` as ``request.page_cache``;
Wagtail's serve (``wagtail_hooks.py``) says which page it serves and whether the
visitor is anonymous, templates store parts of that page (``fragments.py``) and
say when what they show changes (an alert that starts, a meeting that ends), and
the middleware reads it all back to decide whether, and how long, to store the
response. Code outside the site package reaches it only as ``request.page_cache``,
so no app imports this one.
"""

import time

from . import lifetimes


class RenderContext:
    def __init__(self):
        self.page = None  # the page Wagtail serves for this request
        self.started = None  # time.time() its serve began
        self.anonymous = False  # served to a visitor who is not signed in
        self.deadline = None  # timestamp after which the render is stale

    def served(self, page, anonymous):
        self.page, self.started, self.anonymous = page, time.time(), anonymous

    def expire_by(self, moment):
        """The render must not be served after moment (an aware datetime or a
        timestamp); the earliest of several moments counts."""
        if moment is None:
            return
        deadline = moment if isinstance(moment, int | float) else moment.timestamp()
        if self.deadline is None or deadline < self.deadline:
            self.deadline = deadline

    @staticmethod
    def remember(name, language, compute):
        return lifetimes.remember(name, language, compute)


def context_of(request):
    """The request's RenderContext (made here when no middleware made one)."""
    context = getattr(request, "page_cache", None)
    if context is None:
        context = request.page_cache = RenderContext()
    return context
