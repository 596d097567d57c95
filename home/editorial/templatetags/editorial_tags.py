"""What wagtail-localize's translation editor leaves out: a snippet's review
addresses (its status panel's workflow timeline links to them), whether the
user may act on the live version from it, and the help to translate."""

from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from wagtail.models import Page

from home.editorial.other_language import consequences
from home.editorial.permissions import may_publish
from home.editorial.translation_help import help_for

register = template.Library()

# Each language's name as it reads within a sentence ("del inglés al español").
IN_A_SENTENCE = {
    "en": pgettext_lazy("in a sentence", "English"),
    "es": pgettext_lazy("in a sentence", "Spanish"),
}


@register.simple_tag
def translation_heading(translation):
    """The editor's heading above the segments, in the reader's language."""
    source = translation.source.locale
    target = translation.target_locale
    return gettext("Translation from %(source)s into %(target)s") % {
        "source": IN_A_SENTENCE.get(source.language_code, source.get_display_name()),
        "target": IN_A_SENTENCE.get(target.language_code, target.get_display_name()),
    }


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


@register.inclusion_tag("editorial/translation_help.html", takes_context=True)
def translation_help(context, translation):
    """The panel "Help to translate": each segment still to translate with
    what changed, Spanish from elsewhere on the site and the glossary."""
    helps = help_for(translation)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "to_translate": len(helps),
        "changed": sum(help.changed for help in helps),
        "segments": [help for help in helps if help.offers_something],
    }


@register.simple_tag
def other_language_consequences(page, action):
    """What the action does to the page in the other language (other_language.py)."""
    return consequences(page, action)
