"""The dashboard's "Review due" panel: per language, how many copies are overdue
and due soon, and the most overdue few."""

from wagtail.admin.ui.components import Component

from .due import counts_by_language, due_items, language_codes_for, may_read

SHOWN = 5


class ReviewDuePanel(Component):
    name = "review_due"
    template_name = "review_dates/panel.html"
    order = 160

    def render_html(self, parent_context=None):
        if not may_read(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        codes = language_codes_for(parent_context["request"].user)
        items = due_items(codes)
        overdue = [item for item in items if item.overdue]
        return {
            "counts": counts_by_language(items, codes),
            "most_overdue": overdue[:SHOWN],
            "more": max(len(overdue) - SHOWN, 0),
        }
