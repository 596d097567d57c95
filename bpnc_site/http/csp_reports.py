"""Where browsers send Content-Security-Policy reports: the admin's report-only
policy says what a strict policy would block, so it can be tightened safely."""

import json
import logging

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)
MAX_REPORT_BYTES = 16 * 1024


@csrf_exempt
def csp_report(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    body = request.body[:MAX_REPORT_BYTES]
    try:
        report = json.loads(body or b"{}")
    except ValueError:
        return HttpResponse(status=400)
    logger.warning("Content-Security-Policy report: %s", json.dumps(report)[:2000])
    return HttpResponse(status=204)
