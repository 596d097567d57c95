"""The review-by date in every reviewed snippet's edit form (pages show it in
their Settings tab, from SitePage)."""

from wagtail.admin.panels import FieldPanel

from home.models import public_snippet_models
from home.models.review_dates import reviewed_models


def show_review_dates_in_snippet_forms():
    """Each snippet lists its own panels; the date goes last, once, before
    Wagtail first builds the forms from them."""
    for model in reviewed_models(public_snippet_models()):
        panels = list(getattr(model, "panels", None) or [])
        if any(getattr(panel, "field_name", None) == "review_by" for panel in panels):
            continue
        model.panels = [*panels, FieldPanel("review_by")]
