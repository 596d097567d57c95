"""Admin sign-in and password-reset requests counted per address, whatever
username or email they name.

django-axes stops a guesser at one account (per username and address); this
stops one address trying a password across many accounts, and one address
sending reset emails to many people. Counts live in the cache every app server
shares (``RATELIMIT_USE_CACHE``).
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse

from home.throttling import over_limit, retry_after


class AdminThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limits = None

    def _limits(self):
        if self.limits is None:
            self.limits = {
                reverse("wagtailadmin_login"): settings.ADMIN_SIGN_IN_RATE_LIMIT,
                reverse("wagtailadmin_password_reset"): (
                    settings.PASSWORD_RESET_RATE_LIMIT
                ),
            }
        return self.limits

    def __call__(self, request):
        if request.method == "POST":
            rate = self._limits().get(request.path_info)
            if rate and over_limit(request, f"admin:{request.path_info}", rate):
                return too_many_attempts(request, rate)
        return self.get_response(request)


def too_many_attempts(request, rate):
    seconds = retry_after(rate)
    response = TemplateResponse(
        request,
        "errors/admin_throttled.html",
        {"minutes": max(1, seconds // 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response.render()
