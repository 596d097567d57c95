"""``{% pagefragment "header" %}…{% endpagefragment %}``: a part of a page stored
with it (see bpnc_site/page_cache/fragments.py).

Add ``any_query`` when the part never reads the query string (the header, the
footer), so a link with ``?signed-up=1`` still uses it.
"""

from django import template

from ..fragments import fragment_path, keep, lookup
from ..store import FRAGMENT_NAMES

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist, any_query):
        self.name = name
        self.nodelist = nodelist
        self.any_query = any_query

    def render(self, context):
        request = context.get("request")
        path = fragment_path(request, context.get("page"), self.any_query)
        if path is None:
            return self.nodelist.render(context)
        stored = lookup(self.name, path)
        if stored is not None:
            return stored
        content = self.nodelist.render(context)
        keep(self.name, path, request, content)
        return content


@register.tag("pagefragment")
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[1][0] not in "'\"":
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted fragment name, then optionally any_query"
        )
    name = bits[1][1:-1]
    if name not in FRAGMENT_NAMES:
        raise template.TemplateSyntaxError(
            f"Fragment {name!r} is not in page_cache.store.FRAGMENT_NAMES, so "
            "purges would not remove it"
        )
    if len(bits) == 3 and bits[2] != "any_query":
        raise template.TemplateSyntaxError(f"Unknown option {bits[2]!r}")
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(name, nodelist, any_query=len(bits) == 3)
