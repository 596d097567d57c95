"""The whole admin request in the staff member's own admin language.

Wagtail switches to it only inside each admin view, so what it writes around the
view (the "you do not have permission" message after a refused request) comes
out in the site's language, English, for a Spanish-speaking translator.
"""

from django.utils import translation


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        profile = getattr(user, "wagtail_userprofile", None) if user else None
        if not request.path.startswith("/admin/") or profile is None:
            return self.get_response(request)
        with translation.override(profile.get_preferred_language()):
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response
