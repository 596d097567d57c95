"""What wagtail-localize's translation editor leaves out: a snippet's review
addresses (its status panel's workflow timeline links to them), and whether the
user may act on the live version from it."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page

from home.editorial.other_language import consequences
from home.editorial.permissions import may_publish

register = template.Library()


@register.simple_tag(takes_context=True)
def may_publish_translation(context, instance):
    """Whether the editor's actions on the live version (stop synchronising,
    convert to an alias) are this user's to take: only for those who publish."""
    return may_publish(context["request"].user, instance)


@register.simple_tag
def snippet_review_urls(instance):
    if isinstance(instance, Page) or not hasattr(instance, "snippet_viewset"):
        return {}
    viewset = instance.snippet_viewset
    return {
        "history": reverse(
            viewset.get_url_name("workflow_history"), args=[quote(instance.pk)]
        ),
        "compare": viewset.get_url_name("revisions_compare"),
    }


@register.simple_tag
def other_language_consequences(page, action):
    """What the action does to the page in the other language (other_language.py)."""
    return consequences(page, action)
