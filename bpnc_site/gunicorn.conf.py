"""Gunicorn settings for the production image; each can be changed from the environment.

https://docs.gunicorn.org/en/stable/settings.html
"""

import os

from bpnc_site.logs import json_logging


def _int(name, default):
    return int(os.environ.get(name) or default)


def _cores():
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this container may use
    except AttributeError:
        return os.cpu_count() or 1


bind = f"0.0.0.0:{_int('PORT', 8000)}"
# Gunicorn's rule of thumb, capped: each worker holds its own copy of the site
# (about 100 MB), and more app servers scale further than more workers.
workers = _int("WEB_CONCURRENCY", min(2 * _cores() + 1, 8))
timeout = _int("GUNICORN_TIMEOUT", 30)
# The site is loaded before the port is opened, so a restarted server takes no
# connection it cannot answer at once (without it, requests wait in the queue
# while every worker imports Django and Wagtail).
preload_app = True
# On SIGTERM the port closes and requests already taken are finished first.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so a slow leak never grows; the jitter keeps
# them from all restarting at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

accesslog = "-"
errorlog = "-"
access_log_format = "%(m)s %(U)s %(s)s"
logconfig_dict = json_logging("INFO", loggers=["gunicorn.error", "gunicorn.access"])

# The heartbeat file on memory, not the container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No runtime control socket: containers are managed by replacing them.
control_socket_disable = True
