"""Links to pages in rich text lead only to pages anyone may open.

Wagtail writes a page link in rich text as the linked page's address, whatever
became of the page since the editor chose it. A page made private (on itself or
above it, in any language) or withdrawn keeps its text but loses its address,
as Wagtail already does for a deleted page: the public never meets a link to a
page they may not open, nor its address. One query per rich text value, as
Wagtail's own handler (the restriction check is a subquery of it).
"""

from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from home.models import covered_by_a_restriction


class OpenPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, for pages anyone may open only."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = (
            Page.objects.filter(id__in=ids)
            .exclude(covered_by_a_restriction())
            .defer_streamfields()
            .specific()
        )
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(pk)) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        links = []
        for page in cls.get_many(attrs_list):
            target = page.localized if page is not None else None
            if target is not None and target.live:
                links.append(f'<a href="{escape(target.url)}">')
            else:
                links.append("<a>")
        return links


def use_features(features):
    features.register_link_type(OpenPageLinkHandler)


def connect():
    # After Wagtail's own features (order 0), which register its page handler.
    hooks.register("register_rich_text_features", use_features, order=1)
