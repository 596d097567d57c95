"""What wagtail-localize's translation editor leaves out of a snippet's status
panel: the addresses of its review history and its revision comparisons, which
the panel's workflow timeline links to once the snippet is in review."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page

register = template.Library()


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
