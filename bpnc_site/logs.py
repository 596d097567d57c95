"""One JSON object per log line, for production (Django's and gunicorn's logs).

Every line has time, level, logger and message. Django's request logs add the
request's method, path and status code; gunicorn's access log adds method,
path, status, bytes and duration. Visitors' addresses are not logged.
"""

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# gunicorn access-log atoms: https://docs.gunicorn.org/en/stable/settings.html#access-log-format
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "s": "status_code",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
}


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", ["levelname", "name", "message"])
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        # Django attaches the request object itself, which is not JSON.
        request = log_data.pop("request", None)
        if hasattr(request, "path") and hasattr(request, "method"):
            log_data["method"] = request.method
            log_data["path"] = request.path
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, field in ACCESS_FIELDS.items():
                log_data[field] = record.args.get(atom)
            if str(log_data["status_code"]).isdigit():
                log_data["status_code"] = int(log_data["status_code"])


def json_logging(level, loggers=()):
    """A logging configuration sending everything to stdout as JSON lines.

    Django's settings and gunicorn's configuration both use it; ``loggers``
    names further loggers to send there without passing them up (gunicorn's).
    """
    stdout = {
        "class": "logging.StreamHandler",
        "stream": "ext://sys.stdout",
        "formatter": "json",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"stdout": stdout},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Replaces Django's own handlers (console only with DEBUG, admin mail).
            "django": {"handlers": ["stdout"], "level": level, "propagate": False},
            # Requests naming another host (scanners trying the bare IP) are
            # refused with a 400, which the access log shows; no traceback each.
            "django.security.DisallowedHost": {"handlers": [], "propagate": False},
            **{
                name: {"handlers": ["stdout"], "level": level, "propagate": False}
                for name in loggers
            },
        },
    }
