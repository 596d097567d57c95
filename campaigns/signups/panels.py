"""The dashboard panel of sign-ups per week (campaigns/signups/chart.py)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .chart import COLOURS, WEEKS, signup_charts


def chart_context():
    return {
        "charts": signup_charts(),
        "weeks": WEEKS,
        "legend": [
            (code, _(name), COLOURS.get(code, "#555"))
            for code, name in settings.LANGUAGES
        ],
    }


class SignupChartPanel(Component):
    name = "signup_chart"
    template_name = "campaigns/signups/admin/panel.html"
    order = 160

    def get_context_data(self, parent_context):
        return chart_context()
