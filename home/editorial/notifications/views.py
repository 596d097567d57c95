from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@require_POST
def dismiss_notice(request, notice_id):
    request.user.notices.filter(pk=notice_id).update(dismissed=True)
    return redirect("wagtailadmin_home")


@require_POST
def dismiss_all_notices(request):
    request.user.notices.filter(dismissed=False).update(dismissed=True)
    return redirect("wagtailadmin_home")
