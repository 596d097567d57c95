"""The core models: the base every page type builds on, the home and standard pages,
the organisation settings and the base of every snippet the public sees."""

from .alerts import Alert
from .base import (
    SitePage,
    covered_by_a_restriction,
    image_description_field,
    in_site,
    open_to_all,
    public_pages_of,
)
from .glossary import GlossaryTerm
from .pages import HomePage, HomePageFeaturedCampaign, StandardPage
from .review import ReviewTask, ReviewTaskState
from .settings import OrganisationSettings
from .snippets import PublicSnippet, public_snippet_models

__all__ = [
    "Alert",
    "GlossaryTerm",
    "HomePage",
    "HomePageFeaturedCampaign",
    "OrganisationSettings",
    "PublicSnippet",
    "ReviewTask",
    "ReviewTaskState",
    "SitePage",
    "StandardPage",
    "covered_by_a_restriction",
    "image_description_field",
    "in_site",
    "open_to_all",
    "public_pages_of",
    "public_snippet_models",
]
