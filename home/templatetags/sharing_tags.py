"""Share links for messaging apps (home/sharing)."""

from django import template

from home.sharing.links import share_links

register = template.Library()


@register.simple_tag(takes_context=True)
def share_links_for(context, page):
    return share_links(page, context.get("request"))
