"""Where browsers send Content-Security-Policy reports: the admin's report-only
policy says what a strict policy would block, so it can be tightened safely.

Anyone can post here, so nothing a sender does may cost the site much: a body
larger than a report ever is gets a 413 before it is read, each address may send
``CSP_REPORT_RATE_LIMIT`` reports (429 after that), and the log takes at most
``CSP_REPORT_LOG_LIMIT`` reports site-wide, each cut to ``MAX_LOGGED_CHARS``.
A browser is never told anything else: reports have no answer to read.
"""

import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from home.throttling import over_limit, retry_after

logger = logging.getLogger(__name__)

# A browser's report is one violation, well under 4 KB; room for long URLs.
MAX_REPORT_BYTES = 16 * 1024
MAX_LOGGED_CHARS = 2000


def _whole_site(group, request):
    return "all"


def log_budget_spent(request):
    """Whether the site-wide allowance of logged reports is used up."""
    return is_ratelimited(
        request,
        group="csp-report-log",
        key=_whole_site,
        rate=settings.CSP_REPORT_LOG_LIMIT,
        method="POST",
        increment=True,
    )


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


@csrf_exempt
def csp_report(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    length = declared_length(request)
    if length is None:
        return HttpResponse(status=400)
    if length > MAX_REPORT_BYTES:
        # Refused on the declared length: the body is never read.
        return HttpResponse(status=413)
    rate = settings.CSP_REPORT_RATE_LIMIT
    if over_limit(request, "csp-report", rate):
        response = HttpResponse(status=429)
        response["Retry-After"] = str(retry_after(rate))
        return response
    try:
        report = json.loads(request.read(MAX_REPORT_BYTES) or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    if not log_budget_spent(request):
        logger.warning(
            "Content-Security-Policy report: %s",
            json.dumps(report)[:MAX_LOGGED_CHARS],
        )
    return HttpResponse(status=204)
