"""The visitor's address, for rate limits and sign-in throttling.

Behind a load balancer or proxy every request comes from the proxy's address;
the visitor's is the one the outermost trusted proxy saw and appended to
X-Forwarded-For. Earlier entries in that header are whatever the client sent
and are never trusted. ``TRUSTED_PROXY_COUNT`` says how many proxies there are
(0, the default, for a server reached directly).
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return remote
    return candidate
