from wagtail.admin.menu import MenuItem

from .due import may_read


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read(request.user)
